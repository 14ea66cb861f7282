// What main hands to post through GITHUB_STATE. Never a token or key: post re-reads the inputs.
import * as core from "@actions/core";

const LOCK = "lock-promotion-id";
const RELEASED = "lock-released";
const UPPER = "upper-origin";
const STARTED = "started-at";

export interface HeldLock {
  promotionId: string;
  upperOrigin: string;
  startedAt: number;
}

/** Saved the moment the lock request returns: post can act even if main is killed right after. */
export function saveLockTaken(promotionId: string, upperOrigin: string, startedAt: number): void {
  core.saveState(UPPER, upperOrigin);
  core.saveState(STARTED, String(startedAt));
  core.saveState(LOCK, promotionId);
}

export function saveLockReleased(promotionId: string): void {
  core.saveState(RELEASED, promotionId);
}

/** The lock main took and did not confirm released, if any. */
export function lockLeftByMain(): HeldLock | undefined {
  const promotionId = core.getState(LOCK);
  if (!promotionId || core.getState(RELEASED) === promotionId) return undefined;
  return {
    promotionId,
    upperOrigin: core.getState(UPPER),
    startedAt: Number(core.getState(STARTED)) || Date.now(),
  };
}
