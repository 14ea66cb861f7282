// Lock-wait as every platform has it: wait while other work runs, then fail with its conflict.
import { describe, expect, it } from "vitest";
import { heartbeatMs, type RunContext } from "../../../src/core/run/poll.js";
import { waitWhileBusy } from "../../../src/core/run/wait-while-busy.js";

function context(): { ctx: RunContext; lines: string[] } {
  const lines: string[] = [];
  const log = { info: (m: string) => lines.push(m), warn: () => {}, debug: () => {} };
  const ctx = { log, signal: new AbortController().signal, runStart: Date.now(), scale: 0.001 };
  return { ctx, lines };
}

const spec = (reads: (string | undefined)[], waitMs: number) => ({
  runningWork: async () => reads.shift(),
  waitMs,
  intervalMs: 1000,
  describe: (work: string) => `${work} runs`,
  conflict: (work: string) => new Error(`conflict with ${work}`),
});

describe("waitWhileBusy", () => {
  it("returns at once when nothing runs, without a line", async () => {
    const { ctx, lines } = context();
    await waitWhileBusy(ctx, spec([undefined], 0));
    expect(lines).toEqual([]);
  });

  it("without lock-wait, fails with the platform's conflict on the first read", async () => {
    const { ctx } = context();
    await expect(waitWhileBusy(ctx, spec(["job 1"], 0))).rejects.toThrow("conflict with job 1");
  });

  it("with lock-wait, says what it waits for and returns once the work is gone", async () => {
    const { ctx, lines } = context();
    await waitWhileBusy(ctx, spec(["job 1", "job 1", undefined], 60_000));
    expect(lines).toEqual([
      "[wait] job 1 runs; waiting (lock-wait)",
      "[wait] job 1 runs; waiting (lock-wait)",
    ]);
  });
});

describe("heartbeatMs", () => {
  it("is 30 s against a real tenant and never under 5 s against a sped-up emulator", () => {
    expect(heartbeatMs({ scale: 1 })).toBe(30_000);
    expect(heartbeatMs({ scale: 0.5 })).toBe(15_000);
    expect(heartbeatMs({ scale: 0.001 })).toBe(5000);
  });
});
