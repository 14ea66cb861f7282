// pollUntil on its own: every new state is logged once with the time spent, a phase that never
// ends fails with reason timeout naming its last state, and a cancel stops the wait at once.
import { describe, expect, it } from "vitest";
import { EngineFailure } from "../../../src/core/run/failure.js";
import { pollUntil, type RunContext } from "../../../src/core/run/poll.js";
import { MemoryLogger } from "../../../src/core/util/log.js";

function context(signal = new AbortController().signal): RunContext & { log: MemoryLogger } {
  return { log: new MemoryLogger(), signal, runStart: Date.now(), scale: 0.001 };
}

/** Reads the given states in turn, then the last one for ever. */
function states(...values: string[]) {
  let read = 0;
  const next = async () => values[Math.min(read++, values.length - 1)] as string;
  return { next, reads: () => read };
}

describe("pollUntil", () => {
  it("returns the state that ends it, logging each new state once with the time spent", async () => {
    const ctx = context();
    const source = states("PREPARING", "PREPARING", "RUNNING", "RUNNING", "COMPLETED");
    const final = await pollUntil(ctx, {
      phase: "promotion",
      read: source.next,
      describe: (s) => s,
      done: (s) => s === "COMPLETED",
      intervalMs: () => 1000,
    });
    expect(final).toBe("COMPLETED");
    expect(source.reads()).toBe(5);
    const lines = ctx.log.lines.filter((l) => l.includes("[promotion]"));
    expect(lines.map((l) => /\] (\w+) \(/.exec(l)?.[1])).toEqual([
      "PREPARING",
      "RUNNING",
      "COMPLETED",
    ]);
    expect(lines[0]).toMatch(/in phase, .* total\)$/);
  });

  it("a phase past its bound fails with reason timeout, naming the last state", async () => {
    const ctx = context();
    const error = await pollUntil(ctx, {
      phase: "plan",
      read: async () => "PREPARING",
      describe: (s) => s,
      done: () => false,
      intervalMs: () => 1000,
      limitMs: 20_000,
      limitHint: "See the promotion with: tenant-promote status",
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EngineFailure);
    expect(error).toMatchObject({ reason: "timeout" });
    expect((error as EngineFailure).message).toContain('last state "PREPARING"');
    expect((error as EngineFailure).nextSteps).toEqual([
      "See the promotion with: tenant-promote status",
    ]);
  });

  it("a cancel ends the wait between reads", async () => {
    const cancel = new AbortController();
    const ctx = context(cancel.signal);
    const source = states("RUNNING");
    const pending = pollUntil(ctx, {
      phase: "promotion",
      read: source.next,
      describe: (s) => s,
      done: () => false,
      intervalMs: () => 3_600_000, // an hour at scale 1: 3.6 s here, cut short by the cancel
    });
    setTimeout(() => cancel.abort(new Error("SIGINT")), 20);
    await expect(pending).rejects.toThrow();
    expect(source.reads()).toBe(1);
  });
});
