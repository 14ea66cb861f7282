// The ArcGIS scenarios that decide a rollback's outcome: another job running, a job that fails,
// and credentials the organization refuses.
import { describe, expect } from "vitest";
import {
  allOutput,
  CURRENT,
  calls,
  it,
  jobMessages,
  loggedMessages,
  onDefault,
  PREVIOUS,
  parseJson,
  rollbacks,
  shippedScenario,
  tokens,
} from "./emulated.js";

// The upgrade has six real minutes left: at 60x it outlasts the CLI's start by seconds.
const running = () => shippedScenario("job-in-progress");

describe.concurrent("another job in progress (job-in-progress)", () => {
  it("rollback: exit 3, lock-conflict naming the job, nothing sent", async ({ e2e }) => {
    const emulator = await e2e.emulate(running(), 60);
    const run = await e2e.run(emulator, "rollback", ["--format", "json"]);
    expect(run.code, run.stderr).toBe(3);
    const json = parseJson(run);
    expect(json).toMatchObject({
      result: "failed",
      reason: "lock-conflict",
      lockHolder: "upgrades job",
    });
    expect(json.message).toContain("An upgrade or rollback job is in progress on");
    // With the job's two last messages.
    expect(json.message).toMatch(
      /in progress on http:\/\/\S+ \(\d\d:\d\d:\d\d [^;]+; \d\d:\d\d:\d\d [^)]+\); nothing was sent/,
    );
    expect(rollbacks(emulator)).toEqual([]);
    expect(emulator.state().job).toMatchObject({ type: "upgrade", state: "in_progress" });
  });

  it("rollback-preview: exit 3, lock-conflict too (checkRollback is refused meanwhile)", async ({
    e2e,
  }) => {
    const emulator = await e2e.emulate(running(), 60);
    const run = await e2e.run(emulator, "rollback-preview", ["--format", "json"]);
    expect(run.code, run.stderr).toBe(3);
    expect(parseJson(run)).toMatchObject({ result: "failed", reason: "lock-conflict" });
    expect(calls(emulator, "POST", "checkRollback")).toEqual([]);
  });

  it("rollback with --lock-wait: waits for it to end, then rolls back from what it installed", async ({
    e2e,
  }) => {
    const emulator = await e2e.emulate(running(), 120);
    const run = await e2e.run(emulator, "rollback", ["--lock-wait", "60m", "--format", "json"]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain("[wait] a job is in progress");
    expect(parseJson(run).message).toContain("from 11.5.0.6835 to 11.5.0.6825: removed");
    expect(rollbacks(emulator)).toHaveLength(1);
    expect(emulator.state().current).toBe(CURRENT);
  });

  it("status: reports the job in progress and the organization possibly read-only", async ({
    e2e,
  }) => {
    const emulator = await e2e.emulate(running(), 60);
    const run = await e2e.run(emulator, "status", ["--format", "markdown"]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain("| Job | in_progress (the organization may be read-only) |");
    expect(run.stdout).toContain("| Message |");
    // The other upgrades operations are refused while a job runs: shown so, not a failure.
    expect(run.stdout).toContain("| Current version | unavailable while the job runs |");
  });
});

describe.concurrent("a job that fails midway (job-fails)", () => {
  it("exit 1, job-failed with the last messages; the version unchanged; the next run succeeds", async ({
    e2e,
  }) => {
    const emulator = await e2e.emulate(shippedScenario("job-fails"));
    const run = await e2e.run(emulator, "rollback", ["--format", "json"]);
    expect(run.code, run.stderr).toBe(1);
    const json = parseJson(run);
    expect(json).toMatchObject({ result: "failed", reason: "job-failed" });
    expect(json.message).toContain(`The rollback to ${PREVIOUS} (11.5.0.6820) ended failed`);
    const listed = json.message.split("\n").filter((l) => l.startsWith("  - "));
    expect(listed).toHaveLength(5);
    expect(listed.at(-1)).toMatch(
      /^ {2}- \d\d:\d\d:\d\d The rollback process from 11\.5\.0\.6825 to 11\.5\.0\.6820 failed: pods did not become ready in time$/,
    );
    expect(listed.at(-2)).toContain("System is coming out of Read-Only mode.");
    expect(json.nextSteps.join("\n")).toContain("tenant-promote status --platform arcgis");
    expect(loggedMessages(run.stderr)).toEqual(jobMessages(emulator));
    expect(emulator.state()).toMatchObject({ current: CURRENT, readOnly: false });
    expect(rollbacks(emulator)).toHaveLength(1);

    const again = await e2e.run(emulator, "rollback", ["--format", "json"]);
    expect(again.code, again.stderr).toBe(0);
    expect(emulator.state().current).toBe(PREVIOUS);
    expect(rollbacks(emulator)).toHaveLength(2);
  });
});

describe.concurrent("credentials", () => {
  it("rejected password (rejected-password): exit 1 auth, the password nowhere in output", async ({
    e2e,
  }) => {
    const password = "Sw0rdfish-emulator-password";
    const emulator = await e2e.emulate(shippedScenario("rejected-password"));
    const run = await e2e.run(emulator, "rollback", ["--format", "json"], {
      TENANT_PROMOTE_ARCGIS_PASSWORD: password,
    });
    expect(run.code, run.stderr).toBe(1);
    const json = parseJson(run);
    expect(json).toMatchObject({ result: "failed", reason: "auth" });
    expect(json.message).toContain("Invalid username or password.");
    expect(json.nextSteps.join("\n")).toContain("Check arcgis-username and arcgis-password");
    expect(allOutput(run)).not.toContain(password);
    expect(allOutput(run)).not.toContain(encodeURIComponent(password));
    expect(tokens(emulator).length).toBeGreaterThanOrEqual(1);
    expect(rollbacks(emulator)).toEqual([]);
  });

  it.for(["default", "token-errors-as-http-status"])(
    "a token the organization does not know (%s): exit 1 auth, nothing sent",
    async (scenario, { e2e }) => {
      const emulator = await e2e.emulate(shippedScenario(scenario));
      const run = await e2e.run(emulator, "rollback", ["--format", "json"], {
        TENANT_PROMOTE_ARCGIS_USERNAME: "",
        TENANT_PROMOTE_ARCGIS_PASSWORD: "",
        TENANT_PROMOTE_ARCGIS_TOKEN: "not-a-token-of-this-org",
      });
      expect(run.code, run.stderr).toBe(1);
      expect(parseJson(run)).toMatchObject({ result: "failed", reason: "auth" });
      expect(allOutput(run)).not.toContain("not-a-token-of-this-org");
      expect(rollbacks(emulator)).toEqual([]);
    },
  );

  it.for([
    ["short-token-lifetime", ""],
    [
      "short tokens, 498 as the HTTP status",
      "maxTokenLifetimeMinutes: 2\ntokenErrorsAsHttpStatus: true",
    ],
  ])(
    "tokens expiring mid-job (%s): a new token, the rollback succeeds",
    async ([name, yaml], { e2e }) => {
      const scenario = yaml ? onDefault(yaml as string) : shippedScenario(name as string);
      const emulator = await e2e.emulate(scenario);
      const run = await e2e.run(emulator, "rollback", ["--format", "json"]);
      expect(run.code, run.stderr).toBe(0);
      expect(emulator.state().current).toBe(PREVIOUS);
      expect(rollbacks(emulator)).toHaveLength(1);
      // Two real minutes are 200 ms here: the job outlasts several tokens.
      expect(tokens(emulator).length).toBeGreaterThan(2);
      expect(loggedMessages(run.stderr)).toEqual(jobMessages(emulator));
    },
  );

  it("with a static token (the scenario's): rollback succeeds without generateToken", async ({
    e2e,
  }) => {
    const emulator = await e2e.emulate();
    const run = await e2e.run(emulator, "rollback", [], {
      TENANT_PROMOTE_ARCGIS_USERNAME: "",
      TENANT_PROMOTE_ARCGIS_PASSWORD: "",
      TENANT_PROMOTE_ARCGIS_TOKEN: emulator.accessTokens[0] as string,
    });
    expect(run.code, run.stderr).toBe(0);
    expect(tokens(emulator)).toEqual([]);
    expect(emulator.state().current).toBe(PREVIOUS);
  });
});
