import type { ServerResponse } from "node:http";
import { describe, expect, it } from "vitest";
import { NetworkError } from "../../../../src/core/http/errors.js";
import type { ArcGisClient } from "../../../../src/platforms/arcgis/client.js";
import { ArcGisError } from "../../../../src/platforms/arcgis/errors.js";
import { sendJson } from "../../../core/http/loopback.js";
import { form, sendArcGisError, sendHtml, sendText, setup, UPGRADES } from "./setup.js";

const JOB = { status: { state: "in_progress", code: 1, messages: [] } };
type Fault = (res: ServerResponse) => void;

const FAULTS: Array<[string, Fault]> = [
  ["a reset connection", (res) => res.socket?.destroy()],
  ["HTTP 502", (res) => sendText(res, 502, "")],
  ["HTTP 503", (res) => sendText(res, 503, "{}")],
  ["HTTP 504", (res) => sendText(res, 504, "")],
  ["an HTML page (502)", (res) => sendHtml(res, 502)],
  ["error 503 under HTTP 200", (res) => sendArcGisError(res, 503, "Service unavailable")],
];

const READS: Array<[string, (client: ArcGisClient) => Promise<unknown>, object]> = [
  ["upgrades (GET)", (client) => client.upgrades(), JOB],
  ["checkRollback (read-only POST)", (client) => client.checkRollback(), { updates: [] }],
  ["installed (read-only POST)", (client) => client.installed(), { updates: [] }],
];

describe("ArcGisClient retries", () => {
  for (const [readName, read, body] of READS) {
    it.each(FAULTS)(`retries ${readName} after %s`, async (_name, fault) => {
      const { server, client } = await setup((_req, res, index) =>
        index === 0 ? fault(res) : sendJson(res, 200, body),
      );
      await read(client);
      expect(server.requests).toHaveLength(2);
    });
  }

  it("does not retry a read answered HTTP 500 or a 4xx", async () => {
    const { server, client } = await setup((_req, res, index) =>
      sendText(res, index === 0 ? 500 : 404, ""),
    );
    await expect(client.upgrades()).rejects.toMatchObject({ status: 500 });
    await expect(client.installed()).rejects.toMatchObject({ status: 404 });
    expect(server.requests).toHaveLength(2);
  });

  it.each([429, 503])("waits the Retry-After of a read answered %i", async (status) => {
    const { server, client, logger } = await setup(
      (_req, res, index) =>
        index === 0
          ? sendText(res, status, "{}", "application/json", { "retry-after": "1" })
          : sendJson(res, 200, JOB),
      { retry: { retries: 2, baseDelayMs: 1, maxDelayMs: 20 } },
    );
    const started = Date.now();
    await client.upgrades();
    // Retry-After 1 s is capped at maxDelayMs * 4 = 80 ms.
    expect(Date.now() - started).toBeGreaterThanOrEqual(75);
    expect(logger.lines).toEqual([
      `warn: GET ${server.url}${UPGRADES} answered HTTP ${status}; retry 1/2 in 80ms`,
    ]);
  });

  it("re-sends a rollback refused with 429: it was not processed", async () => {
    const { server, client } = await setup((_req, res, index) =>
      index === 0 ? sendText(res, 429, "{}") : sendJson(res, 200, JOB),
    );
    expect(await client.rollback("pat_1")).toEqual(JOB);
    expect(server.requests).toHaveLength(2);
  });
});

describe("ArcGisClient never re-sends a rollback whose reply was lost", () => {
  it.each([
    ...FAULTS,
    ["HTTP 500", (res) => sendText(res, 500, "")],
    ["an HTML page (200)", (res) => sendHtml(res, 200)],
    ["a 200 that is not JSON", (res) => sendText(res, 200, "ok", "text/plain")],
    ["a 200 without a status", (res) => sendJson(res, 200, {})],
  ] as Array<[string, Fault]>)("after %s: outcome unknown", async (_name, fault) => {
    const { server, client } = await setup((_req, res) => fault(res));
    const error = await client.rollback("pat_1").catch((e: unknown) => e);
    expect(error instanceof ArcGisError || error instanceof NetworkError).toBe(true);
    expect((error as ArcGisError).outcomeUnknown).toBe(true);
    expect(server.requests).toHaveLength(1);
  });

  it("a refusal (error 400 under HTTP 200) is a known outcome", async () => {
    const { server, client } = await setup((_req, res) =>
      sendArcGisError(res, 400, "Cannot roll back a release.", null),
    );
    const error = (await client.rollback("rel_1").catch((e: unknown) => e)) as ArcGisError;
    expect(error).toMatchObject({ code: 400, outcomeUnknown: false, operation: "rollback" });
    expect(server.requests).toHaveLength(1);
  });
});

describe("ArcGisClient on an expired token", () => {
  it.each([
    ["HTTP 498", (res: ServerResponse) => sendText(res, 498, "")],
    [
      "error 498 under HTTP 200",
      (res: ServerResponse) => sendArcGisError(res, 498, "Invalid token."),
    ],
    [
      "error 499 under HTTP 200",
      (res: ServerResponse) =>
        sendArcGisError(res, 499, "Token Required", null, { messageCode: "GWM_0003" }),
    ],
  ])("gets one new token after %s, even for a rollback", async (_name, fault) => {
    const { server, client, tokens, logger } = await setup((_req, res, index) =>
      index === 0 ? fault(res) : sendJson(res, 200, JOB),
    );
    expect(await client.rollback("pat_1")).toEqual(JOB);
    expect(tokens.invalidated).toBe(1);
    expect(server.requests.map((r) => form(r.body).token)).toEqual([
      "token-1-s3cr3t",
      "token-2-s3cr3t",
    ]);
    expect(logger.lines[0]).toMatch(/answered HTTP (498|200 with error 49[89]); retrying once/);
  });

  it("gives up after the new token is refused too", async () => {
    const { server, client, tokens } = await setup((_req, res) =>
      sendArcGisError(res, 498, "Invalid token."),
    );
    const error = (await client.upgrades().catch((e: unknown) => e)) as ArcGisError;
    expect(error.authExpired).toBe(true);
    expect(error.code).toBe(498);
    expect(tokens.invalidated).toBe(1);
    expect(server.requests.map((r) => r.headers["x-esri-authorization"])).toEqual([
      "Bearer token-1-s3cr3t",
      "Bearer token-2-s3cr3t",
    ]);
  });
});
