// The fake GitHub's deployments API: create and list deployments, create and list their statuses,
// with GitHub's validation (ref, state enum, description length), its 403 for a read-only token,
// its auto-merge and required-contexts checks, and auto_inactive on success.
import { type GitHubAnswer, type GitHubRequest, githubError, paginated } from "./github-answers.js";

export const DEPLOYMENT_STATES = [
  "error",
  "failure",
  "inactive",
  "in_progress",
  "queued",
  "pending",
  "success",
] as const;

export interface FakeDeploymentStatus {
  id: number;
  state: string;
  description: string;
  environment: string;
  log_url: string;
  environment_url: string;
  target_url: string;
  created_at: string;
}

export interface FakeDeployment {
  id: number;
  sha: string;
  ref: string;
  task: string;
  payload: unknown;
  environment: string;
  original_environment: string;
  description: string | null;
  production_environment: boolean;
  transient_environment: boolean;
  created_at: string;
  url: string;
  statuses_url: string;
  /** Newest first, as GitHub lists them. */
  statuses: FakeDeploymentStatus[];
}

type Route = [string, RegExp, (params: string[], req: GitHubRequest) => GitHubAnswer];

export interface FakeDeployments {
  routes: Route[];
  /** Every deployment, newest first. */
  list(): FakeDeployment[];
}

const MAX_DESCRIPTION = 140;

function invalid(field: string, message: string): GitHubAnswer {
  const errors = [{ resource: "DeploymentStatus", code: "custom", field, message }];
  return githubError(422, "Validation Failed", { errors });
}

/** `readOnly` and `apiUrl` are read per request: tests flip the fake's mode mid-run. */
export function fakeDeployments(options: {
  readOnly: () => boolean;
  /** https://api.github.com/repos/{owner}/{repo}, as the fake serves it. */
  repoUrl: () => string;
  defaultBranch?: string;
}): FakeDeployments {
  const deployments: FakeDeployment[] = [];
  let nextId = 2_000_001;
  const now = () => new Date().toISOString().replace(/\.\d{3}Z$/, "Z");
  const defaultBranch = options.defaultBranch ?? "main";

  function addStatus(deployment: FakeDeployment, fields: Partial<FakeDeploymentStatus>) {
    const status: FakeDeploymentStatus = {
      id: nextId++,
      state: "pending",
      description: "",
      environment: deployment.environment,
      log_url: "",
      environment_url: "",
      target_url: "",
      created_at: now(),
      ...fields,
    };
    deployment.statuses.unshift(status);
    return status;
  }

  function create(req: GitHubRequest): GitHubAnswer {
    if (options.readOnly()) return githubError(403, "Resource not accessible by integration");
    if (typeof req.body !== "object" || req.body === null)
      return githubError(400, "Problems parsing JSON");
    const body = req.body as Record<string, unknown>;
    const ref = body.ref;
    if (typeof ref !== "string" || ref === "")
      return githubError(422, 'Invalid request.\n\n"ref" wasn\'t supplied.');
    // The fake's default branch is always ahead of a commit: GitHub merges it in unless told not to.
    if (body.auto_merge !== false)
      return {
        status: 202,
        body: { message: `Auto-merged ${defaultBranch} into ${ref} on deployment.` },
      };
    // Its commits carry a pending check: GitHub refuses unless told to require no context.
    const contexts = body.required_contexts;
    if (!Array.isArray(contexts) || contexts.length > 0)
      return githubError(409, `Conflict: Commit status checks failed for ${ref}.`, {
        errors: [
          {
            contexts: [{ context: "ci", state: "pending" }],
            resource: "Deployment",
            field: "required_contexts",
            code: "invalid",
          },
        ],
      });
    const environment = typeof body.environment === "string" ? body.environment : "production";
    const description = typeof body.description === "string" ? body.description : null;
    if (description && description.length > MAX_DESCRIPTION)
      return invalid(
        "description",
        `description is too long (maximum is ${MAX_DESCRIPTION} characters)`,
      );
    const id = nextId++;
    const url = `${options.repoUrl()}/deployments/${id}`;
    const payload =
      typeof body.payload === "string" ? safeJson(body.payload) : (body.payload ?? {});
    const deployment: FakeDeployment = {
      id,
      sha: /^[0-9a-f]{40}$/.test(ref) ? ref : "0".repeat(40),
      ref,
      task: typeof body.task === "string" ? body.task : "deploy",
      payload,
      environment,
      original_environment: environment,
      description,
      production_environment:
        typeof body.production_environment === "boolean"
          ? body.production_environment
          : environment === "production",
      transient_environment: body.transient_environment === true,
      created_at: now(),
      url,
      statuses_url: `${url}/statuses`,
      statuses: [],
    };
    deployments.unshift(deployment);
    return { status: 201, body: shown(deployment) };
  }

  function createStatus(deployment: FakeDeployment, req: GitHubRequest): GitHubAnswer {
    if (options.readOnly()) return githubError(403, "Resource not accessible by integration");
    const body = (req.body ?? {}) as Record<string, unknown>;
    const state = body.state;
    if (typeof state !== "string" || !(DEPLOYMENT_STATES as readonly string[]).includes(state))
      return invalid("state", `state is not included in the list`);
    const description = typeof body.description === "string" ? body.description : "";
    if (description.length > MAX_DESCRIPTION)
      return invalid(
        "description",
        `description is too long (maximum is ${MAX_DESCRIPTION} characters)`,
      );
    const text = (name: string) => (typeof body[name] === "string" ? (body[name] as string) : "");
    const status = addStatus(deployment, {
      state,
      description,
      log_url: text("log_url"),
      target_url: text("log_url") || text("target_url"),
      environment_url: text("environment_url"),
    });
    if (state === "success" && body.auto_inactive !== false) {
      for (const other of deployments) {
        if (other.id >= deployment.id || other.environment !== deployment.environment) continue;
        if (other.transient_environment || other.production_environment) continue;
        if (other.statuses[0]?.state === "success") addStatus(other, { state: "inactive" });
      }
    }
    return { status: 201, body: status };
  }

  const byId = (id: string | undefined) => deployments.find((d) => d.id === Number(id));

  return {
    list: () => deployments,
    routes: [
      [
        "GET",
        /^\/deployments$/,
        (_params, req) => {
          const matches = deployments.filter(
            (d) =>
              (!req.query.environment || d.environment === req.query.environment) &&
              (!req.query.task || d.task === req.query.task) &&
              (!req.query.sha || d.sha === req.query.sha) &&
              (!req.query.ref || d.ref === req.query.ref),
          );
          return paginated(matches.map(shown), req, options.repoUrl());
        },
      ],
      ["POST", /^\/deployments$/, (_params, req) => create(req)],
      [
        "GET",
        /^\/deployments\/(\d+)$/,
        ([id]) => {
          const deployment = byId(id);
          return deployment
            ? { status: 200, body: shown(deployment) }
            : githubError(404, "Not Found");
        },
      ],
      [
        "GET",
        /^\/deployments\/(\d+)\/statuses$/,
        ([id], req) => {
          const deployment = byId(id);
          if (!deployment) return githubError(404, "Not Found");
          return paginated(deployment.statuses, req, options.repoUrl());
        },
      ],
      [
        "POST",
        /^\/deployments\/(\d+)\/statuses$/,
        ([id], req) => {
          const deployment = byId(id);
          if (!deployment) return githubError(404, "Not Found");
          return createStatus(deployment, req);
        },
      ],
    ],
  };
}

/** A deployment as GitHub shows it: without its statuses, which have their own endpoint. */
function shown(deployment: FakeDeployment): Omit<FakeDeployment, "statuses"> {
  const { statuses: _statuses, ...rest } = deployment;
  return rest;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return {};
  }
}
