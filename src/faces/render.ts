// The Markdown the action posts: the PR comment (65,536 characters at most) and the job
// summary (1 MiB at most). Both trim the report, never the outcome, and say where the rest is.

import { renderMarkdown } from "../core/report/markdown.js";
import { outcomeMarkdown } from "../core/run/outcome.js";
import type { RunResult } from "../core/run/types.js";
import { changesLine, markerLine, type ReviewRecord } from "./marker.js";

export const COMMENT_LIMIT = 65_536;
export const SUMMARY_LIMIT_BYTES = 1024 * 1024;
/** A trimmed report shows this many entries of each config item, so one huge item cannot hide the rest. */
const ENTRIES_WHEN_TRIMMED = 200;

export interface RunPlace {
  /** The platform's own names of the environments, as people read them. */
  target?: string;
  source?: string;
  /** What the comment's marker keys on: one sticky comment per platform and target. */
  commentKey: string;
  /** Empty where there is no workflow run (the CLI elsewhere). */
  runUrl: string;
  pullRequestUrl?: string;
  reportFile?: string;
  scrub: (text: string) => string;
}

function environmentsLine(place: RunPlace): string {
  const parts = [];
  if (place.source) parts.push(`from \`${place.source}\``);
  if (place.target) parts.push(`to \`${place.target}\``);
  return parts.length > 0 ? `Environments: ${parts.join(" ")}` : "";
}

function footer(result: RunResult, place: RunPlace): string {
  const hash = result.report ? ` · report hash \`${result.report.hash.slice(0, 12)}\`` : "";
  // The CLI outside GitHub Actions has no run to link to.
  const run = place.runUrl ? ` · [workflow run](${place.runUrl})` : "";
  return `<sub>tenant-promote ${result.mode}${run}${hash}</sub>`;
}

/** Where the full report is, for a trimmed one. */
function fullReportAt(place: RunPlace): string {
  return place.runUrl ? `the [workflow run](${place.runUrl})` : "the run's log";
}

/** Head, then as much of the report as fits within `limit` (as `measure` counts), then the tail. */
function assemble(
  head: string[],
  result: RunResult,
  tail: string[],
  limit: { size: number; measure: (text: string) => number },
  trimmedNote: string,
): string {
  const join = (report: string) => [...head, report, ...tail].filter(Boolean).join("\n\n");
  const fits = (text: string) => limit.measure(text) <= limit.size;
  const full = join(result.report ? renderMarkdown(result.report) : "");
  if (!result.report || fits(full)) return full;
  const note = `> ${trimmedNote}`;
  let room = limit.size - limit.measure(join(note)) - 2;
  // Bytes and characters differ: measure each attempt and shrink until it fits.
  while (room >= 200) {
    const report = renderMarkdown(result.report, {
      maxLength: room,
      maxEntriesPerItem: ENTRIES_WHEN_TRIMMED,
    });
    const text = join(`${report}\n\n${note}`);
    if (fits(text)) return text;
    room = Math.floor(room * 0.8);
  }
  return join(note);
}

/**
 * `review`: the record to carry over; without it, this run's report becomes what is reviewed.
 * `lead`: lines between the marker and the outcome (the watch issue's facts).
 */
export function commentBody(
  result: RunResult,
  place: RunPlace,
  review?: ReviewRecord,
  lead: string[] = [],
): string {
  const hash = review ? review.hash : result.report?.hash;
  const head = [
    // The marker's field keeps its old name so that existing sticky comments are still found.
    markerLine({ upper: place.commentKey, hash }),
    ...lead,
    place.scrub(outcomeMarkdown(result)),
    environmentsLine(place),
  ];
  const changes = review ? review.changesLine : result.report && changesLine(result.report);
  const tail = [footer(result, place), changes ?? ""];
  const body = assemble(
    head,
    result,
    tail,
    { size: COMMENT_LIMIT, measure: (text) => text.length },
    `The report is too long for a comment and was trimmed; the full report is in ${fullReportAt(place)}.`,
  );
  // The outcome alone could still be too long (thousands of missing ESVs): cut it hard.
  if (body.length <= COMMENT_LIMIT) return body;
  const cut = `\n\n… trimmed; the full text is in ${fullReportAt(place)}.`;
  return body.slice(0, COMMENT_LIMIT - cut.length) + cut;
}

export function summaryBody(result: RunResult, place: RunPlace): string {
  const links = [`[workflow run](${place.runUrl})`];
  if (place.pullRequestUrl) links.push(`[pull request](${place.pullRequestUrl})`);
  const head = [
    place.scrub(outcomeMarkdown(result)),
    environmentsLine(place),
    `Links: ${links.join(" · ")}`,
  ];
  const where = place.reportFile
    ? `the full report is in \`${place.reportFile}\` (upload it with actions/upload-artifact to keep it)`
    : "run the CLI with --format json for the full report";
  // Kept a little under the limit: core.summary adds a newline, the runner counts bytes.
  const limit = { size: SUMMARY_LIMIT_BYTES - 1024, measure: (t: string) => Buffer.byteLength(t) };
  const body = assemble(
    head,
    result,
    [],
    limit,
    `The report is too large for the job summary and was trimmed; ${where}.`,
  );
  if (limit.measure(body) <= limit.size) return `${body}\n`;
  return `${Buffer.from(body)
    .subarray(0, SUMMARY_LIMIT_BYTES - 4096)
    .toString("utf8")}\n\n… trimmed; ${where}.\n`;
}
