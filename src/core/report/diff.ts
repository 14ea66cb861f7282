import type { ChangeRecord } from "./changes.js";
import { changeKey, listChanges } from "./changes.js";
import { sanitizeText as clean } from "./escape.js";
import type { Report } from "./model.js";
import { entryLabel } from "./text.js";

interface Tally {
  change: ChangeRecord;
  count: number;
}

/**
 * Changes present in one report but not the other, one line each, e.g.
 * "+ only in new: AMConfig / Journeys / added: Login (alpha)". Used to explain why a reviewed
 * report (`old`) and a fresh one (`fresh`) have different hashes. Empty when the changes match.
 */
export function diffReports(old: Report, fresh: Report): string {
  const oldChanges = tally(listChanges(old.areas));
  const newChanges = tally(listChanges(fresh.areas));
  const keys = [...new Set([...oldChanges.keys(), ...newChanges.keys()])].sort();
  const found: { side: string; change: ChangeRecord }[] = [];
  for (const key of keys) {
    const before = oldChanges.get(key);
    const after = newChanges.get(key);
    const change = (before ?? after)?.change;
    if (!change) continue;
    // Counted, so a change listed twice in one report and once in the other still shows up.
    const surplus = (before?.count ?? 0) - (after?.count ?? 0);
    const side = surplus > 0 ? "- only in old" : "+ only in new";
    for (let i = 0; i < Math.abs(surplus); i++) found.push({ side, change });
  }
  const lines: string[] = [];
  const labels = found.map(({ change }) => describe(change));
  const paired = new Set<number>();
  found.forEach(({ side, change }, i) => {
    if (paired.has(i)) return;
    // The same entry on both sides with other content: it was edited, and its fields say where.
    const twin = found.findIndex(
      (other, j) =>
        j > i && !paired.has(j) && other.side !== side && sameEntry(other.change, change),
    );
    if (twin >= 0 && change.entry.fingerprint && found[twin]?.change.entry.fingerprint) {
      paired.add(twin);
      const [old, fresh] = side.startsWith("-")
        ? [change, found[twin]?.change]
        : [found[twin]?.change, change];
      lines.push(`~ content changed: ${labels[i]}${changedFields(old, fresh)}`);
      return;
    }
    if (twin >= 0) {
      // One report read the entry's content and the other did not: not an edit, a missing read.
      paired.add(twin);
      const oldHasIt = Boolean(change.entry.fingerprint) === side.startsWith("-");
      lines.push(
        `~ content compared in the ${oldHasIt ? "old" : "new"} report only: ${labels[i]} (give both runs the same environments and content-diff, or run again if a read failed)`,
      );
      return;
    }
    const label = labels[i] ?? "";
    const ambiguous = labels.indexOf(label) !== labels.lastIndexOf(label);
    // Where the entry carries a digest of what it will write, that is what tells them apart.
    const { uid, fingerprint } = change.entry;
    const which = !ambiguous
      ? ""
      : fingerprint
        ? ` [content ${clean(fingerprint.slice(0, 8))}]`
        : uid
          ? ` [uid ${clean(uid)}]`
          : "";
    lines.push(`${side}: ${label}${which}`);
  });
  return lines.join("\n");
}

/** One entry in both reports, whatever its content: same place, kind, name, location and uid. */
function sameEntry(a: ChangeRecord, b: ChangeRecord): boolean {
  const plain = (c: ChangeRecord) =>
    changeKey({ ...c, entry: { ...c.entry, fingerprint: undefined } });
  return plain(a) === plain(b);
}

/** " (fields: a, b)": where the new content differs from the reviewed one, when both say. */
function changedFields(old: ChangeRecord | undefined, fresh: ChangeRecord | undefined): string {
  const before = new Map((old?.entry.fields ?? []).map((f) => [f.path, JSON.stringify(f)]));
  const after = new Map((fresh?.entry.fields ?? []).map((f) => [f.path, JSON.stringify(f)]));
  const paths = [...new Set([...before.keys(), ...after.keys()])]
    .filter((path) => before.get(path) !== after.get(path))
    .sort();
  if (paths.length === 0) return "";
  const shown = paths.slice(0, 10).map(clean);
  const more = paths.length > 10 ? `, and ${paths.length - 10} more` : "";
  return ` (fields: ${shown.join(", ")}${more})`;
}

function tally(changes: ChangeRecord[]): Map<string, Tally> {
  const counts = new Map<string, Tally>();
  for (const change of changes) {
    const key = changeKey(change);
    const seen = counts.get(key);
    if (seen) seen.count++;
    else counts.set(key, { change, count: 1 });
  }
  return counts;
}

function describe(change: ChangeRecord): string {
  const where = `${clean(change.area)} / ${clean(change.configItem) || "(unnamed)"}`;
  return `${where} / ${change.kind}: ${entryLabel(change.entry)}`;
}
