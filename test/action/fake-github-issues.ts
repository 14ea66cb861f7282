// The fake GitHub's issues: list (labels and state filters, paginated, pull requests included as
// GitHub lists them), create, edit (body, state, labels) with GitHub's validation. Comments go
// through fake-github.ts's comment routes, keyed by issue number like PRs' comments.
import { type GitHubAnswer, type GitHubRequest, githubError, paginated } from "./github-answers.js";

export interface FakeIssue {
  id: number;
  number: number;
  title: string;
  body: string;
  state: "open" | "closed";
  state_reason: string | null;
  labels: { name: string }[];
  comments: number;
  html_url: string;
  created_at: string;
  updated_at: string;
}

type Route = (params: string[], req: GitHubRequest) => GitHubAnswer;

export interface IssueStore {
  /** Every issue, oldest first. */
  all(): FakeIssue[];
  seed(issue: Partial<FakeIssue> & { title: string }): FakeIssue;
  routes: [string, RegExp, Route][];
}

export const MAX_ISSUE_BODY = 65_536;

interface Shared {
  web: string;
  baseUrl(): string;
  now(): string;
  readOnly(): boolean;
  /** Numbers are shared with pull requests: the next free one. */
  nextNumber(): number;
  commentCount(issue: number): number;
  /** Pull requests as the issues list shows them (with a pull_request field). */
  pullsAsIssues(): Record<string, unknown>[];
}

function invalid(field: string, code: string, message?: string): GitHubAnswer {
  const errors = [{ resource: "Issue", code, field, ...(message ? { message } : {}) }];
  return githubError(422, "Validation Failed", { errors });
}

/** GitHub's checks on an issue's fields; undefined when they pass. */
function refusal(body: Record<string, unknown>, creating: boolean): GitHubAnswer | undefined {
  if (creating && (typeof body.title !== "string" || body.title.trim() === ""))
    return invalid("title", "missing_field");
  if (body.body !== undefined && body.body !== null && typeof body.body !== "string")
    return invalid("body", "invalid");
  if (typeof body.body === "string" && [...body.body].length > MAX_ISSUE_BODY)
    return invalid("body", "custom", `body is too long (maximum is ${MAX_ISSUE_BODY} characters)`);
  if (body.state !== undefined && body.state !== "open" && body.state !== "closed")
    return invalid("state", "invalid");
  const labels = body.labels;
  if (labels !== undefined && (!Array.isArray(labels) || labels.some((l) => typeof l !== "string")))
    return invalid("labels", "invalid");
  if (Array.isArray(labels) && labels.some((l: string) => l.length > 50 || l.trim() === ""))
    return invalid("labels", "invalid", "label names are 1 to 50 characters");
  return undefined;
}

export function issueStore(shared: Shared): IssueStore {
  const issues: FakeIssue[] = [];
  const find = (n: string | undefined) => issues.find((i) => i.number === Number(n));
  const view = (issue: FakeIssue) => ({ ...issue, comments: shared.commentCount(issue.number) });

  function seed(partial: Partial<FakeIssue> & { title: string }): FakeIssue {
    const number = shared.nextNumber();
    const issue: FakeIssue = {
      ...{ id: 2_000_000 + number, number, body: "", state: "open", state_reason: null },
      ...{ labels: [], comments: 0, html_url: `${shared.web}/issues/${number}` },
      ...{ created_at: shared.now(), updated_at: shared.now() },
      ...partial,
    };
    issues.push(issue);
    return issue;
  }

  function writable(req: GitHubRequest): Record<string, unknown> | GitHubAnswer {
    if (shared.readOnly()) return githubError(403, "Resource not accessible by integration");
    if (typeof req.body === "string") return githubError(400, "Problems parsing JSON");
    if (!req.body || typeof req.body !== "object")
      return githubError(400, "Body should be a JSON object");
    return req.body as Record<string, unknown>;
  }

  const list: Route = (_params, req) => {
    const state = req.query.state ?? "open";
    if (!["open", "closed", "all"].includes(state)) return invalid("state", "invalid");
    const wanted = (req.query.labels ?? "").split(",").filter(Boolean);
    const matching = [...issues.map(view), ...shared.pullsAsIssues()]
      .filter((i) => state === "all" || i.state === state)
      .filter((i) =>
        wanted.every((name) => (i.labels as { name: string }[]).some((l) => l.name === name)),
      )
      // GitHub's default order: newest first.
      .sort((a, b) => Number(b.number) - Number(a.number));
    return paginated(matching, req, shared.baseUrl());
  };

  const routes: [string, RegExp, Route][] = [
    ["GET", /^\/issues$/, list],
    [
      "POST",
      /^\/issues$/,
      (_params, req) => {
        const body = writable(req);
        if ("status" in body && typeof body.status === "number") return body as GitHubAnswer;
        const refused = refusal(body as Record<string, unknown>, true);
        if (refused) return refused;
        const given = body as { title: string; body?: string; labels?: string[] };
        const issue = seed({
          title: given.title,
          body: given.body ?? "",
          labels: (given.labels ?? []).map((name) => ({ name })),
        });
        return { status: 201, body: view(issue) };
      },
    ],
    [
      "GET",
      /^\/issues\/(\d+)$/,
      ([n]) => {
        const issue = find(n);
        return issue ? { status: 200, body: view(issue) } : githubError(404, "Not Found");
      },
    ],
    [
      "PATCH",
      /^\/issues\/(\d+)$/,
      ([n], req) => {
        const issue = find(n);
        if (!issue) return githubError(404, "Not Found");
        const body = writable(req);
        if ("status" in body && typeof body.status === "number") return body as GitHubAnswer;
        const refused = refusal(body as Record<string, unknown>, false);
        if (refused) return refused;
        const edit = body as Partial<{ title: string; body: string; state: "open" | "closed" }> & {
          state_reason?: string;
          labels?: string[];
        };
        if (edit.title !== undefined) issue.title = edit.title;
        if (edit.body !== undefined) issue.body = edit.body;
        if (edit.labels !== undefined) issue.labels = edit.labels.map((name) => ({ name }));
        if (edit.state !== undefined && edit.state !== issue.state) {
          issue.state = edit.state;
          issue.state_reason =
            edit.state_reason ?? (edit.state === "closed" ? "completed" : "reopened");
        }
        issue.updated_at = shared.now();
        return { status: 200, body: view(issue) };
      },
    ],
  ];

  return { all: () => issues.map(view), seed, routes };
}
