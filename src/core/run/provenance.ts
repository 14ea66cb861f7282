import { hostname, userInfo } from "node:os";

type Env = Record<string, string | undefined>;

/** The CI run this process belongs to, as a URL, when a known CI says so. */
export function pipelineRunUrl(env: Env): string | undefined {
  if (env.GITHUB_RUN_ID && env.GITHUB_REPOSITORY) {
    const server = env.GITHUB_SERVER_URL ?? "https://github.com";
    return `${server}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}`;
  }
  return env.CI_JOB_URL ?? env.CI_PIPELINE_URL ?? env.BUILD_URL ?? undefined;
}

/** Who promotes: the CI actor when known, else user@host. Shown in the tenant's own reports. */
export function defaultPromoter(env: Env): string {
  const actor =
    env.GITHUB_ACTOR ??
    env.GITLAB_USER_LOGIN ??
    env.BUILD_USER_ID ??
    env.BITBUCKET_STEP_TRIGGERER_UUID;
  if (actor) return `${actor} via tenant-promote`;
  let user = env.USER ?? env.USERNAME;
  if (!user) {
    try {
      user = userInfo().username;
    } catch {
      user = "unknown";
    }
  }
  return `${user}@${hostname()} via tenant-promote`;
}

/** What is promoted and from where, so the tenant's report can be traced back to the run. */
export function defaultDescription(mode: string, env: Env): string {
  const url = pipelineRunUrl(env);
  const where = env.GITHUB_REPOSITORY ?? env.CI_PROJECT_PATH ?? env.JOB_NAME;
  const parts = [`tenant-promote ${mode}`];
  if (where) parts.push(`from ${where}`);
  if (env.GITHUB_SHA ?? env.CI_COMMIT_SHA)
    parts.push(`at ${(env.GITHUB_SHA ?? env.CI_COMMIT_SHA ?? "").slice(0, 12)}`);
  if (url) parts.push(`(${url})`);
  return parts.join(" ");
}
