import { describe, expect, it } from "vitest";
import { ApiError } from "../../../../src/core/http/errors.js";
import { ArcGisError } from "../../../../src/platforms/arcgis/errors.js";
import { sendJson } from "../../../core/http/loopback.js";
import { sendArcGisError, sendHtml, sendText, setup, UPGRADES } from "./setup.js";

async function failure(promise: Promise<unknown>): Promise<ArcGisError> {
  const error = await promise.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ArcGisError);
  expect(error).toBeInstanceOf(ApiError);
  const arcgis = error as ArcGisError;
  expect(arcgis.message).not.toContain("s3cr3t");
  expect(arcgis.message).not.toMatch(/bearer/i);
  return arcgis;
}

describe("ArcGisClient error forms", () => {
  it("reads an error object under HTTP 200, details as a list", async () => {
    const { server, client } = await setup((_req, res) =>
      sendArcGisError(res, 403, "You do not have permissions.", ["Need the Servers privilege."], {
        messageCode: "GWM_0000",
      }),
    );
    const error = await failure(client.checkRollback());
    expect(error).toMatchObject({
      operation: "checkRollback",
      status: 200,
      code: 403,
      serverCode: 403,
      serverMessage: "You do not have permissions.",
      details: ["Need the Servers privilege."],
      messageCode: "GWM_0000",
      htmlPage: false,
      outcomeUnknown: false,
    });
    expect(error.endpoint).toEqual({
      method: "POST",
      path: `${UPGRADES}/checkRollback`,
      origin: server.url,
    });
    expect(error.message).toBe(
      `ArcGIS checkRollback: POST ${server.url}${UPGRADES}/checkRollback answered error 403 (HTTP 200): You do not have permissions. (Need the Servers privilege.) [GWM_0000]`,
    );
    expect(server.requests).toHaveLength(1);
  });

  it.each([
    ["a string", "Version not found.", ["Version not found."]],
    ["null", null, []],
  ])("reads details given as %s", async (_name, details, expected) => {
    const { client } = await setup((_req, res) => sendArcGisError(res, 400, "Bad", details));
    const error = await failure(client.rollback("pat_1"));
    expect(error.operation).toBe("rollback");
    expect(error.code).toBe(400);
    expect(error.details).toEqual(expected);
    expect(error.outcomeUnknown).toBe(false);
  });

  it.each(["error", "failed"])('reads the admin {"status":"%s"} form', async (status) => {
    const { client } = await setup((_req, res) =>
      sendJson(res, 200, {
        status,
        messages: ["Another job is running.", "Try later."],
        code: 409,
      }),
    );
    const error = await failure(client.installed());
    expect(error).toMatchObject({
      operation: "installed",
      code: 409,
      serverMessage: "Another job is running.",
      details: ["Try later."],
    });
  });

  it("reads a non-2xx JSON body in ArcGIS's form", async () => {
    const { client } = await setup((_req, res) =>
      sendText(res, 404, JSON.stringify({ error: { code: 404, message: "Not found" } })),
    );
    const error = await failure(client.currentVersion());
    expect(error).toMatchObject({ operation: "currentVersion", status: 404, code: 404 });
    expect(error.message).toContain("answered HTTP 404: Not found");
  });

  it("reads a non-2xx without a body by its status", async () => {
    const { client } = await setup((_req, res) => sendText(res, 403, ""));
    const error = await failure(client.history());
    expect(error).toMatchObject({ operation: "history", status: 403, code: 403, details: [] });
    expect(error.message).toMatch(/answered HTTP 403$/);
  });

  it("says the server answered an HTML page, without quoting it", async () => {
    const { client } = await setup((_req, res) => sendHtml(res, 502), {
      retry: { retries: 0 },
    });
    const error = await failure(client.upgrades());
    expect(error).toMatchObject({ operation: "upgrades", status: 502, code: 502, htmlPage: true });
    expect(error.message).toContain("the server answered an HTML page (HTTP 502)");
    expect(error.message).not.toContain("Bad Gateway");
  });

  it("retries an HTML page under HTTP 200 on a read, then refuses it", async () => {
    const { server, client } = await setup((_req, res) => sendHtml(res, 200));
    const error = await failure(client.upgrades());
    expect(error.htmlPage).toBe(true);
    expect(error.message).toContain("HTML page (HTTP 200)");
    expect(server.requests.length).toBeGreaterThan(1);
  });

  it("refuses a 2xx reply that is not JSON, or lacks what the call needs", async () => {
    const { client } = await setup((_req, res, index) =>
      index === 0 ? sendText(res, 200, "not json", "text/plain") : sendJson(res, 200, { x: 1 }),
    );
    expect((await failure(client.upgrades())).message).toContain("reply is not JSON");
    expect((await failure(client.upgrades())).message).toContain('no "status" object');
  });

  it("refuses updates that are not a list or carry no id", async () => {
    const bodies = [{ updates: "x" }, { updates: [{ version: "11.5.0" }] }];
    const { client } = await setup((_req, res, index) => sendJson(res, 200, bodies[index]));
    expect((await failure(client.checkRollback())).message).toContain('"updates" is not a list');
    expect((await failure(client.installed())).message).toContain('updates[0] has no "id"');
  });
});
