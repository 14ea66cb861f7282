import { ApiError } from "../../core/http/errors.js";
import { describeRollbackEffect, revertingChanges } from "../../core/report/changes.js";
import type { Report } from "../../core/report/model.js";
import {
  type ModeProcedure,
  type ModeTable,
  type ModeWork,
  runModes,
} from "../../core/run/connection.js";
import { EngineFailure } from "../../core/run/failure.js";
import { refusedChange } from "../../core/run/review.js";
import type { Held } from "../../core/run/shell.js";
import type { RunResult, Work } from "../../core/run/types.js";
import { UsageError } from "../../core/util/usage-error.js";
import type { AicApi } from "./api.js";
import type { ContentDiffs } from "./content/collect.js";
import { compareContent, rollbackContent, sameContent } from "./content/index.js";
import type { AicContext } from "./context.js";
import { classifyError } from "./failures.js";
import { acquireLock } from "./lock.js";
import type { AicRunOptions } from "./options.js";
import { runStep, waitUntilReady } from "./promotion.js";
import { releaseLock, unlockCommand } from "./release.js";
import { type AicReportKind, normalizeReport } from "./report.js";
import { statusWork, unlockWork } from "./status.js";
import type { PromoteRequest, PromotionStatus, RawReport } from "./types.js";

/** The lock a run took, as the shell and the faces name it. */
export function heldLock(id: string, origin: string): Held {
  return {
    kind: "lock",
    id,
    origin,
    label: `the lock of promotion ${id}`,
    release: "give-back",
    recovery: { mode: "unlock", inputs: { "promotion-id": id } },
  };
}

/** The settings a run reads, from the inputs; the faces' hooks come with each run. */
export type AicSettings = Omit<
  AicRunOptions,
  "logger" | "signal" | "onLockAcquired" | "onLockReleased" | "onPointOfNoReturn"
>;
/** What the modes read of the faces' hooks. */
type Hooks = Pick<AicRunOptions, "promoter" | "description" | "beforeChange"> & {
  onReleased?: (held: Held) => void;
};

/** An AIC mode's context: the API, the run's settings, and how a lock it releases is told. */
interface AicModeContext extends AicContext {
  options: AicRunOptions;
  lockReleased(id: string): void;
}

/** The lock a mode takes is held from the moment its id is known. */
function locking(
  work: (ctx: AicModeContext, ready: PromotionStatus) => Promise<Work>,
): ModeWork<AicModeContext, Hooks> {
  return (ctx, hold) =>
    lockedWork(
      ctx,
      ctx.options,
      (id) => hold(heldLock(id, ctx.api.origin)),
      (ready) => work(ctx, ready),
    );
}

/** AIC's modes: all of them; those that change the upper environment hold its lock. */
export const AIC_MODE_WORK: ModeTable<AicModeContext, Hooks> = {
  preview: (ctx) => preview(ctx, ctx.options).then(withPending),
  "dry-run": async (ctx, hold, hooks) =>
    withPending(
      (await nothingPending(ctx, "dry run")) ??
        (await locking((c, ready) => dryRun(c, c.options, ready))(ctx, hold, hooks)),
    ),
  promote: async (ctx, hold, hooks) => {
    const unchanged = await nothingPending(ctx, "promotion");
    if (unchanged) return unchanged;
    await checkReleaseUpgrade(ctx, ctx.options);
    return locking((c, ready) => promote(c, c.options, ready))(ctx, hold, hooks);
  },
  "rollback-preview": (ctx) => rollbackPreview(ctx),
  rollback: locking((ctx, ready) => rollback(ctx, ctx.options, ready)),
  status: (ctx) => statusWork(ctx),
  unlock: (ctx) => unlockWork(ctx, ctx.options, (id) => ctx.lockReleased(id)),
};

/**
 * `upper`: the environment the run acts on (for preview, which reads the lower one only, that
 * one); a lock is released there, and only there.
 */
export function aicProcedure(settings: AicSettings): ModeProcedure<AicModeContext, Hooks> {
  const api = settings.upper;
  return {
    modes: AIC_MODE_WORK,
    context: (run, hooks) => ({
      ...run,
      api,
      options: { ...settings, ...hooks, logger: run.log, signal: run.signal },
      lockReleased: (id) => hooks.onReleased?.(heldLock(id, api.origin)),
    }),
    release: (held, logger, budgetMs) => {
      if (api.origin !== held.origin)
        throw new UsageError(
          `the inputs now name ${api.origin}, but the lock was taken on ${held.origin}`,
        );
      return releaseLock(api, held.id, logger, budgetMs, settings.timeScale ?? 1);
    },
    releaseCommand: (held) => unlockCommand(held.origin, held.id),
    classify: classifyError,
    // AIC's JSON has always listed these, empty when the run found none.
    details: { missingESVs: [], encryptedSecrets: [] },
  };
}

/** Runs one AIC mode to the end. Never throws: every outcome is a RunResult. */
export function runAic(options: AicRunOptions): Promise<RunResult> {
  return runModes(
    options,
    {
      ...options,
      onHeld: (held: Held) => options.onLockAcquired?.(held.id),
      onReleased: (held: Held) => options.onLockReleased?.(held.id),
    },
    aicProcedure(options),
  );
}

/**
 * No lock for nothing: when the lower environment's provisional report (read without a lock)
 * lists no change, the run ends no-change before locking either environment. A report that
 * cannot be read is no failure: the run locks and finds out, as without the check.
 */
async function nothingPending(ctx: AicModeContext, what: string): Promise<Work | undefined> {
  const { lower, skipUnchanged } = ctx.options;
  if (skipUnchanged === false || !lower) return undefined;
  let report: Report;
  try {
    report = await fetchReport(lower, "provisional", (s) => lower.getProvisionalReport(s), ctx);
  } catch (error) {
    if (ctx.signal.aborted) throw error;
    ctx.log.warn(
      `[skip-unchanged] could not read the provisional report of ${lower.origin} (${(error as Error).message}); locking to find out`,
    );
    return undefined;
  }
  if (report.counts.total > 0) return undefined;
  return {
    result: "no-change",
    message: `Nothing to promote: the provisional report of ${lower.origin} lists no change, so no ${what} ran and nothing was locked.`,
    report,
  };
}

async function preview(ctx: AicContext, options: AicRunOptions): Promise<Work> {
  const lower = options.lower;
  if (!lower)
    throw new EngineFailure("api-error", "preview needs the lower environment (--lower-fqdn).");
  const provisional = await fetchReport(
    lower,
    "provisional",
    (s) => lower.getProvisionalReport(s),
    ctx,
  );
  const { report } = await compareContent(ctx, provisional, options.content);
  return reportWork(report, `would be promoted from ${lower.origin}`);
}

async function rollbackPreview(ctx: AicModeContext): Promise<Work> {
  const report = await provisionalRollback(ctx, ctx.options);
  if (!report) return nothingToRollBack(ctx);
  if (report.counts.total === 0)
    return {
      result: "no-change",
      message: `A rollback would change nothing on ${ctx.api.origin}.`,
      report,
    };
  return {
    result: "succeeded",
    message: `Rolling back promotion ${report.promotionId ?? "(unnamed)"} on ${ctx.api.origin} ${describeRollbackEffect(effectOf(report))}.`,
    report,
  };
}

async function lockedWork(
  ctx: AicContext,
  options: AicRunOptions,
  onLock: (id: string) => void,
  work: (ready: PromotionStatus) => Promise<Work>,
): Promise<Work> {
  const id = await acquireLock(ctx, options.lockWaitMs ?? 0, onLock);
  ctx.log.info(`[lock] environments locked for promotion ${id}`);
  const ready = await waitUntilReady(ctx);
  return { ...(await work(ready)), promotionId: id };
}

async function fetchReport(
  api: AicApi,
  kind: AicReportKind,
  read: (signal: AbortSignal) => Promise<RawReport>,
  ctx: AicContext,
): Promise<Report> {
  const raw = await read(ctx.signal);
  const report = normalizeReport(raw, kind);
  ctx.log.info(`[report] ${kind} report from ${api.origin}: ${report.counts.total} change(s)`);
  return report;
}

/** Something is pending when the report lists a change; a failed run tells nothing. */
function withPending(work: Work): Work {
  if (work.result === "failed") return work;
  return { ...work, pending: (work.report?.counts.total ?? 0) > 0 };
}

function countsText(report: Report): string {
  const { added, modified, deleted, total } = report.counts;
  return `${total} change(s): ${added} added, ${modified} modified, ${deleted} deleted`;
}

function effectOf(report: Report) {
  return report.rollbackEffect ?? revertingChanges(report.counts);
}

function reportWork(report: Report, what: string): Work {
  if (report.counts.total === 0)
    return { result: "no-change", message: `Nothing ${what}.`, report };
  return { result: "succeeded", message: `${countsText(report)} ${what}.`, report };
}

async function dryRun(
  ctx: AicContext,
  options: AicRunOptions,
  before: PromotionStatus,
): Promise<Work & { final: PromotionStatus; report: Report; diffs?: ContentDiffs }> {
  const final = await runStep(
    ctx,
    { label: "dry run", send: () => ctx.api.promote(promoteBody(options, true)) },
    before,
  );
  // Read while the lock holds both environments still: what the promotion would write.
  const { report, diffs } = await compareContent(
    ctx,
    await latestReport(ctx, "dry-run"),
    options.content,
  );
  const noChange = report.counts.total === 0 || /no change/i.test(final.message ?? "");
  return {
    result: noChange ? "no-change" : "succeeded",
    message: noChange
      ? "Dry run: nothing to promote."
      : `Dry run: ${countsText(report)} would be promoted to ${ctx.api.origin}.`,
    report,
    dryRunReport: report,
    final,
    diffs,
  };
}

async function promote(
  ctx: AicContext,
  options: AicRunOptions,
  before: PromotionStatus,
): Promise<Work> {
  const { final: dryFinal, diffs, ...dry } = await dryRun(ctx, options, before);
  if (dry.result === "no-change") {
    return { ...dry, message: "Nothing to promote: the dry run found no change." };
  }
  const refused = await refusedChange(options.beforeChange, dry.report, classifyError);
  if (refused) return { ...refused, dryRunReport: dry.report };
  ctx.pointOfNoReturn?.("the promotion");
  const final = await runStep(
    ctx,
    { label: "promotion", send: () => ctx.api.promote(promoteBody(options, false)) },
    dryFinal,
  );
  // Upper now equals lower: what changed inside each item is what was read before.
  const report = sameContent(await latestReport(ctx, "promotion"), diffs);
  if (/no change/i.test(final.message ?? "")) {
    return {
      result: "no-change",
      message: "The promotion completed with no change.",
      report,
      dryRunReport: dry.report,
    };
  }
  return {
    result: "succeeded",
    message: `Promoted ${countsText(report)} to ${ctx.api.origin}.`,
    report,
    dryRunReport: dry.report,
  };
}

async function rollback(
  ctx: AicContext,
  options: AicRunOptions,
  before: PromotionStatus,
): Promise<Work> {
  const provisional = await provisionalRollback(ctx, options);
  if (!provisional) return nothingToRollBack(ctx);
  if (
    options.promotionId &&
    provisional.promotionId &&
    provisional.promotionId !== options.promotionId
  ) {
    throw new EngineFailure(
      "promotion-mismatch",
      `Refusing to roll back: the most recent promotion on ${ctx.api.origin} is ${provisional.promotionId}, not ${options.promotionId}.`,
      [
        "Check the promotion history with `tenant-promote status`, then run again with the right --promotion-id.",
      ],
    );
  }
  const refused = await refusedChange(options.beforeChange, provisional, classifyError);
  if (refused) return refused;
  ctx.pointOfNoReturn?.("the rollback");
  await runStep(
    ctx,
    { label: "rollback", send: () => ctx.api.rollback(requestNotes(options)) },
    before,
  );
  const report = rollbackContent(await latestReport(ctx, "rollback"), options.content);
  return {
    result: "succeeded",
    message: `Rolled back promotion ${provisional.promotionId ?? "(unnamed)"} on ${ctx.api.origin}: ${describeRollbackEffect(effectOf(report), "past")}.`,
    report,
  };
}

/** The provisional rollback report, or undefined when the tenant has no promotion to roll back (404). */
async function provisionalRollback(
  ctx: AicContext,
  options: AicRunOptions,
): Promise<Report | undefined> {
  try {
    const report = await fetchReport(
      ctx.api,
      "provisional-rollback",
      (s) => ctx.api.getProvisionalRollbackReport(s),
      ctx,
    );
    return rollbackContent(report, options.content);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) {
      ctx.log.info(`[report] no provisional rollback report: ${error.serverMessage ?? "404"}`);
      return undefined;
    }
    throw error;
  }
}

function nothingToRollBack(ctx: AicContext): Work {
  return {
    result: "no-change",
    message: `Nothing to roll back on ${ctx.api.origin}: it has no promotion to revert.`,
  };
}

async function latestReport(ctx: AicContext, kind: AicReportKind): Promise<Report> {
  return fetchReport(ctx.api, kind, (s) => ctx.api.getReport(undefined, s), ctx);
}

function promoteBody(options: AicRunOptions, dryRun: boolean): PromoteRequest {
  return {
    dryRun,
    ...requestNotes(options),
    ignoreEncryptedSecrets: options.ignoreEncryptedSecrets,
  };
}

function requestNotes(options: AicRunOptions): {
  promoter?: string;
  promotionDescription?: string;
} {
  return { promoter: options.promoter, promotionDescription: options.description };
}

async function checkReleaseUpgrade(ctx: AicContext, options: AicRunOptions): Promise<void> {
  const info = await ctx.api.getInfo(ctx.signal);
  if (!info.promotionWouldTriggerReleaseUpgrade) return;
  if (options.allowReleaseUpgrade) {
    ctx.log.warn(
      "[info] this promotion will trigger a release upgrade; going on because it was allowed",
    );
    return;
  }
  throw new EngineFailure(
    "release-upgrade",
    `Promoting to ${ctx.api.origin} now would trigger a release upgrade (deferred release active); nothing was locked or promoted.`,
    [
      "If your organization has finished evaluating the release: run again with --allow-release-upgrade (action input allow-release-upgrade: true).",
      "Otherwise ask Ping Identity support to run the promotion without the upgrade.",
    ],
  );
}
