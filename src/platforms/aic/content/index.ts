// What the AIC procedure asks of content diffs: a report with them, and the same diffs put on a
// later report of the same changes (the promotion's, once upper equals lower).
import type { Report } from "../../../core/report/model.js";
import type { RunContext } from "../../../core/run/poll.js";
import type { ContentSource } from "./client.js";
import {
  type ContentDiffMode,
  type ContentDiffs,
  readContentDiffs,
  withContentDiffs,
} from "./collect.js";
import { type PreviousReport, withPreviousContent } from "./previous.js";

export interface ContentSettings {
  mode: ContentDiffMode;
  upper?: ContentSource;
  lower?: ContentSource;
  /** Why a side cannot be read (its URL or credentials were not given). */
  missing?: string;
  /** rollback-preview and rollback: the reverted promotion's report. */
  previous?: PreviousReport;
  /** How the previous-report input is called where the user gave it. */
  previousInput: string;
}

export interface ReportWithContent {
  report: Report;
  diffs?: ContentDiffs;
}

/** The report with what changes inside each item, read now from both environments. */
export async function compareContent(
  ctx: RunContext,
  report: Report,
  settings: ContentSettings | undefined,
): Promise<ReportWithContent> {
  if (!settings || settings.mode === "off" || report.counts.total === 0) return { report };
  const diffs = await readContentDiffs(report, settings, {
    mode: settings.mode,
    logger: ctx.log,
    signal: ctx.signal,
  });
  return { report: withContentDiffs(report, diffs), diffs };
}

/** A later report of the same changes, with the diffs read before (upper has changed since). */
export function sameContent(report: Report, diffs: ContentDiffs | undefined): Report {
  return diffs ? withContentDiffs(report, diffs) : report;
}

/** A rollback's report, with what it restores where the reverted promotion's report says. */
export function rollbackContent(report: Report, settings: ContentSettings | undefined): Report {
  if (!settings || settings.mode === "off") return report;
  return withPreviousContent(report, settings.previous, settings.previousInput);
}
