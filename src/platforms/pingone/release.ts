// Giving back what a run holds: a draft promotion is deleted (after its plan, if still planning);
// an execution that started is followed to its end and how it ended is said. Never throws.
import { ApiError, isOutcomeUnknown } from "../../core/http/errors.js";
import { pollUntil, type RunContext } from "../../core/run/poll.js";
import type { Held, ReleaseOutcome } from "../../core/run/shell.js";
import type { Logger } from "../../core/util/log.js";
import type { PingOneApi } from "./api.js";
import { DELETABLE, EXECUTED, EXECUTING, PLANNING } from "./statuses.js";
import { POLL_MS } from "./timing.js";
import type { Promotion } from "./types.js";

/** A draft this run created: deleted by the release, or by hand with mode unlock. */
export function draftHeld(id: string, origin: string): Held {
  return {
    kind: "draft promotion",
    id,
    origin,
    release: "give-back",
    recovery: { mode: "unlock", inputs: { "promotion-id": id } },
  };
}

/** A draft can be deleted by hand; a running promotion can only be watched. */
export function releaseCommand(held: Held, sourceEnvironmentId: string): string {
  return held.recovery
    ? `tenant-promote unlock --platform pingone --source-environment-id ${sourceEnvironmentId} --promotion-id ${held.id}`
    : `tenant-promote status --platform pingone --source-environment-id ${sourceEnvironmentId}`;
}

export async function releasePromotion(
  api: PingOneApi,
  held: Held,
  log: Logger,
  budgetMs: number,
  scale: number,
): Promise<ReleaseOutcome> {
  const ctx: RunContext = {
    log,
    signal: AbortSignal.timeout(budgetMs),
    runStart: Date.now(),
    scale,
  };
  const read = () => api.getPromotion(held.id, ctx.signal);
  try {
    let promotion = await read();
    if (PLANNING.has(promotion.status)) {
      promotion = await pollUntil(ctx, {
        phase: "release: waiting for the plan before deleting",
        read,
        describe: (p: Promotion) => p.status,
        done: (p) => !PLANNING.has(p.status),
        intervalMs: () => POLL_MS.plan,
      });
    }
    if (EXECUTING.has(promotion.status)) {
      log.warn(
        `[release] promotion ${held.id} is executing and cannot be stopped; following it to its end`,
      );
      promotion = await pollUntil(ctx, {
        phase: "release: following the execution",
        read,
        describe: (p: Promotion) => p.status,
        done: (p) => !EXECUTING.has(p.status),
        intervalMs: () => POLL_MS.execution,
      });
      log.info(`[release] promotion ${held.id} ended ${promotion.status}`);
      return {
        released: true,
        workEnded: executionEnded(promotion),
        workSucceeded: promotion.status === "COMPLETED",
      };
    }
    if (DELETABLE.has(promotion.status) || promotion.status === "VALIDATION_FAILED") {
      return { released: await deleteDraft(api, promotion, log, ctx.signal) };
    }
    log.info(`[release] promotion ${held.id} is ${promotion.status}: nothing to release`);
    const executed = EXECUTED.has(promotion.status);
    return { released: true, workSucceeded: executed ? promotion.status !== "ERROR" : undefined };
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) {
      log.info(`[release] promotion ${held.id} is gone already`);
      return { released: true };
    }
    const why = ctx.signal.aborted ? "the time to release it ran out" : (error as Error).message;
    log.warn(`[release] could not settle promotion ${held.id}: ${why}`);
    return { released: false };
  }
}

async function deleteDraft(
  api: PingOneApi,
  promotion: Promotion,
  log: Logger,
  signal: AbortSignal,
): Promise<boolean> {
  try {
    await api.deletePromotion(promotion.id, signal);
    log.info(`[release] deleted draft promotion ${promotion.id} (${promotion.status})`);
    return true;
  } catch (error) {
    // A lost reply: the promotion itself tells whether the delete took effect.
    if (isOutcomeUnknown(error)) {
      const gone = await api.getPromotion(promotion.id, signal).then(
        () => false,
        (readError) => readError instanceof ApiError && readError.status === 404,
      );
      if (gone) {
        log.info(
          `[release] deleted draft promotion ${promotion.id} (the reply was lost; it is gone)`,
        );
        return true;
      }
      throw error;
    }
    // PingOne deletes only NEW and READY promotions; a failed validation stays as a record.
    if (
      promotion.status === "VALIDATION_FAILED" &&
      error instanceof ApiError &&
      error.status === 400
    ) {
      log.warn(
        `[release] PingOne keeps promotion ${promotion.id} (VALIDATION_FAILED): it refuses to delete it, and nothing is applied unless someone executes it`,
      );
      return true;
    }
    throw error;
  }
}

/** How an execution the release had to follow ended, for the post step's report. */
function executionEnded(promotion: Promotion): string {
  return promotion.status === "COMPLETED"
    ? `Promotion ${promotion.id} completed: its changes are in the target environment.`
    : `Promotion ${promotion.id} ended ${promotion.status}.`;
}
