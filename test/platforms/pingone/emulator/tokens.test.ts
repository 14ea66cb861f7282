import { describe, expect, it } from "vitest";
import type { RunningPingOneEmulator } from "../../../../src/platforms/pingone/emulator/index.js";
import { api, DEVELOPMENT_ID, STAGING_ID, sleep, start, startWith } from "./helpers.js";

const basic = (id: string, secret: string) =>
  `Basic ${Buffer.from(`${id}:${secret}`).toString("base64")}`;

async function token(
  emulator: RunningPingOneEmulator,
  { authorization, form = {} }: { authorization?: string; form?: Record<string, string> } = {},
) {
  const reply = await fetch(emulator.tokenUrl, {
    method: "POST",
    headers: {
      "Content-Type": "application/x-www-form-urlencoded",
      ...(authorization ? { Authorization: authorization } : {}),
    },
    body: new URLSearchParams({ grant_type: "client_credentials", ...form }).toString(),
  });
  return { status: reply.status, body: (await reply.json()) as Record<string, unknown> };
}

const METHOD_REFUSED = {
  error: "invalid_client",
  error_description: "the client authentication method is not allowed for this application",
};
const AUTH_FAILED = { error: "invalid_client", error_description: "client authentication failed" };

describe("token endpoint", () => {
  it("client_secret_basic: mints a bearer token the API accepts", async () => {
    const emulator = await start();
    const minted = await token(emulator, {
      authorization: basic("emulator-client", "emulator-secret"),
    });
    expect(minted.status).toBe(200);
    expect(minted.body).toEqual({
      access_token: expect.any(String),
      token_type: "Bearer",
      expires_in: 3600,
    });
    const client = api(emulator, String(minted.body.access_token));
    expect((await client.get("/promotions")).status).toBe(200);
    // Secrets in the form are refused for a client_secret_basic app.
    const posted = await token(emulator, {
      form: { client_id: "emulator-client", client_secret: "emulator-secret" },
    });
    expect(posted).toEqual({ status: 401, body: METHOD_REFUSED });
  });

  it("client_secret_post: the form carries the credentials; Basic is refused", async () => {
    const emulator = await startWith("workerApp: { tokenEndpointAuthMethod: client_secret_post }");
    const minted = await token(emulator, {
      form: { client_id: "emulator-client", client_secret: "emulator-secret" },
    });
    expect(minted.status).toBe(200);
    const viaBasic = await token(emulator, {
      authorization: basic("emulator-client", "emulator-secret"),
    });
    expect(viaBasic).toEqual({ status: 401, body: METHOD_REFUSED });
  });

  it("a wrong secret, an unknown client or a wrong grant is refused", async () => {
    const emulator = await startWith("workerApp: { clientSecret: rotated-secret }");
    expect(
      await token(emulator, { authorization: basic("emulator-client", "emulator-secret") }),
    ).toEqual({
      status: 401,
      body: AUTH_FAILED,
    });
    expect(
      (await token(emulator, { authorization: basic("someone", "rotated-secret") })).body,
    ).toEqual(AUTH_FAILED);
    expect(
      (await token(emulator, { authorization: basic("emulator-client", "rotated-secret") })).status,
    ).toBe(200);
    const grant = await token(emulator, {
      authorization: basic("emulator-client", "rotated-secret"),
      form: { grant_type: "password" },
    });
    expect(grant.body.error).toBe("unsupported_grant_type");
    // The app lives in development: staging's token endpoint does not know it.
    const elsewhere = await fetch(`${emulator.origin}/${STAGING_ID}/as/token`, {
      method: "POST",
      headers: { Authorization: basic("emulator-client", "rotated-secret") },
      body: "grant_type=client_credentials",
    });
    expect(elsewhere.status).toBe(401);
  });

  it("minted tokens expire after their lifetime divided by speed", async () => {
    // 120 s at speed 600: 200 ms.
    const emulator = await startWith("workerApp: { tokenLifetimeSeconds: 120 }", { speed: 600 });
    const minted = await token(emulator, {
      authorization: basic("emulator-client", "emulator-secret"),
    });
    expect(minted.body.expires_in).toBe(120);
    const client = api(emulator, String(minted.body.access_token));
    expect((await client.get("/promotions")).status).toBe(200);
    await sleep(260);
    const expired = await client.get("/promotions");
    expect(expired.status).toBe(401);
    expect(expired.body).toMatchObject({
      id: expect.any(String),
      code: "ACCESS_FAILED",
      details: [{ code: "INVALID_TOKEN", message: "The access token has expired" }],
    });
    // Static tokens never expire; unknown ones are refused.
    expect((await api(emulator).get("/promotions")).status).toBe(200);
    const unknown = await api(emulator, "made-up").get("/promotions");
    expect(unknown.status).toBe(401);
    expect(unknown.body.details[0].code).toBe("INVALID_TOKEN");
    expect(unknown.headers.get("www-authenticate")).toMatch(/^Bearer/);
  });

  it("minted tokens reach only the environments the app administers", async () => {
    const emulator = await startWith("workerApp: { administers: [development, production] }");
    const minted = await token(emulator, {
      authorization: basic("emulator-client", "emulator-secret"),
    });
    const client = api(emulator, String(minted.body.access_token));
    expect((await client.get("/promotions")).status).toBe(200);
    const refused = await client.send("POST", "/promotions", {
      body: { targetEnvironment: { id: STAGING_ID } },
    });
    expect(refused.status).toBe(403);
    expect(refused.body.details[0].code).toBe("INSUFFICIENT_PERMISSIONS");
    expect((await api(emulator, String(minted.body.access_token), STAGING_ID).get("")).status).toBe(
      403,
    );
    expect((await api(emulator).get("")).body).toMatchObject({
      id: DEVELOPMENT_ID,
      name: "development",
    });
  });
});
