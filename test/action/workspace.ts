// The files one job's steps share: the event payload, file-command files, RUNNER_TEMP, checkout.
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface WorkflowEvent {
  /** GITHUB_EVENT_NAME, e.g. "pull_request", "push", "workflow_dispatch". */
  name: string;
  /** The webhook payload the runner writes to GITHUB_EVENT_PATH. */
  payload: object;
}

export interface ActionWorkspace {
  event: WorkflowEvent;
  /** Temp dir holding everything below. */
  root: string;
  /** GITHUB_WORKSPACE and the steps' cwd: where a config file of the repo would be checked out. */
  githubWorkspace: string;
  runnerTemp: string;
  eventPath: string;
  /** GITHUB_OUTPUT, GITHUB_STATE, GITHUB_STEP_SUMMARY: emptied before each step, as each gets its own. */
  outputPath: string;
  statePath: string;
  summaryPath: string;
  /** What main saved with core.saveState; the runner hands it to post as STATE_* env. */
  mainState: Record<string, string> | undefined;
  /** The step summaries of the steps run so far, in order (the job summary). */
  jobSummary: string;
  cleanup(): Promise<void>;
}

export async function createWorkspace(event: WorkflowEvent): Promise<ActionWorkspace> {
  const root = await mkdtemp(join(tmpdir(), "tenant-promote-action-"));
  const githubWorkspace = join(root, "workspace");
  const runnerTemp = join(root, "runner-temp");
  const files = join(root, "file-commands");
  await Promise.all([githubWorkspace, runnerTemp, files].map((dir) => mkdir(dir)));
  const workspace: ActionWorkspace = {
    event,
    root,
    githubWorkspace,
    runnerTemp,
    eventPath: join(root, "event.json"),
    outputPath: join(files, "output"),
    statePath: join(files, "state"),
    summaryPath: join(files, "step-summary"),
    mainState: undefined,
    jobSummary: "",
    cleanup: () => rm(root, { recursive: true, force: true }),
  };
  await writeFile(workspace.eventPath, JSON.stringify(event.payload, null, 2));
  await resetStepFiles(workspace);
  return workspace;
}

/** A fresh, empty set of file-command files for the next step. */
export async function resetStepFiles(workspace: ActionWorkspace): Promise<void> {
  const { outputPath, statePath, summaryPath } = workspace;
  await Promise.all([outputPath, statePath, summaryPath].map((path) => writeFile(path, "")));
}
