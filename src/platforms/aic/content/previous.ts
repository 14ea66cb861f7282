// Rollbacks: the content before a promotion is gone from the tenant once it ran, so the field
// diffs of what a rollback restores come from that promotion's own report, as this tool wrote it
// (previous-report), read the other way round.
import { readFileSync } from "node:fs";
import { listChanges } from "../../../core/report/changes.js";
import { areasFromJson } from "../../../core/report/json.js";
import { reversedLineDiff } from "../../../core/report/line-diff.js";
import type { FieldChange, Report, ReportArea } from "../../../core/report/model.js";
import { isJsonObject } from "../../../core/util/json.js";
import { UsageError } from "../../../core/util/usage-error.js";
import { type ContentDiffs, entryKey, withContentDiffs } from "./collect.js";

export interface PreviousReport {
  file: string;
  promotionId?: string;
  areas: ReportArea[];
}

/**
 * A promote run's JSON result (its `report`) or a bare report JSON, as --output or the action's
 * report-file wrote it. Refused before any request when it is not one.
 */
export function readPreviousReport(file: string, input: string): PreviousReport {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new UsageError(
      `${input} (${file}) could not be read as JSON: ${(error as Error).message}; give the JSON report a promote run wrote (--output report.json, or the action's report-file)`,
    );
  }
  const result = isJsonObject(parsed) ? parsed : {};
  const report = isJsonObject(result.report) ? result.report : result;
  if (!Array.isArray(report.areas))
    throw new UsageError(
      `${input} (${file}) holds no report areas: give the JSON report a promote run of tenant-promote wrote`,
    );
  const promotionId =
    typeof report.promotionId === "string"
      ? report.promotionId
      : typeof result.promotionId === "string"
        ? result.promotionId
        : undefined;
  return {
    file,
    promotionId,
    areas: areasFromJson(report.areas.filter(isJsonObject), "realm"),
  };
}

/**
 * The rollback report with the reverted promotion's field diffs, read backwards (what the
 * rollback puts back), when `previous` is that promotion's report; else a note saying why not.
 * Fields only: the hash of a rollback stays what the tenant's report makes it.
 */
export function withPreviousContent(
  report: Report,
  previous: PreviousReport | undefined,
  input: string,
): Report {
  if (report.counts.modified === 0) return report;
  const reverted = report.promotionId ?? "(unnamed)";
  const note = (text: string) =>
    withContentDiffs(report, { entries: new Map(), notes: [text], peakInFlight: 0 });
  if (!previous)
    return note(
      `What promotion ${reverted} changed inside each item can no longer be read from the tenant; give ${input} (that promotion's JSON report from tenant-promote) to see field diffs. Showing names.`,
    );
  if (previous.promotionId && report.promotionId && previous.promotionId !== report.promotionId)
    return note(
      `${input} (${previous.file}) is the report of promotion ${previous.promotionId}, but this rollback reverts ${report.promotionId}: showing names.`,
    );
  const diffs: ContentDiffs = { entries: new Map(), notes: [], peakInFlight: 0 };
  for (const change of listChanges(previous.areas)) {
    if (change.kind !== "modified" || !change.entry.fields?.length) continue;
    diffs.entries.set(entryKey(change), { fields: change.entry.fields.map(reversed) });
  }
  if (diffs.entries.size === 0)
    diffs.notes.push(`${input} (${previous.file}) holds no field diffs: showing names.`);
  return withContentDiffs(report, diffs);
}

function reversed(field: FieldChange): FieldChange {
  const back: FieldChange = { path: field.path };
  if (field.after !== undefined) back.before = field.after;
  if (field.before !== undefined) back.after = field.before;
  if (field.diff !== undefined) back.diff = reversedLineDiff(field.diff);
  return back;
}
