// ArcGIS Enterprise on Kubernetes: status, what a patch rollback would remove, and the rollback
// itself, followed to its end. One rollback at most per run, always after a fresh checkRollback;
// a job this run did not start is never touched.

import { isOutcomeUnknown } from "../../core/http/errors.js";
import { describeRollbackEffect } from "../../core/report/changes.js";
import type { Report } from "../../core/report/model.js";
import { type ModeProcedure, type ModeTable, runModes } from "../../core/run/connection.js";
import { EngineFailure, failedWork } from "../../core/run/failure.js";
import { scaled } from "../../core/run/poll.js";
import { type ChangeCheck, refusedChange } from "../../core/run/review.js";
import type { Held, ReleaseOutcome } from "../../core/run/shell.js";
import type { RunResult, StatusView, Work } from "../../core/run/types.js";
import { waitWhileBusy } from "../../core/run/wait-while-busy.js";
import type { Logger } from "../../core/util/log.js";
import { sleep } from "../../core/util/sleep.js";
import type { ArcGisApi } from "./api.js";
import type { ArcGisContext } from "./context.js";
import { ArcGisError } from "./errors.js";
import { classifyError, jobFailed, jobInProgress, lastMessages } from "./failures.js";
import { followJob, isTransient } from "./follow.js";
import type { ArcGisConfig } from "./inputs.js";
import { patchReport, timeline } from "./report.js";
import { POLL_MS } from "./timing.js";
import type { UpgradeStatus, UpgradesResource, VersionObject } from "./types.js";
import {
  currentOf,
  fullVersion,
  label,
  matches,
  newestFirst,
  removedBy,
  sameVersion,
} from "./versions.js";

export interface ArcGisRunOptions {
  config: ArcGisConfig;
  api: ArcGisApi;
  logger: Logger;
  signal?: AbortSignal;
  onHeld?: (held: Held) => void;
  onReleased?: (held: Held) => void;
  beforeChange?: ChangeCheck;
}

export function statusCommand(orgUrl: string): string {
  return `tenant-promote status --platform arcgis --arcgis-url ${orgUrl}`;
}

type Hooks = Pick<ArcGisRunOptions, "beforeChange">;

/** ArcGIS's modes: patch rollback only, nothing to promote. */
export const ARCGIS_MODE_WORK: ModeTable<ArcGisContext, Hooks> = {
  status: (ctx) => status(ctx),
  "rollback-preview": async (ctx) => {
    const job = await noJobRunning(ctx);
    const { work } = await preview(ctx);
    if (work.result === "failed") return work;
    return { ...work, pending: pendingOf(job.status, await availableUpdates(ctx)) };
  },
  rollback: (ctx, hold, hooks) => rollback(ctx, hold, hooks.beforeChange),
};

/** The job a rollback starts cannot be given back: its release reads how it stands. */
export function arcGisProcedure(
  api: ArcGisApi,
  config: ArcGisConfig,
): ModeProcedure<ArcGisContext, Hooks> {
  return {
    modes: ARCGIS_MODE_WORK,
    context: (run) => ({ ...run, api, config }),
    release: (held, logger, budgetMs) => reportJob(api, held, logger, budgetMs),
    releaseCommand: () => statusCommand(config.orgUrl),
    classify: (error) => classifyError(error, config),
  };
}

/** Runs one ArcGIS mode to the end. Never throws: every outcome is a RunResult. */
export function runArcGis(options: ArcGisRunOptions): Promise<RunResult> {
  const { config, api } = options;
  return runModes(config, options, arcGisProcedure(api, config));
}

async function status(ctx: ArcGisContext): Promise<Work> {
  const job = await ctx.api.upgrades(ctx.signal);
  const running = job.status.state === "in_progress";
  // While a job runs the other upgrades operations are refused: the job is what there is to see.
  const unlessRunning = <T>(read: Promise<T>): Promise<T | undefined> =>
    running
      ? read.catch((error) =>
          error instanceof ArcGisError && !error.authExpired ? undefined : Promise.reject(error),
        )
      : read;
  const [current, installed, available] = await Promise.all([
    unlessRunning(ctx.api.currentVersion(ctx.signal)),
    unlessRunning(ctx.api.installed(ctx.signal)),
    availableUpdates(ctx),
  ]);
  const unavailable = "unavailable while the job runs";
  const version = current && label(currentOf(current));
  const patches = installed?.filter((v) => v.type === "patch" || v.id.startsWith("pat_"));
  const rows: Array<[string, string]> = [
    ["Current version", version ?? unavailable],
    ["Installed patches", patches ? patches.map((v) => v.id).join(", ") || "none" : unavailable],
    [
      "Available to install",
      available
        ? available.map((v) => label(v)).join(", ") || "none"
        : running
          ? unavailable
          : "unavailable (see the log)",
    ],
    [
      "Job",
      `${job.status.state ?? "unknown"}${running ? " (the organization may be read-only)" : ""}`,
    ],
    ...lastMessages(job.status).map((line): [string, string] => ["Message", line]),
  ];
  return {
    result: "succeeded",
    message: version
      ? `${ctx.config.orgUrl} runs ${version}; upgrades job: ${job.status.state ?? "unknown"}.`
      : `${ctx.config.orgUrl}: upgrades job ${job.status.state}; its version is ${unavailable}.`,
    status: { rows, data: { currentVersion: current, installed, available, upgrades: job } },
    // What waits: a patch to install, or a job that ended without success (someone must look).
    pending: pendingOf(job.status, available),
  };
}

/**
 * Something waits: a job that ended badly, or a patch to install. Undefined when that cannot be
 * told (what is available was not read): the watch issue then stays as it is, never "in sync".
 */
function pendingOf(
  status: UpgradeStatus,
  available: VersionObject[] | undefined,
): boolean | undefined {
  if (jobEndedBadly(status)) return true;
  return available === undefined ? undefined : available.length > 0;
}

/**
 * The updates available to install, or undefined when ArcGIS does not say (a job runs, or the
 * operation fails): only the watch issue needs them, so the mode goes on without.
 */
async function availableUpdates(ctx: ArcGisContext): Promise<VersionObject[] | undefined> {
  try {
    return await ctx.api.available(ctx.signal);
  } catch (error) {
    if (!(error instanceof ArcGisError) || error.authExpired) throw error;
    ctx.log.info(
      `[available] the updates available to install could not be read: ${error.message}`,
    );
    return undefined;
  }
}

/** The last job ended, and not in success: neither idle, running nor done. */
function jobEndedBadly(status: UpgradeStatus): boolean {
  return !["no_upgrade", "in_progress", "success", undefined].includes(status.state);
}

/** What checkRollback offers: nothing, or a target and what going there removes. */
type Preview =
  | { offered: "nothing"; work: Work }
  | {
      offered: "target";
      work: Work;
      target: VersionObject;
      current: Partial<VersionObject>;
      report: Report;
    };

/** The target (rollback-to, else the newest option) and what going there removes. */
async function preview(ctx: ArcGisContext): Promise<Preview> {
  const options = await ctx.api.checkRollback(ctx.signal);
  const [installed, current] = await Promise.all([
    ctx.api.installed(ctx.signal),
    ctx.api.currentVersion(ctx.signal).then(currentOf),
  ]);
  if (options.length === 0)
    return {
      offered: "nothing",
      work: {
        result: "no-change",
        message: `Nothing to roll back on ${ctx.config.orgUrl}: it runs ${label(current)} and checkRollback offers no earlier version.`,
      },
    };
  const ordered = newestFirst(options, installed);
  const target = pickTarget(ctx, ordered ?? options, ordered?.[0]);
  const removed = removedBy(installed, target);
  const report = patchReport(
    ctx.config.mode === "rollback" ? "patch-rollback" : "patch-rollback-preview",
    current,
    target,
    removed,
  );
  const work: Work = {
    result: removed.length === 0 ? "no-change" : "succeeded",
    message: `Rolling back ${ctx.config.orgUrl} from ${label(current)} to ${label(target)} ${removal(
      removed.map((v) => v.id),
      "present",
    )}.`,
    report,
    status: offeredView(ordered ?? options, ordered?.[0], target),
  };
  return { offered: "target", work, target, current, report };
}

/** rollback-to, else the newest option; never an option for its place in checkRollback's list. */
function pickTarget(
  ctx: ArcGisContext,
  options: VersionObject[],
  newest: VersionObject | undefined,
): VersionObject {
  const wanted = ctx.config.rollbackTo;
  const offered = options.map(label).join(", ");
  if (!wanted) {
    if (newest) return newest;
    throw new EngineFailure(
      "api-error",
      `checkRollback on ${ctx.config.orgUrl} offers ${offered}, without builds and not all among the installed versions, so which one is the newest cannot be told; nothing was sent.`,
      ["Run again with rollback-to naming one of those versions."],
    );
  }
  const found = options.find((v) => matches(v, wanted));
  if (found) return found;
  throw new EngineFailure(
    "usage",
    `rollback-to ${wanted} is not among the versions ${ctx.config.orgUrl} can roll back to: ${offered}; nothing was sent.`,
    ["Run with one of those versions, or leave rollback-to out for the newest."],
  );
}

/** The versions checkRollback offers, newest first, the default and the chosen one marked. */
function offeredView(
  options: VersionObject[],
  newest: VersionObject | undefined,
  target: VersionObject,
): StatusView {
  const rows = options.map((v): [string, string] => {
    const mark =
      v === newest ? ": the default target" : v === target ? ": the target (rollback-to)" : "";
    return ["Can go back to", `${label(v)}${mark}`];
  });
  const offered = options.map((v) => ({
    id: v.id,
    version: fullVersion(v) ?? null,
    default: v === newest,
    target: v === target,
  }));
  return { rows, data: { offered } };
}

async function rollback(
  ctx: ArcGisContext,
  hold: (held: Held) => void,
  beforeChange: ChangeCheck | undefined,
): Promise<Work> {
  await waitForNoJob(ctx);
  // A fresh checkRollback in this very run, right before the one rollback it may send.
  const planned = await preview(ctx);
  if (planned.offered === "nothing" || planned.work.result === "no-change") return planned.work;
  const { target, current, report } = planned;
  const refused = await refusedChange(beforeChange, report, (e) => classifyError(e, ctx.config));
  if (refused) return refused;
  ctx.log.info(
    `[rollback] from ${label(current)} to ${label(target)}; the organization goes read-only while it runs`,
  );
  const sentAt = Date.now();
  // Held from the moment it is sent: a run stopped before the reply still reports on the job.
  hold({
    kind: "rollback job",
    id: target.id,
    origin: ctx.config.orgUrl,
    release: "follow-only",
    label: `the rollback job (to ${target.id})`,
  });
  const first = await startRollback(ctx, target, sentAt);
  const { final, messages } = await followJob(ctx, sentAt, first);
  const done = { ...report, timeline: timeline(messages) };
  const what = `The rollback to ${label(target)}`;
  if (final.state !== "success")
    return {
      ...failedWork(
        jobFailed(
          final,
          `${what} ended ${final.state ?? "without a state"}`,
          statusCommand(ctx.config.orgUrl),
        ),
      ),
      report: done,
    };
  const now = currentOf(await ctx.api.currentVersion(ctx.signal));
  if (!sameVersion(now, target))
    return {
      ...failedWork(
        jobFailed(
          final,
          `${what} reported success, but ${ctx.config.orgUrl} now runs ${label(now)}`,
          statusCommand(ctx.config.orgUrl),
        ),
      ),
      report: done,
    };
  return {
    result: "succeeded",
    message: `Rolled back ${ctx.config.orgUrl} from ${fullVersion(current)} to ${fullVersion(target)}: ${removal(removedIds(report), "past")}.`,
    report: done,
  };
}

/** While a job runs, checkRollback is refused too: say so plainly rather than as an API error. */
async function noJobRunning(ctx: ArcGisContext): Promise<UpgradesResource> {
  const job = await ctx.api.upgrades(ctx.signal);
  if (job.status.state === "in_progress") throw jobInProgress(job.status, ctx.config.orgUrl);
  return job;
}

/** A job already running refuses the rollback (lock-conflict), or is waited for with lock-wait. */
async function waitForNoJob(ctx: ArcGisContext): Promise<void> {
  await waitWhileBusy(ctx, {
    runningWork: async () => {
      const { status } = await ctx.api.upgrades(ctx.signal);
      return status.state === "in_progress" ? status : undefined;
    },
    waitMs: ctx.config.lockWaitMs,
    intervalMs: POLL_MS.conflict,
    describe: (job) => `a job is in progress (${lastMessages(job, 1)[0] ?? "no message"})`,
    conflict: (job) => jobInProgress(job, ctx.config.orgUrl),
  });
}

/** POST rollback once. A lost reply is settled by reading the job, never by sending again. */
async function startRollback(
  ctx: ArcGisContext,
  target: VersionObject,
  sentAt: number,
): Promise<UpgradeStatus | undefined> {
  try {
    return (await ctx.api.rollback(target.id, ctx.signal)).status;
  } catch (error) {
    if (!isOutcomeUnknown(error)) throw error;
    ctx.log.warn(
      "[rollback] the reply was lost; reading the upgrades job to learn whether it started",
    );
    const job = await readJobPatiently(ctx);
    const ours = (job.messages ?? []).some(
      (m) => m.code === 2072 && (m.when ?? 0) >= sentAt - 60_000,
    );
    if (job.state === "in_progress" || ours) {
      ctx.log.info(`[rollback] it did: ${job.state}`);
      return job;
    }
    throw new EngineFailure(
      "api-error",
      `The rollback request's reply was lost and the job did not start (state ${job.state ?? "unknown"}); it was not sent again.`,
      [`Check with ${statusCommand(ctx.config.orgUrl)}, then run again.`],
    );
  }
}

/** The job's state, waiting out a short absence of the API (it may be restarting already). */
async function readJobPatiently(ctx: ArcGisContext): Promise<UpgradeStatus> {
  for (;;) {
    try {
      return (await ctx.api.upgrades(ctx.signal)).status;
    } catch (error) {
      if (!isTransient(error)) throw error;
      await sleep(scaled(ctx, POLL_MS.unavailable), ctx.signal);
    }
  }
}

/**
 * What a cancelled run can do about its job: nothing stops it, so say whether it still runs
 * and how to follow it. One read, bounded. True once the job is over; false while it runs or
 * when it cannot be read.
 */
export async function reportJob(
  api: ArcGisApi,
  held: Held,
  log: Logger,
  budgetMs: number,
): Promise<ReleaseOutcome> {
  try {
    const job = await api.upgrades(AbortSignal.timeout(Math.min(budgetMs, 60_000)));
    const last = lastMessages(job.status, 1)[0]?.replace(/\.+$/, "");
    if (job.status.state === "in_progress") {
      log.warn(
        `[job] the rollback to ${held.id} is still running (a cancel cannot stop it)${last ? `: ${last}` : ""}. Follow it with: ${statusCommand(held.origin)}`,
      );
      return { released: false };
    }
    log.info(
      `[job] the upgrades job is ${job.status.state ?? "unknown"}${last ? `: ${last}` : ""}`,
    );
    const ended = job.status.state !== undefined && job.status.state !== "no_upgrade";
    return { released: true, workSucceeded: ended ? job.status.state === "success" : undefined };
  } catch (error) {
    log.warn(
      `[job] could not read the job (${(error as Error).message}); follow it with: ${statusCommand(held.origin)}`,
    );
    return { released: false };
  }
}

/** "removes 2 patches (pat_1, pat_2)": the rollback wording every platform shares. */
function removal(ids: string[], tense: "present" | "past"): string {
  const effect = describeRollbackEffect(
    { removes: ids.length, restores: 0, recreates: 0 },
    tense,
    "patch",
  );
  return ids.length > 0 ? `${effect} (${ids.join(", ")})` : effect;
}

function removedIds(report: Report): string[] {
  return report.areas.flatMap((a) => a.items.flatMap((i) => i.deleted.map((d) => d.uid ?? d.name)));
}
