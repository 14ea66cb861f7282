import { ApiError, isOutcomeUnknown } from "../../core/http/errors.js";
import { EngineFailure } from "../../core/run/failure.js";
import { pollUntil } from "../../core/run/poll.js";
import type { AicContext } from "./context.js";
import {
  apiStepFailure,
  blockingFailure,
  encryptedSecretsFailure,
  missingEsvsFailure,
} from "./failures.js";
import { PHASE_LIMIT_MS, POLL_MS } from "./timing.js";
import type { PromotionStatus } from "./types.js";

export function describeStatus(status: PromotionStatus): string {
  return `${status.status}${status.message ? `: ${status.message}` : ""}`;
}

function isRestartPhase(status: PromotionStatus): boolean {
  return status.status === "RUNNING" && /restart/i.test(status.message ?? "");
}

/** True when `after` is not the status left over from before the request. */
function hasMoved(before: PromotionStatus, after: PromotionStatus): boolean {
  return (
    after.status === "RUNNING" ||
    after.timeStamp !== before.timeStamp ||
    after.message !== before.message ||
    after.type !== before.type ||
    after.status !== before.status
  );
}

/** Waits, with the lock held, until the environment is ready for a promotion or rollback. */
export async function waitUntilReady(ctx: AicContext): Promise<PromotionStatus> {
  return pollUntil(ctx, {
    phase: "ready check",
    read: () => ctx.api.getPromotionStatus(ctx.signal),
    describe: describeStatus,
    done: (s) => {
      if (s.status === "ERROR" && s.blockingError)
        throw blockingFailure(s.message, "previous promotion or rollback");
      if (s.status === "ERROR") {
        ctx.log.warn(
          `[ready check] the last promotion ended in a recoverable error ("${s.message ?? ""}"); going on`,
        );
        return true;
      }
      return s.status === "READY";
    },
    intervalMs: () => POLL_MS.shortPhase,
    limitMs: PHASE_LIMIT_MS.promotionStart,
    limitHint:
      "Another promotion or rollback seems to be running; check with `tenant-promote status`.",
  });
}

export interface Step {
  /** "dry run", "promotion" or "rollback": used in progress lines and messages. */
  label: string;
  /** Sends the request. Not cancellable: one cut off mid-flight would leave its outcome unknown. */
  send: () => Promise<unknown>;
}

/**
 * Starts a promotion, dry run or rollback and polls it to the end. A request whose reply
 * was lost is not re-sent blindly: the status shows whether it started. Throws an
 * EngineFailure naming every missing ESV or encrypted value when the tenant refuses.
 * `before` is the last status read (the ready check's, or the previous step's final one).
 */
export async function runStep(
  ctx: AicContext,
  step: Step,
  before: PromotionStatus,
): Promise<PromotionStatus> {
  await sendOnce(ctx, step, before);
  let sawRunning = false;
  const startedAt = Date.now();
  const final = await pollUntil(ctx, {
    phase: step.label,
    read: () => ctx.api.getPromotionStatus(ctx.signal),
    describe: describeStatus,
    done: (s) => {
      if (s.status === "RUNNING") {
        sawRunning = true;
        return false;
      }
      if (sawRunning || hasMoved(before, s)) return true;
      if (Date.now() - startedAt > PHASE_LIMIT_MS.promotionStart * ctx.scale) {
        throw new EngineFailure("timeout", `The ${step.label} was accepted but never started.`, [
          "Check `tenant-promote status`, then run again.",
        ]);
      }
      return false;
    },
    intervalMs: (s) => (isRestartPhase(s) ? POLL_MS.restart : POLL_MS.shortPhase),
  });
  return checkFinal(ctx, step, final);
}

async function sendOnce(ctx: AicContext, step: Step, before: PromotionStatus): Promise<void> {
  try {
    await step.send();
    ctx.log.info(`[${step.label}] started`);
  } catch (error) {
    if (error instanceof ApiError && error.status === 409) {
      if (/blocked/i.test(error.serverMessage ?? ""))
        throw blockingFailure(error.serverMessage, step.label);
      throw new EngineFailure(
        "api-error",
        `The ${step.label} was refused: ${error.serverMessage ?? "HTTP 409"}.`,
        [
          "Check `tenant-promote status`: the environments must be locked by this run and no promotion running.",
        ],
      );
    }
    if (!isOutcomeUnknown(error)) throw error;
    const after = await ctx.api.getPromotionStatus(ctx.signal);
    if (hasMoved(before, after)) {
      ctx.log.warn(
        `[${step.label}] the reply was lost, but the status shows it started: following it`,
      );
      return;
    }
    ctx.log.warn(`[${step.label}] the reply was lost and nothing started: sending it once more`);
    await step.send();
  }
}

function checkFinal(ctx: AicContext, step: Step, final: PromotionStatus): PromotionStatus {
  if (final.status === "READY") return final;
  if (final.status === "ERROR") {
    if (final.blockingError) throw blockingFailure(final.message, step.label);
    if ((final.missingESVs?.length ?? 0) > 0 || /missing esv/i.test(final.message ?? "")) {
      throw missingEsvsFailure(final.missingESVs ?? [], ctx.api.origin, step.label);
    }
    if ((final.encryptedSecrets?.length ?? 0) > 0 || /encrypted/i.test(final.message ?? "")) {
      throw encryptedSecretsFailure(final.encryptedSecrets ?? [], step.label);
    }
    throw apiStepFailure(final.message, step.label);
  }
  throw new EngineFailure(
    "api-error",
    `The ${step.label} ended in an unexpected state: ${describeStatus(final)}.`,
    ["Check `tenant-promote status`; the lock may have been released by someone else."],
  );
}
