import { describe, expect, it } from "vitest";
import { AuthError } from "../../../../src/core/http/errors.js";
import { MemoryLogger } from "../../../../src/core/util/log.js";
import { UsageError } from "../../../../src/core/util/usage-error.js";
import {
  expirationMinutes,
  GenerateTokenSource,
  MAX_TOKEN_LIFETIME_MS,
} from "../../../../src/platforms/arcgis/auth.js";
import { ArcGisClient } from "../../../../src/platforms/arcgis/client.js";
import { sendJson } from "../../../core/http/loopback.js";
import { CONTEXT, form, newDispatcher, sendArcGisError, sendHtml, setup } from "./setup.js";
import { PASSWORD, startTokenServer, TOKEN_PATH, tokenSource, USERNAME } from "./token-server.js";

const HOUR = 3_600_000;

describe("GenerateTokenSource", () => {
  it("POSTs the documented form to generateToken, once per token", async () => {
    const server = await startTokenServer();
    const source = tokenSource(server, { lifetimeMs: 3 * HOUR });
    expect(source.tokenUrl).toBe(`${server.url}${TOKEN_PATH}`);
    expect(await source.getToken()).toBe("arcgis-token-0");
    expect(await source.getToken()).toBe("arcgis-token-0");
    expect(server.requests).toHaveLength(1);
    const [request] = server.requests;
    expect(request?.url).toBe(TOKEN_PATH);
    expect(request?.headers["content-type"]).toBe("application/x-www-form-urlencoded");
    expect(form(request?.body)).toEqual({
      username: USERNAME,
      password: PASSWORD,
      client: "referer",
      referer: "tenant-promote",
      expiration: "180",
      f: "json",
    });
  });

  it("mints for arcgis-referer and sends it as the Referer header, as later requests will", async () => {
    const server = await startTokenServer();
    const referer = "https://gis-admin.example.com/";
    expect(await tokenSource(server, { referer }).getToken()).toBe("arcgis-token-0");
    await tokenSource(server).getToken();
    expect(server.requests.map((r) => [form(r.body).referer, r.headers.referer])).toEqual([
      [referer, referer],
      ["tenant-promote", "tenant-promote"],
    ]);
    expect(server.requests.map((r) => form(r.body).client)).toEqual(["referer", "referer"]);
  });

  it("asks for a lifetime covering the run, in whole minutes, capped at 14 days", () => {
    expect(expirationMinutes(90_000)).toBe(2);
    expect(expirationMinutes(0)).toBe(1);
    expect(expirationMinutes(7 * HOUR + 30 * 60_000)).toBe(450);
    expect(expirationMinutes(30 * 24 * HOUR)).toBe(20_160);
    expect(MAX_TOKEN_LIFETIME_MS).toBe(20_160 * 60_000);
  });

  it("asks for 12 hours when not told, and 14 days at most", async () => {
    const server = await startTokenServer();
    await tokenSource(server).getToken();
    await tokenSource(server, { lifetimeMs: 60 * 24 * HOUR }).getToken();
    expect(server.requests.map((r) => form(r.body).expiration)).toEqual(["720", "20160"]);
  });

  it("gets a new token shortly before the old one expires", async () => {
    let clock = 1_000_000;
    const server = await startTokenServer({ now: () => clock });
    const source = tokenSource(server, { lifetimeMs: 2 * HOUR, now: () => clock });
    expect(await source.getToken()).toBe("arcgis-token-0");
    clock += 2 * HOUR - 61_000;
    expect(await source.getToken()).toBe("arcgis-token-0");
    clock += 2_000;
    expect(await source.getToken()).toBe("arcgis-token-1");
  });

  it("follows a server that caps the lifetime below what was asked", async () => {
    let clock = 5_000_000;
    const server = await startTokenServer({ now: () => clock, maxMinutes: 60 });
    const logger = new MemoryLogger();
    const source = tokenSource(server, { lifetimeMs: 6 * HOUR, now: () => clock, logger });
    expect(await source.getToken()).toBe("arcgis-token-0");
    expect(logger.lines[0]).toContain("valid for 60m00s, shorter than the 360m00s asked");
    clock += HOUR - 30_000;
    expect(await source.getToken()).toBe("arcgis-token-1");
  });

  it("refuses a wrong password naming the user and organization, never the password", async () => {
    const server = await startTokenServer();
    const source = tokenSource(server, { password: "wrong-s3cr3t-password" });
    const error = (await source.getToken().catch((e: unknown) => e)) as AuthError;
    expect(error).toBeInstanceOf(AuthError);
    expect(error.status).toBe(200);
    expect(error.message).toContain(`for ${USERNAME} at ${server.url}${CONTEXT}`);
    expect(error.message).toContain("Unable to generate token. Invalid username or password.");
    expect(error.message).toContain(
      "Invalid username or password. Check the username and password",
    );
    expect(error.message).not.toContain("wrong-s3cr3t-password");
    expect(server.requests).toHaveLength(1);
  });

  it("scrubs the password if the server echoes it", async () => {
    const server = await startTokenServer({
      override: (req, res) => {
        sendArcGisError(res, 400, `bad password ${form(req.body).password}`);
        return true;
      },
    });
    const error = (await tokenSource(server)
      .getToken()
      .catch((e: unknown) => e)) as AuthError;
    expect(error.message).toContain("bad password ***");
    expect(error.message).not.toContain(PASSWORD);
  });

  it("retries generateToken after a 503 or an HTML gateway page", async () => {
    const server = await startTokenServer({
      override: (_req, res, index) => {
        if (index === 0) sendJson(res, 503, {});
        else if (index === 1) sendHtml(res, 502);
        return index < 2;
      },
    });
    expect(await tokenSource(server).getToken()).toBe("arcgis-token-2");
  });

  it("refuses a reply without a token, and a sign-in page", async () => {
    const server = await startTokenServer({
      override: (_req, res, index) => {
        if (index === 0) sendJson(res, 200, { expires: 1 });
        else sendHtml(res, 200);
        return true;
      },
    });
    const source = tokenSource(server);
    await expect(source.getToken()).rejects.toThrow("answered without a token");
    await expect(source.getToken()).rejects.toThrow("answered an HTML page (HTTP 200)");
    expect(server.requests).toHaveLength(2);
  });

  it("accepts https:// or loopback only, and needs a username and password", () => {
    const base = { orgUrl: "https://gis.example.com/arcgis", username: "a", password: "b" };
    expect(new GenerateTokenSource(base).tokenUrl).toBe(
      "https://gis.example.com/arcgis/sharing/rest/generateToken",
    );
    const http = { ...base, orgUrl: "http://gis.example.com/arcgis" };
    expect(() => new GenerateTokenSource(http)).toThrow(UsageError);
    expect(() => new GenerateTokenSource({ ...base, username: " " })).toThrow("username is empty");
    expect(() => new GenerateTokenSource({ ...base, password: "" })).toThrow("password");
  });

  it("is asked once more after the API answers 498, then the call succeeds", async () => {
    const tokens = await startTokenServer();
    const source = tokenSource(tokens);
    const { server } = await setup((_req, res, index) =>
      index === 0
        ? sendArcGisError(res, 498, "Invalid token.")
        : sendJson(res, 200, { updates: [] }),
    );
    const orgUrl = `${server.url}${CONTEXT}`;
    const client = new ArcGisClient({ orgUrl, tokens: source, dispatcher: newDispatcher() });
    expect(await client.checkRollback()).toEqual([]);
    expect(tokens.requests).toHaveLength(2);
    expect(server.requests.map((r) => form(r.body).token)).toEqual([
      "arcgis-token-0",
      "arcgis-token-1",
    ]);
  });
});
