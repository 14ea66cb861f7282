import { describe, expect, it } from "vitest";
import { ApiError, NetworkError } from "../../../../src/core/http/errors.js";
import { PATH, setup } from "./client-setup.js";
import { closedPortUrl, sendJson } from "./loopback.js";

const OK_STATE = { result: "unlocked", description: "Environment unlocked" };

describe("AicClient retries", () => {
  it("retries a 503 after the Retry-After seconds (capped) and logs the retry", async () => {
    const { server, client, logger } = await setup(
      (_req, res, index) =>
        index === 0 ? sendJson(res, 503, {}, { "retry-after": "1" }) : sendJson(res, 200, OK_STATE),
      { retry: { retries: 3, baseDelayMs: 1, maxDelayMs: 25 } },
    );
    const started = Date.now();
    expect(await client.getLockState()).toEqual(OK_STATE);
    // Retry-After 1 s is capped at maxDelayMs * 4 = 100 ms.
    expect(Date.now() - started).toBeGreaterThanOrEqual(95);
    expect(server.requests).toHaveLength(2);
    expect(logger.lines).toEqual([
      `warn: GET ${server.url}${PATH}/lock/state answered HTTP 503; retry 1/3 in 100ms`,
    ]);
  });

  it("retries a 429 with a Retry-After HTTP date", async () => {
    const { server, client, logger } = await setup(
      (_req, res, index) =>
        index === 0
          ? sendJson(res, 429, {}, { "retry-after": new Date(Date.now() + 5000).toUTCString() })
          : sendJson(res, 202, { result: "locking", promotionId: "p-1" }),
      { retry: { retries: 2, baseDelayMs: 1, maxDelayMs: 10 } },
    );
    expect(await client.lock()).toEqual({ result: "locking", promotionId: "p-1" });
    expect(server.requests).toHaveLength(2);
    expect(logger.lines[0]).toContain("HTTP 429; retry 1/2 in 40ms");
  });

  it("gives up after the configured retries with the last ApiError", async () => {
    const { server, client, logger } = await setup((_req, res) =>
      sendJson(res, 502, { code: 502, message: "Bad Gateway" }),
    );
    const error = (await client.unlock("p-1").catch((e: unknown) => e)) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(502);
    expect(server.requests).toHaveLength(4);
    expect(logger.lines).toHaveLength(3);
  });

  it("retries a 500 on a GET", async () => {
    const { server, client } = await setup((_req, res, index) =>
      index === 0
        ? sendJson(res, 500, { code: 500, message: "oops" })
        : sendJson(res, 200, { status: "READY" }),
    );
    expect(await client.getPromotionStatus()).toEqual({ status: "READY" });
    expect(server.requests).toHaveLength(2);
  });

  it.each([500, 502, 504])(
    "does not re-send a POST answered %i: outcome unknown",
    async (status) => {
      const { server, client } = await setup((_req, res) =>
        sendJson(res, status, { code: status, message: "x" }),
      );
      const error = (await client.promote({ dryRun: false }).catch((e: unknown) => e)) as ApiError;
      expect(error).toBeInstanceOf(ApiError);
      expect(error.status).toBe(status);
      expect(error.outcomeUnknown).toBe(true);
      expect(server.requests.filter((r) => r.method === "POST")).toHaveLength(1);
    },
  );

  it("re-sends a POST refused with 503", async () => {
    const { server, client } = await setup((_req, res, index) =>
      index === 0 ? sendJson(res, 503, {}) : sendJson(res, 202, { result: "rollback started" }),
    );
    expect(await client.rollback({})).toEqual({ result: "rollback started" });
    expect(server.requests).toHaveLength(2);
  });

  it("does not re-send a POST whose connection dropped after the server read it", async () => {
    const { server, client } = await setup((_req, res) => {
      res.socket?.destroy();
    });
    const error = (await client.lock().catch((e: unknown) => e)) as NetworkError;
    expect(error).toBeInstanceOf(NetworkError);
    expect(error.outcomeUnknown).toBe(true);
    expect(error.message).toContain(`POST ${server.url}${PATH}/lock failed`);
    expect(server.requests).toHaveLength(1);
  });

  it("re-sends a GET whose connection dropped", async () => {
    const { server, client, logger } = await setup((_req, res, index) => {
      if (index === 0) res.socket?.destroy();
      else sendJson(res, 200, OK_STATE);
    });
    expect(await client.getLockState()).toEqual(OK_STATE);
    expect(server.requests).toHaveLength(2);
    expect(logger.lines[0]).toMatch(
      /GET .*\/lock\/state failed \(UND_ERR_SOCKET\); retry 1\/3 in \d+ms/,
    );
  });

  it("fails at once when a host that never answered refuses the connection: a wrong URL or a stopped server", async () => {
    const { client, logger } = await setup(() => {}, { baseUrl: await closedPortUrl() });
    const error = (await client.lock().catch((e: unknown) => e)) as NetworkError;
    expect(error).toBeInstanceOf(NetworkError);
    expect(error).toMatchObject({ code: "ECONNREFUSED", unreachable: true, outcomeUnknown: false });
    expect(error.message).toContain("connection refused (ECONNREFUSED)");
    expect(logger.lines).toEqual([]);
  });

  it("re-sends a POST refused by a host that answered before (a restart; never sent)", async () => {
    const { server, client, logger } = await setup((_req, res) => sendJson(res, 200, OK_STATE));
    expect(await client.getLockState()).toEqual(OK_STATE);
    await server.close();
    const error = (await client.lock().catch((e: unknown) => e)) as NetworkError;
    expect(error).toBeInstanceOf(NetworkError);
    expect(error).toMatchObject({
      code: "ECONNREFUSED",
      unreachable: false,
      outcomeUnknown: false,
    });
    expect(logger.lines).toHaveLength(3);
    expect(logger.lines[0]).toContain("failed (ECONNREFUSED); retry 1/3");
  });

  it("does not retry a timed-out POST but does retry a timed-out GET", async () => {
    const { server, client } = await setup(() => {}, { requestTimeoutMs: 50 });
    await expect(client.promote({ dryRun: true })).rejects.toMatchObject({ outcomeUnknown: true });
    expect(server.requests).toHaveLength(1);
    await expect(client.getInfo()).rejects.toThrow(/no complete answer within 50ms/);
    expect(server.requests).toHaveLength(5);
  });
});
