// What the triggering GitHub event tells the action: the PR, whether it comes from a fork,
// and words for promotionDescription.
import type { context as githubContext } from "@actions/github";

type Context = typeof githubContext;

export interface PullRequestRef {
  number: number;
  title?: string;
  url?: string;
}

export interface EventFacts {
  name: string;
  repository: string;
  /** The PR of a pull_request event (none for push: see findCommitPullRequest). */
  pullRequest?: PullRequestRef;
  /** A pull_request or pull_request_target event: the runs whose reports are reviewed. */
  pullRequestEvent: boolean;
  /** A pull_request event whose head lives in another repository: its token is read-only. */
  fromFork: boolean;
  /** First line of the head commit's message (push events). */
  commitSubject?: string;
  sha: string;
  runUrl: string;
  defaultBranch?: string;
}

interface PullRequestPayload {
  number?: number;
  title?: string;
  html_url?: string;
  head?: { repo?: { full_name?: string; fork?: boolean } | null };
  base?: { repo?: { full_name?: string } };
}

export function eventFacts(context: Context): EventFacts {
  const payload = context.payload as {
    pull_request?: PullRequestPayload;
    head_commit?: { message?: string };
    repository?: { full_name?: string; default_branch?: string };
  };
  const repository = process.env.GITHUB_REPOSITORY ?? payload.repository?.full_name ?? "";
  const pr = payload.pull_request;
  const headRepo = pr?.head?.repo?.full_name;
  const baseRepo = pr?.base?.repo?.full_name ?? repository;
  return {
    name: context.eventName ?? "",
    repository,
    pullRequestEvent: /^pull_request/.test(context.eventName ?? "") && !!pr,
    pullRequest:
      pr?.number !== undefined
        ? { number: pr.number, title: pr.title, url: pr.html_url }
        : undefined,
    // A deleted fork shows as head.repo null: still a fork, never trusted.
    fromFork: !!pr && (pr.head?.repo === null || (!!headRepo && headRepo !== baseRepo)),
    commitSubject: payload.head_commit?.message?.split("\n")[0],
    sha: context.sha ?? "",
    runUrl: `${context.serverUrl}/${repository}/actions/runs/${context.runId}`,
    defaultBranch: payload.repository?.default_branch,
  };
}

/** promotionDescription when none is given: what is promoted, and the run that did it. */
export function describeRun(mode: string, facts: EventFacts): string {
  const what = facts.pullRequest?.title
    ? `PR #${facts.pullRequest.number}: ${facts.pullRequest.title}`
    : (facts.commitSubject ?? `commit ${facts.sha.slice(0, 12)}`);
  // The tenant stores this text; keep it one line and of reasonable length.
  const line = `tenant-promote ${mode}: ${what}`.replace(/\s+/g, " ").slice(0, 300);
  return `${line} (${facts.runUrl})`;
}
