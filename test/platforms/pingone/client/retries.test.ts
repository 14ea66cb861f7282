import { describe, expect, it } from "vitest";
import { ApiError, NetworkError } from "../../../../src/core/http/errors.js";
import { PingOneApiError } from "../../../../src/platforms/pingone/errors.js";
import { sendJson } from "../../../core/http/loopback.js";
import { PROMOTIONS, promotion, sendError, setup, TARGET } from "./setup.js";

const CREATE = { targetEnvironment: { id: TARGET } };

describe("PingOneClient errors", () => {
  it("turns the error envelope into a PingOneApiError, without retrying a 400", async () => {
    const details = [
      { code: "REQUIRED_VALUE", target: "targetEnvironment.id", message: "must not be null" },
      { code: "INVALID_VALUE", target: "selectedResources", message: "too many" },
    ];
    const { server, client } = await setup((_req, res) =>
      sendError(res, 400, "INVALID_DATA", "The request could not be completed.", details),
    );
    const error = (await client
      .createPromotion(CREATE)
      .catch((e: unknown) => e)) as PingOneApiError;
    expect(error).toBeInstanceOf(PingOneApiError);
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(400);
    expect(error.code).toBe("INVALID_DATA");
    expect(error.serverCode).toBe("INVALID_DATA");
    expect(error.details).toEqual(details);
    expect(error.errorId).toBe("err-400");
    expect(error.outcomeUnknown).toBe(false);
    expect(error.endpoint).toEqual({ method: "POST", path: PROMOTIONS, origin: server.url });
    expect(error.message).toContain(`POST ${server.url}${PROMOTIONS} answered HTTP 400`);
    expect(error.message).toContain("REQUIRED_VALUE at targetEnvironment.id: must not be null");
    expect(error.message).not.toContain("s3cr3t");
    expect(error.message).not.toMatch(/bearer/i);
    expect(server.requests).toHaveLength(1);
  });

  it("reads a gateway's HTML error by its status alone", async () => {
    const { client } = await setup((_req, res) => {
      res.writeHead(502, { "content-type": "text/html" });
      res.end("<html>bad gateway</html>");
    });
    const error = (await client.deletePromotion("p-1").catch((e: unknown) => e)) as PingOneApiError;
    expect(error).toBeInstanceOf(PingOneApiError);
    expect(error.code).toBeUndefined();
    expect(error.details).toEqual([]);
    expect(error.message).not.toContain("html");
  });

  it("does not follow a redirect", async () => {
    const { server, client } = await setup((_req, res) => {
      res.writeHead(302, { location: "https://login.example/" });
      res.end();
    });
    const error = (await client.getPromotion("p-1").catch((e: unknown) => e)) as ApiError;
    expect(error.status).toBe(302);
    expect(error.message).toContain("login.example");
    expect(server.requests).toHaveLength(1);
  });

  it("treats a created promotion without an id as outcome unknown", async () => {
    const { client } = await setup((_req, res) => sendJson(res, 201, { status: "NEW" }));
    const error = (await client.createPromotion(CREATE).catch((e: unknown) => e)) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.outcomeUnknown).toBe(true);
    expect(error.message).toContain('reply has no "id"');
  });
});

describe("PingOneClient retries", () => {
  it.each([429, 503])("re-sends a POST refused with %i after its Retry-After", async (status) => {
    const { server, client, logger } = await setup(
      (_req, res, index) =>
        index === 0
          ? sendError(res, status, "REQUEST_LIMITED", "slow down", undefined, {
              "retry-after": "1",
            })
          : sendJson(res, 201, promotion("p-1", "NEW")),
      { retry: { retries: 2, baseDelayMs: 1, maxDelayMs: 20 } },
    );
    const started = Date.now();
    expect(await client.createPromotion(CREATE)).toMatchObject({ id: "p-1" });
    // Retry-After 1 s is capped at maxDelayMs * 4 = 80 ms.
    expect(Date.now() - started).toBeGreaterThanOrEqual(75);
    expect(server.requests).toHaveLength(2);
    expect(logger.lines).toEqual([
      `warn: POST ${server.url}${PROMOTIONS} answered HTTP ${status}; retry 1/2 in 80ms`,
    ]);
  });

  it("waits for innerError.retryAfter when there is no header", async () => {
    const details = [
      {
        code: "LIMIT_EXCEEDED",
        message: "rate limit",
        innerError: { retryAfter: new Date(Date.now() + 30_000).toISOString(), quotaLimit: 100 },
      },
    ];
    const { server, client, logger } = await setup(
      (_req, res, index) =>
        index < 2
          ? sendError(res, 429, "REQUEST_LIMITED", "Too many", details)
          : sendJson(res, 200, promotion("p-1", "READY")),
      { retry: { retries: 1, baseDelayMs: 1, maxDelayMs: 10 } },
    );
    const error = (await client.getPromotion("p-1").catch((e: unknown) => e)) as PingOneApiError;
    expect(error).toBeInstanceOf(PingOneApiError);
    expect(error.retryAfterMs).toBeGreaterThan(25_000);
    expect(logger.lines[0]).toContain("HTTP 429; retry 1/1 in 40ms");
    expect(server.requests).toHaveLength(2);
  });

  it.each([
    [500, "UNEXPECTED_ERROR"],
    [500, "SOMETHING"],
    [502, undefined],
    [504, undefined],
  ])("retries a read answered %i %s", async (status, code) => {
    const { server, client } = await setup((_req, res, index) =>
      index === 0
        ? sendJson(res, status, code ? { code, message: "oops" } : {})
        : sendJson(res, 200, promotion("p-1", "READY")),
    );
    expect(await client.getPromotion("p-1")).toMatchObject({ status: "READY" });
    expect(server.requests).toHaveLength(2);
  });

  it("does not retry a read refused with 403", async () => {
    const { server, client } = await setup((_req, res) =>
      sendError(res, 403, "ACCESS_FAILED", "Insufficient permissions"),
    );
    await expect(client.listPromotions()).rejects.toMatchObject({
      status: 403,
      code: "ACCESS_FAILED",
    });
    expect(server.requests).toHaveLength(1);
  });

  it.each([
    [500, "UNEXPECTED_ERROR"],
    [502, undefined],
    [504, undefined],
  ])("never re-sends a POST answered %i: outcome unknown", async (status, code) => {
    const { server, client } = await setup((_req, res) =>
      sendJson(res, status, code ? { code, message: "x" } : {}),
    );
    for (const call of [
      () => client.createPromotion(CREATE),
      () => client.executePromotion("p-1"),
    ]) {
      const error = (await call().catch((e: unknown) => e)) as PingOneApiError;
      expect(error).toBeInstanceOf(PingOneApiError);
      expect(error.outcomeUnknown).toBe(true);
    }
    expect(server.requests).toHaveLength(2);
  });

  it.each(["POST", "DELETE"])("never re-sends a %s whose connection dropped", async (method) => {
    const { server, client } = await setup((_req, res) => {
      res.socket?.destroy();
    });
    const call =
      method === "POST" ? client.rollbackPromotion("p-1") : client.deletePromotion("p-1");
    const error = (await call.catch((e: unknown) => e)) as NetworkError;
    expect(error).toBeInstanceOf(NetworkError);
    expect(error.outcomeUnknown).toBe(true);
    expect(server.requests).toHaveLength(1);
  });

  it("re-sends a read whose connection dropped", async () => {
    const { server, client, logger } = await setup((_req, res, index) => {
      if (index === 0) res.socket?.destroy();
      else sendJson(res, 200, { _embedded: { promotions: [] } });
    });
    expect(await client.listPromotions()).toEqual([]);
    expect(server.requests).toHaveLength(2);
    expect(logger.lines[0]).toMatch(/GET .*\/promotions failed \(UND_ERR_SOCKET\); retry 1\/3/);
  });
});

describe("PingOneClient 401 handling", () => {
  it("asks for a fresh token once after a 401, even on a POST", async () => {
    const { server, client, tokens } = await setup((req, res) =>
      req.headers.authorization === "Bearer token-1-s3cr3t"
        ? sendError(res, 401, "ACCESS_FAILED", "The request could not be completed.", [
            { code: "INVALID_TOKEN", message: "expired" },
          ])
        : sendJson(res, 200, promotion("p-1", "IN_PROGRESS")),
    );
    expect(await client.executePromotion("p-1")).toMatchObject({ status: "IN_PROGRESS" });
    expect(tokens.invalidated).toBe(1);
    expect(server.requests.map((r) => r.headers.authorization)).toEqual([
      "Bearer token-1-s3cr3t",
      "Bearer token-2-s3cr3t",
    ]);
  });

  it("gives up when the fresh token is refused too", async () => {
    const { server, client } = await setup((_req, res) =>
      sendError(res, 401, "ACCESS_FAILED", "unauthorized"),
    );
    await expect(client.getPromotion("p-1")).rejects.toMatchObject({ status: 401 });
    expect(server.requests).toHaveLength(2);
  });
});
