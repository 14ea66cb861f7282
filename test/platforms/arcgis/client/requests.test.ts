import { describe, expect, it } from "vitest";
import { sendJson } from "../../../core/http/loopback.js";
import { CONTEXT, form, setup, UPGRADES } from "./setup.js";

const JOB = { status: { state: "in_progress", code: 1, messages: [] } };

describe("ArcGisClient requests", () => {
  it("POSTs checkRollback as a form with f=json and the token in the body only", async () => {
    const { server, client } = await setup((_req, res) =>
      sendJson(res, 200, { updates: [{ id: "pat_07102025_6820", build: "6820" }] }),
    );
    expect(await client.checkRollback()).toEqual([{ id: "pat_07102025_6820", build: "6820" }]);
    const [request] = server.requests;
    expect(request?.method).toBe("POST");
    expect(request?.url).toBe(`${UPGRADES}/checkRollback`);
    expect(request?.headers["content-type"]).toBe("application/x-www-form-urlencoded");
    expect(request?.headers.authorization).toBeUndefined();
    expect(request?.headers["x-esri-authorization"]).toBeUndefined();
    expect(form(request?.body)).toEqual({ f: "json", token: "token-1-s3cr3t" });
  });

  it("POSTs rollback with versionManifest and empty rollbackSettings", async () => {
    const { server, client } = await setup((_req, res) => sendJson(res, 200, JOB));
    expect(await client.rollback(" pat_07102025_6820 ")).toEqual(JOB);
    const [request] = server.requests;
    expect(request?.method).toBe("POST");
    expect(request?.url).toBe(`${UPGRADES}/rollback`);
    expect(form(request?.body)).toEqual({
      versionManifest: '{"id":"pat_07102025_6820"}',
      rollbackSettings: "{}",
      f: "json",
      token: "token-1-s3cr3t",
    });
    await expect(client.rollback("  ")).rejects.toThrow("version id");
    expect(server.requests).toHaveLength(1);
  });

  it("POSTs installed and reads its updates; a bare string is an id", async () => {
    const { server, client } = await setup((_req, res) =>
      sendJson(res, 200, { updates: ["rel_24062025_6745", { id: "pat_12082025_6805", x: 1 }] }),
    );
    expect(await client.installed()).toEqual([
      { id: "rel_24062025_6745" },
      { id: "pat_12082025_6805", x: 1 },
    ]);
    expect(server.requests[0]?.url).toBe(`${UPGRADES}/installed`);
    expect(form(server.requests[0]?.body)).toEqual({ f: "json", token: "token-1-s3cr3t" });
  });

  it("GETs the upgrades resource with ?f=json and a bearer token, no body", async () => {
    const { server, client } = await setup((_req, res) => sendJson(res, 200, JOB));
    expect(await client.upgrades()).toEqual(JOB);
    const [request] = server.requests;
    expect(request?.method).toBe("GET");
    expect(request?.url).toBe(`${UPGRADES}?f=json`);
    // Esri's own header, read whatever the organization's authentication tier.
    expect(request?.headers["x-esri-authorization"]).toBe("Bearer token-1-s3cr3t");
    expect(request?.headers.authorization).toBeUndefined();
    expect(request?.body).toBe("");
  });

  it("GETs currentVersion, keeping unknown fields", async () => {
    const body = { id: "pat_04122025_6835", version: "11.5.0", build: 6835, extra: { a: 1 } };
    const { server, client } = await setup((_req, res) => sendJson(res, 200, body));
    expect(await client.currentVersion()).toEqual(body);
    expect(server.requests[0]?.url).toBe(`${UPGRADES}/currentVersion?f=json`);
  });

  it.each([
    ["a history key", { history: [{ type: "rollback" }, 3] }],
    ["an updates key", { updates: [{ type: "rollback" }] }],
    ["a bare array", [{ type: "rollback" }]],
  ])("GETs history from %s", async (_name, body) => {
    const { server, client } = await setup((_req, res) => sendJson(res, 200, body));
    expect(await client.history()).toEqual([{ type: "rollback" }]);
    expect(server.requests[0]?.url).toBe(`${UPGRADES}/history?f=json`);
  });

  it("reads an empty history and an empty checkRollback as none", async () => {
    const { client } = await setup((_req, res) => sendJson(res, 200, {}));
    expect(await client.history()).toEqual([]);
    expect(await client.checkRollback()).toEqual([]);
  });

  it("never puts the token in a URL", async () => {
    const { server, client } = await setup((_req, res) =>
      sendJson(res, 200, { ...JOB, updates: [] }),
    );
    await client.checkRollback();
    await client.rollback("pat_1");
    await client.upgrades();
    await client.installed();
    await client.currentVersion();
    await client.history();
    expect(server.requests).toHaveLength(6);
    for (const request of server.requests) {
      expect(request.url).not.toContain("token");
      expect(request.url.startsWith(`${CONTEXT}/admin/`)).toBe(true);
    }
  });

  it.for([
    ["the default referer", undefined, "tenant-promote"],
    ["arcgis-referer", "https://gis-admin.example.com/", "https://gis-admin.example.com/"],
  ] as const)(
    "sends %s as the Referer header of every call, GET and POST (a referer-bound token needs it)",
    async ([, referer, expected]) => {
      const { server, client } = await setup(
        (_req, res) => sendJson(res, 200, { ...JOB, updates: [] }),
        { referer },
      );
      await client.checkRollback();
      await client.rollback("pat_1");
      await client.upgrades();
      await client.installed();
      await client.currentVersion();
      await client.history();
      expect(server.requests.map((r) => [r.method, r.headers.referer])).toEqual([
        ["POST", expected],
        ["POST", expected],
        ["GET", expected],
        ["POST", expected],
        ["GET", expected],
        ["GET", expected],
      ]);
    },
  );

  it("normalizes job messages: text becomes { message }, numeric strings numbers", async () => {
    const status = {
      state: "in_progress",
      messages: ["hello", { code: "2072", when: "5", x: 1 }, 7],
    };
    const { client } = await setup((_req, res) => sendJson(res, 200, { status, other: true }));
    expect(await client.upgrades()).toEqual({
      other: true,
      status: {
        state: "in_progress",
        messages: [{ message: "hello" }, { message: "", code: 2072, when: 5, x: 1 }],
      },
    });
  });

  it("exposes the organization URL without a trailing slash", async () => {
    const { server, client } = await setup(() => {}, {});
    expect(client.orgUrl).toBe(`${server.url}${CONTEXT}`);
    expect(client.upgradesPath).toBe(UPGRADES);
  });
});
