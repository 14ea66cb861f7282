import type { PromotionApi } from "../aic/api.js";
import type { LockState, PromotionStatus, ReportMeta } from "../aic/types.js";
import type { Report } from "../report/model.js";
import type { Logger } from "../util/log.js";

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

/** Modes that take the lock and therefore must release it. */
export const LOCKING_MODES: readonly Mode[] = ["dry-run", "promote", "rollback"];

export type Outcome = "succeeded" | "no-change" | "failed";

export type FailureReason =
  | "lock-conflict"
  | "missing-esvs"
  | "encrypted-secrets"
  | "blocking-error"
  | "release-upgrade"
  | "promotion-mismatch"
  | "report-changed"
  | "report-unreviewed"
  | "timeout"
  | "cancelled"
  | "auth"
  | "api-error";

export interface StatusSnapshot {
  lock: LockState;
  promotion: PromotionStatus;
  reports: ReportMeta[];
}

export interface RunResult {
  mode: Mode;
  result: Outcome;
  reason?: FailureReason;
  /** One or two sentences for a human: what happened. */
  message: string;
  /** What to do next, most useful first. */
  nextSteps: string[];
  /** The promotion id of the lock this run took (or, for unlock, released). */
  promotionId?: string;
  report?: Report;
  /** promote: the dry-run report it checked before promoting (its hash is what a reviewer saw). */
  dryRunReport?: Report;
  status?: StatusSnapshot;
  /** For modes that lock: whether the lock this run took was released. */
  lockReleased?: boolean;
  /** Holder of a conflicting lock, when reason is lock-conflict. */
  lockHolder?: string;
  missingESVs?: string[];
  encryptedSecrets?: string[];
  /** report-changed: how the fresh dry run differs from the reviewed report, one change a line. */
  reportDiff?: string;
  elapsedMs: number;
}

export interface EngineOptions {
  mode: Mode;
  upper: PromotionApi;
  /** Needed by preview only: the provisional report is read from the lower environment. */
  lower?: PromotionApi;
  logger: Logger;
  /** Bound on the whole run, lock release included. Default 60 minutes. */
  timeoutMs?: number;
  /** How long to keep trying when another holder has the lock. Default 0: fail at once. */
  lockWaitMs?: number;
  allowReleaseUpgrade?: boolean;
  ignoreEncryptedSecrets?: boolean;
  promoter?: string;
  description?: string;
  /** rollback: refuse unless the most recent promotion is this one. unlock: the lock to release. */
  promotionId?: string;
  /** Cancels the run (SIGINT/SIGTERM); the lock taken is still released. */
  signal?: AbortSignal;
  /** Called as soon as the lock request returns its promotion id (the action saves it). */
  onLockAcquired?: (promotionId: string) => void;
  /**
   * promote: called with the dry-run report before the promotion is sent; throwing an
   * EngineFailure stops the run (the lock is still released). The action checks the reviewed hash here.
   */
  beforePromote?: (dryRunReport: Report) => void | Promise<void>;
  /** Called once the lock this run took is confirmed released. */
  onLockReleased?: (promotionId: string) => void;
  /** Multiplies every internal interval and phase bound; 1 for real tenants, small for tests. */
  timeScale?: number;
  /** Least time given to releasing the lock; otherwise what is left of the timeout, at least a minute (scaled). */
  releaseBudgetMs?: number;
}
