// Renders a whole run (outcome, failure, next steps, report) for people and machines.
import { codeSpan, escapeHtmlInMarkdown, escapeTableCell } from "../report/escape.js";
import { reportJson } from "../report/json.js";
import { renderMarkdown, renderText } from "../report/markdown.js";
import type { RunResult } from "./types.js";

const ICON: Record<RunResult["result"], string> = {
  succeeded: "✅",
  "no-change": "➖",
  failed: "❌",
};

/** A code block whose fence is longer than any backtick run inside, so tenant text cannot close it. */
function fenced(text: string, language: string): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = "`".repeat(longest + 1);
  return `${fence}${language}\n${text}\n${fence}`;
}

export function outcomeMarkdown(result: RunResult): string {
  const lines = [
    `### ${ICON[result.result]} tenant-promote ${result.mode}: ${result.result}${result.reason ? ` (${result.reason})` : ""}`,
    "",
  ];
  lines.push(
    // Our own sentences, whose `commands` are meant as Markdown: only HTML is escaped.
    ...escapeHtmlInMarkdown(result.message)
      .split("\n")
      .map((l) => l.replace(/^ {2}- /, "- ")),
    "",
  );
  if (result.promotionId) lines.push(`Promotion id: ${codeSpan(result.promotionId)}`, "");
  if (result.reportDiff) {
    lines.push("**Changes since the reviewed report**", "", fenced(result.reportDiff, "diff"), "");
  }
  if (result.nextSteps.length > 0) {
    lines.push(
      "**Next steps**",
      "",
      ...result.nextSteps.map((s) => `- ${escapeHtmlInMarkdown(s)}`),
      "",
    );
  }
  if (result.status) {
    lines.push(
      "| | |",
      "| --- | --- |",
      ...result.status.rows.map(
        ([label, value]) => `| ${escapeTableCell(label)} | ${escapeTableCell(value)} |`,
      ),
      "",
    );
  }
  return lines.join("\n");
}

export function outcomeText(result: RunResult): string {
  const lines = [
    `tenant-promote ${result.mode}: ${result.result}${result.reason ? ` (${result.reason})` : ""}`,
    result.message,
  ];
  if (result.promotionId) lines.push(`promotion id: ${result.promotionId}`);
  if (result.reportDiff) lines.push("changes since the reviewed report:", result.reportDiff);
  if (result.status)
    lines.push(...result.status.rows.map(([label, value]) => `${label}: ${value}`));
  if (result.nextSteps.length > 0)
    lines.push("next steps:", ...result.nextSteps.map((s) => `  - ${s}`));
  return lines.join("\n");
}

/** The Markdown for a run: outcome first, then the report when there is one. */
export function runMarkdown(result: RunResult): string {
  const parts = [outcomeMarkdown(result)];
  if (result.report) parts.push(renderMarkdown(result.report));
  return `${parts.join("\n")}\n`;
}

export function runText(result: RunResult): string {
  const parts = [outcomeText(result)];
  if (result.report) parts.push("", renderText(result.report));
  return `${parts.join("\n")}\n`;
}

/** Machine-readable result: stable top-level keys for scripts. */
/** `environmentUrl`: the target's admin console, when the run has a target. */
export function runJson(result: RunResult, environmentUrl?: string): string {
  return `${JSON.stringify(
    {
      mode: result.mode,
      result: result.result,
      reason: result.reason ?? null,
      message: result.message,
      nextSteps: result.nextSteps,
      ...(environmentUrl ? { environmentUrl } : {}),
      promotionId: result.promotionId ?? null,
      // Absent when the run took nothing (or only followed a job): there was nothing to release.
      ...(result.lockReleased === undefined ? {} : { lockReleased: result.lockReleased }),
      lockHolder: result.lockHolder ?? null,
      ...(result.cancelRequested ? { cancelRequested: true } : {}),
      ...result.details,
      reportDiff: result.reportDiff ?? null,
      reportHash: result.report?.hash ?? null,
      changes: result.report?.counts.total ?? 0,
      report: result.report ? reportJson(result.report) : null,
      dryRunReport: result.dryRunReport ? reportJson(result.dryRunReport) : null,
      status: result.status?.data ?? null,
      elapsedMs: result.elapsedMs,
    },
    null,
    2,
  )}\n`;
}
