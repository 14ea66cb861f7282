// PingOne Platform's modes. Every promotion this run creates and does not execute is deleted
// before the run ends; an execution it started is followed to its end; nothing else is touched.

import { randomBytes } from "node:crypto";
import { describeRollbackEffect, rollbackSteps } from "../../core/report/changes.js";
import type { Report } from "../../core/report/model.js";
import {
  type ModeProcedure,
  type ModeTable,
  type ModeWork,
  runModes,
} from "../../core/run/connection.js";
import { type ChangeCheck, refusedChange } from "../../core/run/review.js";
import type { Held } from "../../core/run/shell.js";
import type { Mode, RunResult, Work } from "../../core/run/types.js";
import type { Logger } from "../../core/util/log.js";
import type { PingOneApi } from "./api.js";
import { type PingOneContext, targetOf } from "./context.js";
import { classifyError } from "./failures.js";
import type { PingOneConfig } from "./inputs.js";
import {
  createPromotion,
  ensureNoneRunning,
  execute,
  followExecution,
  mismatch,
  requestRollback,
  rollbackCandidate,
  waitForPlan,
} from "./lifecycle.js";
import { detailedReport } from "./plan-details.js";
import { draftHeld, releaseCommand, releasePromotion } from "./release.js";
import { asKind } from "./report.js";
import { promotionsStatus, unlockDraft } from "./status.js";
import { ensureTargetKnown } from "./target.js";

export interface PingOneRunOptions {
  config: PingOneConfig;
  api: PingOneApi;
  logger: Logger;
  signal?: AbortSignal;
  description?: string;
  onHeld?: (held: Held) => void;
  onReleased?: (held: Held) => void;
  onPointOfNoReturn?: (what: string) => void;
  beforeChange?: ChangeCheck;
}

type Hold = (held: Held) => void;

/** What the modes read of the faces' hooks. */
type Hooks = Pick<PingOneRunOptions, "beforeChange" | "description">;
type PingOneWork = ModeWork<PingOneContext, Hooks>;

/** Every mode starts by checking that the target environment exists. */
function known(work: PingOneWork): PingOneWork {
  return async (ctx, hold, hooks) => {
    await ensureTargetKnown(ctx);
    return work(ctx, hold, hooks);
  };
}

/** PingOne's modes: all of them. */
export const PINGONE_MODE_WORK: ModeTable<PingOneContext, Hooks> = {
  preview: known((ctx, hold, hooks) => planOnly(ctx, hooks, hold, "preview")),
  "dry-run": known((ctx, hold, hooks) => planOnly(ctx, hooks, hold, "dry-run")),
  promote: known((ctx, hold, hooks) => promote(ctx, hooks, hold)),
  "rollback-preview": known((ctx, hold) => rollbackPreview(ctx, hold)),
  rollback: known((ctx, hold, hooks) => rollback(ctx, hooks, hold)),
  status: known((ctx) => promotionsStatus(ctx)),
  unlock: known((ctx) => unlockDraft(ctx)),
};

/** A draft is deleted; a promotion that started executing is followed to its end. */
export function pingOneProcedure(
  api: PingOneApi,
  config: PingOneConfig,
): ModeProcedure<PingOneContext, Hooks> {
  return {
    modes: PINGONE_MODE_WORK,
    context: (run) => ({ ...run, api, config }),
    release: (held, logger, budgetMs) =>
      releasePromotion(api, held, logger, budgetMs, config.timeScale),
    releaseCommand: (held) => releaseCommand(held, config.sourceEnvironmentId),
    classify: classifyError,
  };
}

/** Runs one PingOne mode to the end. Never throws: every outcome is a RunResult. */
export function runPingOne(options: PingOneRunOptions): Promise<RunResult> {
  return runModes(options.config, options, pingOneProcedure(options.api, options.config));
}

function counts(report: Report): string {
  const { added, modified, deleted, total } = report.counts;
  return `${total} step(s): ${added} added, ${modified} modified, ${deleted} deleted`;
}

/** Creates this run's draft and waits for its plan; the shell deletes the draft at the end. */
async function draftAndPlan(ctx: PingOneContext, options: Hooks, hold: Hold) {
  const tag = randomBytes(6).toString("hex");
  const description = `${options.description ?? "tenant-promote"} (tenant-promote run ${tag})`;
  const created = await createPromotion(ctx, description, tag);
  hold(draftHeld(created.id, ctx.api.origin));
  ctx.log.info(
    `[create] promotion ${created.id} (${created.status}) to ${ctx.config.targetEnvironmentId}`,
  );
  const planned = await waitForPlan(ctx, created.id);
  return { planned, report: await detailedReport(ctx, planned, "plan") };
}

async function planOnly(
  ctx: PingOneContext,
  options: Hooks,
  hold: Hold,
  mode: Mode,
): Promise<Work> {
  if (mode === "dry-run") await ensureNoneRunning(ctx);
  const { planned, report } = await draftAndPlan(ctx, options, hold);
  const where = `from ${ctx.config.sourceEnvironmentId} to ${ctx.config.targetEnvironmentId}`;
  if (report.counts.total === 0)
    return {
      result: "no-change",
      message: `Nothing to promote ${where}.`,
      report,
      dryRunReport: report,
      promotionId: planned.id,
      pending: false,
    };
  return {
    result: "succeeded",
    // The plan has steps: that is what waits to be promoted.
    pending: true,
    message: `The plan has ${counts(report)} ${where}; nothing was executed.`,
    report,
    dryRunReport: report,
    promotionId: planned.id,
  };
}

async function promote(ctx: PingOneContext, options: Hooks, hold: Hold): Promise<Work> {
  await ensureNoneRunning(ctx);
  const { planned, report } = await draftAndPlan(ctx, options, hold);
  if (report.counts.total === 0)
    return {
      result: "no-change",
      message: "Nothing to promote: the plan has no step.",
      report,
      dryRunReport: report,
      promotionId: planned.id,
    };
  const refused = await refusedChange(options.beforeChange, report, classifyError);
  if (refused) return { ...refused, dryRunReport: report, promotionId: planned.id };
  await ensureNoneRunning(ctx, planned.id);
  ctx.log.info(`[execute] promotion ${planned.id}: ${counts(report)}`);
  // From here it is no draft: the release follows it instead of deleting it.
  ctx.pointOfNoReturn?.("the promotion's execution");
  hold({ kind: "running promotion", id: planned.id, origin: ctx.api.origin, release: "give-back" });
  await execute(ctx, planned.id);
  await followExecution(ctx, planned.id, "promotion");
  return {
    result: "succeeded",
    message: `Promoted ${counts(report)} to ${ctx.config.targetEnvironmentId}.`,
    report: asKind(report, "promotion"),
    dryRunReport: report,
    promotionId: planned.id,
  };
}

/**
 * Asks PingOne for the rollback promotion, reports its plan and deletes it, as preview does
 * with a promotion: the report, its field diffs and its hash are the ones `rollback` will show.
 */
async function rollbackPreview(ctx: PingOneContext, hold: Hold): Promise<Work> {
  const original = await rollbackCandidate(ctx);
  if (!original) return nothingToRollBack(ctx);
  const draft = await requestRollback(ctx, original.id);
  hold(draftHeld(draft.id, ctx.api.origin));
  ctx.log.info(
    `[rollback] draft rollback promotion ${draft.id} (${draft.status}) of ${original.id}, to be deleted unexecuted`,
  );
  const report = await detailedReport(ctx, await waitForPlan(ctx, draft.id), "rollback-plan");
  return {
    result: report.counts.total === 0 ? "no-change" : "succeeded",
    message: `Rolling back promotion ${original.id} (${original.status}) on ${targetOf(original)} ${describeRollbackEffect(rollbackSteps(report.counts))}.`,
    report,
    promotionId: original.id,
  };
}

async function rollback(ctx: PingOneContext, options: Hooks, hold: Hold): Promise<Work> {
  const original = await rollbackCandidate(ctx);
  if (!original) return nothingToRollBack(ctx);
  const expected = ctx.config.promotionId;
  if (expected && expected !== original.id) throw mismatch(expected, original.id, ctx.api.origin);
  await ensureNoneRunning(ctx);
  ctx.log.info(`[rollback] rolling back promotion ${original.id} (${original.status})`);
  const created = await requestRollback(ctx, original.id);
  hold(draftHeld(created.id, ctx.api.origin));
  ctx.log.info(`[rollback] rollback promotion ${created.id} (${created.status})`);
  // The rollback promotion's own plan says exactly what reverting does; it is the report.
  const rollbackPlan = await detailedReport(ctx, await waitForPlan(ctx, created.id), "rollback");
  // Refused: the rollback promotion is still a draft, and the release deletes it.
  const refused = await refusedChange(options.beforeChange, rollbackPlan, classifyError);
  if (refused) return { ...refused, promotionId: created.id };
  await ensureNoneRunning(ctx, created.id);
  ctx.pointOfNoReturn?.("the rollback's execution");
  hold({ kind: "running promotion", id: created.id, origin: ctx.api.origin, release: "give-back" });
  await execute(ctx, created.id);
  await followExecution(ctx, created.id, "rollback");
  const after = await ctx.api.getPromotion(original.id, ctx.signal);
  if (after.status !== "ROLLED_BACK")
    return {
      result: "failed",
      reason: "api-error",
      message: `Rollback promotion ${created.id} completed, but promotion ${original.id} is ${after.status}, not ROLLED_BACK.`,
      nextSteps: ["Check the target environment and `tenant-promote status --platform pingone`."],
      report: rollbackPlan,
      promotionId: created.id,
    };
  return {
    result: "succeeded",
    message: `Rolled back promotion ${original.id} on ${targetOf(original)}: ${describeRollbackEffect(rollbackSteps(rollbackPlan.counts), "past")}.`,
    report: rollbackPlan,
    promotionId: created.id,
  };
}

function nothingToRollBack(ctx: PingOneContext): Work {
  return {
    result: "no-change",
    message: `Nothing to roll back: no executed promotion from ${ctx.config.sourceEnvironmentId} to ${ctx.config.targetEnvironmentId} is left to revert.`,
  };
}
