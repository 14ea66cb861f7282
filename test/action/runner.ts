// Runs the action's bundled scripts as the GitHub runner does: Node 24, INPUT_*/STATE_* env,
// file-command files read after the step, workflow commands read from stdout.
import { type ChildProcess, spawn } from "node:child_process";
import { EventEmitter } from "node:events";
import { readFile } from "node:fs/promises";
import { inputEnv, loadAction, runnerEnv } from "./action-env.js";
import { parseFileCommands } from "./file-commands.js";
import { node24 } from "./node24.js";
import { type Annotation, parseWorkflowCommands } from "./workflow-commands.js";
import { type ActionWorkspace, resetStepFiles } from "./workspace.js";

export { parseFileCommands } from "./file-commands.js";
export { type Annotation, parseWorkflowCommands } from "./workflow-commands.js";
export { type ActionWorkspace, createWorkspace, type WorkflowEvent } from "./workspace.js";

export interface ActionStepOptions {
  /** Which of action.yml's runs.main / runs.post to run; post also gets main's STATE_*. */
  script: "main" | "post";
  /** Action inputs by their action.yml names, e.g. "upper-fqdn"; others get their defaults. */
  inputs?: Record<string, string>;
  workspace: ActionWorkspace;
  /** Extra or overriding runner env (GITHUB_API_URL, GITHUB_EVENT_NAME, ...). */
  env?: Record<string, string>;
  /** What `${{ github.token }}` (the github-token default) evaluates to; "" by default. */
  githubToken?: string;
  /** Run this file instead of the one action.yml names (tests of this harness). */
  scriptPath?: string;
  /** Which action.yml (default: the root one), e.g. a platform's own arcgis/action.yml. */
  actionYml?: string;
}

export interface StepResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** From this step's GITHUB_OUTPUT. */
  outputs: Record<string, string>;
  /** From this step's GITHUB_STATE (for main: what post will get). */
  state: Record<string, string>;
  /** This step's GITHUB_STEP_SUMMARY. */
  summary: string;
  annotations: Annotation[];
  masks: string[];
  debug: string[];
  /** stdout as the runner's log shows it: without commands, masks applied. */
  log: string;
  /** The complete env the step ran with. */
  env: Record<string, string>;
}

export interface RunningStep {
  child: ChildProcess;
  result: Promise<StepResult>;
  /** Resolves once stdout matches (e.g. /\[lock\] requested/), to act mid-run. */
  waitForStdout(pattern: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
  kill(signal?: NodeJS.Signals): boolean;
}

const running = new Set<ChildProcess>();

export async function startActionStep(options: ActionStepOptions): Promise<RunningStep> {
  const { workspace, script } = options;
  const action = await loadAction(options.actionYml);
  const path = options.scriptPath ?? action.scripts[script];
  if (!path) throw new Error(`action.yml has no runs.${script}`);
  const inputs = inputEnv(action, options.inputs ?? {}, options.githubToken ?? "");
  const saved = script === "post" ? (workspace.mainState ?? {}) : {};
  const stateEnv = Object.fromEntries(Object.entries(saved).map(([k, v]) => [`STATE_${k}`, v]));
  const env = { ...runnerEnv(workspace, options.env), ...inputs.env, ...stateEnv };
  await resetStepFiles(workspace);
  const child = spawn(await node24(), [path], {
    cwd: workspace.githubWorkspace,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  running.add(child);
  const progress = new EventEmitter(); // "stdout" on each chunk, "close" once
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    stdout += chunk.toString("utf8");
    progress.emit("stdout");
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString("utf8");
  });
  const closed = new Promise<[number | null, NodeJS.Signals | null]>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code, signal) => resolve([code, signal]));
  });
  const result = closed.then(async ([code, signal]): Promise<StepResult> => {
    running.delete(child);
    progress.emit("close");
    const [outputText, stateText, summary] = await Promise.all([
      readFile(workspace.outputPath, "utf8"),
      readFile(workspace.statePath, "utf8"),
      readFile(workspace.summaryPath, "utf8"),
    ]);
    const state = parseFileCommands(stateText);
    if (script === "main") workspace.mainState = state;
    workspace.jobSummary += summary;
    const commands = parseWorkflowCommands(stdout);
    // The runner warns about inputs action.yml does not declare, then runs the step anyway.
    if (inputs.undeclared.length > 0) {
      const quote = (names: string[]) => names.map((name) => `'${name}'`).join(", ");
      const message = `Unexpected input(s) ${quote(inputs.undeclared)}, valid inputs are [${quote(Object.keys(action.inputs))}]`;
      commands.annotations.unshift({ level: "warning", message, properties: {} });
    }
    const outputs = parseFileCommands(outputText);
    return { code, signal, stdout, stderr, outputs, state, summary, ...commands, env };
  });
  return {
    child,
    result,
    waitForStdout(pattern, timeoutMs = 20_000) {
      const once = new RegExp(pattern.source, pattern.flags.replace("g", "")); // exec keeps no lastIndex
      return waitFor(
        progress,
        () => once.exec(stdout),
        `stdout never matched ${pattern}`,
        timeoutMs,
      );
    },
    kill: (signal = "SIGTERM") => child.kill(signal),
  };
}

export async function runActionStep(options: ActionStepOptions): Promise<StepResult> {
  return (await startActionStep(options)).result;
}

/**
 * Cancels as the runner does when a job is cancelled: SIGINT, SIGTERM 7.5 s later, SIGKILL
 * 2.5 s after that unless the process has exited. `scale` shrinks those delays in tests.
 */
export function cancelLikeRunner(step: RunningStep, scale = 1): Promise<StepResult> {
  const alive = () => step.child.exitCode === null && step.child.signalCode === null;
  step.kill("SIGINT");
  const term = setTimeout(() => alive() && step.kill("SIGTERM"), 7_500 * scale);
  const kill = setTimeout(() => alive() && step.kill("SIGKILL"), 10_000 * scale);
  return step.result.finally(() => {
    clearTimeout(term);
    clearTimeout(kill);
  });
}

/** For afterEach: SIGKILLs steps a failed test left running. */
export function killRunningSteps(): void {
  for (const child of running) child.kill("SIGKILL");
  running.clear();
}

function waitFor<T>(
  progress: EventEmitter,
  check: () => T | null,
  failure: string,
  timeoutMs: number,
): Promise<T> {
  const found = check();
  if (found) return Promise.resolve(found);
  return new Promise((resolve, reject) => {
    const stop = () => {
      clearTimeout(timer);
      progress.off("stdout", onStdout);
      progress.off("close", onClose);
    };
    const onStdout = () => {
      const value = check();
      if (value) {
        stop();
        resolve(value);
      }
    };
    const onClose = () => {
      stop();
      reject(new Error(`${failure} before the step exited`));
    };
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`${failure} in ${timeoutMs} ms`));
    }, timeoutMs);
    progress.on("stdout", onStdout);
    progress.on("close", onClose);
  });
}
