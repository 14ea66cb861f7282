import { Agent } from "undici";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { AuthError } from "../../../../src/core/http/errors.js";
import { MemoryLogger } from "../../../../src/core/util/log.js";
import {
  type ServiceAccountOptions,
  ServiceAccountTokenSource,
} from "../../../../src/platforms/aic/auth/service-account.js";
import { AicClient } from "../../../../src/platforms/aic/client.js";
import { sendJson, startLoopback } from "../../../core/http/loopback.js";
import {
  ACCOUNT_ID,
  generateKeys,
  startTokenServer,
  type TestKeys,
  type TokenReply,
} from "./token-server.js";

let keys: TestKeys;
beforeAll(() => {
  keys = generateKeys();
});

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function tokenSetup(reply?: TokenReply, options: Partial<ServiceAccountOptions> = {}) {
  const server = await startTokenServer(keys.publicKey, reply);
  const dispatcher = new Agent();
  cleanups.push(
    () => server.close(),
    () => dispatcher.close(),
  );
  const source = new ServiceAccountTokenSource({
    baseUrl: server.url,
    accountId: ACCOUNT_ID,
    privateKey: keys.jwk,
    dispatcher,
    logger: new MemoryLogger(),
    retry: { retries: 2, baseDelayMs: 1, maxDelayMs: 5 },
    ...options,
  });
  return { server, source };
}

/** Every secret the source holds must be absent from the message. */
function expectNoSecrets(message: string, secrets: string[], extra: string[] = []): void {
  for (const secret of [...secrets, ...extra]) expect(message).not.toContain(secret);
}

describe("ServiceAccountTokenSource", () => {
  it.each(["jwk", "pkcs8Pem"] as const)("exchanges a signed assertion (%s key)", async (format) => {
    const { server, source } = await tokenSetup(undefined, { privateKey: keys[format] });
    expect(await source.getToken()).toBe("access-token-1-xyz");
    const [exchange] = server.exchanges;
    expect(exchange?.claims).toMatchObject({
      iss: ACCOUNT_ID,
      sub: ACCOUNT_ID,
      aud: `${server.url}/am/oauth2/access_token`,
    });
    expect(exchange?.form.get("scope")).toBe("fr:idc:promotion:*");
  });

  it("caches the token across many calls", async () => {
    const { server, source } = await tokenSetup();
    for (let i = 0; i < 5; i++) expect(await source.getToken()).toBe("access-token-1-xyz");
    expect(server.exchanges).toHaveLength(1);
  });

  it("shares one exchange between concurrent calls", async () => {
    const { server, source } = await tokenSetup(async (res, index) => {
      await new Promise((resolve) => setTimeout(resolve, 50));
      sendJson(res, 200, { access_token: `slow-token-${index}`, expires_in: 900 });
    });
    const tokens = await Promise.all([1, 2, 3, 4, 5].map(() => source.getToken()));
    expect(new Set(tokens)).toEqual(new Set(["slow-token-0"]));
    expect(server.exchanges).toHaveLength(1);
  });

  it("gives a joiner its own exchange when the caller that started one cancels", async () => {
    const { server, source } = await tokenSetup(async (res, index) => {
      await new Promise((resolve) => setTimeout(resolve, 50));
      sendJson(res, 200, { access_token: `token-${index}`, expires_in: 900 });
    });
    const controller = new AbortController();
    const first = source.getToken(controller.signal);
    const joiner = source.getToken();
    setTimeout(() => controller.abort(new Error("first caller cancelled")), 10);
    await expect(first).rejects.toThrow("first caller cancelled");
    expect(await joiner).toMatch(/^token-\d$/);
    expect(server.requests.length).toBeGreaterThanOrEqual(1);
  });

  it("re-mints when less than the margin remains", async () => {
    let now = 1_000_000;
    const { server, source } = await tokenSetup(undefined, {
      now: () => now,
      refreshMarginMs: 60_000,
    });
    await source.getToken();
    now += 839_000;
    expect(await source.getToken()).toBe("access-token-1-xyz");
    now += 2_000;
    expect(await source.getToken()).toBe("access-token-2-xyz");
    expect(server.exchanges).toHaveLength(2);
  });

  it("shrinks the margin for short-lived tokens", async () => {
    let now = 0;
    const { server, source } = await tokenSetup(
      (res, index) => sendJson(res, 200, { access_token: `short-${index}`, expires_in: 60 }),
      { now: () => now },
    );
    await source.getToken();
    now = 44_000; // margin is 15 s (a quarter of 60 s), not 60 s
    expect(await source.getToken()).toBe("short-0");
    now = 46_000;
    expect(await source.getToken()).toBe("short-1");
    expect(server.exchanges).toHaveLength(2);
  });

  it("mints again after invalidate()", async () => {
    const { server, source } = await tokenSetup();
    await source.getToken();
    source.invalidate();
    expect(await source.getToken()).toBe("access-token-2-xyz");
    expect(server.exchanges).toHaveLength(2);
  });

  it("retries the exchange on 503", async () => {
    let calls = 0;
    const { server, source } = await tokenSetup((res) =>
      ++calls === 1
        ? sendJson(res, 503, {})
        : sendJson(res, 200, { access_token: "after-retry", expires_in: 900 }),
    );
    expect(await source.getToken()).toBe("after-retry");
    expect(server.exchanges).toHaveLength(2);
  });

  it("turns a 400 into an AuthError with the server's description and a hint", async () => {
    const server = await startLoopback((_req, res) =>
      sendJson(res, 400, { error: "invalid_client", error_description: "Unknown service account" }),
    );
    cleanups.push(() => server.close());
    const source = new ServiceAccountTokenSource({
      baseUrl: server.url,
      accountId: ACCOUNT_ID,
      privateKey: keys.jwk,
    });
    const error = (await source.getToken().catch((e: unknown) => e)) as AuthError;
    expect(error).toBeInstanceOf(AuthError);
    expect(error.status).toBe(400);
    expect(error.message).toContain("invalid_client: Unknown service account");
    expect(error.message).toContain("fr:idc:promotion:*");
    expect(error.message).toMatch(/service account id/);
    expect(server.requests).toHaveLength(1);
    expectNoSecrets(error.message, source.secrets(), [
      new URLSearchParams(server.requests[0]?.body).get("assertion") ?? "?",
    ]);
  });

  it("scrubs an assertion the server echoes back", async () => {
    const server = await startLoopback((req, res) => {
      const assertion = new URLSearchParams(req.body).get("assertion");
      sendJson(res, 401, { error: "invalid_grant", error_description: `bad JWT ${assertion}` });
    });
    cleanups.push(() => server.close());
    const source = new ServiceAccountTokenSource({
      baseUrl: server.url,
      accountId: ACCOUNT_ID,
      privateKey: keys.jwk,
    });
    const error = (await source.getToken().catch((e: unknown) => e)) as AuthError;
    expect(error.message).toContain("bad JWT ***");
    expectNoSecrets(error.message, source.secrets());
  });

  it("lists the key, every assertion and every token as secrets", async () => {
    const { server, source } = await tokenSetup();
    await source.getToken();
    const assertion = server.exchanges[0]?.form.get("assertion") ?? "";
    expect(source.secrets()).toEqual(
      expect.arrayContaining([keys.jwk, assertion, "access-token-1-xyz"]),
    );
  });

  it("rejects a bad key at construction without echoing it", () => {
    const notAKey = '{"kty":"RSA","d":"c2VjcmV0LXByaXZhdGUtbWF0ZXJpYWw"}';
    const pemish =
      "-----BEGIN PRIVATE KEY-----\nTUlJRXNlY3JldGtleW1hdGVyaWFs\n-----END PRIVATE KEY-----";
    for (const privateKey of [notAKey, pemish, "just some text"]) {
      const make = () =>
        new ServiceAccountTokenSource({
          baseUrl: "https://x.example",
          accountId: ACCOUNT_ID,
          privateKey,
          keyInputName: "upper service account key",
        });
      expect(make).toThrow(/upper service account key is neither/);
      try {
        make();
      } catch (error) {
        expectNoSecrets((error as Error).message, [
          privateKey,
          "c2VjcmV0LXByaXZhdGUtbWF0ZXJpYWw",
          "TUlJRXNlY3JldGtleW1hdGVyaWFs",
        ]);
      }
    }
  });
});

describe("AicClient with a service account", () => {
  it("re-mints the token after a 401 and succeeds", async () => {
    const tokenServer = await startTokenServer(keys.publicKey);
    const api = await startLoopback((req, res) =>
      req.headers.authorization === "Bearer access-token-2-xyz"
        ? sendJson(res, 200, { result: "locked", promotionId: "p-1" })
        : sendJson(res, 401, { code: 401, message: "unauthorized" }),
    );
    cleanups.push(
      () => tokenServer.close(),
      () => api.close(),
    );
    const tokens = new ServiceAccountTokenSource({
      baseUrl: tokenServer.url,
      accountId: ACCOUNT_ID,
      privateKey: keys.pkcs8Pem,
    });
    const client = new AicClient({ baseUrl: api.url, tokens, retry: { retries: 0 } });
    expect(await client.getLockState()).toMatchObject({ result: "locked" });
    expect(tokenServer.exchanges).toHaveLength(2);
    expect(api.requests).toHaveLength(2);
  });
});
