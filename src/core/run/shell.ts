// The shell every platform's run goes through: bound the work by the timeout, keep a share of
// it back for releasing what the run took, map any failure to a reason, and always release.
import { formatDuration } from "../util/duration.js";
import type { Logger } from "../util/log.js";
import { EngineFailure, failedWork } from "./failure.js";
import type { RunContext } from "./poll.js";
import type { Mode, RunResult, Work } from "./types.js";

/**
 * How what a run holds is settled: "give-back" is released (by the run, else by the post step
 * or by hand); "follow-only" cannot be given back (an ArcGIS job runs to its end whatever
 * happens): the release only reports how it stands, and one still running is said, not counted
 * as left behind.
 */
export type ReleaseStyle = "give-back" | "follow-only";

/** A mode that releases it by hand, with the inputs it needs (e.g. unlock with promotion-id). */
export interface Recovery {
  mode: Mode;
  inputs: Record<string, string>;
}

export const DEFAULT_TIMEOUT_MS = 60 * 60_000;
/** Share of the overall timeout kept back so what the run took can still be released in time. */
const RELEASE_RESERVE = 0.2;

/** Something a run took and must give back (or follow): e.g. a lock, a draft. */
export interface Held {
  /** The platform's name for it, used in messages only: no code compares it. */
  kind: string;
  id: string;
  /** Where it is held (the API origin), so a later step can check it talks to the same place. */
  origin: string;
  /** How messages name it when "the <kind> <id>" reads badly: "the lock of promotion X". */
  label?: string;
  release: ReleaseStyle;
  /** Where a mode can release it by hand; absent when none can. */
  recovery?: Recovery;
}

/** What a release found: whether it is given back, and how work it had to wait for ended. */
export interface ReleaseOutcome {
  released: boolean;
  /**
   * The release found work still running (one a cancel could not stop) and followed it:
   * how it ended, in a sentence, so that the post step can tell the truth about it.
   */
  workEnded?: string;
  /** Whether that work succeeded, when the release saw it end (a deployment's final status). */
  workSucceeded?: boolean;
}

/** "the draft promotion X", or the platform's own words: for messages about what a run holds. */
export function describeHeld(held: Pick<Held, "kind" | "id" | "label">): string {
  return held.label ?? `the ${held.kind} ${held.id}`;
}

export interface ShellOptions {
  mode: Mode;
  logger: Logger;
  /** Bound on the whole run, release included. Default 60 minutes. */
  timeoutMs?: number;
  /** Multiplies every internal interval and phase bound; 1 for real tenants. */
  timeScale?: number;
  /** Cancels the run (SIGINT/SIGTERM); what was taken is still released. */
  signal?: AbortSignal;
  /** Least time given to the release; otherwise what is left of the timeout, at least a minute. */
  releaseBudgetMs?: number;
  /** Called the moment the run takes something (the action saves it for its post step). */
  onHeld?: (held: Held) => void;
  /** Called once what the run took is confirmed released. */
  onReleased?: (held: Held) => void;
  /** Called when the work passes its point of no return (e.g. "the promotion"). */
  onPointOfNoReturn?: (what: string) => void;
}

/** A platform's mode, as the shell runs it. */
export interface Procedure {
  /** Does the mode's work; calls `hold` the moment it has taken something. */
  work(ctx: RunContext, hold: (held: Held) => void): Promise<Work>;
  /** Gives back what was taken; released once confirmed. Never throws. */
  release(held: Held, budgetMs: number): Promise<ReleaseOutcome>;
  /** The command that releases it by hand. */
  releaseCommand(held: Held): string;
  /** Maps anything the work threw to a failure in the platform's words. */
  classify(error: unknown): EngineFailure;
}

/** Runs one mode to the end. Never throws: every outcome is a RunResult. */
export async function runShell(options: ShellOptions, procedure: Procedure): Promise<RunResult> {
  const started = Date.now();
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const scale = options.timeScale ?? 1;
  const workTimeout = AbortSignal.timeout(
    Math.max(1, Math.round(timeoutMs * (1 - RELEASE_RESERVE))),
  );
  const cancel = cancelGate(options);
  // Ends what the work left running (the siblings of a request that failed), so their retries
  // neither log after the outcome nor keep the process alive for seconds.
  const workEnded = new AbortController();
  const signal = AbortSignal.any([cancel.signal, workTimeout, workEnded.signal]);
  const ctx: RunContext = {
    log: options.logger,
    signal,
    runStart: started,
    scale,
    pointOfNoReturn: (what) => {
      signal.throwIfAborted();
      cancel.pass(what);
      options.onPointOfNoReturn?.(what);
    },
  };
  let held: Held | undefined;
  let work: Work;
  try {
    work = await procedure.work(ctx, (taken) => {
      held = taken;
      options.onHeld?.(taken);
    });
  } catch (error) {
    work = failedWork(failureOf(error, cancel.signal, timeoutMs, workTimeout, procedure));
  } finally {
    cancel.close();
    workEnded.abort(new Error("the run's work has ended"));
  }
  if (cancel.lateFor) work = followedDespiteCancel(work, cancel.lateFor);
  if (held) work = await release(held, work, options, procedure, started, timeoutMs, scale);
  const elapsedMs = Date.now() - started;
  options.logger.info(
    `[done] ${work.result}${work.reason ? ` (${work.reason})` : ""} after ${formatDuration(elapsedMs)}`,
  );
  return { mode: options.mode, ...work, nextSteps: work.nextSteps ?? [], elapsedMs };
}

/**
 * The user's cancel, passed on to the work only until its point of no return. After it, the
 * work is followed to its end (still bounded by the timeout) and the cancel is only noted.
 */
function cancelGate(options: ShellOptions) {
  const gate = new AbortController();
  let passed: string | undefined;
  let lateFor: string | undefined;
  const user = options.signal;
  const onCancel = () => {
    if (passed === undefined) {
      gate.abort(user?.reason);
      return;
    }
    lateFor = passed;
    options.logger.warn(
      `[cancel] ${passed} has started and a cancel cannot stop it: following it to its end`,
    );
  };
  if (user?.aborted) gate.abort(user.reason);
  else user?.addEventListener("abort", onCancel, { once: true });
  return {
    signal: gate.signal,
    pass(what: string) {
      passed = what;
    },
    /** What had started when a cancel came too late to stop it; undefined otherwise. */
    get lateFor() {
      return lateFor;
    },
    close() {
      user?.removeEventListener("abort", onCancel);
    },
  };
}

/** "The cancel came after the promotion started and could not stop it": said wherever it ended. */
export function lateCancelNote(what: string): string {
  return `The cancel came after ${what} started and could not stop it`;
}

/** The work ended on its own after a late cancel: its outcome stands, and says so. */
function followedDespiteCancel(work: Work, what: string): Work {
  const note = `${lateCancelNote(what)}; this is how it ended.`;
  return { ...work, cancelRequested: true, message: `${work.message} ${note}` };
}

async function release(
  held: Held,
  work: Work,
  options: ShellOptions,
  procedure: Procedure,
  started: number,
  timeoutMs: number,
  scale: number,
): Promise<Work> {
  const budget = Math.max(
    started + timeoutMs - Date.now(),
    60_000 * scale,
    options.releaseBudgetMs ?? 0,
  );
  const { released } = await procedure.release(held, budget);
  if (released) options.onReleased?.(held);
  if (held.release === "follow-only") {
    if (released) return work;
    const still = `${describeHeld(held)} is still running; follow it with: ${procedure.releaseCommand(held)}`;
    return { ...work, nextSteps: [...(work.nextSteps ?? []), still] };
  }
  // What the run gave back (or could not) is what it took: its id is the run's promotion id.
  const done: Work = { ...work, promotionId: work.promotionId ?? held.id, lockReleased: released };
  if (released) return done;
  done.nextSteps = [
    ...(done.nextSteps ?? []),
    `Release the ${held.kind}: ${procedure.releaseCommand(held)}`,
  ];
  if (done.result === "failed") return done;
  return {
    ...done,
    result: "failed",
    reason: "api-error",
    message: `${done.message} But the ${held.kind} could not be released.`,
  };
}

function failureOf(
  error: unknown,
  cancelled: AbortSignal,
  timeoutMs: number,
  workTimeout: AbortSignal,
  procedure: Procedure,
): EngineFailure {
  if (cancelled.aborted) return new EngineFailure("cancelled", "The run was cancelled.");
  if (workTimeout.aborted) {
    return new EngineFailure(
      "timeout",
      `The run did not finish within the timeout (${formatDuration(timeoutMs)}).`,
      ["Run again with a longer --timeout, or check `tenant-promote status`."],
    );
  }
  return procedure.classify(error);
}
