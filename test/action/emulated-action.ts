// Shared setup of the action's end-to-end tests: the emulator and a fake GitHub API served from
// this process, and the bundled dist/ run against them on Node 24 the way the runner runs it.
import { test as base } from "vitest";
import {
  defaultScenario,
  type RunningEmulator,
  type Scenario,
  startEmulator,
} from "../../src/platforms/aic/emulator/index.js";
import { LOCK, SPEED, UPPER_TOKEN } from "../e2e/emulated.js";
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

/** One job: a workspace shared by its main and post steps. */
export interface Job {
  workspace: ActionWorkspace;
  main(inputs?: Record<string, string>): Promise<StepResult>;
  startMain(inputs?: Record<string, string>): Promise<RunningStep>;
  post(inputs?: Record<string, string>): Promise<StepResult>;
}

export interface ActionE2e {
  /** An emulator on free ports; `speed` defaults to the end-to-end tests' SPEED. */
  emulate(scenario?: Scenario, speed?: number): Promise<RunningEmulator>;
  github(options?: FakeGitHubOptions): Promise<FakeGitHub>;
  /** A job triggered by `event`, with inputs pointing at `emulator` and API calls at `github`. */
  job(
    event: WorkflowEvent,
    emulator: RunningEmulator,
    github?: FakeGitHub,
    baseInputs?: Record<string, string>,
  ): Promise<Job>;
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

/** Inputs a workflow would give for this emulator; polling keeps pace with its speed. */
export function emulatorInputs(emulator: RunningEmulator): Record<string, string> {
  return {
    "upper-fqdn": emulator.upperUrl,
    "upper-access-token": UPPER_TOKEN,
    "time-scale": String(1 / emulator.speed),
  };
}

export const it = base.extend<{ action: ActionE2e }>({
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
        async emulate(scenario = defaultScenario(), speed = SPEED) {
          const emulator = await startEmulator({ scenario, speed, lowerPort: 0, upperPort: 0 });
          closers.push(() => emulator.close());
          return emulator;
        },
        async github(options) {
          const github = await startFakeGitHub(options);
          closers.push(() => github.close());
          return github;
        },
        async job(event, emulator, github, baseInputs = {}) {
          const workspace = await createWorkspace(event);
          closers.push(() => workspace.cleanup());
          const env: Record<string, string> = github ? { GITHUB_API_URL: github.url } : {};
          const step = (script: "main" | "post", inputs: Record<string, string>) => ({
            script,
            workspace,
            env,
            githubToken: GITHUB_TOKEN,
            inputs: { ...emulatorInputs(emulator), ...baseInputs, ...inputs },
          });
          return {
            workspace,
            main: async (inputs = {}) => (await start(step("main", inputs))).result,
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

/** Unlock requests the upper environment received for `promotionId`. */
export function unlocksOf(emulator: RunningEmulator, promotionId: string): number {
  return emulator.requests.filter(
    (r) => r.env === "upper" && r.method === "DELETE" && r.path === `${LOCK}/${promotionId}`,
  ).length;
}

/** Error annotations as one text, for messages that must name something. */
export function errors(result: StepResult): string {
  return result.annotations
    .filter((a) => a.level === "error")
    .map((a) => a.message)
    .join("\n");
}

export function warnings(result: StepResult): string {
  return result.annotations
    .filter((a) => a.level === "warning")
    .map((a) => a.message)
    .join("\n");
}
