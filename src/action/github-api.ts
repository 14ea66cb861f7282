// The few GitHub REST calls the action makes: PR comments and the PRs of a commit.
import * as github from "@actions/github";
import type { PullRequestRef } from "./event.js";

export interface IssueComment {
  id: number;
  body: string;
  /** Bot authors (github-actions[bot], apps) are the only ones trusted to carry our marker. */
  byBot: boolean;
}

export interface GitHubApi {
  listComments(issue: number): Promise<IssueComment[]>;
  createComment(issue: number, body: string): Promise<void>;
  updateComment(id: number, body: string): Promise<void>;
  /** The PR a commit belongs to: merged ones first, then open ones. */
  pullRequestOfCommit(sha: string): Promise<PullRequestRef | undefined>;
}

export function createGitHubApi(token: string, repository: string): GitHubApi {
  const octokit = github.getOctokit(token);
  const [owner = "", repo = ""] = repository.split("/");
  return {
    async listComments(issue) {
      const comments = await octokit.paginate(octokit.rest.issues.listComments, {
        owner,
        repo,
        issue_number: issue,
        per_page: 100,
      });
      return comments.map((c) => ({
        id: c.id,
        body: c.body ?? "",
        byBot: c.user?.type === "Bot" || (c.user?.login ?? "").endsWith("[bot]"),
      }));
    },
    async createComment(issue, body) {
      await octokit.rest.issues.createComment({ owner, repo, issue_number: issue, body });
    },
    async updateComment(id, body) {
      await octokit.rest.issues.updateComment({ owner, repo, comment_id: id, body });
    },
    async pullRequestOfCommit(sha) {
      const { data } = await octokit.rest.repos.listPullRequestsAssociatedWithCommit({
        owner,
        repo,
        commit_sha: sha,
      });
      const pr = data.find((p) => p.merged_at) ?? data.find((p) => p.state === "open");
      return pr && { number: pr.number, title: pr.title, url: pr.html_url };
    },
  };
}

/** GitHub's answer in words, e.g. "403 Resource not accessible by integration". */
export function describeGitHubError(error: unknown): string {
  const status = (error as { status?: unknown }).status;
  const message = error instanceof Error ? error.message : String(error);
  return typeof status === "number" && !message.startsWith(String(status))
    ? `${status} ${message}`
    : message;
}
