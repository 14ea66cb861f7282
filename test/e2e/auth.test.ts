// Service-account auth end to end: the CLI signs assertions, the emulator mints short-lived
// tokens, and neither the key, the assertions nor the tokens ever show in the output.
import { generateKeyPairSync, type JsonWebKey } from "node:crypto";
import { describe, expect } from "vitest";
import {
  defaultScenario,
  type RunningAicEmulator,
} from "../../src/platforms/aic/emulator/index.js";
import { allOutput, type E2e, it, LOCK, lockNow, PROMOTE, upperCalls } from "./emulated.js";

const ACCOUNT_ID = "3a2f6c1e-5d4b-4e8f-9a7c-1b2d3e4f5a6b";
const TOKEN_ENDPOINT = "/am/oauth2/access_token";

function rsaKeys() {
  return generateKeyPairSync("rsa", { modulusLength: 2048 });
}

/** An emulator whose upper environment knows the service account, with tokens of `lifetime` s. */
async function emulateWithAccount(e2e: E2e, publicKey: string | JsonWebKey, lifetime = 899) {
  const scenario = defaultScenario();
  scenario.tokenLifetimeSeconds = lifetime;
  scenario.environments.upper.serviceAccount = {
    id: ACCOUNT_ID,
    publicKey: publicKey as string | Record<string, unknown>,
  };
  return e2e.emulate(scenario);
}

/** Records every assertion received and every token minted by the upper environment. */
function watchTokenEndpoint(emulator: RunningAicEmulator): {
  assertions: string[];
  tokens: string[];
} {
  const seen = { assertions: [] as string[], tokens: [] as string[] };
  const issuer = emulator.upper.tokens;
  const mint = issuer.mint.bind(issuer);
  issuer.mint = (form, origin, now) => {
    const assertion = form.get("assertion");
    if (assertion) seen.assertions.push(assertion);
    const reply = mint(form, origin, now);
    const token = (reply.body as { access_token?: string }).access_token;
    if (token) seen.tokens.push(token);
    return reply;
  };
  return seen;
}

/** How a CI job names a service account: fr-config-manager's variables. */
function accountEnv(emulator: RunningAicEmulator, key: string): Record<string, string> {
  return {
    TENANT_ENV_UPPER_FQDN: emulator.upperUrl,
    SERVICE_ACCOUNT_UPPER_ID: ACCOUNT_ID,
    SERVICE_ACCOUNT_UPPER_KEY: key,
  };
}

describe.concurrent("service-account auth", () => {
  it("promotes with a JWK key, re-minting short-lived tokens mid-promotion, and never prints a secret", async ({
    e2e,
  }) => {
    const { privateKey, publicKey } = rsaKeys();
    const privateJwk = privateKey.export({ format: "jwk" });
    // Tokens live 1 s: a promotion (about 1.5 s here) needs several.
    const emulator = await emulateWithAccount(e2e, publicKey.export({ format: "jwk" }), 1);
    const seen = watchTokenEndpoint(emulator);

    const run = await e2e.run(
      "promote",
      ["--verbose"],
      accountEnv(emulator, JSON.stringify(privateJwk)),
    );

    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain("tenant-promote promote: succeeded");
    expect(emulator.upper.config).toEqual(emulator.lower.config);
    expect(lockNow(emulator).result).toBe("unlocked");
    const minted = upperCalls(emulator, "POST", TOKEN_ENDPOINT).filter((r) => r.status === 200);
    expect(minted.length).toBeGreaterThanOrEqual(2);
    expect(seen.tokens.length).toBe(minted.length);
    // At least one token was minted after the promotion had started.
    const dryRunSent = upperCalls(emulator, "POST", PROMOTE)[0]?.at as number;
    expect(minted.some((request) => request.at > dryRunSent)).toBe(true);

    const output = allOutput(run);
    expect(privateJwk.d).toBeTruthy();
    expect(output).not.toContain(privateJwk.d as string);
    for (const field of ["p", "q", "dp", "dq", "qi"] as const)
      expect(output).not.toContain(privateJwk[field] as string);
    for (const assertion of seen.assertions) expect(output).not.toContain(assertion);
    for (const token of seen.tokens) expect(output).not.toContain(token);
    // Nothing that looks like a JWT either.
    expect(output).not.toMatch(/eyJ[\w-]+\.eyJ[\w-]+\.[\w-]+/);
  });

  it("runs with a PKCS#8 PEM key and never prints its lines", async ({ e2e }) => {
    const { privateKey, publicKey } = rsaKeys();
    const pem = privateKey.export({ type: "pkcs8", format: "pem" }) as string;
    const emulator = await emulateWithAccount(
      e2e,
      publicKey.export({ type: "spki", format: "pem" }) as string,
    );
    const seen = watchTokenEndpoint(emulator);

    const run = await e2e.run("dry-run", ["--verbose"], accountEnv(emulator, pem));

    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain("tenant-promote dry-run: succeeded");
    expect(seen.tokens.length).toBeGreaterThanOrEqual(1);
    expect(lockNow(emulator).result).toBe("unlocked");
    const output = allOutput(run);
    const body = pem.split("\n").filter((line) => line && !line.startsWith("-----"));
    expect(body.length).toBeGreaterThan(10);
    for (const line of body) expect(output).not.toContain(line);
    for (const token of [...seen.tokens, ...seen.assertions]) expect(output).not.toContain(token);
  });

  it("fails with reason auth before locking anything when the key is not the account's", async ({
    e2e,
  }) => {
    const emulator = await emulateWithAccount(e2e, rsaKeys().publicKey.export({ format: "jwk" }));
    const wrongKey = rsaKeys().privateKey.export({ format: "jwk" });

    const run = await e2e.run(
      "promote",
      ["--format", "json"],
      accountEnv(emulator, JSON.stringify(wrongKey)),
    );

    expect(run.code).toBe(1);
    const json = JSON.parse(run.stdout);
    expect(json).toMatchObject({ result: "failed", reason: "auth" });
    expect(json.message).toContain("HTTP 400");
    expect(json.message).toContain("signature does not verify");
    expect(upperCalls(emulator, "POST", LOCK)).toEqual([]);
    expect(lockNow(emulator).result).toBe("unlocked");
    expect(allOutput(run)).not.toContain(wrongKey.d as string);
  });
});
