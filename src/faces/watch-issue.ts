// issue: pending. A read-only run keeps one GitHub issue per target: opened while something is
// pending, its body rewritten only when the report hash changes (a schedule with nothing new
// writes nothing), closed once in sync. Shared by the action and the CLI; never fails a run.
import { createHash } from "node:crypto";
import { diffReports } from "../core/report/diff.js";
import { shortHash } from "../core/report/hash.js";
import { areasFromJson } from "../core/report/json.js";
import { outcomeMarkdown } from "../core/run/outcome.js";
import type { Mode, RunResult } from "../core/run/types.js";
import type { Logger } from "../core/util/log.js";
import type { Platform } from "../platforms/platform.js";
import { type GitHubIssue, type GitHubIssues, isPermissionRefusal } from "./github-issues.js";
import { markerLine, readChanges, readMarker } from "./marker.js";
import { COMMENT_LIMIT, commentBody, type RunPlace } from "./render.js";

export type IssuePolicy = "off" | "pending";
export const ISSUE_POLICIES: readonly IssuePolicy[] = ["off", "pending"];
/** Every watch issue carries it; the target's name is the second label. */
export const WATCH_LABEL = "tenant-promote";
/**
 * The read-only modes that can tell what is pending, the only ones that keep a watch issue: what
 * waits to be promoted where the platform promotes (AIC, PingOne), else its status (ArcGIS).
 */
export function watchedModes(platform: Pick<Platform, "modes">): readonly Mode[] {
  const watched: readonly Mode[] = platform.modes.includes("promote")
    ? ["preview", "dry-run"]
    : ["rollback-preview", "status"];
  return watched.filter((mode) => platform.modes.includes(mode));
}
/** GitHub refuses longer label names. */
const MAX_LABEL = 50;

const WATCH_LINE = /<!-- tenant-promote-watch first-seen="([^"]*)" last-changed="([^"]*)" -->/;

export interface WatchPlace extends RunPlace {
  /** The target as people call it (the environments file's name, else its host): title and label. */
  name: string;
  /** How what is pending gets promoted: a command, or why tenant-promote does not. */
  promoteHint: string;
}

export type WatchPlan =
  | { action: "none"; why: string }
  | { action: "open"; title: string; body: string; labels: string[] }
  | { action: "update" | "reopen"; issue: GitHubIssue; body: string; comment: string }
  /** `body`: the issue's, its hash cleared: a report pending later, even the same, reopens it. */
  | { action: "close"; issue: GitHubIssue; body: string; comment: string };

/** The usage error of a mode that cannot keep a watch issue given issue: pending; undefined when fine. */
export function issueModeRefusal(
  policy: IssuePolicy,
  mode: Mode,
  name: string,
  platform: Pick<Platform, "modes" | "title">,
): string | undefined {
  const watched = watchedModes(platform);
  if (policy === "off" || watched.includes(mode)) return undefined;
  return `${name} is pending, which on ${platform.title} only the read-only modes that tell what is pending use (${watched.join(", ")}), and this run's mode is ${mode}: run one of them on a schedule for the watch issue, or set ${name} to off`;
}

/** The target's short name: the environments file's, else the host of its URL, else as given. */
export function watchName(configTarget: string | undefined, place: RunPlace): string {
  if (configTarget) return configTarget;
  const target = place.target ?? place.commentKey;
  try {
    return new URL(target).host || target;
  } catch {
    return target;
  }
}

/** The way to promote what is pending, as a command; a platform without promote says so. */
export function promoteHint(
  platform: Pick<Platform, "id" | "title" | "modes">,
  configFile: string | undefined,
  target: string | undefined,
): string {
  if (!platform.modes.includes("promote"))
    return `tenant-promote does not promote on ${platform.title}: act on what is described above, and this issue closes on the next check that finds nothing pending.`;
  const command =
    configFile && target
      ? `\`tenant-promote promote --config ${configFile} --target ${target}\``
      : `\`tenant-promote promote --platform ${platform.id}\` with this run's options`;
  return `To promote it: ${command}, or the repository's promotion workflow; this issue closes on the next check that finds nothing pending.`;
}

/** What identifies what is pending: the report hash, else a digest of what the run showed. */
export function watchHash(result: RunResult, scrub: (text: string) => string): string {
  if (result.report) return result.report.hash;
  return createHash("sha256")
    .update(scrub(outcomeMarkdown(result)), "utf8")
    .digest("hex");
}

export function watchTitle(name: string): string {
  return `tenant-promote: changes pending on ${name}`;
}

/** Ours: labeled, and its marker names this target; an open one before a closed one. */
export function findWatchIssue(issues: GitHubIssue[], key: string): GitHubIssue | undefined {
  const ours = issues.filter((i) => readMarker(i.body)?.upper === key && WATCH_LINE.test(i.body));
  return ours.find((i) => i.state === "open") ?? ours[0];
}

function readDates(body: string): { firstSeen?: string; lastChanged?: string } {
  const match = WATCH_LINE.exec(body);
  return { firstSeen: match?.[1] || undefined, lastChanged: match?.[2] || undefined };
}

function issueBody(
  result: RunResult,
  place: WatchPlace,
  hash: string,
  dates: { firstSeen: string; lastChanged: string },
): string {
  const lead = [
    `<!-- tenant-promote-watch first-seen="${dates.firstSeen}" last-changed="${dates.lastChanged}" -->`,
    `**Pending on \`${place.name}\`** · first seen ${dates.firstSeen} · last changed ${dates.lastChanged} · report hash \`${shortHash(hash)}\``,
    place.promoteHint,
  ];
  // The body's marker holds the watch hash, so a run without a report still compares.
  const review = { hash, changesLine: undefined };
  const body = commentBody(result, place, result.report ? undefined : review, lead);
  return place.scrub(body);
}

function changeComment(
  result: RunResult,
  existing: GitHubIssue,
  oldHash: string | undefined,
  hash: string,
  place: WatchPlace,
): string {
  const from = oldHash ? shortHash(oldHash) : "none";
  const head = `What is pending on \`${place.name}\` changed (report hash \`${from}\` → \`${shortHash(hash)}\`).`;
  const stored = readChanges(existing.body);
  const report = result.report;
  const diff =
    stored && report
      ? diffReports({ ...report, areas: areasFromJson(stored, report.locationKey) }, report)
      : "";
  const text = diff ? `${head}\n\n\`\`\`\n${diff}\n\`\`\`` : head;
  return place.scrub(
    text.length <= COMMENT_LIMIT ? text : `${text.slice(0, COMMENT_LIMIT - 8)}\n\`\`\`\n…`,
  );
}

/** What the issue needs after this run; pure, so every case is testable without GitHub. */
export function planWatchIssue(
  result: RunResult,
  place: WatchPlace,
  existing: GitHubIssue | undefined,
  now: Date,
): WatchPlan {
  if (result.result === "failed" || result.pending === undefined)
    return {
      action: "none",
      why: "the run could not tell what is pending, so the issue stays as it is",
    };
  const at = now.toISOString().replace(/\.\d{3}Z$/, "Z");
  const run = place.runUrl ? ` ([workflow run](${place.runUrl}))` : "";
  if (!result.pending) {
    if (existing?.state !== "open")
      return { action: "none", why: `nothing is pending on ${place.name}` };
    const comment = `In sync at ${at}${run}: ${result.message}`;
    const marker = readMarker(existing.body);
    const body = marker
      ? existing.body.replace(markerLine(marker), markerLine({ upper: marker.upper }))
      : existing.body;
    return { action: "close", issue: existing, body, comment: place.scrub(comment) };
  }
  const hash = watchHash(result, place.scrub);
  if (!existing) {
    const body = issueBody(result, place, hash, { firstSeen: at, lastChanged: at });
    const labels = [WATCH_LABEL, place.name.slice(0, MAX_LABEL)];
    return { action: "open", title: watchTitle(place.name), body, labels };
  }
  const oldHash = readMarker(existing.body)?.hash;
  if (existing.state === "closed") {
    // Closed by hand while this very report was pending: someone decided; a new report reopens it.
    if (oldHash === hash)
      return {
        action: "none",
        why: `the issue was closed while report ${shortHash(hash)} was pending; it reopens when that changes`,
      };
    // Reopened rather than a new issue: one place holds the target's history.
    const body = issueBody(result, place, hash, { firstSeen: at, lastChanged: at });
    const comment = `Pending again at ${at}${run} (report hash \`${shortHash(hash)}\`).`;
    return { action: "reopen", issue: existing, body, comment: place.scrub(comment) };
  }
  if (oldHash === hash)
    return { action: "none", why: `the report hash ${shortHash(hash)} is unchanged` };
  const firstSeen = readDates(existing.body).firstSeen ?? at;
  const body = issueBody(result, place, hash, { firstSeen, lastChanged: at });
  const comment = changeComment(result, existing, oldHash, hash, place);
  return { action: "update", issue: existing, body, comment };
}

/**
 * Reads the target's issue, then opens, updates, reopens or closes it. `issues` undefined: says
 * what it would do (the CLI without GITHUB_TOKEN). Every GitHub error warns; none fails the run.
 */
export async function keepWatchIssue(
  result: RunResult,
  place: WatchPlace,
  issues: GitHubIssues | undefined,
  log: Logger,
  now = new Date(),
): Promise<WatchPlan["action"]> {
  if (!issues) {
    const plan = planWatchIssue(result, place, undefined, now);
    const title = watchTitle(place.name);
    if (plan.action === "open")
      log.info(
        `[issue] would open the issue "${title}" (labels ${plan.labels.join(", ")}), or update it if its report hash is not ${shortHash(watchHash(result, place.scrub))}; set GITHUB_TOKEN and GITHUB_REPOSITORY to do it`,
      );
    else if (result.pending === false)
      log.info(
        `[issue] would close the issue "${title}" if it is open; set GITHUB_TOKEN and GITHUB_REPOSITORY to do it`,
      );
    else
      log.info(
        `[issue] would leave the issue "${title}" as it is: ${plan.action === "none" ? plan.why : ""}`,
      );
    return "none";
  }
  try {
    const existing = findWatchIssue(await issues.listLabeled(WATCH_LABEL), place.commentKey);
    const plan = planWatchIssue(result, place, existing, now);
    switch (plan.action) {
      case "none":
        log.info(`[issue] nothing to write: ${plan.why}`);
        break;
      case "open": {
        const made = await issues.create({
          title: plan.title,
          body: plan.body,
          labels: plan.labels,
        });
        log.info(`[issue] opened #${made.number} "${plan.title}" ${made.html_url}`);
        break;
      }
      case "update":
      case "reopen":
        await issues.update(plan.issue.number, {
          body: plan.body,
          ...(plan.action === "reopen" ? { state: "open", state_reason: "reopened" } : {}),
        });
        await issues.comment(plan.issue.number, plan.comment);
        log.info(
          `[issue] ${plan.action === "reopen" ? "reopened" : "updated"} #${plan.issue.number}`,
        );
        break;
      case "close":
        await issues.comment(plan.issue.number, plan.comment);
        await issues.update(plan.issue.number, {
          body: plan.body,
          state: "closed",
          state_reason: "completed",
        });
        log.info(`[issue] closed #${plan.issue.number}: ${place.name} is in sync`);
        break;
    }
    return plan.action;
  } catch (error) {
    const why = place.scrub(error instanceof Error ? error.message : String(error));
    const hint = isPermissionRefusal(error)
      ? " The token may not write issues: give the job `permissions: issues: write`."
      : "";
    log.warn(
      `[issue] could not keep the watch issue of ${place.name}: ${why}.${hint} The run's outcome is unchanged.`,
    );
    return "none";
  }
}
