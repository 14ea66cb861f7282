import { describe, expect, it } from "vitest";
import { ApiError, RequestTimeoutError } from "../../../../src/core/http/errors.js";
import { PATH, setup } from "./client-setup.js";
import { sendJson } from "./loopback.js";

describe("AicClient requests", () => {
  it("sends the API version, bearer token, user agent and JSON body", async () => {
    const { server, client } = await setup((_req, res) =>
      sendJson(res, 202, { result: "started" }),
    );
    const reply = await client.promote({ dryRun: true, promotionDescription: "weekly" });
    expect(reply).toEqual({ result: "started" });
    const [request] = server.requests;
    expect(request?.method).toBe("POST");
    expect(request?.url).toBe(`${PATH}/promote`);
    expect(request?.headers["accept-api-version"]).toBe("resource=1.0");
    expect(request?.headers.authorization).toBe("Bearer token-1-s3cr3t");
    expect(request?.headers["content-type"]).toBe("application/json");
    expect(request?.headers["user-agent"]).toMatch(/^tenant-promote\/\d+\.\d+\.\d+/);
    expect(JSON.parse(request?.body ?? "")).toEqual({
      dryRun: true,
      promotionDescription: "weekly",
    });
    expect(client.origin).toBe(server.url);
  });

  it("calls each endpoint with its method and path", async () => {
    const { server, client } = await setup((req, res) => {
      if (req.url.endsWith("/reports")) return sendJson(res, 200, []);
      if (req.url.endsWith("/lock/state")) return sendJson(res, 200, { result: "unlocked" });
      if (req.method === "GET" && req.url.endsWith("/promote"))
        return sendJson(res, 200, { status: "READY" });
      sendJson(res, 200, { result: "ok" });
    });
    await client.getLockState();
    await client.lock();
    await client.unlock("a/b c");
    await client.getInfo();
    await client.getPromotionStatus();
    await client.rollback({ promoter: "ci" });
    await client.getReport();
    await client.getReport("r-1");
    await client.listReports();
    await client.getProvisionalReport();
    await client.getProvisionalRollbackReport();
    expect(server.requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      `GET ${PATH}/lock/state`,
      `POST ${PATH}/lock`,
      `DELETE ${PATH}/lock/a%2Fb%20c`,
      `GET ${PATH}/info`,
      `GET ${PATH}/promote`,
      `POST ${PATH}/rollback`,
      `GET ${PATH}/report`,
      `GET ${PATH}/report/r-1`,
      `GET ${PATH}/reports`,
      `GET ${PATH}/report/provisional`,
      `GET ${PATH}/report/provisional-rollback`,
    ]);
  });
});

describe("AicClient parsing", () => {
  it("keeps unknown fields and both kinds of change entries", async () => {
    const report = {
      reportId: "r-1",
      createdDate: "2024-06-12T17:32:05Z",
      futureField: { nested: [1, 2] },
      report: {
        IDMConfig: [
          {
            configItem: "Email > Templates",
            configChange: { added: ["Forgotten Username"] },
            fileDestinationPattern: "idm/conf/emailTemplate-*.json",
          },
        ],
        AMConfig: [
          {
            configItem: "Journeys",
            configChange: { modified: [{ name: "Login", realm: "alpha", uid: "u1", x: 1 }] },
          },
        ],
        NewArea: [{ configItem: "x" }],
      },
    };
    const { client } = await setup((_req, res) => sendJson(res, 200, report));
    expect(await client.getReport("r-1")).toEqual(report);
  });

  it("reads an empty 2xx body as {}", async () => {
    const { client } = await setup((_req, res) => {
      res.writeHead(202);
      res.end();
    });
    expect(await client.lock()).toEqual({});
  });

  it.each([
    ["a reply that is not JSON", "<html>login</html>", /not JSON/],
    ["a reports list that is not an array", '{"reports":[]}', /expected a JSON array/],
    ["a reports list of non-objects", '["a"]', /item 0 .* expected an object/],
  ])("rejects %s with an ApiError", async (_name, body, message) => {
    const { client } = await setup((_req, res) => {
      res.writeHead(200, { "content-type": "text/html" });
      res.end(body);
    });
    const error = await client.listReports().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).message).toMatch(message);
    expect((error as ApiError).message).not.toContain("login");
  });

  it("rejects a lock state without a result", async () => {
    const { client } = await setup((_req, res) => sendJson(res, 200, { description: "?" }));
    await expect(client.getLockState()).rejects.toThrow(/no "result"/);
  });
});

describe("AicClient errors", () => {
  it("turns a 409 into an ApiError with the server's code and message, without retrying", async () => {
    const { server, client } = await setup((_req, res) =>
      sendJson(res, 409, { code: 409, message: "Environment is already locked for promotion p-9" }),
    );
    const error = (await client.lock().catch((e: unknown) => e)) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(409);
    expect(error.serverCode).toBe(409);
    expect(error.serverMessage).toBe("Environment is already locked for promotion p-9");
    expect(error.endpoint).toEqual({ method: "POST", path: `${PATH}/lock`, origin: server.url });
    expect(error.outcomeUnknown).toBe(false);
    expect(error.message).toContain(`POST ${server.url}${PATH}/lock answered HTTP 409`);
    expect(server.requests).toHaveLength(1);
  });

  it("does not follow a redirect and names where it pointed", async () => {
    const { server, client } = await setup((_req, res) => {
      res.writeHead(302, { location: "https://elsewhere.example/login" });
      res.end();
    });
    const error = (await client.getInfo().catch((e: unknown) => e)) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(302);
    expect(error.message).toContain("elsewhere.example");
    expect(server.requests).toHaveLength(1);
  });

  it("times out a request that gets no answer", async () => {
    const { server, client } = await setup(() => {}, { requestTimeoutMs: 100 });
    const started = Date.now();
    const error = (await client.lock().catch((e: unknown) => e)) as RequestTimeoutError;
    expect(error).toBeInstanceOf(RequestTimeoutError);
    expect(error.outcomeUnknown).toBe(true);
    expect(error.message).toContain(`POST ${server.url}${PATH}/lock`);
    expect(server.requests).toHaveLength(1);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it("stops at once when the signal aborts, with the signal's reason", async () => {
    const { client } = await setup(() => {});
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error("cancelled by user")), 50);
    await expect(client.getLockState(controller.signal)).rejects.toThrow("cancelled by user");
  });

  it("stops waiting for a retry when the signal aborts", async () => {
    const { client } = await setup((_req, res) => sendJson(res, 503, {}, { "retry-after": "60" }), {
      retry: { retries: 3, baseDelayMs: 1, maxDelayMs: 60_000 },
    });
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error("stop")), 100);
    const started = Date.now();
    await expect(client.getLockState(controller.signal)).rejects.toThrow("stop");
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it("never puts the token or the request body in error messages", async () => {
    const { client } = await setup((req, res) =>
      sendJson(
        res,
        400,
        { code: 400, message: "bad request" },
        { "x-echo": req.body.length.toString() },
      ),
    );
    const error = (await client
      .promote({ dryRun: false, promotionDescription: "body-secret-text" })
      .catch((e: unknown) => e)) as Error;
    expect(error.message).not.toContain("s3cr3t");
    expect(error.message).not.toContain("body-secret-text");
    expect(error.message).not.toMatch(/bearer/i);
  });
});

describe("AicClient 401 handling", () => {
  it("re-mints the token once after a 401, for a POST too", async () => {
    const { server, client, tokens } = await setup((req, res) => {
      if (req.headers.authorization === "Bearer token-1-s3cr3t") {
        return sendJson(res, 401, { code: 401, message: "unauthorized" });
      }
      sendJson(res, 202, { result: "locking", promotionId: "p-1" });
    });
    expect(await client.lock()).toEqual({ result: "locking", promotionId: "p-1" });
    expect(tokens.invalidated).toBe(1);
    expect(server.requests.map((r) => r.headers.authorization)).toEqual([
      "Bearer token-1-s3cr3t",
      "Bearer token-2-s3cr3t",
    ]);
  });

  it("gives up with ApiError 401 when the fresh token is refused too", async () => {
    const { server, client } = await setup((_req, res) =>
      sendJson(res, 401, { code: 401, message: "unauthorized" }),
    );
    const error = (await client.getLockState().catch((e: unknown) => e)) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(401);
    expect(error.serverMessage).toBe("unauthorized");
    expect(server.requests).toHaveLength(2);
  });
});
