import type {
  ChangeCounts,
  ChangeEntry,
  ConfigItemChanges,
  ReportArea,
  RollbackEffect,
} from "./model.js";

/** The change kinds in display order. */
export const CHANGE_KINDS = ["added", "modified", "deleted"] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

/** One change flattened out of its area and config item: the unit hashes and diffs compare. */
export interface ChangeRecord {
  area: string;
  configItem: string;
  kind: ChangeKind;
  entry: ChangeEntry;
}

export function listChanges(areas: ReportArea[]): ChangeRecord[] {
  const records: ChangeRecord[] = [];
  for (const area of areas) {
    for (const item of area.items) {
      for (const kind of CHANGE_KINDS) {
        for (const entry of item[kind]) {
          records.push({ area: area.name, configItem: item.configItem, kind, entry });
        }
      }
    }
  }
  return records;
}

/**
 * Canonical identity of a change: where it is, what kind, and the entry's name/location/uid.
 * Extra fields are left out on purpose so cosmetic tenant fields never alter identity. The
 * form is the one hashes were first computed with (the location was then called a realm):
 * reviewed hashes must still match.
 */
export function changeKey(change: ChangeRecord): string {
  const { area, configItem, kind, entry } = change;
  return JSON.stringify([
    area,
    configItem,
    kind,
    entry.name,
    entry.location ?? null,
    entry.uid ?? null,
    ...(entry.fingerprint ? [entry.fingerprint] : []),
  ]);
}

export function countItem(item: ConfigItemChanges): ChangeCounts {
  const added = item.added.length;
  const modified = item.modified.length;
  const deleted = item.deleted.length;
  return { added, modified, deleted, total: added + modified + deleted };
}

export function countChanges(areas: ReportArea[]): ChangeCounts {
  const counts: ChangeCounts = { added: 0, modified: 0, deleted: 0, total: 0 };
  for (const area of areas) {
    for (const item of area.items) {
      const itemCounts = countItem(item);
      counts.added += itemCounts.added;
      counts.modified += itemCounts.modified;
      counts.deleted += itemCounts.deleted;
      counts.total += itemCounts.total;
    }
  }
  return counts;
}

/** "1 added, 2 modified" (zero kinds left out), or "no changes". */
export function formatCounts(counts: ChangeCounts): string {
  const parts = CHANGE_KINDS.filter((kind) => counts[kind] > 0).map(
    (kind) => `${counts[kind]} ${kind}`,
  );
  return parts.length > 0 ? parts.join(", ") : "no changes";
}

/** One-line summary for a whole report: "3 changes: 1 added, 2 modified". */
export function summarizeCounts(counts: ChangeCounts): string {
  if (counts.total === 0) return "No configuration changes.";
  const noun = counts.total === 1 ? "change" : "changes";
  return `${counts.total} ${noun}: ${formatCounts(counts)}`;
}

/** A rollback's effect from the changes of the promotion it reverts (what was added goes). */
export function revertingChanges(promoted: ChangeCounts): RollbackEffect {
  return { removes: promoted.added, restores: promoted.modified, recreates: promoted.deleted };
}

/** A rollback's effect from its own steps (a plan that deletes, updates and creates). */
export function rollbackSteps(steps: ChangeCounts): RollbackEffect {
  return { removes: steps.deleted, restores: steps.modified, recreates: steps.added };
}

const EFFECT_VERBS = {
  present: ["removes", "restores", "re-creates", "changes nothing"],
  past: ["removed", "restored", "re-created", "changed nothing"],
} as const;

/**
 * "removes 3 items, restores 1 item and re-creates 1 item" (zero parts left out), or in the
 * past tense once the rollback ran: the one wording every platform's rollback uses.
 */
export function describeRollbackEffect(
  effect: RollbackEffect,
  tense: keyof typeof EFFECT_VERBS = "present",
  noun = "item",
): string {
  const [removes, restores, recreates, nothing] = EFFECT_VERBS[tense];
  const parts = [
    effect.removes > 0 && `${removes} ${plural(effect.removes, noun)}`,
    effect.restores > 0 && `${restores} ${plural(effect.restores, noun)}`,
    effect.recreates > 0 && `${recreates} ${plural(effect.recreates, noun)}`,
  ].filter((part): part is string => Boolean(part));
  if (parts.length === 0) return nothing;
  const last = parts.pop() as string;
  return parts.length === 0 ? last : `${parts.join(", ")} and ${last}`;
}

function plural(count: number, noun: string): string {
  if (count === 1) return `${count} ${noun}`;
  return `${count} ${noun}${/(ch|sh|s|x)$/.test(noun) ? "es" : "s"}`;
}
