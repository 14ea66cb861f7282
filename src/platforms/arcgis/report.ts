// A patch rollback as the one report model: the patches it removes are the changes (deleted),
// from and to versions alongside, and after the job its messages as a timeline.
import { buildReport } from "../../core/report/build.js";
import type { Report, TimelineEntry } from "../../core/report/model.js";
import { reportNotes } from "../report-notes.js";
import type { JobMessage, VersionObject } from "./types.js";
import { fullVersion, label } from "./versions.js";

export const AREA = "ArcGIS Enterprise";

/** What checkRollback offers, and the rollback itself. */
export type ArcGisReportKind = "patch-rollback-preview" | "patch-rollback";

const KINDS: Record<ArcGisReportKind, { title: string; applied?: boolean }> = {
  "patch-rollback-preview": { title: "Patch rollback preview" },
  "patch-rollback": { title: "Patch rollback", applied: true },
};

export function patchReport(
  kind: ArcGisReportKind,
  from: Partial<VersionObject>,
  target: VersionObject,
  removed: VersionObject[],
): Report {
  const deleted = removed.map((v) => ({
    name: v.name ?? v.id,
    uid: v.id,
    extra: { version: fullVersion(v), build: v.build },
    // What the rollback changes is part of what was reviewed: the same patches removed from
    // another version, or to reach another one, is another rollback. The kind and the job's
    // messages are not: a preview and the rollback after it hash the same.
    fingerprint: `${label(from)} to ${target.id}`,
  }));
  const areas =
    deleted.length === 0
      ? []
      : [{ name: AREA, items: [{ configItem: "patches", added: [], modified: [], deleted }] }];
  return buildReport({
    kind,
    ...KINDS[kind],
    areas,
    notes: reportNotes(),
    rollbackEffect: { removes: removed.length, restores: 0, recreates: 0 },
    extra: { from: label(from), to: label(target) },
  });
}

/** Messages in order, each with the time until the next one. */
export function timeline(messages: JobMessage[]): TimelineEntry[] {
  return messages.map((m, i) => {
    const next = messages[i + 1]?.when;
    return {
      at: m.when === undefined ? undefined : new Date(m.when).toISOString(),
      text: m.message,
      durationMs: m.when !== undefined && next !== undefined ? next - m.when : undefined,
    };
  });
}
