// The environment the GitHub runner gives a node action's step, built from action.yml.
import { readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import type { ActionWorkspace } from "./workspace.js";

export const ACTION_YML = fileURLToPath(new URL("../../action.yml", import.meta.url));
export const DEFAULT_REPOSITORY = "acme/tenant-config";
export const DEFAULT_SHA = "5b1d0e6c2f4a8e9d3c7b1a0f6e5d4c3b2a190817";
/** Nothing listens here: a step that was not given the fake API's URL fails fast, offline. */
export const UNREACHABLE_API_URL = "http://127.0.0.1:9";

export interface ActionDefinition {
  inputs: Record<string, { default?: unknown }>;
  /** Absolute paths of the scripts of runs.main and runs.post. */
  scripts: { main: string; post: string | undefined };
}

export async function loadAction(path = ACTION_YML): Promise<ActionDefinition> {
  const yml = parse(await readFile(path, "utf8")) as {
    inputs?: Record<string, { default?: unknown } | null>;
    runs: { using: string; main: string; post?: string };
  };
  if (yml.runs.using !== "node24") throw new Error(`${path}: runs.using is ${yml.runs.using}`);
  const inputs = Object.fromEntries(
    Object.entries(yml.inputs ?? {}).map(([name, spec]) => [name, spec ?? {}]),
  );
  const root = dirname(path);
  const post = yml.runs.post === undefined ? undefined : join(root, yml.runs.post);
  return { inputs, scripts: { main: join(root, yml.runs.main), post } };
}

/** The runner's naming: spaces become `_`, upper-cased, hyphens kept (`INPUT_UPPER-FQDN`). */
export function inputEnvName(name: string): string {
  return `INPUT_${name.replace(/ /g, "_").toUpperCase()}`;
}

/** Given inputs plus action.yml defaults for the rest; `undeclared` are inputs action.yml lacks. */
export function inputEnv(
  action: ActionDefinition,
  inputs: Record<string, string>,
  githubToken: string,
): { env: Record<string, string>; undeclared: string[] } {
  const env: Record<string, string> = {};
  for (const [name, spec] of Object.entries(action.inputs)) {
    if (spec.default === undefined || spec.default === null) continue;
    env[inputEnvName(name)] = evaluateDefault(String(spec.default), githubToken);
  }
  for (const [name, value] of Object.entries(inputs)) env[inputEnvName(name)] = value;
  const undeclared = Object.keys(inputs).filter((name) => !(name in action.inputs));
  return { env, undeclared };
}

function evaluateDefault(value: string, githubToken: string): string {
  const evaluated = value.replace(/\$\{\{\s*github\.token\s*\}\}/g, githubToken);
  if (evaluated.includes("${{")) throw new Error(`Unsupported expression in default: ${value}`);
  return evaluated;
}

interface EventPayload {
  after?: string;
  ref?: string;
  pull_request?: { number?: number; head?: { ref?: string }; base?: { ref?: string } };
}

/** The runner's standard variables; `overrides` (e.g. GITHUB_API_URL) win. No test env leaks. */
export function runnerEnv(
  workspace: ActionWorkspace,
  overrides: Record<string, string> = {},
): Record<string, string> {
  const payload = workspace.event.payload as EventPayload;
  const pr = payload.pull_request;
  const repository = overrides.GITHUB_REPOSITORY ?? DEFAULT_REPOSITORY;
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? "/usr/bin:/bin",
    HOME: process.env.HOME ?? workspace.root,
    CI: "true",
    GITHUB_ACTIONS: "true",
    GITHUB_OUTPUT: workspace.outputPath,
    GITHUB_STATE: workspace.statePath,
    GITHUB_STEP_SUMMARY: workspace.summaryPath,
    GITHUB_EVENT_PATH: workspace.eventPath,
    GITHUB_EVENT_NAME: workspace.event.name,
    GITHUB_REPOSITORY: repository,
    GITHUB_REPOSITORY_OWNER: repository.split("/")[0] ?? "",
    GITHUB_SHA: payload.after ?? DEFAULT_SHA,
    GITHUB_REF: pr?.number ? `refs/pull/${pr.number}/merge` : (payload.ref ?? "refs/heads/main"),
    GITHUB_HEAD_REF: pr?.head?.ref ?? "",
    GITHUB_BASE_REF: pr?.base?.ref ?? "",
    GITHUB_RUN_ID: "9876543210",
    GITHUB_RUN_NUMBER: "42",
    GITHUB_RUN_ATTEMPT: "1",
    GITHUB_ACTOR: "octocat",
    GITHUB_SERVER_URL: "https://github.com",
    GITHUB_API_URL: UNREACHABLE_API_URL,
    GITHUB_WORKFLOW: "Promote",
    GITHUB_JOB: "promote",
    GITHUB_WORKSPACE: workspace.githubWorkspace,
    RUNNER_TEMP: workspace.runnerTemp,
    RUNNER_OS: "Linux",
  };
  return { ...env, ...overrides };
}
