// The run shell on its own: what a run took is always released, a failed release is said with
// the command that releases it, and a cancel stops the work only before its point of no return.
import { describe, expect, it } from "vitest";
import { EngineFailure } from "../../../src/core/run/failure.js";
import type { RunContext } from "../../../src/core/run/poll.js";
import { type Held, type Procedure, runShell } from "../../../src/core/run/shell.js";
import type { Work } from "../../../src/core/run/types.js";
import { MemoryLogger } from "../../../src/core/util/log.js";
import { sleep } from "../../../src/core/util/sleep.js";

const LOCK: Held = { kind: "lock", id: "p-1", origin: "https://tenant", release: "give-back" };
const JOB: Held = { kind: "job", id: "v-1", origin: "https://org", release: "follow-only" };

function procedure(work: Procedure["work"], released = true): Procedure & { releases: Held[] } {
  const releases: Held[] = [];
  return {
    releases,
    work,
    release: async (held) => {
      releases.push(held);
      return { released };
    },
    releaseCommand: (held) => `tenant-promote unlock --promotion-id ${held.id}`,
    classify: (error) =>
      error instanceof EngineFailure ? error : new EngineFailure("api-error", String(error)),
  };
}

const options = (extra: Partial<Parameters<typeof runShell>[0]> = {}) => ({
  mode: "promote" as const,
  logger: new MemoryLogger(),
  timeScale: 0.001,
  ...extra,
});

describe("runShell", () => {
  it("releases what the work held when the work fails, and says so in the result", async () => {
    const released: Held[] = [];
    const p = procedure(async (_ctx, hold) => {
      hold(LOCK);
      throw new EngineFailure("missing-esvs", "Two ESVs are missing.");
    });
    const r = await runShell(options({ onReleased: (h) => released.push(h) }), p);
    expect(r).toMatchObject({ result: "failed", reason: "missing-esvs", lockReleased: true });
    expect(p.releases).toEqual([LOCK]);
    expect(released).toEqual([LOCK]);
    expect(r.promotionId).toBe("p-1");
  });

  it("a release that fails turns success into a failure naming the command that releases it", async () => {
    const p = procedure(async (_ctx, hold) => {
      hold(LOCK);
      return { result: "succeeded", message: "Promoted." } satisfies Work;
    }, false);
    const r = await runShell(options(), p);
    expect(r).toMatchObject({ result: "failed", reason: "api-error", lockReleased: false });
    expect(r.message).toContain("could not be released");
    expect(r.nextSteps.join(" ")).toContain("tenant-promote unlock --promotion-id p-1");
  });

  it("work that can only be followed and still runs is a next step, not a lock left behind", async () => {
    const p = procedure(async (_ctx, hold) => {
      hold(JOB);
      return { result: "succeeded", message: "Started." } satisfies Work;
    }, false);
    const r = await runShell(options(), p);
    expect(r.result).toBe("succeeded");
    expect(r.lockReleased).toBeUndefined();
    expect(r.nextSteps.join(" ")).toMatch(/still running; follow it with/);
  });

  it("a cancel before the point of no return stops the work: cancelled", async () => {
    const cancel = new AbortController();
    const p = procedure(async (ctx: RunContext, hold) => {
      hold(LOCK);
      cancel.abort(new Error("SIGINT"));
      await sleep(10_000, ctx.signal);
      return { result: "succeeded", message: "never" } satisfies Work;
    });
    const r = await runShell(options({ signal: cancel.signal }), p);
    expect(r).toMatchObject({ result: "failed", reason: "cancelled", lockReleased: true });
    expect(r.cancelRequested).toBeUndefined();
  });

  it("a cancel after it is noted: the work goes on and its real outcome is the result", async () => {
    const cancel = new AbortController();
    const passed: string[] = [];
    const p = procedure(async (ctx: RunContext, hold) => {
      hold(LOCK);
      ctx.pointOfNoReturn?.("the promotion");
      cancel.abort(new Error("SIGINT"));
      await sleep(20, ctx.signal); // the work's own waits are not cut short
      return { result: "succeeded", message: "Promoted 3 changes." } satisfies Work;
    });
    const logger = new MemoryLogger();
    const r = await runShell(
      options({ signal: cancel.signal, logger, onPointOfNoReturn: (w) => passed.push(w) }),
      p,
    );
    expect(r).toMatchObject({ result: "succeeded", cancelRequested: true, lockReleased: true });
    expect(r.message).toBe(
      "Promoted 3 changes. The cancel came after the promotion started and could not stop it; this is how it ended.",
    );
    expect(passed).toEqual(["the promotion"]);
    expect(logger.lines.join("\n")).toContain(
      "[cancel] the promotion has started and a cancel cannot stop it",
    );
  });

  it("the point of no return is refused once the run was cancelled: nothing irreversible starts", async () => {
    const cancel = new AbortController();
    cancel.abort(new Error("SIGINT"));
    let sent = false;
    const p = procedure(async (ctx: RunContext) => {
      ctx.pointOfNoReturn?.("the promotion");
      sent = true;
      return { result: "succeeded", message: "Promoted." } satisfies Work;
    });
    const r = await runShell(options({ signal: cancel.signal }), p);
    expect(sent).toBe(false);
    expect(r).toMatchObject({ result: "failed", reason: "cancelled" });
  });

  it("work that outlasts the timeout fails with reason timeout and is still released", async () => {
    const p = procedure(async (ctx: RunContext, hold) => {
      hold(LOCK);
      await sleep(10_000, ctx.signal);
      return { result: "succeeded", message: "never" } satisfies Work;
    });
    const r = await runShell(options({ timeoutMs: 100 }), p);
    expect(r).toMatchObject({ result: "failed", reason: "timeout", lockReleased: true });
    expect(r.message).toContain("did not finish within the timeout");
  });
});
