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
  const labels = found.map(({ change }) => describe(change));
  // Same label on two lines means they differ only by uid: show it, otherwise it is noise.
  return found
    .map(({ side, change }, i) => {
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
      return `${side}: ${label}${which}`;
    })
    .join("\n");
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
