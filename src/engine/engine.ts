import type { PromotionApi } from "../aic/api.js";
import { ApiError } from "../aic/errors.js";
import type { PromoteRequest, PromotionStatus, RawReport } from "../aic/types.js";
import type { Report, ReportKind } from "../report/model.js";
import { normalizeReport } from "../report/normalize.js";
import { formatDuration } from "../util/duration.js";
import { classifyError, EngineFailure } from "./failures.js";
import { acquireLock } from "./lock.js";
import type { RunContext } from "./poll.js";
import { runStep, waitUntilReady } from "./promotion.js";
import { releaseLock, unlockCommand } from "./release.js";
import type { EngineOptions, RunResult } from "./types.js";

const DEFAULT_TIMEOUT_MS = 60 * 60_000;
/** Share of the overall timeout kept back so the lock can still be released in time. */
const RELEASE_RESERVE = 0.2;

type Work = Omit<RunResult, "mode" | "elapsedMs" | "nextSteps"> & { nextSteps?: string[] };

/** Runs one mode to the end. Never throws: every outcome is a RunResult. */
export async function runEngine(options: EngineOptions): Promise<RunResult> {
  const started = Date.now();
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const scale = options.timeScale ?? 1;
  const workTimeout = AbortSignal.timeout(
    Math.max(1, Math.round(timeoutMs * (1 - RELEASE_RESERVE))),
  );
  const signal = options.signal ? AbortSignal.any([options.signal, workTimeout]) : workTimeout;
  const ctx: RunContext = {
    api: options.upper,
    log: options.logger,
    signal,
    runStart: started,
    scale,
  };
  let heldLock: string | undefined;
  let work: Work;
  try {
    work = await dispatch(ctx, options, (id) => {
      heldLock = id;
      options.onLockAcquired?.(id);
    });
  } catch (error) {
    work = failureWork(error, options, workTimeout);
  }
  if (heldLock) {
    const budget = Math.max(
      started + timeoutMs - Date.now(),
      60_000 * scale,
      options.releaseBudgetMs ?? 0,
    );
    const released = await releaseLock(options.upper, heldLock, options.logger, budget, scale);
    if (released) options.onLockReleased?.(heldLock);
    work.promotionId ??= heldLock;
    work.lockReleased = released;
    if (!released) {
      work.nextSteps = [
        ...(work.nextSteps ?? []),
        `Release the lock: ${unlockCommand(options.upper.origin, heldLock)}`,
      ];
      if (work.result !== "failed") {
        work = {
          ...work,
          result: "failed",
          reason: "api-error",
          message: `${work.message} But the lock could not be released.`,
        };
      }
    }
  }
  const elapsedMs = Date.now() - started;
  options.logger.info(
    `[done] ${work.result}${work.reason ? ` (${work.reason})` : ""} after ${formatDuration(elapsedMs)}`,
  );
  return { mode: options.mode, ...work, nextSteps: work.nextSteps ?? [], elapsedMs };
}

function failureWork(error: unknown, options: EngineOptions, workTimeout: AbortSignal): Work {
  let failure: EngineFailure;
  if (options.signal?.aborted) {
    failure = new EngineFailure("cancelled", "The run was cancelled.");
  } else if (workTimeout.aborted) {
    failure = new EngineFailure(
      "timeout",
      `The run did not finish within the timeout (${formatDuration(options.timeoutMs ?? DEFAULT_TIMEOUT_MS)}).`,
      ["Run again with a longer --timeout, or check `tenant-promote status`."],
    );
  } else {
    failure = classifyError(error);
  }
  return {
    result: "failed",
    reason: failure.reason,
    message: failure.message,
    nextSteps: failure.nextSteps,
    lockHolder: failure.details.lockHolder,
    missingESVs: failure.details.missingESVs,
    encryptedSecrets: failure.details.encryptedSecrets,
    reportDiff: failure.details.reportDiff,
  };
}

async function dispatch(
  ctx: RunContext,
  options: EngineOptions,
  onLock: (id: string) => void,
): Promise<Work> {
  const { upper, lower } = options;
  switch (options.mode) {
    case "preview": {
      if (!lower)
        throw new EngineFailure("api-error", "preview needs the lower environment (--lower-fqdn).");
      const report = await fetchReport(
        lower,
        "provisional",
        (s) => lower.getProvisionalReport(s),
        ctx,
      );
      return reportWork(report, `would be promoted from ${lower.origin}`);
    }
    case "rollback-preview": {
      const report = await provisionalRollback(ctx);
      if (!report) return nothingToRollBack(ctx);
      return reportWork(report, `a rollback would revert on ${upper.origin}`);
    }
    case "status":
      return statusWork(ctx);
    case "unlock":
      return unlockWork(ctx, options);
    case "dry-run":
      return lockedWork(ctx, options, onLock, (ready) => dryRun(ctx, options, ready));
    case "promote":
      await checkReleaseUpgrade(ctx, options);
      return lockedWork(ctx, options, onLock, (ready) => promote(ctx, options, ready));
    case "rollback":
      return lockedWork(ctx, options, onLock, (ready) => rollback(ctx, options, ready));
  }
}

async function lockedWork(
  ctx: RunContext,
  options: EngineOptions,
  onLock: (id: string) => void,
  work: (ready: PromotionStatus) => Promise<Work>,
): Promise<Work> {
  const id = await acquireLock(ctx, options.lockWaitMs ?? 0, onLock);
  ctx.log.info(`[lock] environments locked for promotion ${id}`);
  const ready = await waitUntilReady(ctx);
  return { ...(await work(ready)), promotionId: id };
}

async function fetchReport(
  api: PromotionApi,
  kind: ReportKind,
  read: (signal: AbortSignal) => Promise<RawReport>,
  ctx: RunContext,
): Promise<Report> {
  const raw = await read(ctx.signal);
  const report = normalizeReport(raw, kind);
  ctx.log.info(`[report] ${kind} report from ${api.origin}: ${report.counts.total} change(s)`);
  return report;
}

function countsText(report: Report): string {
  const { added, modified, deleted, total } = report.counts;
  return `${total} change(s): ${added} added, ${modified} modified, ${deleted} deleted`;
}

function reportWork(report: Report, what: string): Work {
  if (report.counts.total === 0)
    return { result: "no-change", message: `Nothing ${what}.`, report };
  return { result: "succeeded", message: `${countsText(report)} ${what}.`, report };
}

async function dryRun(
  ctx: RunContext,
  options: EngineOptions,
  before: PromotionStatus,
): Promise<Work & { final: PromotionStatus }> {
  const final = await runStep(
    ctx,
    { label: "dry run", send: () => ctx.api.promote(promoteBody(options, true)) },
    before,
  );
  const report = await latestReport(ctx, "dry-run");
  const noChange = report.counts.total === 0 || /no change/i.test(final.message ?? "");
  return {
    result: noChange ? "no-change" : "succeeded",
    message: noChange
      ? "Dry run: nothing to promote."
      : `Dry run: ${countsText(report)} would be promoted to ${ctx.api.origin}.`,
    report,
    dryRunReport: report,
    final,
  };
}

async function promote(
  ctx: RunContext,
  options: EngineOptions,
  before: PromotionStatus,
): Promise<Work> {
  const { final: dryFinal, ...dry } = await dryRun(ctx, options, before);
  if (dry.result === "no-change") {
    return { ...dry, message: "Nothing to promote: the dry run found no change." };
  }
  const refused = await checkBeforePromote(options, dry.report);
  if (refused) return refused;
  const final = await runStep(
    ctx,
    { label: "promotion", send: () => ctx.api.promote(promoteBody(options, false)) },
    dryFinal,
  );
  const report = await latestReport(ctx, "promotion");
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

/** Runs the caller's check on the dry-run report; a refusal keeps that report in the result. */
async function checkBeforePromote(options: EngineOptions, dryRun: Report | undefined) {
  if (!dryRun || !options.beforePromote) return undefined;
  try {
    await options.beforePromote(dryRun);
    return undefined;
  } catch (error) {
    const failure = classifyError(error);
    return {
      result: "failed",
      reason: failure.reason,
      message: failure.message,
      nextSteps: failure.nextSteps,
      reportDiff: failure.details.reportDiff,
      report: dryRun,
      dryRunReport: dryRun,
    } satisfies Work;
  }
}

async function rollback(
  ctx: RunContext,
  options: EngineOptions,
  before: PromotionStatus,
): Promise<Work> {
  const provisional = await provisionalRollback(ctx);
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
  await runStep(
    ctx,
    { label: "rollback", send: () => ctx.api.rollback(requestNotes(options)) },
    before,
  );
  const report = await latestReport(ctx, "rollback");
  return {
    result: "succeeded",
    message: `Rolled back ${countsText(report)} on ${ctx.api.origin}.`,
    report,
  };
}

/** The provisional rollback report, or undefined when the tenant has no promotion to roll back (404). */
async function provisionalRollback(ctx: RunContext): Promise<Report | undefined> {
  try {
    return await fetchReport(
      ctx.api,
      "provisional-rollback",
      (s) => ctx.api.getProvisionalRollbackReport(s),
      ctx,
    );
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) {
      ctx.log.info(`[report] no provisional rollback report: ${error.serverMessage ?? "404"}`);
      return undefined;
    }
    throw error;
  }
}

function nothingToRollBack(ctx: RunContext): Work {
  return {
    result: "no-change",
    message: `Nothing to roll back on ${ctx.api.origin}: it has no promotion to revert.`,
  };
}

async function latestReport(ctx: RunContext, kind: ReportKind): Promise<Report> {
  return fetchReport(ctx.api, kind, (s) => ctx.api.getReport(undefined, s), ctx);
}

function promoteBody(options: EngineOptions, dryRun: boolean): PromoteRequest {
  return {
    dryRun,
    ...requestNotes(options),
    ignoreEncryptedSecrets: options.ignoreEncryptedSecrets,
  };
}

function requestNotes(options: EngineOptions): {
  promoter?: string;
  promotionDescription?: string;
} {
  return { promoter: options.promoter, promotionDescription: options.description };
}

async function checkReleaseUpgrade(ctx: RunContext, options: EngineOptions): Promise<void> {
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

async function statusWork(ctx: RunContext): Promise<Work> {
  const [lock, promotion, reports] = await Promise.all([
    ctx.api.getLockState(ctx.signal),
    ctx.api.getPromotionStatus(ctx.signal),
    ctx.api.listReports(ctx.signal),
  ]);
  const holder = lock.promotionId ? ` by promotion ${lock.promotionId}` : "";
  return {
    result: "succeeded",
    message: `Lock: ${lock.result}${holder}. Promotion status: ${promotion.status}${promotion.message ? ` (${promotion.message})` : ""}. Reports: ${reports.length}.`,
    status: { lock, promotion, reports },
  };
}

async function unlockWork(ctx: RunContext, options: EngineOptions): Promise<Work> {
  const id = options.promotionId;
  if (!id)
    throw new EngineFailure(
      "api-error",
      "unlock needs the promotion id of the lock to release (--promotion-id).",
    );
  const budget = Math.max(
    1,
    (options.timeoutMs ?? DEFAULT_TIMEOUT_MS) - (Date.now() - ctx.runStart),
  );
  const released = await releaseLock(ctx.api, id, ctx.log, budget, ctx.scale);
  if (!released) {
    return {
      result: "failed",
      reason: "api-error",
      message: `The lock of promotion ${id} on ${ctx.api.origin} could not be released; see the lines above.`,
      promotionId: id,
      nextSteps: ["Check `tenant-promote status` for the current holder, then try again."],
    };
  }
  options.onLockReleased?.(id);
  return {
    result: "succeeded",
    message: `Released the lock of promotion ${id} on ${ctx.api.origin}.`,
    promotionId: id,
    lockReleased: true,
  };
}
