// How a PingOne run is given its inputs (flags, TENANT_PROMOTE_* and PINGONE_* variables), what
// bad input gets (exit 2, the input named, nothing sent), `--format json`, and Ctrl-C mid-plan.
import { describe, expect } from "vitest";
import {
  calls,
  ciEnv,
  DEVELOPMENT_ID,
  deletes,
  it,
  onDefault,
  PRODUCTION_ID,
  parseJson,
  promotion,
  STAGING_ID,
} from "./emulated.js";

describe.concurrent("--format json", () => {
  it("carries result, reason and promotionId, on success and on failure", async ({ e2e }) => {
    const emulator = await e2e.emulate();
    const ok = await e2e.run(emulator, "dry-run", ["--format", "json"]);
    expect(ok.code, ok.stderr).toBe(0);
    const json = JSON.parse(ok.stdout) as Record<string, unknown>;
    expect(json).toMatchObject({ mode: "dry-run", result: "succeeded", reason: null });
    expect(json.promotionId).toMatch(/^[0-9a-f-]{36}$/);
    expect(json.reportHash).toMatch(/^[0-9a-f]{64}$/);

    const other = "4a4a4a4a-0000-4000-8000-0000000000ff";
    const bad = await e2e.run(emulator, "unlock", ["--format", "json", "--promotion-id", other]);
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.stdout)).toMatchObject({
      mode: "unlock",
      result: "failed",
      reason: expect.any(String),
    });
  });
});

interface UsageCase {
  what: string;
  /** promote unless given. */
  mode?: string;
  args?: string[];
  env?: Record<string, string>;
  message: RegExp;
}

const CASES: UsageCase[] = [
  {
    what: "a source environment id that is not a UUID",
    args: ["--source-environment-id", "development"],
    message: /--source-environment-id "development" is not an environment id \(a UUID\)/,
  },
  {
    what: "a target environment id from a variable that is not a UUID",
    env: { TENANT_PROMOTE_TARGET_ENVIRONMENT_ID: "staging" },
    message: /TENANT_PROMOTE_TARGET_ENVIRONMENT_ID "staging" is not an environment id/,
  },
  {
    what: "no target environment",
    env: { TENANT_PROMOTE_TARGET_ENVIRONMENT_ID: "" },
    message: /--target-environment-id is required for promote/,
  },
  {
    what: "the source as its own target",
    args: ["--target-environment-id", DEVELOPMENT_ID],
    message: /--target-environment-id is the source environment itself/,
  },
  {
    what: "an AIC flag (--upper-fqdn)",
    args: ["--upper-fqdn", "openam-acme-staging.forgeblocks.com"],
    message: /--upper-fqdn is an option of --platform aic; this run is on pingone/,
  },
  {
    what: "an AIC flag (--upper-access-token)",
    args: ["--upper-access-token", "aic-token-not-for-pingone"],
    message: /--upper-access-token is an option of --platform aic/,
  },
  {
    what: "a client id without its secret",
    env: { TENANT_PROMOTE_PINGONE_CLIENT_SECRET: "" },
    message: /TENANT_PROMOTE_PINGONE_CLIENT_ID is set but --pingone-client-secret is missing/,
  },
  {
    what: "a rollback --promotion-id that is not a UUID",
    mode: "rollback",
    args: ["--promotion-id", "bogus"],
    message: /--promotion-id "bogus" is not a promotion id: it is a UUID/,
  },
  {
    what: "an unlock promotion id from a variable that is not a UUID",
    mode: "unlock",
    env: { TENANT_PROMOTE_PROMOTION_ID: "bogus" },
    message: /TENANT_PROMOTE_PROMOTION_ID "bogus" is not a promotion id/,
  },
  {
    what: "a resource id that is not a UUID",
    args: ["--resources", "Partners"],
    message: /--resources: "Partners" is not a resource id/,
  },
];

describe.concurrent("usage errors", () => {
  it.for(CASES)("$what: exit 2, the input named, nothing sent", async (usage, { e2e }) => {
    const emulator = await e2e.emulate();
    const run = await e2e.run(emulator, usage.mode ?? "promote", usage.args ?? [], usage.env ?? {});

    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toMatch(/^tenant-promote: /);
    expect(run.stderr).toMatch(usage.message);
    expect(run.stdout).toBe("");
    expect(run.stderr).not.toContain(emulator.workerApp.clientSecret);
    expect(emulator.requests).toEqual([]);
  });
});

describe.concurrent("variables", () => {
  it("PINGONE_CLIENT_ID, PINGONE_CLIENT_SECRET and PINGONE_ENVIRONMENT_ID give the worker app", async ({
    e2e,
  }) => {
    // The worker application lives in production, neither source nor target.
    const emulator = await e2e.emulate(onDefault("workerApp:\n  environment: production"));
    const run = await e2e.run(emulator, "dry-run", ["--format", "json"], {
      TENANT_PROMOTE_PINGONE_CLIENT_ID: "",
      TENANT_PROMOTE_PINGONE_CLIENT_SECRET: "",
      PINGONE_CLIENT_ID: emulator.workerApp.clientId,
      PINGONE_CLIENT_SECRET: emulator.workerApp.clientSecret,
      PINGONE_ENVIRONMENT_ID: PRODUCTION_ID,
    });

    expect(run.code, run.stderr).toBe(0);
    expect(parseJson(run).result).toBe("succeeded");
    expect(calls(emulator, "POST", `/${PRODUCTION_ID}/as/token`).map((r) => r.status)).toEqual([
      200,
    ]);
  });

  it("another platform's variables (as a CI job exporting them all) are ignored", async ({
    e2e,
  }) => {
    const emulator = await e2e.emulate();
    const run = await e2e.run(emulator, "dry-run", ["--format", "json"], {
      TENANT_PROMOTE_UPPER_FQDN: "openam-acme-staging.forgeblocks.com",
      TENANT_PROMOTE_UPPER_ACCESS_TOKEN: "aic-token",
    });
    expect(run.code, run.stderr).toBe(0);
    expect(parseJson(run).result).toBe("succeeded");
  });

  it("TENANT_PROMOTE_PLATFORM=pingone stands for --platform pingone", async ({ e2e }) => {
    const emulator = await e2e.emulate();
    const run = await e2e.bare(
      ["status", "--format", "json", "--time-scale", String(1 / emulator.speed)],
      { ...ciEnv(emulator), PATH: process.env.PATH ?? "", TENANT_PROMOTE_PLATFORM: "pingone" },
    );
    expect(run.code, run.stderr).toBe(0);
    expect(parseJson(run).message).toContain(`from ${DEVELOPMENT_ID} to ${STAGING_ID}`);
  });
});

describe.concurrent("SIGINT during a dry run's planning", () => {
  it.for([
    { when: "NEW", after: /\[create\] promotion \S+ \(NEW\)/, waits: false },
    { when: "PREPARING", after: /\[plan\] PREPARING/, waits: true },
  ])(
    "while $when: the draft is deleted before exit 130",
    { timeout: 20_000 },
    async (at, { e2e }) => {
      // NEW for 0.5 s, PREPARING for 1.5 s at 60x.
      const scenario = onDefault("timings: { newSeconds: 30, preparingSeconds: 90 }");
      const emulator = await e2e.emulate(scenario, 60);
      const cli = e2e.start(emulator, "dry-run", ["--format", "json"]);
      await cli.waitForStderr(at.after);
      cli.child.kill("SIGINT");
      const run = await cli.result;

      expect(run.code, run.stderr).toBe(130);
      const json = parseJson(run);
      expect(json).toMatchObject({ result: "failed", reason: "cancelled", lockReleased: true });
      const draft = json.promotionId as string;
      expect(run.stderr).toContain(`[create] promotion ${draft} (NEW)`);
      expect(run.stderr).toContain("SIGINT received: stopping and releasing the draft promotion");
      expect(run.stderr).toContain(`[release] deleted draft promotion ${draft}`);
      // PingOne deletes only NEW or READY promotions: while PREPARING, the release waits for the plan.
      expect(run.stderr.includes("[release: waiting for the plan before deleting]")).toBe(at.waits);
      expect(deletes(emulator).map((r) => r.status)).toEqual([204]);
      expect(promotion(emulator, draft)).toBeUndefined();
      expect(emulator.promotions()).toEqual([]);
    },
  );
});
