// A CLI rollback stopped mid-job, by Ctrl-C or by its --timeout: nothing can stop the job, so the
// run says it still runs and how to follow it; the status command it names does.
import { describe, expect } from "vitest";
import { CURRENT, it, PREVIOUS, parseJson, rollbacks, shippedScenario } from "./emulated.js";

/** At 60x a rollback takes about 7 s. */
const SLOW = 60;

describe.concurrent("stopped mid-job", () => {
  it("SIGINT: exit 130 cancelled, the job reported running with the command to follow it", async ({
    e2e,
  }) => {
    const emulator = await e2e.emulate(undefined, SLOW);
    const cli = e2e.start(emulator, "rollback", ["--format", "json"]);
    await cli.waitForStderr(/\[read-only\] the organization is read-only from/);
    cli.child.kill("SIGINT");
    const run = await cli.result;

    expect(run.code, run.stderr).toBe(130);
    expect(parseJson(run)).toMatchObject({ result: "failed", reason: "cancelled" });
    const follow = `tenant-promote status --platform arcgis --arcgis-url ${emulator.orgUrl}`;
    expect(run.stderr).toMatch(
      new RegExp(
        `\\[job\\] the rollback to ${PREVIOUS} is still running \\(a cancel cannot stop it\\): \\d\\d:\\d\\d:\\d\\d [^\\n]*[^.]\\.+ Follow it with: ${follow.replace(/[.]/g, "\\.")}`,
      ),
    );
    expect(emulator.state().job.state).toBe("in_progress");
    expect(rollbacks(emulator)).toHaveLength(1);
    // The read after the cancel too carried the Referer its token is bound to.
    expect(emulator.requests.at(-1)).toMatchObject({ method: "GET", referer: "tenant-promote" });
    expect(emulator.requests.filter((r) => r.referer !== "tenant-promote")).toEqual([]);

    // The command named shows the job while it runs.
    const status = await e2e.run(emulator, "status", ["--format", "markdown"]);
    expect(status.code, status.stderr).toBe(0);
    expect(status.stdout).toContain("| Job | in_progress (the organization may be read-only) |");
    expect(status.stdout).toMatch(/\| Message \| \d\d:\d\d:\d\d \S/);
  });

  it("--timeout: exit 1 timeout, the job reported running; it ends on its own", async ({ e2e }) => {
    const emulator = await e2e.emulate(undefined, SLOW);
    const run = await e2e.run(emulator, "rollback", ["--timeout", "3s", "--format", "json"]);
    expect(run.code, run.stderr).toBe(1);
    expect(parseJson(run)).toMatchObject({ result: "failed", reason: "timeout" });
    expect(run.stderr).toContain(`[job] the rollback to ${PREVIOUS} is still running`);
    expect(emulator.state()).toMatchObject({ current: CURRENT, readOnly: true });
    expect(rollbacks(emulator)).toHaveLength(1);
  });

  it("SIGINT while the rollback's reply is slow: the job it started is still reported", async ({
    e2e,
  }) => {
    // The rollback answers after 1.5 s; the organization has taken it by then.
    const emulator = await e2e.emulate(shippedScenario("slow-replies"), SLOW);
    const cli = e2e.start(emulator, "rollback", ["--format", "json"]);
    await cli.waitForStderr(/\[rollback\] from/);
    await new Promise((resolve) => setTimeout(resolve, 300));
    cli.child.kill("SIGINT");
    const run = await cli.result;
    expect(run.code, run.stderr).toBe(130);
    expect(emulator.state().job).toMatchObject({ type: "rollback", state: "in_progress" });
    expect(run.stderr).toContain(`[job] the rollback to ${PREVIOUS} is still running`);
    expect(rollbacks(emulator)).toHaveLength(1);
  });
});
