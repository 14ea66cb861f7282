import type { ChangeCheck } from "../../core/run/review.js";
import type { Mode } from "../../core/run/types.js";
import type { Logger } from "../../core/util/log.js";
import type { AicApi } from "./api.js";
import type { ContentSettings } from "./content/index.js";

export interface AicRunOptions {
  mode: Mode;
  upper: AicApi;
  /**
   * Needed by preview; read by dry-run and promote when given, to skip the lock when the
   * provisional report lists nothing.
   */
  lower?: AicApi;
  logger: Logger;
  /** Bound on the whole run, lock release included. Default 60 minutes. */
  timeoutMs?: number;
  /** How long to keep trying when another holder has the lock. Default 0: fail at once. */
  lockWaitMs?: number;
  allowReleaseUpgrade?: boolean;
  /** dry-run and promote: end no-change without locking when the provisional report is empty. */
  skipUnchanged?: boolean;
  ignoreEncryptedSecrets?: boolean;
  /** What changes inside each item: where to read it, and whether it must be read. */
  content?: ContentSettings;
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
  beforeChange?: ChangeCheck;
  /** Called when the promotion or rollback request is about to go out: a cancel no longer stops it. */
  onPointOfNoReturn?: (what: string) => void;
  /** Called once the lock this run took is confirmed released. */
  onLockReleased?: (promotionId: string) => void;
  /** Multiplies every internal interval and phase bound; 1 for real tenants, small for tests. */
  timeScale?: number;
  /** Least time given to releasing the lock; otherwise what is left of the timeout, at least a minute (scaled). */
  releaseBudgetMs?: number;
}
