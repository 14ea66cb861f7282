// A cancelled ArcGIS job, the runner's way (SIGINT, SIGTERM, SIGKILL): nothing stops a rollback
// job, so main and post say it still runs and how to follow it, within their bounds.
import { describe, expect } from "vitest";
import { onDefault, PREVIOUS, rollbacks, UPGRADES } from "../../e2e/arcgis/emulated.js";
import { cancelLikeRunner } from "../runner.js";
import { everythingShown, it, pushEvent } from "./arcgis-action.js";

const PASSWORD = "Gis-admin-Pa55word-Cancel-9w";
/** Tokens are minted for it, and every request must carry it, post's too. */
const REFERER = "https://ci.example.com/tenant-promote";
/** At 60x a rollback takes about 7 s: main cannot wait it out before SIGTERM. */
const SLOW = 60;

describe.concurrent("a cancelled rollback (SIGINT, SIGTERM 1.5 s later)", () => {
  it("mid-job: main says the job still runs; post reports it and how to follow it", async ({
    action,
  }) => {
    const emulator = await action.emulate(
      onDefault(`credentials: { password: ${PASSWORD} }`),
      SLOW,
    );
    const job = await action.job(pushEvent(), emulator);
    const main = await job.startMain({ mode: "rollback", "arcgis-referer": REFERER });
    await main.waitForStdout(/\[read-only\] the organization is read-only from/);
    const killed = await cancelLikeRunner(main, 0.2);

    expect(killed.outputs).toMatchObject({ result: "failed", "failure-reason": "cancelled" });
    expect(killed.state).toMatchObject({
      platform: "arcgis",
      "held-kind": "rollback job",
      "held-id": PREVIOUS,
      "held-origin": emulator.orgUrl,
      "held-release": "follow-only",
    });
    // A job cannot be released by a mode: post offers no unlock for it.
    expect(killed.state["held-recovery"]).toBeUndefined();
    const follow = `tenant-promote status --platform arcgis --arcgis-url ${emulator.orgUrl}`;
    // SIGINT: main stopped following, read the job once and said it runs on.
    expect(killed.stdout).toMatch(/\[cancel\] stopping/);
    expect(killed.stdout).toContain(`[job] the rollback to ${PREVIOUS} is still running`);
    expect(killed.stdout).toContain(`Follow it with: ${follow}`);
    expect(killed.state["held-released"]).toBeUndefined();
    expect(emulator.state().job.state).toBe("in_progress");

    const started = Date.now();
    const requestsOfMain = emulator.requests.length;
    const post = await job.post({ mode: "rollback", "arcgis-referer": REFERER });
    const tookMs = Date.now() - started;
    expect(post.code, post.stdout).toBe(0);
    // Main's requests and post's read of the job all carried the referer its token is bound to.
    expect(emulator.requests.length).toBeGreaterThan(requestsOfMain);
    expect(emulator.requests.filter((r) => r.referer !== REFERER)).toEqual([]);
    // Post acts on what main left: it names the job, whatever its exact wording.
    expect(post.stdout).toMatch(new RegExp(`\\[post\\] .*${PREVIOUS}`));
    expect(post.stdout).toContain(
      `[job] the rollback to ${PREVIOUS} is still running (a cancel cannot stop it)`,
    );
    expect(post.stdout).toContain(`Follow it with: ${follow}`);
    // One read of the job, not a wait for it: well inside the post step's bound.
    expect(tookMs).toBeLessThan(10_000);
    expect(rollbacks(emulator)).toHaveLength(1);
    expect(everythingShown(killed, post)).not.toContain(PASSWORD);
    expect(Object.keys(killed.state)).not.toContain("arcgis-password");
  }, 60_000);

  it("SIGTERM before main could read the job: main leaves it to post, which reports it", async ({
    action,
  }) => {
    const emulator = await action.emulate(undefined, SLOW);
    const job = await action.job(pushEvent(), emulator);
    const main = await job.startMain({ mode: "rollback" });
    await main.waitForStdout(/\[read-only\] the organization is read-only from/);
    // The next reads of the job answer after 4 s: main's own report cannot beat SIGTERM.
    emulator.addFault({
      kind: "slowReply",
      method: "GET",
      path: UPGRADES,
      delayMs: 4000,
      count: 2,
    });
    const killed = await cancelLikeRunner(main, 0.2);

    expect(killed.outputs).toMatchObject({ result: "failed", "failure-reason": "cancelled" });
    expect(killed.stdout).toMatch(
      /\[cancel\] the rollback job \(to pat_07102025_6820\) goes on .*the post step says how it stands/,
    );
    expect(killed.stdout).not.toContain("is still running");
    expect(killed.state["held-released"]).toBeUndefined();

    const started = Date.now();
    const post = await job.post({ mode: "rollback" });
    expect(post.code, post.stdout).toBe(0);
    expect(post.stdout).toContain(`[job] the rollback to ${PREVIOUS} is still running`);
    expect(post.stdout).toContain(
      `Follow it with: tenant-promote status --platform arcgis --arcgis-url ${emulator.orgUrl}`,
    );
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(rollbacks(emulator)).toHaveLength(1);
  }, 60_000);
});
