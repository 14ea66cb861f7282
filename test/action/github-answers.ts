// GitHub REST's answer shapes (errors, pagination) for the fake API in fake-github.ts.
import type { IncomingMessage, ServerResponse } from "node:http";

export interface GitHubAnswer {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface GitHubRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  /** Parsed JSON body; undefined without one. */
  body: unknown;
  authorization: string | undefined;
}

const DOCS = "https://docs.github.com/rest";

export function githubError(status: number, message: string, extra: object = {}): GitHubAnswer {
  return { status, body: { message, ...extra, documentation_url: DOCS, status: String(status) } };
}

export function validationFailed(field: string, message: string): GitHubAnswer {
  const errors = [{ resource: "IssueComment", code: "custom", field, message }];
  return githubError(422, "Validation Failed", { errors });
}

/** GitHub's page/per_page (default 30, at most 100) with the Link header Octokit's paginate follows. */
export function paginated(items: unknown[], req: GitHubRequest, baseUrl: string): GitHubAnswer {
  const perPage = Math.min(100, Math.max(1, Number(req.query.per_page) || 30));
  const current = Math.max(1, Number(req.query.page) || 1);
  const last = Math.max(1, Math.ceil(items.length / perPage));
  const body = items.slice((current - 1) * perPage, current * perPage);
  const link = (page: number, rel: string) => {
    const url = new URL(req.path, baseUrl);
    const query = { ...req.query, per_page: String(perPage), page: String(page) };
    for (const [name, value] of Object.entries(query)) url.searchParams.set(name, value);
    return `<${url}>; rel="${rel}"`;
  };
  const links = [
    ...(current > 1 ? [link(current - 1, "prev")] : []),
    ...(current < last ? [link(current + 1, "next"), link(last, "last")] : []),
    ...(current > 1 ? [link(1, "first")] : []),
  ];
  return links.length > 0
    ? { status: 200, body, headers: { link: links.join(", ") } }
    : { status: 200, body };
}

export async function readRequest(
  incoming: IncomingMessage,
  baseUrl: string,
): Promise<GitHubRequest> {
  const chunks: Buffer[] = [];
  for await (const chunk of incoming) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks).toString("utf8");
  const url = new URL(incoming.url ?? "/", baseUrl);
  let body: unknown;
  try {
    body = raw === "" ? undefined : JSON.parse(raw);
  } catch {
    body = raw; // handled as "Problems parsing JSON"
  }
  return {
    method: incoming.method ?? "",
    path: url.pathname,
    query: Object.fromEntries(url.searchParams),
    body,
    authorization: incoming.headers.authorization,
  };
}

export function sendAnswer(res: ServerResponse, answer: GitHubAnswer): void {
  const headers = { "content-type": "application/json; charset=utf-8", ...answer.headers };
  res.writeHead(answer.status, headers);
  res.end(answer.body === undefined ? "" : JSON.stringify(answer.body));
}
