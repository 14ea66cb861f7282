// require-reviewed-report: promote only what a reviewer saw. The merged PR's comment carries the
// hash of the report it showed; the fresh dry run must hash the same, or nothing is promoted.

import { diffReports } from "../core/report/diff.js";
import { shortHash } from "../core/report/hash.js";
import { areasFromJson } from "../core/report/json.js";
import type { Report } from "../core/report/model.js";
import { EngineFailure } from "../core/run/failure.js";
import { readChanges, readMarker, type StoredAreas } from "../faces/marker.js";
import { findOurComment } from "./comment.js";
import type { EventFacts, PullRequestRef } from "./event.js";
import { describeGitHubError, type GitHubApi } from "./github-api.js";

export interface ReviewedReport {
  pullRequest: PullRequestRef;
  hash: string;
  /** The reviewed changes, when the comment could hold them. */
  areas?: StoredAreas;
}

function unreviewed(message: string, steps: string[]): EngineFailure {
  return new EngineFailure("report-unreviewed", message, steps);
}

/** Finds the reviewed report before anything is locked, so a missing review costs nothing. */
export async function findReviewedReport(
  api: GitHubApi,
  facts: EventFacts,
  upper: string,
): Promise<ReviewedReport> {
  let pullRequest = facts.pullRequest;
  try {
    pullRequest ??= await api.pullRequestOfCommit(facts.sha);
  } catch (error) {
    throw unreviewed(
      `Could not look up the pull request of commit ${facts.sha.slice(0, 12)}: ${describeGitHubError(error)}.`,
      [
        "Give the job `permissions: contents: read, pull-requests: read` (or write), and run again.",
      ],
    );
  }
  if (!pullRequest) {
    throw unreviewed(
      `Commit ${facts.sha.slice(0, 12)} belongs to no pull request, so there is no reviewed report to promote.`,
      [
        "Merge the change through a pull request whose dry run tenant-promote commented, or set require-reviewed-report: false.",
      ],
    );
  }
  let comments: Awaited<ReturnType<GitHubApi["listComments"]>>;
  try {
    comments = await api.listComments(pullRequest.number);
  } catch (error) {
    throw unreviewed(
      `Could not read the comments of PR #${pullRequest.number}: ${describeGitHubError(error)}.`,
      ["Give the job `permissions: pull-requests: read` (or write), and run again."],
    );
  }
  const comment = findOurComment(comments, upper);
  const marker = comment && readMarker(comment.body);
  if (!comment || !marker?.hash) {
    throw unreviewed(
      `PR #${pullRequest.number} has no tenant-promote report for ${upper}${comment ? " with a report hash" : ""}, so nothing was reviewed.`,
      [
        `Run tenant-promote with mode dry-run against ${upper} on the pull request (comment: auto), review its comment, then promote.`,
      ],
    );
  }
  return { pullRequest, hash: marker.hash, areas: readChanges(comment.body) };
}

/** A promote's beforeChange check: refuses when the fresh dry run is not what was reviewed. */
export function requireSameReport(reviewed: ReviewedReport): (dryRun: Report) => void {
  return (dryRun) => {
    if (dryRun.hash === reviewed.hash) return;
    const pr = `PR #${reviewed.pullRequest.number}`;
    const diff = reviewed.areas
      ? diffReports({ ...dryRun, areas: areasFromJson(reviewed.areas, dryRun.locationKey) }, dryRun)
      : undefined;
    throw new EngineFailure(
      "report-changed",
      `Nothing was promoted: the dry run now shows other changes than the report reviewed on ${pr} (reviewed ${shortHash(reviewed.hash)}, now ${shortHash(dryRun.hash)}).${diff ? "" : " The reviewed report was too large to keep in the comment, so no diff is shown."}`,
      [
        `Someone changed the lower or upper environment since the review. To have the new changes reviewed: re-run the dry run of ${pr} (its comment then shows the new report) or open a new pull request, then merge and promote.`,
        `To approve the report this run found as it is (it is in this run's summary): once reviewed, promote it from a workflow_dispatch run with reviewed-report-hash: ${dryRun.hash} (and without require-reviewed-report); any other change since is refused again.`,
      ],
      { reportDiff: diff || undefined },
    );
  };
}
