// Transient trouble between the CLI and PingOne (error statuses, dropped connections, slow
// replies) and the worker application's token endpoint (expiry, a rotated secret, another method).
import { describe, expect } from "vitest";
import {
  allOutput,
  calls,
  DEVELOPMENT_ID,
  executes,
  it,
  PROMOTIONS,
  parseJson,
  promotion,
  shippedScenario,
  TOKEN_PATH,
} from "./emulated.js";

describe.concurrent("transient API trouble", () => {
  it("http-errors: the token endpoint's 500s and the 503s are retried, the 429's Retry-After honoured", async ({
    e2e,
  }) => {
    // 60x: the waits are real seconds, and at 600x tokens would expire (6 s) mid-run.
    const emulator = await e2e.emulate(shippedScenario("http-errors"), 60);
    const run = await e2e.run(emulator, "promote", ["--format", "json"]);

    expect(run.code, run.stderr).toBe(0);
    const json = parseJson(run);
    expect(json.result).toBe("succeeded");
    expect(calls(emulator, "POST", TOKEN_PATH).map((r) => r.status)).toEqual([500, 500, 500, 200]);
    const reads = calls(emulator, "GET", `${PROMOTIONS}/${json.promotionId}`);
    expect(reads.slice(0, 3).map((r) => r.status)).toEqual([503, 503, 200]);
    const list = calls(emulator, "GET", PROMOTIONS);
    expect(list[0]?.status).toBe(429);
    expect(list[1]?.status).toBe(200);
    // Retry-After: 2 is real seconds; nothing at all was sent while waiting it out.
    const waited = (list[1]?.at as number) - (list[0]?.at as number);
    expect(waited).toBeGreaterThanOrEqual(1950);
    const between = emulator.requests.filter(
      (r) => r.at > (list[0]?.at as number) && r.at < (list[1]?.at as number),
    );
    expect(between).toEqual([]);
    expect(run.stderr).toMatch(/answered HTTP 429; retry 1\/5 in 2(\.0)?s/);
    expect(executes(emulator)).toHaveLength(1);
  }, 20_000);

  it("dropped-connections: the dropped reads are sent again and the run succeeds", async ({
    e2e,
  }) => {
    const emulator = await e2e.emulate(shippedScenario("dropped-connections"));
    const run = await e2e.run(emulator, "promote", ["--format", "json"]);

    expect(run.code, run.stderr).toBe(0);
    const json = parseJson(run);
    expect(json).toMatchObject({ result: "succeeded", changes: 6 });
    // One or two drops: the status-read fault's trailing * also matches the steps read, so when
    // the plan is READY at the first read both faults fire on that one request.
    const dropped = emulator.requests.filter((r) => r.dropped);
    expect(dropped.length).toBeGreaterThanOrEqual(1);
    for (const drop of dropped) {
      expect(drop).toMatchObject({ method: "GET", status: 0 });
      expect(drop.path.startsWith(`${PROMOTIONS}/${json.promotionId}`)).toBe(true);
      const again = emulator.requests.find(
        (r) => r.at > drop.at && r.path === drop.path && r.status === 200,
      );
      expect(again, `${drop.path} was not read again`).toBeDefined();
    }
    expect(promotion(emulator, json.promotionId as string)?.status).toBe("COMPLETED");
    expect(executes(emulator)).toHaveLength(1);
  });

  it("slow-replies: slow reads are waited for, not timed out or repeated", async ({ e2e }) => {
    const emulator = await e2e.emulate(shippedScenario("slow-replies"), 60);
    const run = await e2e.run(emulator, "promote", ["--format", "json"]);

    expect(run.code, run.stderr).toBe(0);
    const json = parseJson(run);
    expect(json.result).toBe("succeeded");
    expect(json.elapsedMs).toBeGreaterThanOrEqual(3000);
    expect(emulator.requests.filter((r) => r.dropped || r.status >= 400)).toEqual([]);
    expect(executes(emulator)).toHaveLength(1);
  }, 20_000);
});

describe.concurrent("the worker application's tokens", () => {
  it("short-token-lifetime: an expired token is asked again and the run succeeds", async ({
    e2e,
  }) => {
    const scenario = shippedScenario("short-token-lifetime");
    // Tokens live 0.2 s at this speed; the execution alone takes about 0.6 s.
    scenario.timings.stepSeconds = 60;
    const emulator = await e2e.emulate(scenario);
    const run = await e2e.run(emulator, "promote", ["--format", "json"]);

    expect(run.code, run.stderr).toBe(0);
    expect(parseJson(run).result).toBe("succeeded");
    const minted = calls(emulator, "POST", TOKEN_PATH);
    expect(minted.length).toBeGreaterThanOrEqual(2);
    expect(minted.every((r) => r.status === 200)).toBe(true);
    expect(emulator.requests.filter((r) => r.status === 401).length).toBeGreaterThanOrEqual(1);
    // An execute refused for its expired token (401: not processed) may be sent again; one is accepted.
    expect(executes(emulator).filter((r) => r.status !== 401)).toEqual([
      expect.objectContaining({ status: 202, dropped: false }),
    ]);
  });

  it("rejected-secret: exit 1, reason auth, no API call, the secret nowhere in the output", async ({
    e2e,
  }) => {
    const emulator = await e2e.emulate(shippedScenario("rejected-secret"));
    const secret = "emulator-secret"; // what the job still has; the app now wants rotated-secret
    const run = await e2e.run(emulator, "promote", ["--format", "json"], {
      TENANT_PROMOTE_PINGONE_CLIENT_SECRET: secret,
    });

    expect(run.code).toBe(1);
    const json = parseJson(run);
    expect(json).toMatchObject({ result: "failed", reason: "auth" });
    expect(json.message).toContain("PingOne refused the client id and secret");
    expect(json.message).toContain(`environment ${DEVELOPMENT_ID}`);
    expect(calls(emulator, "POST", TOKEN_PATH).map((r) => r.status)).toEqual([401, 401]);
    expect(emulator.requests.filter((r) => r.path.startsWith("/v1/"))).toEqual([]);
    const output = allOutput(run);
    expect(output).not.toContain(secret);
    expect(output).not.toContain(Buffer.from(`emulator-client:${secret}`).toString("base64"));
  });

  it("client-secret-post: HTTP Basic refused, the form method works", async ({ e2e }) => {
    const emulator = await e2e.emulate(shippedScenario("client-secret-post"));
    const run = await e2e.run(emulator, "promote", ["--format", "json", "--verbose"]);

    expect(run.code, run.stderr).toBe(0);
    expect(parseJson(run).result).toBe("succeeded");
    const minted = calls(emulator, "POST", TOKEN_PATH);
    expect(minted.map((r) => r.status)).toEqual([401, 200]);
    expect(run.stderr).toContain("refused client_secret_basic; trying client_secret_post");
    expect(allOutput(run)).not.toContain(emulator.workerApp.clientSecret);
  });
});
