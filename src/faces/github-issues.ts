// The few GitHub REST calls the watch issue needs, over core's HTTP exchange: no @actions
// package, so the CLI (which must not depend on them) and the action share it. GITHUB_API_URL
// points it at GHES.

import { sendRequest } from "../core/http/exchange.js";
import { DEFAULT_REQUEST_TIMEOUT_MS } from "../core/http/json-client.js";
import { parseJsonObject } from "../core/util/json.js";

export const DEFAULT_GITHUB_API_URL = "https://api.github.com";
/** Enough for any repository's watch issues; a runaway Link chain stops here. */
const MAX_PAGES = 20;

export interface GitHubIssue {
  number: number;
  state: "open" | "closed";
  title: string;
  body: string;
  html_url: string;
}

export interface IssueEdit {
  body?: string;
  state?: "open" | "closed";
  state_reason?: "completed" | "reopened";
}

export interface GitHubIssues {
  /** Issues (not pull requests), open and closed, that carry `label`. */
  listLabeled(label: string): Promise<GitHubIssue[]>;
  create(issue: { title: string; body: string; labels: string[] }): Promise<GitHubIssue>;
  update(number: number, edit: IssueEdit): Promise<void>;
  comment(number: number, body: string): Promise<void>;
}

/** GitHub's refusal, with its status and message ("403 Resource not accessible by integration"). */
export class GitHubRequestError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(`${status} ${message}`);
  }
}

export interface GitHubIssuesOptions {
  token: string;
  /** owner/name */
  repository: string;
  apiUrl?: string;
}

export function createGitHubIssues(options: GitHubIssuesOptions): GitHubIssues {
  const base = (options.apiUrl || DEFAULT_GITHUB_API_URL).replace(/\/+$/, "");
  const repo = `${base}/repos/${options.repository}`;
  const headers = {
    accept: "application/vnd.github+json",
    authorization: `Bearer ${options.token}`,
    "user-agent": "tenant-promote",
    "x-github-api-version": "2022-11-28",
  };

  async function call(
    method: "GET" | "POST" | "PATCH",
    url: string,
    body?: unknown,
  ): Promise<{ data: unknown; next?: string }> {
    const reply = await sendRequest({
      endpoint: { method, path: new URL(url).pathname, origin: new URL(url).origin },
      url,
      method,
      headers: body === undefined ? headers : { ...headers, "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
      timeoutMs: DEFAULT_REQUEST_TIMEOUT_MS,
    });
    let data: unknown;
    try {
      data = reply.text === "" ? undefined : JSON.parse(reply.text);
    } catch {
      data = undefined;
    }
    if (reply.status >= 400) {
      const message = parseJsonObject(reply.text)?.message;
      throw new GitHubRequestError(
        reply.status,
        typeof message === "string" ? message : `${method} ${new URL(url).pathname} failed`,
      );
    }
    const link = reply.headers.link;
    return { data, next: nextLink(Array.isArray(link) ? link.join(", ") : link) };
  }

  return {
    async listLabeled(label) {
      const found: GitHubIssue[] = [];
      const query = new URLSearchParams({ labels: label, state: "all", per_page: "100" });
      let url: string | undefined = `${repo}/issues?${query}`;
      for (let page = 0; url && page < MAX_PAGES; page++) {
        const { data, next }: { data: unknown; next?: string } = await call("GET", url);
        for (const item of Array.isArray(data) ? data : []) {
          // The issues endpoint lists pull requests too; they carry a pull_request field.
          if (item && typeof item === "object" && !("pull_request" in item))
            found.push(issueOf(item));
        }
        url = next;
      }
      return found;
    },
    async create(issue) {
      const { data } = await call("POST", `${repo}/issues`, issue);
      return issueOf(data as Record<string, unknown>);
    },
    async update(number, edit) {
      await call("PATCH", `${repo}/issues/${number}`, edit);
    },
    async comment(number, body) {
      await call("POST", `${repo}/issues/${number}/comments`, { body });
    },
  };
}

function issueOf(item: Record<string, unknown>): GitHubIssue {
  return {
    number: Number(item.number),
    state: item.state === "closed" ? "closed" : "open",
    title: String(item.title ?? ""),
    body: typeof item.body === "string" ? item.body : "",
    html_url: String(item.html_url ?? ""),
  };
}

/** The rel="next" URL of a Link header, as GitHub paginates. */
export function nextLink(link: string | undefined): string | undefined {
  for (const part of (link ?? "").split(",")) {
    const match = /<([^>]+)>\s*;\s*rel="?next"?/.exec(part);
    if (match) return match[1];
  }
  return undefined;
}

/** The token lacks the permission (GitHub Actions' default token, or a fine-grained one). */
export function isPermissionRefusal(error: unknown): boolean {
  return (
    (error instanceof GitHubRequestError && error.status === 403) ||
    /not accessible by integration/i.test(String((error as Error)?.message))
  );
}
