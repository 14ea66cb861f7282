import { describe, expect, it } from "vitest";
import { ApiError } from "../../../../src/core/http/errors.js";
import { UsageError } from "../../../../src/core/util/usage-error.js";
import { PingOneClient } from "../../../../src/platforms/pingone/client.js";
import { PingOneApiError } from "../../../../src/platforms/pingone/errors.js";
import { CountingTokens } from "../../../core/auth/counting-tokens.js";
import { sendJson } from "../../../core/http/loopback.js";
import { collection, PROMOTIONS, promotion, SOURCE, sendError, setup, TARGET } from "./setup.js";

const EXECUTE = "application/vnd.pingidentity.promotion.execute+json";
const ROLLBACK = "application/vnd.pingidentity.promotion.rollback+json";

describe("PingOneClient requests", () => {
  it("creates a promotion with a JSON body, bearer token, Accept and User-Agent", async () => {
    const { server, client } = await setup((_req, res) =>
      sendJson(res, 201, promotion("p-1", "NEW")),
    );
    const created = await client.createPromotion({
      targetEnvironment: { id: TARGET },
      selectedResources: ["r-1"],
      description: "weekly",
    });
    expect(created).toMatchObject({ id: "p-1", status: "NEW" });
    const [request] = server.requests;
    expect(request?.method).toBe("POST");
    expect(request?.url).toBe(PROMOTIONS);
    expect(request?.headers["content-type"]).toBe("application/json");
    expect(request?.headers.accept).toBe("application/json");
    expect(request?.headers.authorization).toBe("Bearer token-1-s3cr3t");
    expect(request?.headers["user-agent"]).toMatch(/^tenant-promote\/\d+\.\d+\.\d+/);
    expect(JSON.parse(request?.body ?? "")).toEqual({
      targetEnvironment: { id: TARGET },
      selectedResources: ["r-1"],
      description: "weekly",
    });
    expect(client.origin).toBe(server.url);
    expect(client.sourceEnvironmentId).toBe(SOURCE);
  });

  it("calls each endpoint with its method, path and content type", async () => {
    const { server, client } = await setup((req, res) => {
      if (req.method === "DELETE") {
        res.writeHead(204).end();
        return;
      }
      if (req.url.endsWith("/promotionSteps"))
        return sendJson(res, 200, collection("promotionSteps", []));
      if (req.url === PROMOTIONS) return sendJson(res, 200, collection("promotions", []));
      const rollback = req.headers["content-type"] === ROLLBACK;
      sendJson(res, rollback ? 202 : 200, promotion(rollback ? "p-2" : "p/1", "IN_PROGRESS"));
    });
    await client.getPromotion("p/1");
    await client.listPromotions();
    await client.listPromotionSteps("p-1");
    await client.executePromotion("p-1");
    await client.rollbackPromotion("p-1");
    await client.deletePromotion("p-1");
    expect(
      server.requests.map(
        (r) => `${r.method} ${r.url} ${r.headers["content-type"] ?? "-"} ${r.body.length}`,
      ),
    ).toEqual([
      `GET ${PROMOTIONS}/p%2F1 - 0`,
      `GET ${PROMOTIONS} - 0`,
      `GET ${PROMOTIONS}/p-1/promotionSteps - 0`,
      `POST ${PROMOTIONS}/p-1 ${EXECUTE} 0`,
      `POST ${PROMOTIONS}/p-1 ${ROLLBACK} 0`,
      `DELETE ${PROMOTIONS}/p-1 - 0`,
    ]);
  });

  it("reads the promotion when execute answers without one", async () => {
    const { server, client } = await setup((req, res) => {
      if (req.method === "POST") {
        res.writeHead(202).end();
        return;
      }
      sendJson(res, 200, promotion("p-1", "IN_PROGRESS"));
    });
    expect(await client.executePromotion("p-1")).toMatchObject({ status: "IN_PROGRESS" });
    expect(server.requests.map((r) => r.method)).toEqual(["POST", "GET"]);
  });

  it("counts a 404 on delete as already gone, and reports a 400", async () => {
    const { client } = await setup((req, res) =>
      req.url.endsWith("/gone")
        ? sendError(res, 404, "NOT_FOUND", "Unable to find promotion")
        : sendError(res, 400, "INVALID_REQUEST", "Promotion is IN_PROGRESS"),
    );
    await expect(client.deletePromotion("gone")).resolves.toBeUndefined();
    const error = await client.deletePromotion("busy").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PingOneApiError);
    expect((error as PingOneApiError).status).toBe(400);
  });

  it("rejects an API URL that is plain http to a non-loopback host", () => {
    const make = () =>
      new PingOneClient({
        apiUrl: "http://api.pingone.com",
        sourceEnvironmentId: SOURCE,
        tokens: new CountingTokens(),
      });
    expect(make).toThrow(UsageError);
  });
});

describe("PingOneClient paging and filter", () => {
  it("follows next links across pages and sends the status filter", async () => {
    const { server, client } = await setup((req, res) => {
      const url = new URL(req.url, server.url);
      const cursor = url.searchParams.get("cursor");
      if (cursor === null) {
        return sendJson(
          res,
          200,
          collection(
            "promotions",
            [promotion("p-1", "READY")],
            `${server.url}${PROMOTIONS}?cursor=c2&filter=x`,
          ),
        );
      }
      if (cursor === "c2") {
        return sendJson(
          res,
          200,
          collection("promotions", [promotion("p-2", "READY")], `${PROMOTIONS}?cursor=c3`),
        );
      }
      sendJson(res, 200, collection("promotions", [promotion("p-3", "READY")]));
    });
    const list = await client.listPromotions({ status: "READY" });
    expect(list.map((p) => p.id)).toEqual(["p-1", "p-2", "p-3"]);
    expect(server.requests.map((r) => r.url)).toEqual([
      `${PROMOTIONS}?filter=status%20eq%20%22READY%22`,
      `${PROMOTIONS}?cursor=c2&filter=x`,
      `${PROMOTIONS}?cursor=c3`,
    ]);
    const filter = new URL(server.requests[0]?.url ?? "", server.url).searchParams.get("filter");
    expect(filter).toBe('status eq "READY"');
  });

  it("refuses to follow a next link to another host", async () => {
    const { server, client } = await setup((_req, res) =>
      sendJson(
        res,
        200,
        collection("promotions", [promotion("p-1", "NEW")], "https://evil.example/v1/next"),
      ),
    );
    const error = (await client.listPromotions().catch((e: unknown) => e)) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.message).toContain("evil.example");
    expect(server.requests).toHaveLength(1);
  });

  it("stops when next links go round in circles", async () => {
    const { server, client } = await setup((_req, res) =>
      sendJson(res, 200, collection("promotions", [], `${PROMOTIONS}?cursor=same`)),
    );
    await expect(client.listPromotions()).rejects.toThrow(/do not end/);
    expect(server.requests).toHaveLength(2);
  });

  it("reads a collection without _embedded as empty", async () => {
    const { client } = await setup((_req, res) => sendJson(res, 200, { count: 0, _links: {} }));
    expect(await client.listPromotions()).toEqual([]);
  });

  it("pages through promotion steps and keeps their payloads", async () => {
    const step = (n: number) => ({
      id: `s-${n}`,
      action: "PUT",
      resourceUrl: `https://api.pingone.com/v1/environments/${TARGET}/populations/${n}`,
      payload: { name: `pop ${n}` },
      futureField: n,
    });
    const { client } = await setup((req, res) =>
      req.url.includes("cursor")
        ? sendJson(res, 200, collection("promotionSteps", [step(2)]))
        : sendJson(
            res,
            200,
            collection("promotionSteps", [step(1)], `${PROMOTIONS}/p-1/promotionSteps?cursor=2`),
          ),
    );
    const steps = await client.listPromotionSteps("p-1");
    expect(steps).toEqual([step(1), step(2)]);
  });

  it("rejects a step without a resourceUrl and a promotion without a status", async () => {
    const { client } = await setup((req, res) =>
      req.url.endsWith("promotionSteps")
        ? sendJson(res, 200, collection("promotionSteps", [{ action: "PUT" }]))
        : sendJson(res, 200, collection("promotions", [{ id: "p-1" }])),
    );
    await expect(client.listPromotionSteps("p-1")).rejects.toThrow(
      /item 0 of _embedded.promotionSteps has no "resourceUrl"/,
    );
    await expect(client.listPromotions()).rejects.toThrow(
      /item 0 of _embedded.promotions has no "status"/,
    );
  });

  it("refuses a status filter that is not a status name", async () => {
    const { client, server } = await setup(() => {});
    await expect(client.listPromotions({ status: 'READY" or "1' })).rejects.toThrow(
      /not a status name/,
    );
    expect(server.requests).toHaveLength(0);
  });
});
