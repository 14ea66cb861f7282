import { Agent } from "undici";
import { describe, expect, it } from "vitest";
import { AuthError } from "../../../../src/core/http/errors.js";
import { MemoryLogger } from "../../../../src/core/util/log.js";
import {
  type ClientCredentialsOptions,
  ClientCredentialsTokenSource,
} from "../../../../src/platforms/pingone/auth.js";
import { PingOneClient } from "../../../../src/platforms/pingone/client.js";
import { sendJson, startLoopback } from "../../../core/http/loopback.js";
import { afterTest, promotion, SOURCE } from "./setup.js";
import {
  CLIENT_ID,
  CLIENT_SECRET,
  startTokenServer,
  type TokenServer,
  type TokenServerOptions,
  WORKER_ENV,
} from "./token-server.js";

async function tokenSetup(
  serverOptions: TokenServerOptions = {},
  options: Partial<ClientCredentialsOptions> = {},
): Promise<{ server: TokenServer; source: ClientCredentialsTokenSource }> {
  const server = await startTokenServer(serverOptions);
  const dispatcher = new Agent();
  afterTest(() => dispatcher.close());
  const source = new ClientCredentialsTokenSource({
    authOrigin: server.url,
    environmentId: WORKER_ENV,
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    dispatcher,
    logger: new MemoryLogger(),
    retry: { retries: 2, baseDelayMs: 1, maxDelayMs: 5 },
    ...options,
  });
  return { server, source };
}

function expectNoSecrets(message: string, source: ClientCredentialsTokenSource): void {
  expect(message).not.toContain(CLIENT_SECRET);
  for (const secret of source.secrets()) expect(message).not.toContain(secret);
}

describe("ClientCredentialsTokenSource", () => {
  it("asks with client_secret_basic first, form-encoding id and secret", async () => {
    const { server, source } = await tokenSetup();
    expect(await source.getToken()).toBe("pingone-token-0");
    expect(source.tokenUrl).toBe(`${server.url}/${WORKER_ENV}/as/token`);
    const [request] = server.requests;
    expect(request?.headers["content-type"]).toBe("application/x-www-form-urlencoded");
    expect(Object.fromEntries(new URLSearchParams(request?.body))).toEqual({
      grant_type: "client_credentials",
    });
    expect(server.methods).toEqual(["client_secret_basic"]);
    expect(source.authMethod).toBe("client_secret_basic");
  });

  it("falls back to client_secret_post once, and remembers it", async () => {
    const { server, source } = await tokenSetup({ accepts: "client_secret_post" });
    expect(await source.getToken()).toBe("pingone-token-1");
    expect(source.authMethod).toBe("client_secret_post");
    source.invalidate();
    expect(await source.getToken()).toBe("pingone-token-2");
    expect(server.methods).toEqual([
      "client_secret_basic",
      "client_secret_post",
      "client_secret_post",
    ]);
    const form = new URLSearchParams(server.requests[1]?.body);
    expect(form.get("client_id")).toBe(CLIENT_ID);
    expect(form.get("client_secret")).toBe(CLIENT_SECRET);
    expect(server.requests[1]?.headers.authorization).toBeUndefined();
  });

  it("says the id and secret were refused, naming the environment and token URL, never the secret", async () => {
    const { server, source } = await tokenSetup({ secret: "another-secret" });
    const error = (await source.getToken().catch((e: unknown) => e)) as AuthError;
    expect(error).toBeInstanceOf(AuthError);
    expect(error.status).toBe(401);
    expect(error.oauthError).toBe("invalid_client");
    expect(error.message).toContain("refused the client id and secret");
    expect(error.message).toContain(`environment ${WORKER_ENV}`);
    expect(error.message).toContain(source.tokenUrl);
    expect(error.message).toContain("client_secret_basic and client_secret_post");
    expectNoSecrets(error.message, source);
    expect(server.requests).toHaveLength(2);
  });

  it("scrubs a secret the token endpoint echoes back, in any of its forms", async () => {
    const { source } = await tokenSetup({
      override: (req, res) => {
        // Basic: the header; post: the form body with the secret form-encoded.
        const echoed = req.headers.authorization ?? req.body;
        sendJson(res, 401, {
          error: "invalid_client",
          error_description: `bad credentials ${echoed} ${CLIENT_SECRET}`,
        });
        return true;
      },
    });
    const error = (await source.getToken().catch((e: unknown) => e)) as AuthError;
    expect(error.message).toContain("bad credentials grant_type=client_credentials");
    expect(error.message).toContain("client_secret=***");
    expectNoSecrets(error.message, source);
  });

  it("scrubs the Basic credentials an endpoint echoes back", async () => {
    const { source } = await tokenSetup({
      override: (req, res) => {
        sendJson(res, 400, {
          error: "invalid_request",
          error_description: `${req.headers.authorization}`,
        });
        return true;
      },
    });
    const error = (await source.getToken().catch((e: unknown) => e)) as AuthError;
    expect(error.message).toContain("invalid_request: Basic ***");
    expectNoSecrets(error.message, source);
  });

  it("does not fall back on other refusals, and points at the app's set-up", async () => {
    const { server, source } = await tokenSetup({
      override: (_req, res) => {
        sendJson(res, 400, { error: "unauthorized_grant", error_description: "not allowed" });
        return true;
      },
    });
    const error = (await source.getToken().catch((e: unknown) => e)) as AuthError;
    expect(error.message).toContain("unauthorized_grant: not allowed");
    expect(error.message).toContain("allows the client credentials grant");
    expect(server.requests).toHaveLength(1);
  });

  it("names the environment id when the token URL is not found", async () => {
    const { server, source } = await tokenSetup({
      override: (_req, res) => {
        sendJson(res, 404, { id: "e-1", code: "NOT_FOUND", message: "Environment not found" });
        return true;
      },
    });
    const error = (await source.getToken().catch((e: unknown) => e)) as AuthError;
    expect(error.status).toBe(404);
    expect(error.message).toContain("NOT_FOUND: Environment not found");
    expect(error.message).toContain(`environment id (${WORKER_ENV})`);
    expect(server.requests).toHaveLength(1);
  });

  it("retries the token endpoint on 503", async () => {
    const { server, source } = await tokenSetup({
      override: (_req, res, index) => {
        if (index > 0) return false;
        sendJson(res, 503, {});
        return true;
      },
    });
    expect(await source.getToken()).toBe("pingone-token-1");
    expect(server.requests).toHaveLength(2);
  });

  it("caches the token and asks again a minute before expiry", async () => {
    let now = 1_000_000;
    const { server, source } = await tokenSetup({}, { now: () => now });
    await source.getToken();
    now += 3_539_000;
    expect(await source.getToken()).toBe("pingone-token-0");
    now += 2_000;
    expect(await source.getToken()).toBe("pingone-token-1");
    expect(server.requests).toHaveLength(2);
  });

  it("keeps the margin within a tenth of a short lifetime", async () => {
    let now = 0;
    const { server, source } = await tokenSetup({ expiresIn: 300 }, { now: () => now });
    await source.getToken();
    now = 269_000; // margin is 30 s, not 60 s
    expect(await source.getToken()).toBe("pingone-token-0");
    now = 271_000;
    expect(await source.getToken()).toBe("pingone-token-1");
    expect(server.requests).toHaveLength(2);
  });

  it("shares one request between concurrent callers", async () => {
    const { server, source } = await tokenSetup();
    const tokens = await Promise.all([1, 2, 3].map(() => source.getToken()));
    expect(new Set(tokens)).toEqual(new Set(["pingone-token-0"]));
    expect(server.requests).toHaveLength(1);
  });

  it("lists the secret, its Basic form and every token as secrets", async () => {
    const { server, source } = await tokenSetup();
    await source.getToken();
    const basic = server.requests[0]?.headers.authorization?.slice("Basic ".length) ?? "?";
    expect(source.secrets()).toEqual(
      expect.arrayContaining([CLIENT_SECRET, basic, "pingone-token-0"]),
    );
  });

  it("rejects an empty secret or a malformed environment id without echoing the secret", () => {
    const make = (options: Partial<ClientCredentialsOptions>) => () =>
      new ClientCredentialsTokenSource({
        authOrigin: "https://auth.pingone.com",
        environmentId: WORKER_ENV,
        clientId: CLIENT_ID,
        clientSecret: CLIENT_SECRET,
        ...options,
      });
    expect(make({ clientSecret: " \n" })).toThrow(/client secret is empty/);
    expect(make({ environmentId: "a/b" })).toThrow(/environment id/);
    expect(make({ authOrigin: "http://auth.pingone.com" })).toThrow(/https/);
  });
});

describe("PingOneClient with client credentials", () => {
  it("asks for a new token once after a 401 and succeeds", async () => {
    const { server: tokenServer, source } = await tokenSetup();
    const api = await startLoopback((req, res) =>
      req.headers.authorization === "Bearer pingone-token-1"
        ? sendJson(res, 200, promotion("p-1", "READY"))
        : sendJson(res, 401, { code: "ACCESS_FAILED", message: "token expired" }),
    );
    afterTest(() => api.close());
    const client = new PingOneClient({
      apiUrl: api.url,
      sourceEnvironmentId: SOURCE,
      tokens: source,
      retry: { retries: 0 },
    });
    expect(await client.getPromotion("p-1")).toMatchObject({ status: "READY" });
    expect(tokenServer.requests).toHaveLength(2);
    expect(api.requests).toHaveLength(2);
  });
});
