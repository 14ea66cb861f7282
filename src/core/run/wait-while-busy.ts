// Waits while other work holds the target (another promotion, another job): as long as the
// run's lock-wait allows, then fails with the platform's conflict.
import { sleep } from "../util/sleep.js";
import { type RunContext, scaled } from "./poll.js";

export interface BusySpec<Work> {
  /** The other work running now, or undefined when the target is free. */
  runningWork(): Promise<Work | undefined>;
  /** How long to wait for it (the run's lock-wait, real milliseconds); 0 fails at once. */
  waitMs: number;
  /** Between reads, in real-tenant milliseconds. */
  intervalMs: number;
  /** What is running, for the progress line "[wait] <it>; waiting (lock-wait)". */
  describe(work: Work): string;
  /** The failure when the work still runs once the wait is over. */
  conflict(work: Work): Error;
}

export async function waitWhileBusy<Work>(ctx: RunContext, spec: BusySpec<Work>): Promise<void> {
  const deadline = Date.now() + spec.waitMs;
  for (;;) {
    const work = await spec.runningWork();
    if (work === undefined) return;
    if (Date.now() >= deadline) throw spec.conflict(work);
    ctx.log.info(`[wait] ${spec.describe(work)}; waiting (lock-wait)`);
    await sleep(scaled(ctx, spec.intervalMs), ctx.signal);
  }
}
