// The post step: runs after main however it ended. It acts only when main's state shows a lock
// this run took and did not release; it never touches any other lock.
import * as core from "@actions/core";
import { formatDuration } from "../core/util/duration.js";
import { releaseLock, unlockCommand } from "../platforms/aic/release.js";
import { prepareRun } from "./setup.js";
import { lockLeftByMain } from "./state.js";

/** A cancelled job gets 5 minutes for everything, post steps included: stay well inside. */
const POST_BUDGET_MS = 4 * 60_000;
/** Even with the run's timeout spent, a lock left behind deserves this long. */
const MIN_BUDGET_MS = 60_000;

export async function post(): Promise<void> {
  const held = lockLeftByMain();
  if (!held) {
    core.info("tenant-promote post: no lock of this run is left to release");
    return;
  }
  let scrub = (text: string) => text;
  try {
    // Credentials are never stored in state: they come from the inputs again.
    const prepared = await prepareRun();
    scrub = prepared.scrub;
    const { upper } = prepared.connect();
    if (!upper) throw new Error("the upper environment's inputs are missing");
    if (upper.client.origin !== held.upperOrigin) {
      throw new Error(
        `the inputs now name ${upper.client.origin}, but the lock was taken on ${held.upperOrigin}`,
      );
    }
    const left = prepared.config.timeoutMs - (Date.now() - held.startedAt);
    const budget = Math.min(POST_BUDGET_MS, Math.max(MIN_BUDGET_MS, left));
    prepared.logger.info(
      `[post] main left the lock of promotion ${held.promotionId} held: releasing it (waiting up to ${formatDuration(budget)})`,
    );
    const released = await releaseLock(
      upper.client,
      held.promotionId,
      prepared.logger,
      budget,
      prepared.config.timeScale,
    );
    if (!released) {
      core.setFailed(
        `The lock of promotion ${held.promotionId} on ${held.upperOrigin} could not be released. Release it with: ${unlockCommand(held.upperOrigin, held.promotionId)} (or run this action with mode: unlock and promotion-id: ${held.promotionId}).`,
      );
    }
  } catch (error) {
    core.setFailed(
      `tenant-promote post could not release the lock of promotion ${held.promotionId} on ${held.upperOrigin}: ${scrub((error as Error).message)}. Release it with: ${unlockCommand(held.upperOrigin, held.promotionId)}`,
    );
  }
}
