import { ApiError } from "../../core/http/errors.js";
import { pollUntil, scaled } from "../../core/run/poll.js";
import type { ReleaseOutcome } from "../../core/run/shell.js";
import type { Logger } from "../../core/util/log.js";
import { sleep } from "../../core/util/sleep.js";
import type { AicApi } from "./api.js";
import type { AicContext } from "./context.js";
import { describeLock } from "./lock.js";
import { POLL_MS } from "./timing.js";

export function unlockCommand(origin: string, promotionId: string): string {
  return `tenant-promote unlock --promotion-id ${promotionId} --upper-fqdn ${origin}`;
}

/**
 * Releases the lock of `promotionId` and waits until the environments are unlocked.
 * A promotion or rollback still running is waited for first (the API refuses to unlock
 * mid-promotion). Bounded by `budgetMs`; uses its own signal because the run's may be aborted.
 * Says whether the lock is confirmed gone, and how a step it waited for ended; never throws.
 */
export async function releaseLock(
  api: AicApi,
  promotionId: string,
  log: Logger,
  budgetMs: number,
  scale: number,
): Promise<ReleaseOutcome> {
  const ctx: AicContext = {
    api,
    log,
    signal: AbortSignal.timeout(budgetMs),
    runStart: Date.now(),
    scale,
  };
  let workEnded: string | undefined;
  let workSucceeded: boolean | undefined;
  try {
    const current = await api.getPromotionStatus(ctx.signal);
    if (current.status === "RUNNING")
      ({ workEnded, workSucceeded } = await waitForRunningStep(ctx));
    await requestUnlock(ctx, promotionId);
    await pollUntil(ctx, {
      phase: "unlock",
      read: () => api.getLockState(ctx.signal),
      describe: describeLock,
      // Gone when unlocked, or when the environments now show another holder.
      done: (state) =>
        state.result === "unlocked" || (!!state.promotionId && state.promotionId !== promotionId),
      intervalMs: () => POLL_MS.lock,
      firstReadAfterMs: POLL_MS.lock,
    });
    log.info(`[unlock] environments unlocked (promotion ${promotionId})`);
    return { released: true, workEnded, workSucceeded };
  } catch (error) {
    const why = ctx.signal.aborted
      ? "the unlock budget ran out"
      : error instanceof Error
        ? error.message
        : String(error);
    log.warn(
      `[unlock] could not confirm the release of promotion ${promotionId}: ${why}. To release it: ${unlockCommand(api.origin, promotionId)}`,
    );
    return { released: false, workEnded, workSucceeded };
  }
}

/** The API refuses to unlock mid-promotion: wait for the step to end first, and say how it ended. */
async function waitForRunningStep(
  ctx: AicContext,
): Promise<Required<Pick<ReleaseOutcome, "workEnded" | "workSucceeded">>> {
  const final = await pollUntil(ctx, {
    phase: "unlock: waiting for the running step to finish",
    read: () => ctx.api.getPromotionStatus(ctx.signal),
    describe: (s) => `${s.status}${s.message ? `: ${s.message}` : ""}`,
    done: (s) => s.status !== "RUNNING",
    intervalMs: (s) => (/restart/i.test(s.message ?? "") ? POLL_MS.restart : POLL_MS.shortPhase),
  });
  const what = final.type === "rollback" ? "rollback" : "promotion";
  return final.status === "ERROR"
    ? {
        workEnded: `The ${what} that was running failed: ${final.message ?? "ERROR"}.`,
        workSucceeded: false,
      }
    : {
        workEnded: `The ${what} that was running ended: ${final.message ?? final.status}.`,
        workSucceeded: true,
      };
}

/** DELETE /lock/{id}, retried while the API answers 409 because a lock change is still in progress. */
async function requestUnlock(ctx: AicContext, promotionId: string): Promise<void> {
  for (;;) {
    try {
      const reply = await ctx.api.unlock(promotionId, ctx.signal);
      ctx.log.info(`[unlock] requested: ${reply.result}`);
      return;
    } catch (error) {
      if (!(error instanceof ApiError) || error.status !== 409) throw error;
      const state = await ctx.api.getLockState(ctx.signal);
      if (state.result === "unlocked") return;
      if (state.promotionId && state.promotionId !== promotionId) {
        throw new Error(
          `the environments are locked by promotion ${state.promotionId}, not ${promotionId}; that lock was left alone`,
        );
      }
      ctx.log.info(`[unlock] the API refused while the lock is ${state.result}: retrying`);
      await sleep(scaled(ctx, POLL_MS.lock), ctx.signal);
    }
  }
}
