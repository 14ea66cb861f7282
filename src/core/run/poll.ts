import { formatDuration } from "../util/duration.js";
import type { Logger } from "../util/log.js";
import { sleep } from "../util/sleep.js";
import { EngineFailure } from "./failure.js";

/** What every step of a run needs. */
export interface RunContext {
  log: Logger;
  signal: AbortSignal;
  runStart: number;
  /** Multiplies intervals and phase bounds (1 for real tenants). */
  scale: number;
  /**
   * Called right before the request that changes the target for good (a promotion, an
   * execution, a rollback). From then on a cancel no longer stops the work: the run follows it
   * to its end and reports how it really ended. Throws if the run was cancelled already.
   * Absent outside a run's work (a release, a test's context).
   */
  pointOfNoReturn?: (what: string) => void;
}

/** A phase that shows no change still logs a line this often (real-tenant milliseconds). */
const HEARTBEAT_MS = 30_000;
/** Even against a sped-up emulator, a heartbeat more often than this is noise. */
const MIN_HEARTBEAT_MS = 5000;

export function scaled(ctx: Pick<RunContext, "scale">, ms: number): number {
  return Math.max(1, Math.round(ms * ctx.scale));
}

/** How long a phase that shows no change stays silent before a "still …" line, in ms. */
export function heartbeatMs(ctx: Pick<RunContext, "scale">): number {
  return Math.max(scaled(ctx, HEARTBEAT_MS), MIN_HEARTBEAT_MS);
}

export interface PollSpec<T> {
  /** Short name shown in progress lines, e.g. "lock", "dry run". */
  phase: string;
  read: () => Promise<T>;
  /** One line describing the value; a change of it is logged. */
  describe: (value: T) => string;
  done: (value: T) => boolean;
  /** Interval in real-tenant ms for the value just read. */
  intervalMs: (value: T) => number;
  /** Bound in real-tenant ms; exceeding it fails with reason timeout. */
  limitMs?: number;
  limitHint?: string;
  /** Wait before the first read, in real-tenant ms, when the state is known to have just changed. */
  firstReadAfterMs?: number;
}

/** Reads until done, logging every change of state with the elapsed time. */
export async function pollUntil<T>(ctx: RunContext, spec: PollSpec<T>): Promise<T> {
  const phaseStart = Date.now();
  let lastDescription: string | undefined;
  let lastLogAt = phaseStart;
  if (spec.firstReadAfterMs) await sleep(scaled(ctx, spec.firstReadAfterMs), ctx.signal);
  for (;;) {
    const value = await spec.read();
    const description = spec.describe(value);
    const now = Date.now();
    if (description !== lastDescription) {
      ctx.log.info(`[${spec.phase}] ${description} (${elapsed(ctx, now, phaseStart)})`);
      lastDescription = description;
      lastLogAt = now;
    } else if (now - lastLogAt >= heartbeatMs(ctx)) {
      ctx.log.info(`[${spec.phase}] still ${description} (${elapsed(ctx, now, phaseStart)})`);
      lastLogAt = now;
    }
    if (spec.done(value)) return value;
    if (spec.limitMs !== undefined && now - phaseStart > scaled(ctx, spec.limitMs)) {
      throw new EngineFailure(
        "timeout",
        `[${spec.phase}] did not finish within ${formatDuration(scaled(ctx, spec.limitMs))}: last state "${description}".`,
        spec.limitHint ? [spec.limitHint] : [],
      );
    }
    await sleep(jittered(scaled(ctx, spec.intervalMs(value))), ctx.signal);
  }
}

/** ±10 %, so polls do not fall into step with a tenant's regular timings. */
export function jittered(ms: number): number {
  return Math.max(1, Math.round(ms * (0.9 + Math.random() * 0.2)));
}

function elapsed(ctx: RunContext, now: number, phaseStart: number): string {
  return `${formatDuration(now - phaseStart)} in phase, ${formatDuration(now - ctx.runStart)} total`;
}
