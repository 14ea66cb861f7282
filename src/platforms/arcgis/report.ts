// A patch rollback as the one report model: the patches it removes are the changes (deleted),
// from and to versions alongside, and after the job its messages as a timeline.
import { countChanges } from "../../core/report/changes.js";
import { reportHash } from "../../core/report/hash.js";
import type { Report, ReportKind, TimelineEntry } from "../../core/report/model.js";
import type { JobMessage, VersionObject } from "./types.js";
import { fullVersion, label } from "./versions.js";

export const AREA = "ArcGIS Enterprise";

export function patchReport(
  kind: ReportKind,
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
  return {
    kind,
    areas,
    missingESVs: [],
    previouslyIgnoredEncryptedSecrets: [],
    counts: countChanges(areas),
    hash: reportHash(areas),
    rollbackEffect: { removes: removed.length, restores: 0, recreates: 0 },
    extra: { from: label(from), to: label(target) },
  };
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
