// A fake GitHub REST API on loopback: the issue-comment, pull-request and deployment endpoints
// the action calls, with GitHub's pagination, auth and error answers. Point GITHUB_API_URL at `url`.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { type FakeDeployment, fakeDeployments } from "./fake-github-deployments.js";
import { type IssueStore, issueStore } from "./fake-github-issues.js";
import {
  type GitHubAnswer,
  type GitHubRequest,
  githubError,
  paginated,
  readRequest,
  sendAnswer,
  validationFailed,
} from "./github-answers.js";

export type { GitHubAnswer, GitHubRequest } from "./github-answers.js";

export interface FakeUser {
  login: string;
  id: number;
  type: "User" | "Bot";
}

export interface FakeComment {
  id: number;
  node_id: string;
  body: string;
  user: FakeUser;
  html_url: string;
  issue_url: string;
  created_at: string;
  updated_at: string;
}

export interface FakePull {
  number: number;
  state: "open" | "closed";
  merged_at: string | null;
  title: string;
  html_url: string;
  base: { ref: string };
  head: { sha: string; ref: string; repo: { full_name: string } };
}

export interface FakeGitHubOptions {
  /** The only repository served; others are 404. Default "acme/tenant-config". */
  repository?: string;
  /** Writes answer 403 "Resource not accessible by integration", as for a fork PR's token. */
  readOnly?: boolean;
  /** When set, other tokens get 401 "Bad credentials". */
  token?: string;
}

export interface FakeGitHub {
  url: string;
  /** Mutable: flip mid-test to make writes fail. */
  readOnly: boolean;
  requests: GitHubRequest[];
  /** Answers in the fake's stead when it returns something (e.g. { status: 502 }). */
  intercept: ((request: GitHubRequest) => GitHubAnswer | undefined) | undefined;
  comments(issue: number): FakeComment[];
  /** The repository's issues (fake-github-issues.ts). */
  issues: Pick<IssueStore, "all" | "seed">;
  /** A login ending in [bot] is a Bot; the default author is the action's github-actions[bot]. */
  seedComment(issue: number, body: string, user?: string | FakeUser): FakeComment;
  /** `commits`: the SHAs whose "pulls associated with commit" list this PR. */
  seedPull(pr: Partial<FakePull> & { number: number }, links?: { commits?: string[] }): FakePull;
  /** Every deployment with its statuses, newest first (fake-github-deployments.ts). */
  deployments(): FakeDeployment[];
  close(): Promise<void>;
}

export const MAX_COMMENT_LENGTH = 65_536;
export const ACTIONS_BOT = "github-actions[bot]";

type Route = (params: string[], req: GitHubRequest) => GitHubAnswer;

export async function startFakeGitHub(options: FakeGitHubOptions = {}): Promise<FakeGitHub> {
  const repository = options.repository ?? "acme/tenant-config";
  const web = `https://github.com/${repository}`;
  const issues = new Map<number, FakeComment[]>();
  const pulls = new Map<number, { pr: FakePull; commits: string[] }>();
  let nextId = 1_000_001;
  const now = () => new Date().toISOString().replace(/\.\d{3}Z$/, "Z");

  function addComment(issue: number, body: string, user: string | FakeUser): FakeComment {
    const id = nextId++;
    const author = typeof user === "string" ? userNamed(user) : user;
    const comment: FakeComment = {
      ...{ id, node_id: `IC_${id}`, body, user: author, created_at: now(), updated_at: now() },
      html_url: `${web}/${pulls.has(issue) ? "pull" : "issues"}/${issue}#issuecomment-${id}`,
      issue_url: `${fake.url}/repos/${repository}/issues/${issue}`,
    };
    issues.set(issue, [...(issues.get(issue) ?? []), comment]);
    return comment;
  }

  /** Checks a comment write the way GitHub does before applying it. */
  function write(req: GitHubRequest, apply: (body: string) => GitHubAnswer): GitHubAnswer {
    if (fake.readOnly) return githubError(403, "Resource not accessible by integration");
    if (typeof req.body === "string") return githubError(400, "Problems parsing JSON");
    const body = (req.body as { body?: unknown } | undefined)?.body;
    if (typeof body !== "string") return validationFailed("body", '"body" wasn\'t supplied.');
    // GitHub counts characters (code points), not UTF-16 units.
    if ([...body].length > MAX_COMMENT_LENGTH) {
      const message = `Body is too long (maximum is ${MAX_COMMENT_LENGTH} characters)`;
      return validationFailed("body", message);
    }
    return apply(body);
  }

  const issueList = issueStore({
    web,
    baseUrl: () => fake.url,
    now,
    readOnly: () => fake.readOnly,
    nextNumber: () => Math.max(100, ...pulls.keys(), ...issueList.all().map((i) => i.number)) + 1,
    commentCount: (issue) => issues.get(issue)?.length ?? 0,
    pullsAsIssues: () =>
      [...pulls.values()].map(({ pr }) => ({
        ...pr,
        labels: [],
        pull_request: { url: pr.html_url },
      })),
  });

  const deployments = fakeDeployments({
    readOnly: () => fake.readOnly,
    repoUrl: () => `${fake.url}/repos/${repository}`,
  });
  const routes: [string, RegExp, Route][] = [
    ...issueList.routes,
    ...deployments.routes,
    [
      "GET",
      /^\/issues\/(\d+)\/comments$/,
      ([n], req) => paginated(issues.get(Number(n)) ?? [], req, fake.url),
    ],
    [
      "POST",
      /^\/issues\/(\d+)\/comments$/,
      ([n], req) =>
        write(req, (body) => ({ status: 201, body: addComment(Number(n), body, ACTIONS_BOT) })),
    ],
    [
      "PATCH",
      /^\/issues\/comments\/(\d+)$/,
      ([id], req) => {
        const comment = [...issues.values()].flat().find((c) => c.id === Number(id));
        if (!comment) return githubError(404, "Not Found");
        return write(req, (body) => {
          Object.assign(comment, { body, updated_at: now() });
          return { status: 200, body: comment };
        });
      },
    ],
    [
      "GET",
      /^\/commits\/([^/]+)\/pulls$/,
      ([sha = ""]) => {
        const found = [...pulls.values()].filter((pull) => pull.commits.includes(sha));
        return { status: 200, body: found.map((pull) => pull.pr) };
      },
    ],
    [
      "GET",
      /^\/pulls\/(\d+)$/,
      ([n]) => {
        const pull = pulls.get(Number(n));
        return pull ? { status: 200, body: pull.pr } : githubError(404, "Not Found");
      },
    ],
  ];

  function handle(req: GitHubRequest): GitHubAnswer {
    const intercepted = fake.intercept?.(req);
    if (intercepted) return intercepted;
    const token = /^(?:token|bearer) (\S+)$/i.exec(req.authorization ?? "")?.[1];
    if (!token) return githubError(401, "Requires authentication");
    if (options.token !== undefined && token !== options.token) {
      return githubError(401, "Bad credentials");
    }
    const prefix = `/repos/${repository}/`;
    if (!req.path.startsWith(prefix)) return githubError(404, "Not Found");
    const rest = req.path.slice(prefix.length - 1);
    for (const [method, pattern, route] of routes) {
      const match = pattern.exec(rest);
      if (match && method === req.method) return route(match.slice(1), req);
    }
    return githubError(404, "Not Found");
  }

  const server = createServer((incoming, res) => {
    readRequest(incoming, fake.url).then(
      (req) => {
        fake.requests.push(req);
        sendAnswer(res, handle(req));
      },
      (error: unknown) => sendAnswer(res, githubError(400, String(error))),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));

  const fake: FakeGitHub = {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    readOnly: options.readOnly ?? false,
    requests: [],
    intercept: undefined,
    comments: (issue) => issues.get(issue) ?? [],
    issues: issueList,
    seedComment: (issue, body, user = ACTIONS_BOT) => addComment(issue, body, user),
    seedPull(partial, links = {}) {
      const commits = links.commits ?? [];
      const head = { sha: commits.at(-1) ?? "", ref: "feature", repo: { full_name: repository } };
      const pr: FakePull = {
        ...{ state: "open", merged_at: null, title: `PR #${partial.number}`, head },
        ...{ html_url: `${web}/pull/${partial.number}`, base: { ref: "main" } },
        ...partial,
      };
      pulls.set(pr.number, { pr, commits });
      return pr;
    },
    deployments: deployments.list,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return fake;
}

/** github-actions[bot] and octocat's real ids, so fixtures look like GitHub's. */
function userNamed(login: string): FakeUser {
  return login.endsWith("[bot]")
    ? { login, id: 41898282, type: "Bot" }
    : { login, id: 583231, type: "User" };
}
