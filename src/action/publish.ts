// Posts a finished run where people read it: the job summary, and the PR comment when one applies.
import * as core from "@actions/core";
import type { RunResult } from "../core/run/types.js";
import type { Logger } from "../core/util/log.js";
import { readReviewRecord } from "../faces/marker.js";
import { commentBody, type RunPlace, summaryBody } from "../faces/render.js";
import { publishComment } from "./comment.js";
import type { PullRequestRef } from "./event.js";
import type { GitHubApi } from "./github-api.js";

export interface PublishTarget {
  place: RunPlace;
  pullRequest?: PullRequestRef;
  api?: GitHubApi;
  /** A run on a pull request: its report is what reviewers see, so its hash goes in the marker. */
  reviewRun: boolean;
  logger: Logger;
}

export async function publishResult(result: RunResult, target: PublishTarget): Promise<void> {
  const { place, pullRequest, api, logger } = target;
  try {
    await core.summary.addRaw(place.scrub(summaryBody(result, place))).write();
  } catch (error) {
    // No summary file outside a runner, or a full disk: the log and outputs still tell the outcome.
    logger.warn(`[summary] could not write the job summary: ${(error as Error).message}`);
  }
  if (pullRequest && api) {
    const render = (existing: string | undefined) =>
      place.scrub(
        commentBody(result, place, target.reviewRun ? undefined : readReviewRecord(existing)),
      );
    await publishComment(api, pullRequest.number, place.commentKey, render, logger);
  }
}
