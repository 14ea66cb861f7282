import type { ChangeKind } from "./changes.js";
import { CHANGE_KINDS, countChanges, countItem, formatCounts, summarizeCounts } from "./changes.js";
import { sanitizeText as clean } from "./escape.js";
import { shortHash } from "./hash.js";
import { displayDate, displayValue, rollbackLine } from "./labels.js";
import type { ChangeEntry, FieldChange, Report } from "./model.js";

const MARKERS: Record<ChangeKind, string> = { added: "+", modified: "~", deleted: "-" };

/** "Login (alpha)": an entry as one plain-text label. */
export function entryLabel(entry: ChangeEntry): string {
  const name = entry.name === "" ? "(unnamed)" : clean(entry.name);
  return entry.location ? `${name} (${clean(entry.location)})` : name;
}

/** " — key: value · …" for an entry's other fields, as the Markdown shows them; "" for none. */
function extraText(extra: Record<string, unknown> | undefined): string {
  if (!extra || Object.keys(extra).length === 0) return "";
  const parts = Object.entries(extra).map(([key, value]) => `${key}: ${displayValue(value)}`);
  return ` — ${clean(parts.join(" · "))}`;
}

/** A field change in a terminal: one line, or the path and its diff indented below it. */
function fieldLines(field: FieldChange): string[] {
  if (field.diff !== undefined)
    return [
      `        ${clean(field.path)}:`,
      ...field.diff.split("\n").map((l) => `          ${clean(l)}`),
    ];
  const value = (text: string | undefined) => clean(displayValue(text ?? "(none)", 120));
  return [`        ${clean(field.path)}: ${value(field.before)} -> ${value(field.after)}`];
}

/** Compact plain-text summary for terminals and logs. */
export function renderText(report: Report): string {
  const lines = [report.title];
  const created = displayDate(report.createdAt, report.createdDate);
  const meta = [
    report.promotionId && `promotion ${report.promotionId}`,
    report.reportId && `report ${report.reportId}`,
    report.promoter && `promoter ${report.promoter}`,
    created && `created ${created}`,
  ].filter((part): part is string => Boolean(part));
  if (meta.length > 0) lines.push(clean(meta.join(" · ")));
  if (report.promotionDescription) lines.push(clean(`description: ${report.promotionDescription}`));
  if (report.rollbackEffect && report.counts.total > 0)
    lines.push(`what the rollback does to the target: ${rollbackLine(report)}`);
  lines.push(summarizeCounts(countChanges(report.areas)));

  for (const area of report.areas) {
    if (area.items.length === 0) continue;
    lines.push(`${clean(area.name)}: ${formatCounts(countChanges([area]))}`);
    for (const item of area.items) {
      lines.push(`  ${clean(item.configItem) || "(unnamed)"}: ${formatCounts(countItem(item))}`);
      for (const kind of CHANGE_KINDS) {
        for (const entry of item[kind]) {
          const detail = entry.detail ? ` (${clean(entry.detail)})` : "";
          lines.push(`    ${MARKERS[kind]} ${entryLabel(entry)}${extraText(entry.extra)}${detail}`);
          for (const field of entry.fields ?? []) lines.push(...fieldLines(field));
        }
      }
    }
  }
  if (report.timeline && report.timeline.length > 0) {
    lines.push("Job messages:");
    for (const t of report.timeline)
      lines.push(`  ${t.at ? `${displayDate(t.at, undefined)}  ` : ""}${clean(t.text)}`);
  }
  for (const note of report.notes) {
    if (note.items.length > 0) lines.push(`${note.title}: ${note.items.map(clean).join(", ")}`);
  }
  lines.push(`Report hash: ${shortHash(report.hash)}`);
  return `${lines.join("\n")}\n`;
}
