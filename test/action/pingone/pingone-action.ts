// The PingOne counterpart of ../emulated-action.ts: a PingOne emulator and the fake GitHub API
// served from this process, and the bundled dist/ run against them on Node 24 as the runner
// runs it, with `platform: pingone` and the worker application's inputs.
import { existsSync, readFileSync } from "node:fs";
import { test as base } from "vitest";
import {
  defaultPingOneScenario,
  type PingOneScenario,
  type RunningPingOneEmulator,
  startPingOneEmulator,
} from "../../../src/platforms/pingone/emulator/index.js";
import { DEVELOPMENT_ID, SPEED, STAGING_ID } from "../../e2e/pingone/emulated.js";
import { GITHUB_TOKEN } from "../emulated-action.js";
import { type FakeGitHub, type FakeGitHubOptions, startFakeGitHub } from "../fake-github.js";
import {
  type ActionWorkspace,
  createWorkspace,
  type RunningStep,
  type StepResult,
  startActionStep,
  type WorkflowEvent,
} from "../runner.js";

export { errors, pullRequestEvent, pushEvent, warnings } from "../emulated-action.js";

/** One job: a workspace shared by its main and post steps. */
export interface Job {
  workspace: ActionWorkspace;
  main(inputs?: Record<string, string>): Promise<StepResult>;
  startMain(inputs?: Record<string, string>): Promise<RunningStep>;
  post(inputs?: Record<string, string>): Promise<StepResult>;
}

export interface PingOneAction {
  emulate(scenario?: PingOneScenario, speed?: number): Promise<RunningPingOneEmulator>;
  github(options?: FakeGitHubOptions): Promise<FakeGitHub>;
  /** A job triggered by `event`, with inputs for `emulator` and API calls to `github`. */
  job(
    event: WorkflowEvent,
    emulator: RunningPingOneEmulator,
    github?: FakeGitHub,
    baseInputs?: Record<string, string>,
  ): Promise<Job>;
}

/** What a workflow gives for this emulator: development promoted to staging, the worker app. */
export function pingOneInputs(emulator: RunningPingOneEmulator): Record<string, string> {
  return {
    platform: "pingone",
    "pingone-api-url": emulator.origin,
    "source-environment-id": DEVELOPMENT_ID,
    "target-environment-id": STAGING_ID,
    "pingone-client-id": emulator.workerApp.clientId,
    "pingone-client-secret": emulator.workerApp.clientSecret,
    "time-scale": String(1 / emulator.speed),
  };
}

export const it = base.extend<{ action: PingOneAction }>({
  // biome-ignore lint/correctness/noEmptyPattern: vitest reads fixture dependencies from this pattern
  action: async ({}, use) => {
    const closers: (() => Promise<void>)[] = [];
    const steps: RunningStep[] = [];
    const start = async (options: Parameters<typeof startActionStep>[0]) => {
      const step = await startActionStep(options);
      steps.push(step);
      return step;
    };
    try {
      await use({
        async emulate(scenario = defaultPingOneScenario(), speed = SPEED) {
          const emulator = await startPingOneEmulator({ scenario, speed });
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
            inputs: { ...pingOneInputs(emulator), ...baseInputs, ...inputs },
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
