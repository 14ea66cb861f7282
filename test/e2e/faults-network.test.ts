// Transient HTTP errors, lost replies and slow replies: retried where safe, never a blind
// re-send of a POST that may have taken effect, and the run still ends unlocked.
import { describe, expect } from "vitest";
import { closedPortUrl } from "../core/http/loopback.js";
import {
  it,
  LOCK,
  LOCK_STATE,
  lockNow,
  PROMOTE,
  parseJson,
  REPORT,
  scenarioOnDefault,
  shippedScenario,
  UPPER_TOKEN,
  unlocksOf,
  upperCalls,
} from "./emulated.js";

describe.concurrent("bursts of HTTP errors", () => {
  it("retries 503s, honours a 429's Retry-After and re-sends a POST answered 500 only after checking it did not start", async ({
    e2e,
  }) => {
    // As scenarios/http-errors.yaml, with shorter waits: two 503s on the lock state, a 429
    // (Retry-After: 1) on the first status read, a 500 on the second POST /promote.
    const emulator = await e2e.emulate(
      scenarioOnDefault(`
faults:
  httpErrors:
    - { env: upper, method: GET, path: /environment/promotion/lock/state, status: 503, count: 2 }
    - { env: upper, method: GET, path: /environment/promotion/promote, status: 429, retryAfterSeconds: 1 }
    - { env: upper, method: POST, path: /environment/promotion/promote, status: 500, after: 1 }
`),
    );
    const run = await e2e.runAgainst(emulator, "promote", ["--format", "json"]);

    expect(run.code, run.stderr).toBe(0);
    const json = parseJson(run);
    expect(json).toMatchObject({ result: "succeeded", changes: 6, lockReleased: true });
    expect(emulator.upper.config).toEqual(emulator.lower.config);

    const lockStates = upperCalls(emulator, "GET", LOCK_STATE).map((r) => r.status);
    expect(lockStates.slice(0, 3)).toEqual([503, 503, 200]);

    const reads = upperCalls(emulator, "GET", PROMOTE);
    const throttled = reads.findIndex((r) => r.status === 429);
    expect(throttled).toBeGreaterThanOrEqual(0);
    const retried = reads[throttled + 1];
    expect(retried?.status).toBe(200);
    expect((retried?.at ?? 0) - (reads[throttled]?.at ?? 0)).toBeGreaterThanOrEqual(950);

    // Dry run, the promotion answered 500 (not started), the promotion sent once more.
    expect(upperCalls(emulator, "POST", PROMOTE).map((r) => r.status)).toEqual([202, 500, 202]);
    expect(run.stderr).toContain("the reply was lost and nothing started: sending it once more");
    expect(lockNow(emulator).result).toBe("unlocked");
  });

  it("retries a 401 once with a fresh token (even a POST), a 500 on a read and a 503 on the unlock", async ({
    e2e,
  }) => {
    const emulator = await e2e.emulate(
      scenarioOnDefault(`
faults:
  httpErrors:
    - { env: upper, method: POST, path: /environment/promotion/lock, status: 401 }
    - { env: upper, method: GET, path: /environment/promotion/report, status: 500 }
    - { env: upper, method: DELETE, path: "/environment/promotion/lock/*", status: 503 }
`),
    );
    const run = await e2e.runAgainst(emulator, "dry-run", ["--format", "json"]);

    expect(run.code, run.stderr).toBe(0);
    const json = parseJson(run);
    expect(json).toMatchObject({ result: "succeeded", changes: 6, lockReleased: true });
    expect(upperCalls(emulator, "POST", LOCK).map((r) => r.status)).toEqual([401, 202]);
    expect(run.stderr).toContain("answered HTTP 401; retrying once with a fresh token");
    expect(upperCalls(emulator, "GET", REPORT).map((r) => r.status)).toEqual([500, 200]);
    const id = json.promotionId as string;
    expect(unlocksOf(emulator, id).map((r) => r.status)).toEqual([503, 202]);
    expect(lockNow(emulator).result).toBe("unlocked");
  });
});

describe.concurrent("dropped connections", () => {
  it("takes the lock whose reply was lost without a second lock request, retries a dropped read, and unlocks", async ({
    e2e,
  }) => {
    const emulator = await e2e.emulate(shippedScenario("dropped-connections"));
    const run = await e2e.runAgainst(emulator, "dry-run", ["--format", "json"]);

    expect(run.code, run.stderr).toBe(0);
    const json = parseJson(run);
    expect(json).toMatchObject({ result: "succeeded", lockReleased: true });
    const locks = upperCalls(emulator, "POST", LOCK);
    expect(locks).toHaveLength(1);
    expect(locks[0]?.status).toBe(0);
    expect(run.stderr).toContain("the lock reply was lost");
    expect(json.promotionId).toBe(emulator.events.find((e) => e.kind === "lock-requested")?.detail);
    expect(upperCalls(emulator, "GET", PROMOTE).some((r) => r.status === 0)).toBe(true);
    expect(unlocksOf(emulator, json.promotionId as string)).toHaveLength(1);
    expect(lockNow(emulator).result).toBe("unlocked");
  });
});

describe.concurrent("slow replies", () => {
  it("gives up on a reply slower than --request-timeout, retries the read and succeeds", async ({
    e2e,
  }) => {
    // The first two status reads take 1.5 s each.
    const emulator = await e2e.emulate(shippedScenario("slow-replies"));
    const run = await e2e.runAgainst(emulator, "dry-run", ["--format", "json"], {
      TENANT_PROMOTE_REQUEST_TIMEOUT: "300ms",
    });

    expect(run.code, run.stderr).toBe(0);
    expect(parseJson(run)).toMatchObject({ result: "succeeded", lockReleased: true });
    expect(run.stderr).toMatch(
      /GET http:\/\/127\.0\.0\.1:\d+\/environment\/promotion\/promote failed \(timeout\); retry 1\/5/,
    );
    expect(run.stderr).toMatch(/failed \(timeout\); retry 2\/5/);
    expect(lockNow(emulator).result).toBe("unlocked");
  });
});

describe.concurrent("a host that cannot be reached", () => {
  // Each platform's first request: AIC's three reads at once, PingOne's and ArcGIS's token.
  const PLATFORMS: Array<{ platform: string; args: (url: string) => string[] }> = [
    { platform: "aic", args: (url) => ["--upper-fqdn", url, "--upper-access-token", UPPER_TOKEN] },
    {
      platform: "pingone",
      args: (url) => [
        ...["--pingone-api-url", url, "--pingone-client-id", "worker"],
        ...["--source-environment-id", "11111111-1111-4111-8111-111111111111"],
        ...["--target-environment-id", "22222222-2222-4222-8222-222222222222"],
      ],
    },
    {
      platform: "arcgis",
      args: (url) => ["--arcgis-url", `${url}/arcgis`, "--arcgis-username", "admin"],
    },
  ];

  it.for(PLATFORMS)(
    "$platform: fails at once, in one line naming the host, and asks whether the emulator runs",
    async ({ platform, args }, { e2e }) => {
      const url = await closedPortUrl();
      const run = await e2e.run("status", ["--platform", platform, ...args(url)], {
        TENANT_PROMOTE_PINGONE_CLIENT_SECRET: "worker-secret",
        TENANT_PROMOTE_ARCGIS_PASSWORD: "admin-password",
      });

      expect(run.code).toBe(1);
      expect(run.stderr).not.toMatch(/retry/);
      const naming = run.stderr.split("\n").filter((line) => line.includes(url));
      expect(naming).toEqual([
        expect.stringMatching(
          `warning: failed \\(api-error\\): Cannot connect to ${url}: connection refused \\(ECONNREFUSED\\); is the emulator running\\? \`tenant-promote emulator --platform ${platform}\`$`,
        ),
      ]);
    },
  );

  it("stops the other requests of a run that failed: nothing retries or logs after its outcome", async ({
    e2e,
  }) => {
    // The lock state keeps answering 503 (retried) while the list of reports fails for good.
    const emulator = await e2e.emulate(
      scenarioOnDefault(`
faults:
  httpErrors:
    - { env: upper, method: GET, path: /environment/promotion/lock/state, status: 503, count: 20 }
    - { env: upper, method: GET, path: /environment/promotion/reports, status: 400 }
`),
    );
    const run = await e2e.runAgainst(emulator, "status");

    expect(run.code).toBe(1);
    const afterOutcome = run.stderr.slice(run.stderr.indexOf("[done]"));
    expect(afterOutcome).not.toMatch(/retry/);
    expect(afterOutcome).toContain("HTTP 400");
  });
});
