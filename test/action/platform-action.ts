// The action's end-to-end fixture for any platform: the platform's emulator and a fake GitHub API
// served from this process, and the bundled dist/ run against them on Node 24 the way the runner
// runs it. Each platform's harness (emulated-action.ts for AIC, pingone/, arcgis/) says how to
// start its emulator and which inputs point a workflow at it.
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { test as base } from "vitest";
import { DEFAULT_REPOSITORY, DEFAULT_SHA } from "./action-env.js";
import { type FakeGitHub, type FakeGitHubOptions, startFakeGitHub } from "./fake-github.js";
import {
  type ActionWorkspace,
  createWorkspace,
  type RunningStep,
  type StepResult,
  startActionStep,
  type WorkflowEvent,
} from "./runner.js";

export const GITHUB_TOKEN = "ghs_fakeInstallationToken0123456789";

export const DISPATCH: WorkflowEvent = { name: "workflow_dispatch", payload: {} };

/** One job: a workspace shared by its main and post steps. */
export interface Job {
  workspace: ActionWorkspace;
  /** `env`: more runner environment for this step (RUNNER_DEBUG, ...). */
  main(inputs?: Record<string, string>, env?: Record<string, string>): Promise<StepResult>;
  startMain(inputs?: Record<string, string>): Promise<RunningStep>;
  post(inputs?: Record<string, string>): Promise<StepResult>;
}

/** What each test gets: emulators, fake GitHub APIs and jobs, all ended when the test ends. */
export interface PlatformAction<E, S> {
  /** An emulator on free ports; `speed` defaults to the platform's end-to-end SPEED. */
  emulate(scenario?: S, speed?: number): Promise<E>;
  github(options?: FakeGitHubOptions): Promise<FakeGitHub>;
  /** A job triggered by `event`, with inputs pointing at `emulator` and API calls at `github`. */
  job(
    event: WorkflowEvent,
    emulator: E,
    github?: FakeGitHub,
    baseInputs?: Record<string, string>,
    /** The platform's own action (`uses: ./arcgis`), which sets `platform` itself. */
    uses?: "own-action",
  ): Promise<Job>;
}

/** How to serve one platform to the action. */
export interface PlatformActionOptions<E extends { close(): Promise<void> }, S> {
  /** The platform's id, which names its own action's folder. */
  id: string;
  defaultScenario(): S;
  /** The end-to-end tests' speed, when a test names none. */
  speed: number;
  start(scenario: S, speed: number): Promise<E>;
  /** Inputs a workflow would give for this emulator. */
  inputs(emulator: E): Record<string, string>;
}

/** `it` with an `action` fixture for one platform. */
export function platformAction<E extends { close(): Promise<void> }, S>(
  platform: PlatformActionOptions<E, S>,
) {
  return base.extend<{ action: PlatformAction<E, S> }>({
    // biome-ignore lint/correctness/noEmptyPattern: vitest reads fixture dependencies from this pattern
    action: async ({}, use) => {
      const closers: (() => Promise<void>)[] = [];
      // This test's steps only: tests run concurrently, each with its own steps.
      const steps: RunningStep[] = [];
      const start = async (options: Parameters<typeof startActionStep>[0]) => {
        const step = await startActionStep(options);
        steps.push(step);
        return step;
      };
      try {
        await use({
          async emulate(scenario = platform.defaultScenario(), speed = platform.speed) {
            const emulator = await platform.start(scenario, speed);
            closers.push(() => emulator.close());
            return emulator;
          },
          async github(options) {
            const github = await startFakeGitHub(options);
            closers.push(() => github.close());
            return github;
          },
          async job(event, emulator, github, baseInputs = {}, uses) {
            const workspace = await createWorkspace(event);
            closers.push(() => workspace.cleanup());
            const env: Record<string, string> = github ? { GITHUB_API_URL: github.url } : {};
            const step = (
              script: "main" | "post",
              inputs: Record<string, string>,
              more: Record<string, string> = {},
            ) => ({
              script,
              workspace,
              env: { ...env, ...more },
              githubToken: GITHUB_TOKEN,
              inputs: withoutPlatform(
                { ...platform.inputs(emulator), ...baseInputs, ...inputs },
                uses === "own-action",
              ),
              actionYml: uses === "own-action" ? platformActionYml(platform.id) : undefined,
            });
            return {
              workspace,
              main: async (inputs = {}, more = {}) =>
                (await start(step("main", inputs, more))).result,
              startMain: (inputs = {}) => start(step("main", inputs)),
              post: async (inputs = {}) => (await start(step("post", inputs))).result,
            };
          },
        });
      } finally {
        for (const step of steps) {
          if (step.child.exitCode === null && step.child.signalCode === null) step.kill("SIGKILL");
        }
        for (const close of closers.reverse()) await close();
      }
    },
  });
}

export function pullRequestEvent(number: number, options: { fork?: boolean } = {}): WorkflowEvent {
  const headRepo = options.fork ? "mallory/tenant-config" : DEFAULT_REPOSITORY;
  return {
    name: "pull_request",
    payload: {
      action: "synchronize",
      number,
      pull_request: {
        number,
        title: "Add the progressive profile journey",
        html_url: `https://github.com/${DEFAULT_REPOSITORY}/pull/${number}`,
        head: {
          sha: DEFAULT_SHA,
          ref: "feature",
          repo: { full_name: headRepo, fork: !!options.fork },
        },
        base: { ref: "main", repo: { full_name: DEFAULT_REPOSITORY } },
      },
      repository: { full_name: DEFAULT_REPOSITORY, default_branch: "main" },
    },
  };
}

export function pushEvent(sha = DEFAULT_SHA): WorkflowEvent {
  return {
    name: "push",
    payload: {
      ref: "refs/heads/main",
      after: sha,
      head_commit: { id: sha, message: "Merge pull request #7 from acme/feature\n\nDetails" },
      repository: { full_name: DEFAULT_REPOSITORY, default_branch: "main" },
    },
  };
}

function annotations(result: StepResult, level: string): string {
  return result.annotations
    .filter((a) => a.level === level)
    .map((a) => a.message)
    .join("\n");
}

/** Error annotations as one text, for messages that must name something. */
export const errors = (result: StepResult): string => annotations(result, "error");

export const warnings = (result: StepResult): string => annotations(result, "warning");

/** Everything a step left where people or later steps can read it, add-mask commands aside. */
export function everythingShown(...results: StepResult[]): string {
  return results
    .flatMap((r) => {
      const file = r.outputs["report-file"];
      return [
        r.stdout,
        r.stderr,
        JSON.stringify(r.state),
        JSON.stringify(r.outputs),
        r.summary,
        file && existsSync(file) ? readFileSync(file, "utf8") : "",
      ];
    })
    .join("\n")
    .split("\n")
    .filter((line) => !line.startsWith("::add-mask::"))
    .join("\n");
}

/** A platform's own action.yml, e.g. arcgis/action.yml. */
function platformActionYml(id: string): string {
  return fileURLToPath(new URL(`../../${id}/action.yml`, import.meta.url));
}

/** The platform's own action sets `platform` by its default, as a workflow would leave it out. */
function withoutPlatform(inputs: Record<string, string>, drop: boolean): Record<string, string> {
  if (!drop) return inputs;
  const { platform: _platform, ...rest } = inputs;
  return rest;
}
