// A promotion's life as this run drives it: create (or roll back) without ever sending twice,
// wait for the plan, execute, and follow the execution to its end with progress lines.
import { isOutcomeUnknown } from "../../core/http/errors.js";
import { EngineFailure } from "../../core/run/failure.js";
import { pollUntil } from "../../core/run/poll.js";
import { waitWhileBusy } from "../../core/run/wait-while-busy.js";
import { type PingOneContext, previousOf, targetOf } from "./context.js";
import { conflictFailure, executionFailure, validationFailure } from "./failures.js";
import { EXECUTED, EXECUTING, PLANNED } from "./statuses.js";
import { PHASE_LIMIT_MS, POLL_MS } from "./timing.js";
import type { Promotion, StepError } from "./types.js";

function describe(p: Promotion): string {
  const steps = p.promotionPlan?.steps;
  return `${p.status}${p.status === "READY" && steps ? ` (${steps.length} step(s) planned)` : ""}`;
}

/**
 * Fails with lock-conflict while another promotion to the target is being executed, or waits
 * for it when lock-wait allows. Runs before creating and again before executing.
 */
export async function ensureNoneRunning(ctx: PingOneContext, ownId?: string): Promise<void> {
  const target = ctx.config.targetEnvironmentId;
  await waitWhileBusy(ctx, {
    runningWork: async () =>
      (await ctx.api.listPromotions({ status: "IN_PROGRESS" }, ctx.signal)).find(
        (p) => EXECUTING.has(p.status) && targetOf(p) === target && p.id !== ownId,
      ),
    waitMs: ctx.config.lockWaitMs,
    intervalMs: POLL_MS.conflict,
    describe: (other) => `promotion ${other.id} to ${target} is ${other.status}`,
    conflict: (other) => conflictFailure(other, target ?? "the target", ownId),
  });
}

/**
 * POST /promotions. A lost reply is never answered by sending again blindly: the list tells
 * whether it took effect (our description carries this run's tag); only if not is it sent once more.
 */
export async function createPromotion(
  ctx: PingOneContext,
  description: string,
  tag: string,
): Promise<Promotion> {
  const body = {
    targetEnvironment: { id: ctx.config.targetEnvironmentId as string },
    selectedResources: ctx.config.resources,
    ...(ctx.config.excludeResources.length > 0
      ? { excludedResources: ctx.config.excludeResources }
      : {}),
    description,
  };
  for (let attempt = 1; ; attempt++) {
    try {
      // Not cancellable: a create cut off mid-flight could leave a draft nobody deletes.
      return await ctx.api.createPromotion(body);
    } catch (error) {
      if (!isOutcomeUnknown(error) || attempt > 1) throw error;
      ctx.log.warn(
        `[create] the reply was lost; reading the promotions to learn whether it was created`,
      );
      const ours = (await ctx.api.listPromotions({}, ctx.signal)).find((p) =>
        p.description?.includes(tag),
      );
      if (ours) {
        ctx.log.info(`[create] it was: promotion ${ours.id}`);
        return ours;
      }
      ctx.log.info("[create] it was not; sending it once more");
    }
  }
}

/** Waits until the promotion is planned; a failed validation is a failure with its reasons. */
export async function waitForPlan(ctx: PingOneContext, id: string): Promise<Promotion> {
  const planned = await pollUntil(ctx, {
    phase: "plan",
    read: () => ctx.api.getPromotion(id, ctx.signal),
    describe,
    done: (p) => PLANNED.has(p.status),
    intervalMs: () => POLL_MS.plan,
    firstReadAfterMs: POLL_MS.firstRead,
    limitMs: PHASE_LIMIT_MS.plan,
    limitHint: `See the promotion with: tenant-promote status --platform pingone`,
  });
  if (planned.status === "READY") return planned;
  const errors = await errorsOf(ctx, planned);
  if (planned.status === "VALIDATION_FAILED") throw validationFailure(planned, errors);
  throw executionFailure(planned, errors, "promotion plan");
}

/** POST execute. A lost reply: its status tells whether it started; if not, it is sent once more. */
export async function execute(ctx: PingOneContext, id: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await ctx.api.executePromotion(id, ctx.signal);
      return;
    } catch (error) {
      if (!isOutcomeUnknown(error) || attempt > 1) throw error;
      ctx.log.warn(
        `[execute] the reply was lost; reading promotion ${id} to learn whether it started`,
      );
      const now = await ctx.api.getPromotion(id, ctx.signal);
      if (!PLANNED.has(now.status) || now.status === "ERROR") {
        ctx.log.info(`[execute] it did: promotion ${id} is ${now.status}`);
        return;
      }
      ctx.log.info(`[execute] it did not (${now.status}); sending it once more`);
    }
  }
}

/** Follows an execution to COMPLETED; ERROR fails with every step's error. No bound but the run's. */
export async function followExecution(
  ctx: PingOneContext,
  id: string,
  what: string,
): Promise<Promotion> {
  const final = await pollUntil(ctx, {
    phase: what,
    read: () => ctx.api.getPromotion(id, ctx.signal),
    describe,
    done: (p) => EXECUTED.has(p.status) || p.status === "VALIDATION_FAILED",
    intervalMs: () => POLL_MS.execution,
    firstReadAfterMs: POLL_MS.firstRead,
  });
  if (final.status === "COMPLETED" || final.status === "ROLLED_BACK") return final;
  const errors = await errorsOf(ctx, final);
  if (final.status === "VALIDATION_FAILED") throw validationFailure(final, errors);
  throw executionFailure(final, errors, what);
}

/** The errors a promotion lists, and those of its failed steps, each once. */
export async function errorsOf(ctx: PingOneContext, promotion: Promotion): Promise<StepError[]> {
  const own = [...(promotion.errors ?? []), ...(promotion.validationErrors ?? [])];
  let fromSteps: StepError[] = [];
  try {
    const steps = await ctx.api.listPromotionSteps(promotion.id, ctx.signal);
    fromSteps = steps
      .filter((s) => s.error || s.status === "ERROR")
      .map((s) => ({
        target: s.resourceUrl,
        ...(s.error ?? { message: "step failed" }),
        // Which resource, by name: a URL ending in /applications/ does not say.
        resource: s.sourceResource?.name ?? s.targetResource?.name,
      }));
  } catch (error) {
    ctx.log.warn(
      `[errors] could not read the steps of ${promotion.id}: ${(error as Error).message}`,
    );
  }
  const seen = new Set<string>();
  return [...own, ...fromSteps].filter((e) => {
    const key = `${e.code}|${e.message}|${e.target}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The promotion a rollback would revert: the most recent executed one to the target, if any. */
export async function rollbackCandidate(ctx: PingOneContext): Promise<Promotion | undefined> {
  const target = ctx.config.targetEnvironmentId;
  const executed = (await ctx.api.listPromotions({}, ctx.signal))
    .filter((p) => targetOf(p) === target && EXECUTED.has(p.status))
    .sort((a, b) => (newest(a) < newest(b) ? 1 : -1));
  const last = executed[0];
  // The most recent one is a rollback, or was rolled back: there is nothing left to revert.
  if (!last || last.status === "ROLLED_BACK" || previousOf(last)) return undefined;
  return last;
}

function newest(p: Promotion): string {
  return p.updatedAt ?? p.createdAt ?? "";
}

/** POST rollback on `original`; a lost reply is settled by finding the rollback that names it. */
export async function requestRollback(ctx: PingOneContext, original: string): Promise<Promotion> {
  for (let attempt = 1; ; attempt++) {
    try {
      // Not cancellable: a request cut off mid-flight could leave a rollback nobody deletes.
      return await ctx.api.rollbackPromotion(original);
    } catch (error) {
      if (!isOutcomeUnknown(error) || attempt > 1) throw error;
      ctx.log.warn(
        "[rollback] the reply was lost; reading the promotions to learn whether it was created",
      );
      // Only one not yet run: an older, finished rollback attempt of the same promotion is not ours.
      const made = (await ctx.api.listPromotions({}, ctx.signal)).find(
        (p) => previousOf(p) === original && !EXECUTED.has(p.status) && p.status !== "IN_PROGRESS",
      );
      if (made) return made;
      ctx.log.info("[rollback] it was not; sending it once more");
    }
  }
}

export function mismatch(expected: string, actual: string, origin: string): EngineFailure {
  return new EngineFailure(
    "promotion-mismatch",
    `Refusing to roll back: the most recent promotion to this target on ${origin} is ${actual}, not ${expected}.`,
    [
      "Check with `tenant-promote status --platform pingone`, then run again with the right promotion-id.",
    ],
  );
}
