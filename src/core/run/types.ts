// What every platform's run shares: the mode names, the outcome, and the result the faces render.
import type { Report } from "../report/model.js";

/** Every mode a platform may offer; each platform lists the ones it has. */
export const MODES = [
  "preview",
  "dry-run",
  "promote",
  "rollback-preview",
  "rollback",
  "status",
  "unlock",
] as const;
export type Mode = (typeof MODES)[number];

export type Outcome = "succeeded" | "no-change" | "failed";

/**
 * Machine-readable reasons. The shared ones are listed; a platform adds its own
 * (missing-esvs, validation-failed, job-failed, ...), so the type stays open.
 */
export type FailureReason =
  | "lock-conflict"
  | "promotion-mismatch"
  | "report-changed"
  | "report-unreviewed"
  | "timeout"
  | "cancelled"
  | "auth"
  | "api-error"
  | (string & {});

/** What a status run read: rows for people, data for machines. */
export interface StatusView {
  rows: Array<[label: string, value: string]>;
  data: Record<string, unknown>;
}

export interface RunResult {
  mode: Mode;
  result: Outcome;
  reason?: FailureReason;
  /** One or two sentences for a human: what happened. */
  message: string;
  /** What to do next, most useful first. */
  nextSteps: string[];
  /**
   * The platform's id of what this run took, created or executed. Named for the JSON key and
   * action output scripts read; the meaning is the run's, whatever the platform calls it.
   */
  promotionId?: string;
  report?: Report;
  /** promote: the dry-run report or plan it checked before promoting (what a reviewer saw). */
  dryRunReport?: Report;
  status?: StatusView;
  /**
   * Whether what this run held was given back; absent when it held nothing, or held work it
   * could only follow. Named for the JSON key: it is about any held work, not only locks.
   */
  lockReleased?: boolean;
  /** Who holds the conflicting lock or work, when reason is lock-conflict (a JSON key too). */
  lockHolder?: string;
  /** report-changed: how the fresh report differs from the reviewed one, one change a line. */
  reportDiff?: string;
  /**
   * A cancel came after the point of no return: the work could not be stopped and was followed
   * to its end, so the outcome is how it really ended.
   */
  cancelRequested?: boolean;
  /**
   * Read-only modes: whether something waits to be done on the target (changes to promote, a
   * patch to install, a failed job), as the platform judges it; absent where a mode cannot tell.
   * The watch issue (issue: pending) opens or closes on it.
   */
  pending?: boolean;
  /** A platform's own machine-readable facts (missing ESVs, per-step errors), kept in the JSON. */
  details?: Record<string, unknown>;
  elapsedMs: number;
}

/** What a mode's work returns; the shell adds mode, elapsed time and the release. */
export type Work = Omit<RunResult, "mode" | "elapsedMs" | "nextSteps"> & { nextSteps?: string[] };
