// Every ArcGIS mode of the real CLI against the emulator: what a user sees, what the organization
// ends up running, and that a rollback is one POST after a fresh checkRollback.
import { describe, expect } from "vitest";
import {
  CURRENT,
  calls,
  it,
  jobMessages,
  loggedMessages,
  PREVIOUS,
  parseJson,
  rollbacks,
  shippedScenario,
  UPGRADES,
} from "./emulated.js";

const removed = (json: ReturnType<typeof parseJson>) =>
  (
    json.report as unknown as { areas: { items: { deleted: { uid: string }[] }[] }[] }
  ).areas.flatMap((a) => a.items.flatMap((i) => i.deleted.map((d) => d.uid)));

describe.concurrent("read-only modes", () => {
  it("status: the version, the installed patches and the job; sends nothing", async ({ e2e }) => {
    const emulator = await e2e.emulate();
    const run = await e2e.run(emulator, "status", ["--format", "markdown"]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(`runs ${CURRENT} (11.5.0.6825); upgrades job: success`);
    expect(run.stdout).toContain(
      "| Installed patches | pat_12082025_6805, pat_11092025_6815, pat_07102025_6820, pat_23102025_6825 |",
    );
    expect(emulator.requests.every((r) => !/checkRollback|\/rollback$/.test(r.path))).toBe(true);
  });

  it("rollback-preview: the newest offer as target, the patches it removes; nothing sent", async ({
    e2e,
  }) => {
    const emulator = await e2e.emulate();
    const run = await e2e.run(emulator, "rollback-preview", ["--format", "json"]);
    expect(run.code, run.stderr).toBe(0);
    const json = parseJson(run);
    expect(json).toMatchObject({ mode: "rollback-preview", result: "succeeded", changes: 1 });
    expect(json.promotionId).toBeNull();
    expect(json.report).toMatchObject({
      kind: "patch-rollback-preview",
      extra: { from: `${CURRENT} (11.5.0.6825)`, to: `${PREVIOUS} (11.5.0.6820)` },
    });
    expect(removed(json)).toEqual([CURRENT]);
    expect(calls(emulator, "POST", "checkRollback")).toHaveLength(1);
    expect(rollbacks(emulator)).toEqual([]);
    expect(emulator.state().current).toBe(CURRENT);
  });
});

describe.concurrent("rollback", () => {
  it("to the newest offer: one POST after a fresh checkRollback, each message once, on the target", async ({
    e2e,
  }) => {
    const emulator = await e2e.emulate();
    const preview = parseJson(await e2e.run(emulator, "rollback-preview", ["--format", "json"]));
    const run = await e2e.run(emulator, "rollback", ["--format", "json"]);

    expect(run.code, run.stderr).toBe(0);
    const json = parseJson(run);
    expect(json).toMatchObject({ mode: "rollback", result: "succeeded", changes: 1 });
    expect(json.message).toContain("back from 11.5.0.6825 to 11.5.0.6820: 1 patch(es) removed");
    expect(json.reportHash).toBe(preview.reportHash);
    expect(emulator.state()).toMatchObject({ current: PREVIOUS, currentVersion: "11.5.0.6820" });
    expect(emulator.state().job).toMatchObject({ type: "rollback", state: "success" });
    // Exactly one rollback POST, and a checkRollback of this run right before it.
    expect(rollbacks(emulator)).toHaveLength(1);
    const sent = emulator.requests.findIndex((r) => r.path === `${UPGRADES}/rollback`);
    const checks = emulator.requests
      .map((r, i) => (r.path === `${UPGRADES}/checkRollback` ? i : -1))
      .filter((i) => i >= 0);
    expect(checks).toHaveLength(2); // the preview's and the rollback's own
    expect(checks[1]).toBeLessThan(sent);
    // Every job message in stderr once, in order; the read-only window named.
    const messages = jobMessages(emulator);
    expect(messages).toHaveLength(19);
    expect(loggedMessages(run.stderr)).toEqual(messages);
    expect(run.stderr).toMatch(/\[read-only\] the organization is read-only from \d\d:\d\d:\d\d/);
    expect(run.stderr).toMatch(
      /\[read-only\] the organization is writable again at \d\d:\d\d:\d\d, after/,
    );
    expect(json.report?.kind).toBe("patch-rollback");
  });

  it("text report: the job's messages as a timeline", async ({ e2e }) => {
    const emulator = await e2e.emulate();
    const run = await e2e.run(emulator, "rollback", ["--format", "markdown"]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain("### ✅ tenant-promote rollback: succeeded");
    expect(run.stdout).toContain("Job messages (19)");
    expect(run.stdout).toContain("Starting the rollback process from 11.5.0.6825 to 11.5.0.6820.");
  });

  it.for([
    ["a version, --rollback-to 11.5.0.6815", ["--rollback-to", "11.5.0.6815"], {}],
    ["an id, TENANT_PROMOTE_ROLLBACK_TO", [], { TENANT_PROMOTE_ROLLBACK_TO: "pat_11092025_6815" }],
  ] as const)("to %s: removes the two patches after it", async ([, args, env], { e2e }) => {
    const emulator = await e2e.emulate();
    const run = await e2e.run(emulator, "rollback", ["--format", "json", ...args], env);
    expect(run.code, run.stderr).toBe(0);
    const json = parseJson(run);
    expect(removed(json)).toEqual(["pat_07102025_6820", CURRENT]);
    expect(emulator.state()).toMatchObject({
      current: "pat_11092025_6815",
      installed: ["rel_24062025_6745", "pat_12082025_6805", "pat_11092025_6815"],
    });
    expect(rollbacks(emulator)).toHaveLength(1);
  });

  it("to the release: every patch removed", async ({ e2e }) => {
    const emulator = await e2e.emulate();
    const run = await e2e.run(emulator, "rollback", ["--rollback-to", "rel_24062025_6745"]);
    expect(run.code, run.stderr).toBe(0);
    expect(emulator.state()).toMatchObject({ currentVersion: "11.5.0.6745" });
    expect(emulator.state().installed).toEqual(["rel_24062025_6745"]);
  });

  it.for([
    ["rollback", "pat_04122025_6835"],
    ["rollback", "11.5.0.6825"],
    ["rollback-preview", "pat_01012025_6700"],
  ])(
    "%s --rollback-to %s, not offered: exit 2, the offers named, nothing sent",
    async ([mode, wanted], { e2e }) => {
      const emulator = await e2e.emulate();
      const run = await e2e.run(emulator, mode as string, [
        "--rollback-to",
        wanted as string,
        "--format",
        "json",
      ]);
      expect(run.code, run.stderr).toBe(2);
      const json = parseJson(run);
      expect(json).toMatchObject({ result: "failed", reason: "usage" });
      expect(json.message).toContain(`rollback-to ${wanted} is not among the versions`);
      expect(json.message).toContain(`${PREVIOUS} (11.5.0.6820), pat_11092025_6815 (11.5.0.6815)`);
      expect(rollbacks(emulator)).toEqual([]);
      expect(emulator.state().current).toBe(CURRENT);
    },
  );
});

describe.concurrent("no patch installed", () => {
  it.for(["rollback-preview", "rollback"])(
    "%s: no-change, exit 0, nothing sent",
    async (mode, { e2e }) => {
      const emulator = await e2e.emulate(shippedScenario("no-patch-installed"));
      const run = await e2e.run(emulator, mode, ["--format", "json"]);
      expect(run.code, run.stderr).toBe(0);
      const json = parseJson(run);
      expect(json).toMatchObject({ result: "no-change", changes: 0 });
      expect(json.message).toContain("checkRollback offers no earlier version");
      expect(rollbacks(emulator)).toEqual([]);
      expect(emulator.state().currentVersion).toBe("11.5.0.6745");
    },
  );
});
