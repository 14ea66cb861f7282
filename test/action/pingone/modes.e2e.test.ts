// The bundled action on PingOne beyond dry runs: rollback, status and unlock; and a cancelled
// job, whose post step follows a started execution to its end or deletes a draft.
import { describe, expect } from "vitest";
import type { RunningPingOneEmulator } from "../../../src/platforms/pingone/emulator/index.js";
import {
  createDraft,
  deletes,
  executes,
  onDefault,
  PROMOTIONS,
  promotion,
  rollbacks,
} from "../../e2e/pingone/emulated.js";
import { cancelLikeRunner } from "../runner.js";
import {
  DISPATCH,
  errors,
  everythingShown,
  it,
  type PingOneAction,
  pushEvent,
} from "./pingone-action.js";

const SECRET = "p1-worker-secret-Zq8v2Lr7Tx4w";

describe.concurrent("the other modes through the action", () => {
  it("rollback-preview, rollback, status and unlock", async ({ action }) => {
    const emulator = await action.emulate();
    const job = await action.job(DISPATCH, emulator);

    const nothing = await job.main({ mode: "rollback-preview" });
    expect(nothing.outputs, nothing.stdout).toMatchObject({ result: "no-change", changes: "0" });

    const promote = await job.main({ mode: "promote" });
    expect(promote.outputs, promote.stdout).toMatchObject({ result: "succeeded", changes: "6" });
    const original = promote.outputs["promotion-id"] as string;

    const preview = await job.main({ mode: "rollback-preview" });
    expect(preview.outputs).toMatchObject({
      result: "succeeded",
      changes: "6",
      "promotion-id": original,
    });
    expect(preview.summary).toContain(`Rolling back promotion ${original}`);
    // The preview's rollback promotion was planned and deleted, never executed.
    expect(rollbacks(emulator)).toHaveLength(1);
    expect(deletes(emulator)).toHaveLength(1);
    expect(promotion(emulator, original)?.status).toBe("COMPLETED");

    const rollback = await job.main({ mode: "rollback", "promotion-id": original });
    expect(rollback.outputs, rollback.stdout).toMatchObject({ result: "succeeded" });
    expect(rollback.outputs["report-hash"]).toBe(preview.outputs["report-hash"]);
    const revert = rollback.outputs["promotion-id"] as string;
    expect(rollbacks(emulator)).toHaveLength(2);
    expect(promotion(emulator, revert)?.status).toBe("COMPLETED");
    expect(promotion(emulator, original)?.status).toBe("ROLLED_BACK");

    const draft = await createDraft(emulator);
    const status = await job.main({ mode: "status" });
    expect(status.outputs.result).toBe("succeeded");
    expect(status.summary).toContain(`in progress: ${draft} (READY)`);
    const rows = [draft, revert, original].map((id) => status.summary.indexOf(`| ${id} |`));
    expect(rows.every((at) => at > 0)).toBe(true);
    expect([...rows].sort((a, b) => a - b)).toEqual(rows); // newest first

    const unlock = await job.main({ mode: "unlock", "promotion-id": draft });
    expect(unlock.outputs, unlock.stdout).toMatchObject({
      result: "succeeded",
      "promotion-id": draft,
    });
    expect(promotion(emulator, draft)).toBeUndefined();

    const refused = await job.main({ mode: "unlock", "promotion-id": revert });
    expect(refused.outputs.result).toBe("failed");
    expect(errors(refused)).toContain(`Promotion ${revert} is COMPLETED, not a draft`);
    expect(promotion(emulator, revert)?.status).toBe("COMPLETED");
    expect(deletes(emulator).map((r) => r.path)).toHaveLength(2);
    expect(deletes(emulator).at(-1)?.path).toBe(`${PROMOTIONS}/${draft}`);
  }, 60_000);

  it("rollback with another promotion-id: promotion-mismatch, no rollback asked", async ({
    action,
  }) => {
    const emulator = await action.emulate();
    const job = await action.job(DISPATCH, emulator);
    const promote = await job.main({ mode: "promote" });
    const original = promote.outputs["promotion-id"] as string;
    const run = await job.main({
      mode: "rollback",
      "promotion-id": "4a4a4a4a-0000-4000-8000-0000000000ff",
    });
    expect(run.outputs).toMatchObject({ result: "failed", "failure-reason": "promotion-mismatch" });
    expect(rollbacks(emulator)).toEqual([]);
    expect(promotion(emulator, original)?.status).toBe("COMPLETED");
  });
});

describe.concurrent("a promotion-id that is not a UUID", () => {
  it.for(["rollback", "unlock"])(
    "%s: a usage failure naming the input; nothing sent",
    async (mode, { action }) => {
      const emulator = await action.emulate();
      const run = await (await action.job(DISPATCH, emulator)).main({
        mode,
        comment: "never",
        "promotion-id": "bogus",
      });
      expect(run.code).not.toBe(0);
      expect(run.outputs).toMatchObject({ result: "failed", "failure-reason": "usage" });
      expect(errors(run)).toContain('input "promotion-id" "bogus" is not a promotion id');
      expect(emulator.requests).toEqual([]);
    },
  );
});

/** 6 steps of 1 s each at 60x; NEW 0.5 s, PREPARING `preparing` s. */
async function slowEmulator(
  action: PingOneAction,
  preparing = 0.5,
): Promise<RunningPingOneEmulator> {
  const scenario = onDefault(
    `workerApp: { clientSecret: ${SECRET} }\ntimings: { newSeconds: 30, preparingSeconds: ${preparing * 60}, stepSeconds: 60 }`,
  );
  return action.emulate(scenario, 60);
}

describe.concurrent("a cancelled job (SIGINT, then SIGTERM 1.5 s later)", () => {
  it("mid-execution: main leaves the promotion to post, which follows it to COMPLETED", async ({
    action,
  }) => {
    const emulator = await slowEmulator(action);
    const job = await action.job(pushEvent(), emulator, undefined, { comment: "never" });
    const main = await job.startMain({ mode: "promote" });
    await main.waitForStdout(/\[promotion\] IN_PROGRESS/);
    const killed = await cancelLikeRunner(main, 0.2);

    const id = killed.state["held-id"] as string;
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(killed.state).toMatchObject({ "held-kind": "running promotion", platform: "pingone" });
    expect(killed.state["held-released"]).toBeUndefined();
    // Its outcome is not known when main is killed: no output claims one.
    expect(killed.outputs.result).toBeUndefined();
    expect(killed.outputs["failure-reason"]).toBeUndefined();
    expect(killed.state["point-of-no-return"]).toBe("the promotion's execution");
    expect(killed.stdout).toContain(
      "[cancel] the promotion's execution has started and cannot be stopped",
    );
    expect(killed.stdout).toContain(
      "the promotion's execution is still running; the post step follows it and reports how it ended",
    );
    expect(promotion(emulator, id)?.status).toBe("IN_PROGRESS");

    const post = await job.post({ mode: "promote" });
    expect(post.code, post.stdout).toBe(0);
    expect(post.stdout).toContain(`main left the running promotion ${id} held`);
    expect(post.stdout).toContain(`[release] promotion ${id} ended COMPLETED`);
    // The truth of the run, where people read it.
    const truth = `Promotion ${id} completed: its changes are in the target environment. The cancel came after the promotion's execution started and could not stop it.`;
    expect(post.stdout).toContain(`::notice::${truth}`);
    expect(post.summary).toContain(truth);
    expect(promotion(emulator, id)?.status).toBe("COMPLETED");
    expect(executes(emulator)).toHaveLength(1);
    expect(deletes(emulator)).toEqual([]);
    expect(everythingShown(killed, post)).not.toContain(SECRET);
  }, 30_000);

  it("mid-planning: post waits for the plan and deletes the draft, exactly once", async ({
    action,
  }) => {
    const emulator = await slowEmulator(action, 5);
    const job = await action.job(pushEvent(), emulator, undefined, { comment: "never" });
    const main = await job.startMain({ mode: "dry-run" });
    await main.waitForStdout(/\[plan\] PREPARING/);
    const killed = await cancelLikeRunner(main, 0.2);

    const id = killed.state["held-id"] as string;
    expect(killed.state).toMatchObject({ "held-kind": "draft promotion", platform: "pingone" });
    expect(killed.state["held-released"]).toBeUndefined();
    expect(deletes(emulator)).toEqual([]);
    expect(promotion(emulator, id)?.status).toBe("PREPARING");

    const post = await job.post({ mode: "dry-run" });
    expect(post.code, post.stdout).toBe(0);
    expect(post.stdout).toContain(`[release] deleted draft promotion ${id}`);
    expect(deletes(emulator).map((r) => [r.path, r.status])).toEqual([
      [`${PROMOTIONS}/${id}`, 204],
    ]);
    expect(emulator.promotions()).toEqual([]);
    expect(executes(emulator)).toEqual([]);
    expect(everythingShown(killed, post)).not.toContain(SECRET);
    expect(Object.values(killed.state).join("\n")).not.toContain(SECRET);
  }, 30_000);
});
