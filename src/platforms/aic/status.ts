// AIC's read-only status and the unlock of a lock an earlier run left behind.
import { parseCreatedDate } from "../../core/report/dates.js";
import { displayDate } from "../../core/report/labels.js";
import { EngineFailure } from "../../core/run/failure.js";
import { DEFAULT_TIMEOUT_MS } from "../../core/run/shell.js";
import type { Work } from "../../core/run/types.js";
import type { AicContext } from "./context.js";
import type { AicRunOptions } from "./options.js";
import { releaseLock, unlockCommand } from "./release.js";
import type { ReportMeta } from "./types.js";

export async function statusWork(ctx: AicContext): Promise<Work> {
  const [lock, promotion, reports] = await Promise.all([
    ctx.api.getLockState(ctx.signal),
    ctx.api.getPromotionStatus(ctx.signal),
    ctx.api.listReports(ctx.signal),
  ]);
  const holder = lock.promotionId ? ` by promotion ${lock.promotionId}` : "";
  return {
    result: "succeeded",
    message: `Lock: ${lock.result}${holder}. Promotion status: ${promotion.status}${promotion.message ? ` (${promotion.message})` : ""}. Reports: ${reports.length}.`,
    status: {
      rows: [
        ["Lock", `${lock.result}${lock.promotionId ? ` (promotion ${lock.promotionId})` : ""}`],
        [
          "Promotion status",
          `${promotion.status}${promotion.message ? `: ${promotion.message}` : ""}`,
        ],
        ["Reports", reportsCount(reports.length)],
        ...newestReports(reports).map(reportRow),
      ],
      data: { lock, promotion, reports },
    },
  };
}

/** Reports shown one a row in status; the JSON keeps them all. */
const STATUS_REPORTS = 10;

function reportsCount(count: number): string {
  return count > STATUS_REPORTS ? `${count} (the newest ${STATUS_REPORTS} below)` : String(count);
}

/** Newest first by date; the API lists oldest first, so a later place breaks a tie. */
function newestReports(reports: ReportMeta[]): ReportMeta[] {
  const time = (r: ReportMeta) => Date.parse(parseCreatedDate(r.createdDate) ?? "") || 0;
  return reports
    .map((report, place) => ({ report, place }))
    .sort((a, b) => time(b.report) - time(a.report) || b.place - a.place)
    .slice(0, STATUS_REPORTS)
    .map(({ report }) => report);
}

function reportRow(report: ReportMeta): [string, string] {
  const created = displayDate(parseCreatedDate(report.createdDate), report.createdDate);
  const kind = `${report.type ?? "report"}${report.dryRun ? " (dry run)" : ""}`;
  const parts = [
    kind,
    report.promotionId && `promotion ${report.promotionId}`,
    report.reportId && `report ${report.reportId}`,
  ].filter(Boolean);
  return [`Report ${created ?? ""}`.trim(), parts.join(" · ")];
}

export async function unlockWork(
  ctx: AicContext,
  options: AicRunOptions,
  onReleased: (id: string) => void,
): Promise<Work> {
  const id = options.promotionId;
  if (!id)
    throw new EngineFailure(
      "api-error",
      "unlock needs the promotion id of the lock to release (--promotion-id).",
    );
  const lock = await ctx.api.getLockState(ctx.signal);
  if (lock.result === "unlocked")
    return {
      result: "no-change",
      message: `The environments on ${ctx.api.origin} are not locked: there is nothing to release.`,
    };
  if (lock.promotionId && lock.promotionId !== id)
    throw new EngineFailure(
      "promotion-mismatch",
      `The environments on ${ctx.api.origin} are locked by promotion ${lock.promotionId}, not ${id}; that lock was left alone.`,
      [
        `If the run of promotion ${lock.promotionId} is over and left its lock behind: ${unlockCommand(ctx.api.origin, lock.promotionId)}`,
      ],
      { lockHolder: lock.promotionId },
    );
  const budget = Math.max(
    1,
    (options.timeoutMs ?? DEFAULT_TIMEOUT_MS) - (Date.now() - ctx.runStart),
  );
  const { released } = await releaseLock(ctx.api, id, ctx.log, budget, ctx.scale);
  if (!released) {
    return {
      result: "failed",
      reason: "api-error",
      message: `The lock of promotion ${id} on ${ctx.api.origin} could not be released; see the lines above.`,
      promotionId: id,
      nextSteps: ["Check `tenant-promote status` for the current holder, then try again."],
    };
  }
  onReleased(id);
  return {
    result: "succeeded",
    message: `Released the lock of promotion ${id} on ${ctx.api.origin}.`,
    promotionId: id,
    lockReleased: true,
  };
}
