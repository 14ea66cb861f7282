import { formatDuration } from "../util/duration.js";
import type { ChangeKind } from "./changes.js";
import { CHANGE_KINDS, countChanges, countItem, formatCounts, summarizeCounts } from "./changes.js";
import {
  escapeTableCell as cellText,
  codeSpan,
  escapeMarkdown as esc,
  escapeHtml,
  sanitizeText,
} from "./escape.js";
import type { Section } from "./fit.js";
import { fitBlocks } from "./fit.js";
import { shortHash } from "./hash.js";
import { displayDate, displayValue, rollbackLine } from "./labels.js";
import type { ChangeEntry, ConfigItemChanges, Report, ReportArea } from "./model.js";

export interface MarkdownOptions {
  /** Heading text; defaults to the report's title. Escaped like tenant content. */
  title?: string;
  /** Change entries an area may hold before its config items are folded into <details>. */
  collapseAbove?: number;
  /** Hard limit in characters (e.g. 65,536 for a PR comment); whole item lists are trimmed. */
  maxLength?: number;
  /** Entries listed per config item before "… and N more"; all by default. */
  maxEntriesPerItem?: number;
}

const DEFAULT_COLLAPSE_ABOVE = 10;
// Code spans hold only our own markers, never tenant text.
const MARKERS: Record<ChangeKind, string> = { added: "`+`", modified: "`~`", deleted: "`-`" };

/** A reviewable Markdown report for PR comments and job summaries. */
export function renderMarkdown(report: Report, options: MarkdownOptions = {}): string {
  const collapseAbove = options.collapseAbove ?? DEFAULT_COLLAPSE_ABOVE;
  const totals = countChanges(report.areas);
  const head: Section[] = [{ text: `## ${esc(options.title ?? report.title)}` }];
  const meta = metadataLine(report);
  // Drop ranks for very small limits: the big summary table goes before the short blockers.
  if (meta) head.push({ text: meta, dropRank: 3 });
  if (report.rollbackEffect && totals.total > 0)
    head.push({ text: `**What the rollback does to the target:** ${rollbackLine(report)}` });
  head.push(
    totals.total > 0
      ? { text: summaryTable(report.areas), dropRank: 2 }
      : { text: "No configuration changes." },
  );
  // Notes are short blockers: they go last, the first one after all the others.
  report.notes.forEach((note, index) => {
    const dropRank = 3 + report.notes.length - index;
    for (const text of listSection(note.title, note.items)) head.push({ text, dropRank });
  });

  const maxEntries = options.maxEntriesPerItem ?? Number.POSITIVE_INFINITY;
  const items = report.areas.flatMap((area) => areaBlocks(area, collapseAbove, maxEntries));
  const tail: Section[] = extraSection(report.extra).map((text) => ({ text, dropRank: 1 }));
  for (const text of timelineSection(report)) tail.push({ text, dropRank: 1 });
  tail.push({ text: `Report hash: \`${shortHash(report.hash)}\`` });
  return fitBlocks({ head, items, tail }, options.maxLength);
}

function metadataLine(report: Report): string | undefined {
  const created = displayDate(report.createdAt, report.createdDate);
  const parts = [
    report.promotionId && `Promotion ${codeSpan(report.promotionId)}`,
    report.reportId && `Report ${codeSpan(report.reportId)}`,
    report.promoter && `Promoter ${esc(report.promoter)}`,
    created && `Created ${esc(created)}`,
    report.promotionDescription && `Description: ${esc(report.promotionDescription)}`,
  ].filter((part): part is string => Boolean(part));
  return parts.length > 0 ? parts.join(" · ") : undefined;
}

function summaryTable(areas: ReportArea[]): string {
  const rows = [
    "| Area | Config item | Added | Modified | Deleted |",
    "| --- | --- | ---: | ---: | ---: |",
  ];
  for (const area of areas) {
    for (const item of area.items) {
      const counts = countItem(item);
      rows.push(
        `| ${cellText(area.name)} | ${itemName(item, cellText)} | ${counts.added} | ${counts.modified} | ${counts.deleted} |`,
      );
    }
  }
  const totals = countChanges(areas);
  rows.push(
    `| **Total** | | **${totals.added}** | **${totals.modified}** | **${totals.deleted}** |`,
  );
  return rows.join("\n");
}

/** One block per config item; the area heading rides on the first so trimming drops it too. */
function areaBlocks(area: ReportArea, collapseAbove: number, maxEntries: number): string[] {
  const collapse = countChanges([area]).total > collapseAbove;
  return area.items.map((item, index) => {
    const block = collapse ? collapsedItem(item, maxEntries) : plainItem(item, maxEntries);
    return index === 0
      ? `### ${esc(area.name)} — ${summarizeCounts(countChanges([area]))}\n\n${block}`
      : block;
  });
}

function plainItem(item: ConfigItemChanges, maxEntries: number): string {
  const title = `**${itemName(item)}** — ${formatCounts(countItem(item))}`;
  return [title, ...itemBody(item, maxEntries)].join("\n\n");
}

function collapsedItem(item: ConfigItemChanges, maxEntries: number): string {
  // An HTML block: GitHub reads no Markdown in it, so its text is escaped as HTML only.
  const name = itemName(item, (text) => escapeHtml(sanitizeText(text)));
  const summary = `<details><summary><b>${name}</b> — ${formatCounts(countItem(item))}</summary>`;
  // Blank lines around the body let GitHub render the Markdown list inside the HTML block.
  return [summary, ...itemBody(item, maxEntries), "</details>"].join("\n\n");
}

function itemBody(item: ConfigItemChanges, maxEntries: number): string[] {
  const body: string[] = [];
  if (item.extra) body.push(extraLine(item.extra));
  const lines = CHANGE_KINDS.flatMap((kind) => item[kind].map((entry) => entryLine(kind, entry)));
  if (lines.length > maxEntries) {
    const hidden = lines.length - maxEntries;
    lines.splice(maxEntries, hidden, `- … and ${hidden} more (see the full JSON report)`);
  }
  if (lines.length > 0) body.push(lines.join("\n"));
  return body;
}

function entryLine(kind: ChangeKind, entry: ChangeEntry): string {
  const name = entry.name === "" ? "_(unnamed)_" : esc(entry.name);
  const location = entry.location ? ` (${esc(entry.location)})` : "";
  const extra = entry.extra ? ` — ${extraLine(entry.extra)}` : "";
  const detail = entry.detail ? ` — _${esc(entry.detail)}_` : "";
  return `- ${MARKERS[kind]} ${name}${location}${extra}${detail}${fieldsBlock(entry)}`;
}

/** Lines of one text diff shown in a comment; the JSON report keeps all of it. */
const MAX_DIFF_LINES = 80;

/** A modified entry's field changes, folded: reviewers open the ones they care about. */
function fieldsBlock(entry: ChangeEntry): string {
  if (!entry.fields || entry.fields.length === 0) return "";
  const valued = entry.fields.filter((f) => f.diff === undefined);
  const parts: string[] = [];
  if (valued.length > 0) {
    const rows = valued.map(
      (f) => `  | ${cellText(f.path)} | ${cell(f.before)} | ${cell(f.after)} |`,
    );
    parts.push(`  | Field | Before | After |\n  | --- | --- | --- |\n${rows.join("\n")}`);
  }
  for (const field of entry.fields.filter((f) => f.diff !== undefined))
    parts.push(`  ${cellText(field.path)}:\n\n${diffBlock(field.diff ?? "")}`);
  const count = `${entry.fields.length} field${entry.fields.length === 1 ? "" : "s"}`;
  return `\n  <details><summary>${count}</summary>\n\n${parts.join("\n\n")}\n\n  </details>`;
}

/** A fenced `diff` block, indented into its list item, its fence longer than any backtick run. */
function diffBlock(diff: string): string {
  const lines = diff.split("\n");
  const shown = lines.slice(0, MAX_DIFF_LINES).map((line) => sanitizeText(line));
  if (lines.length > MAX_DIFF_LINES)
    shown.push(`… ${lines.length - MAX_DIFF_LINES} more lines (see the JSON report)`);
  const longestRun = Math.max(2, ...(diff.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(longestRun + 1);
  return [`  ${fence}diff`, ...shown.map((line) => `  ${line}`), `  ${fence}`].join("\n");
}

function cell(value: string | undefined): string {
  if (value === undefined) return "_(none)_";
  return cellText(displayValue(value, 120));
}

function itemName(item: ConfigItemChanges, escapeFor: (text: string) => string = esc): string {
  return item.configItem === "" ? "_(unnamed)_" : escapeFor(item.configItem);
}

function extraLine(extra: Record<string, unknown>): string {
  return Object.entries(extra)
    .map(([key, value]) => `${esc(key)}: ${esc(displayValue(value))}`)
    .join(" · ");
}

function listSection(title: string, values: string[]): string[] {
  if (values.length === 0) return [];
  return [
    `### ${title} (${values.length})\n\n${values.map((value) => `- ${esc(value)}`).join("\n")}`,
  ];
}

/** The job's messages, folded: the outcome matters first, the story when something went wrong. */
function timelineSection(report: Report): string[] {
  const timeline = report.timeline ?? [];
  if (timeline.length === 0) return [];
  const rows = timeline.map(
    (t) =>
      `| ${t.at ? cellText(displayDate(t.at, undefined) ?? "") : ""} | ${cellText(t.text)} | ${t.durationMs === undefined ? "" : formatDuration(t.durationMs)} |`,
  );
  return [
    `<details><summary>Job messages (${timeline.length})</summary>\n\n| Time | Message | Took |\n| --- | --- | ---: |\n${rows.join("\n")}\n\n</details>`,
  ];
}

function extraSection(extra: Record<string, unknown> | undefined): string[] {
  if (!extra || Object.keys(extra).length === 0) return [];
  const lines = Object.entries(extra).map(
    ([key, value]) => `- ${esc(key)}: ${esc(displayValue(value))}`,
  );
  return [`### Other report fields\n\n${lines.join("\n")}`];
}

// outcome.ts (run rendering) imports both renderers from here.
export { renderText } from "./text.js";
