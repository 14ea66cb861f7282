import { generateKeyPairSync, type KeyObject } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  assertionClaims,
  type JwtClaims,
  signJwt,
} from "../../../../src/platforms/aic/auth/jwt.js";
import {
  defaultScenario,
  loadScenario,
  type RunningAicEmulator,
} from "../../../../src/platforms/aic/emulator/index.js";
import { client, sleep, start, startWith } from "./helpers.js";

const ACCOUNT = "2f0c8a4e-6b1d-4c3e-9f5a-7d8e9a0b1c2d";
const GRANT = "urn:ietf:params:oauth:grant-type:jwt-bearer";

function keyPair() {
  return generateKeyPairSync("rsa", { modulusLength: 2048 });
}

const signing = keyPair();

async function startWithAccount(tokenLifetimeSeconds = 899, scopes?: string[]) {
  const scenario = defaultScenario();
  scenario.tokenLifetimeSeconds = tokenLifetimeSeconds;
  scenario.environments.upper.serviceAccount = {
    id: ACCOUNT,
    publicKey: signing.publicKey.export({ format: "jwk" }) as Record<string, unknown>,
    ...(scopes ? { scopes } : {}),
  };
  return start({ scenario });
}

function tokenUrl(emulator: RunningAicEmulator): string {
  return `${emulator.upperUrl}/am/oauth2/access_token`;
}

async function mint(
  emulator: RunningAicEmulator,
  options: { claims?: Partial<JwtClaims>; key?: KeyObject; form?: Record<string, string> } = {},
) {
  const claims = { ...assertionClaims(ACCOUNT, tokenUrl(emulator)), ...options.claims };
  const assertion = signJwt(claims, options.key ?? signing.privateKey);
  const form = new URLSearchParams({
    grant_type: GRANT,
    client_id: "service-account",
    scope: "fr:idc:promotion:*",
    assertion,
    ...options.form,
  });
  const reply = await fetch(tokenUrl(emulator), {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: form,
  });
  const text = await reply.text();
  return {
    status: reply.status,
    body: JSON.parse(text) as Record<string, unknown>,
    text,
    assertion,
  };
}

describe("service-account token endpoint", () => {
  it("mints a bearer token for a valid RS256 assertion", async () => {
    const emulator = await startWithAccount();
    const minted = await mint(emulator);
    expect(minted.status).toBe(200);
    expect(minted.body).toEqual({
      access_token: expect.any(String),
      token_type: "Bearer",
      expires_in: 899,
      scope: "fr:idc:promotion:*",
    });
    const token = minted.body.access_token as string;
    expect((await client(emulator, "upper", token).get("/lock/state")).status).toBe(200);
    // Tokens are per environment.
    expect((await client(emulator, "lower", token).get("/lock/state")).status).toBe(401);
  });

  it("rejects bad signatures, wrong audience, expired or foreign assertions", async () => {
    const emulator = await startWithAccount();
    const now = Math.floor(Date.now() / 1000);
    const cases = [
      { key: keyPair().privateKey },
      { claims: { aud: "http://127.0.0.1:1/am/oauth2/access_token" } },
      { claims: { aud: `${emulator.upperUrl}/am/oauth2/realms/alpha/access_token` } },
      { claims: { exp: now - 10 } },
      { claims: { iss: "someone-else" } },
      { claims: { sub: "someone-else" } },
    ];
    for (const options of cases) {
      const reply = await mint(emulator, options);
      expect(reply.status).toBe(400);
      expect(reply.body.error).toBe("invalid_grant");
      expect(typeof reply.body.error_description).toBe("string");
      // The assertion is never echoed back.
      expect(reply.text).not.toContain(reply.assertion.split(".")[2]);
      expect(reply.text).not.toContain(reply.assertion.split(".")[1]);
    }
  });

  it("checks grant type, client id and scope", async () => {
    const emulator = await startWithAccount();
    expect((await mint(emulator, { form: { grant_type: "client_credentials" } })).body.error).toBe(
      "unsupported_grant_type",
    );
    expect((await mint(emulator, { form: { client_id: "other" } })).body.error).toBe(
      "invalid_client",
    );
    expect((await mint(emulator, { form: { scope: "fr:idc:esv:*" } })).body.error).toBe(
      "invalid_scope",
    );
    expect((await mint(emulator, { form: { scope: "" } })).body.error).toBe("invalid_scope");
    const lower = await fetch(`${emulator.lowerUrl}/am/oauth2/access_token`, {
      method: "POST",
      body: new URLSearchParams({
        grant_type: GRANT,
        client_id: "service-account",
        scope: "fr:idc:promotion:*",
        assertion: "x",
      }),
    });
    // The lower environment has no service account in this scenario.
    expect(lower.status).toBe(400);
  });

  it("accepts localhost for 127.0.0.1 in the audience", async () => {
    const emulator = await startWithAccount();
    const aud = tokenUrl(emulator).replace("127.0.0.1", "localhost");
    expect((await mint(emulator, { claims: { aud } })).status).toBe(200);
  });

  it("minted tokens expire after tokenLifetimeSeconds of real time", async () => {
    const emulator = await startWithAccount(0.2);
    const token = (await mint(emulator)).body.access_token as string;
    const api = client(emulator, "upper", token);
    expect((await api.get("/promote")).status).toBe(200);
    await sleep(250);
    const expired = await api.get("/promote");
    expect(expired.status).toBe(401);
    expect(expired.body).toEqual({ code: 401, message: "unauthorized" });
    // A fresh assertion gets a fresh token.
    const again = (await mint(emulator)).body.access_token as string;
    expect((await client(emulator, "upper", again).get("/promote")).status).toBe(200);
  });
});

const TREE =
  "/am/json/realms/root/realms/alpha/realm-config/authentication/authenticationtrees/trees/Login";
const AM_VERSION = { headers: { "Accept-API-Version": "protocol=2.1,resource=1.0" } };
const FORBIDDEN = (scope: string) => ({
  code: 403,
  reason: "Forbidden",
  message: `The access token does not have the scope ${scope}`,
});

describe("scopes", () => {
  it("mints a token for content scopes alone, which then reads AM and IDM but not promotions", async () => {
    const emulator = await startWithAccount();
    const minted = await mint(emulator, { form: { scope: "fr:am:* fr:idm:*" } });
    expect(minted.status).toBe(200);
    expect(minted.body.scope).toBe("fr:am:* fr:idm:*");
    const api = client(emulator, "upper", minted.body.access_token as string);
    expect((await api.send("GET", TREE, AM_VERSION)).status).toBe(200);
    expect((await api.get("/openidm/config/emailTemplate/welcome")).status).toBe(200);
    const promotion = await api.get("/lock/state");
    expect(promotion.status).toBe(403);
    expect(promotion.body).toEqual({
      code: 403,
      message: "The access token does not have the scope fr:idc:promotion:*",
    });
  });

  it("refuses scopes the service account is not allowed, naming them", async () => {
    const emulator = await startWithAccount(899, ["fr:idc:promotion:*"]);
    const refused = await mint(emulator, {
      form: { scope: "fr:idc:promotion:* fr:am:* fr:idm:*" },
    });
    expect(refused.status).toBe(400);
    expect(refused.body).toEqual({
      error: "invalid_scope",
      error_description: expect.stringContaining("fr:am:* fr:idm:*"),
    });
    // The promotion scope alone still works, and its token cannot read content.
    const minted = await mint(emulator);
    expect(minted.status).toBe(200);
    const api = client(emulator, "upper", minted.body.access_token as string);
    expect((await api.get("/lock/state")).status).toBe(200);
    const am = await api.send("GET", TREE, AM_VERSION);
    expect(am.status).toBe(403);
    expect(am.body).toEqual(FORBIDDEN("fr:am:*"));
    const idm = await api.get("/openidm/config/emailTemplate/welcome");
    expect(idm.status).toBe(403);
    expect(idm.body).toEqual(FORBIDDEN("fr:idm:*"));
  });

  it("static tokens carry every scope as strings, or the scopes their mapping lists", async () => {
    const emulator = await startWith(`
environments:
  upper:
    accessTokens:
      - emulator-upper-token
      - { token: promotion-only, scopes: ["fr:idc:promotion:*"] }
      - { token: idm-only, scopes: ["fr:idm:*"] }
`);
    const full = client(emulator, "upper");
    expect((await full.send("GET", TREE, AM_VERSION)).status).toBe(200);
    expect((await full.get("/openidm/config/emailTemplate/welcome")).status).toBe(200);
    const promotionOnly = client(emulator, "upper", "promotion-only");
    expect((await promotionOnly.get("/promote")).status).toBe(200);
    expect((await promotionOnly.send("GET", TREE, AM_VERSION)).body).toEqual(FORBIDDEN("fr:am:*"));
    const idmOnly = client(emulator, "upper", "idm-only");
    expect((await idmOnly.get("/openidm/config/emailTemplate/welcome")).status).toBe(200);
    expect((await idmOnly.send("GET", TREE, AM_VERSION)).status).toBe(403);
    expect((await idmOnly.get("/promote")).status).toBe(403);
  });

  it("answers a bad token on AM and IDM paths with their 401 body", async () => {
    const emulator = await start();
    const api = client(emulator, "upper", "not-a-token");
    for (const reply of [
      await api.send("GET", TREE, AM_VERSION),
      await api.get("/openidm/config/emailTemplate/welcome"),
    ]) {
      expect(reply.status).toBe(401);
      expect(reply.body).toEqual({ code: 401, reason: "Unauthorized", message: "Access Denied" });
    }
  });

  it("names an unknown scope in a scenario", () => {
    expect(() =>
      loadScenario(
        "environments: { upper: { accessTokens: [{ token: t, scopes: [fr:am:all] }] } }",
      ),
    ).toThrow(/environments.upper.accessTokens\[0\].scopes\[0\] must be one of/);
  });
});
