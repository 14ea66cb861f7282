// One comment per upper environment and PR, found by its marker and updated in place.
// A comment is a courtesy: failing to post it warns and never fails the promotion.
import type { Logger } from "../core/util/log.js";
import { isOurComment } from "../faces/marker.js";
import { describeGitHubError, type GitHubApi, type IssueComment } from "./github-api.js";

/** Our comment about `upper` on the PR, written by a bot (never trust a person's copy of the marker). */
export function findOurComment(comments: IssueComment[], upper: string): IssueComment | undefined {
  return comments.find((c) => c.byBot && isOurComment(c.body, upper));
}

export async function publishComment(
  api: GitHubApi,
  pullRequest: number,
  upper: string,
  render: (existingBody: string | undefined) => string,
  log: Logger,
): Promise<"created" | "updated" | "skipped"> {
  try {
    const existing = findOurComment(await api.listComments(pullRequest), upper);
    const body = render(existing?.body);
    if (existing) {
      await api.updateComment(existing.id, body);
      log.info(`[comment] updated the report comment on PR #${pullRequest}`);
      return "updated";
    }
    await api.createComment(pullRequest, body);
    log.info(`[comment] commented the report on PR #${pullRequest}`);
    return "created";
  } catch (error) {
    const why = describeGitHubError(error);
    const hint = /not accessible by integration|403/i.test(why)
      ? " The token cannot write to this PR (a fork's pull request, or a job without `permissions: pull-requests: write`)."
      : "";
    log.warn(
      `[comment] could not comment on PR #${pullRequest}: ${why}.${hint} The report is in the job summary.`,
    );
    return "skipped";
  }
}
