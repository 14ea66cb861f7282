// The step's outputs and the report file in RUNNER_TEMP, written on every outcome.
import { writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as core from "@actions/core";
import { runJson } from "../core/run/outcome.js";
import type { RunResult } from "../core/run/types.js";

/** The report JSON's path: one per mode and run attempt, so re-runs do not overwrite each other. */
export function reportFilePath(mode: string): string {
  const dir = process.env.RUNNER_TEMP || tmpdir();
  const run = [process.env.GITHUB_RUN_ID, process.env.GITHUB_RUN_ATTEMPT].filter(Boolean).join("-");
  return join(dir, `tenant-promote-${mode}${run ? `-${run}` : ""}.json`);
}

export async function writeReportFile(
  result: RunResult,
  scrub: (text: string) => string,
  environmentUrl?: string,
): Promise<string> {
  const path = reportFilePath(result.mode);
  await writeFile(path, scrub(runJson(result, environmentUrl)));
  return path;
}

export function setRunOutputs(result: RunResult, reportFile: string | undefined): void {
  core.setOutput("result", result.result);
  core.setOutput("failure-reason", result.reason ?? "");
  core.setOutput("promotion-id", result.promotionId ?? "");
  core.setOutput("report-id", result.report?.reportId ?? "");
  core.setOutput("changes", String(result.report?.counts.total ?? 0));
  core.setOutput("report-hash", result.report?.hash ?? "");
  core.setOutput("report-file", reportFile ?? "");
}

/** The target's admin console, set first: a run killed or failing later still links to it. */
export function setEnvironmentUrl(consoleUrl: string | undefined): void {
  core.setOutput("environment-url", consoleUrl ?? "");
}

/** Bad input: nothing ran. The outputs still say so, for `if:` conditions downstream. */
export function setUsageFailure(message: string): void {
  core.setOutput("result", "failed");
  core.setOutput("failure-reason", "usage");
  core.setFailed(message);
}

/** The failure as one annotation: what happened, then what to do. */
export function failureText(result: RunResult): string {
  const steps = result.nextSteps.map((s) => `- ${s}`);
  return [result.message, ...(steps.length > 0 ? ["Next steps:", ...steps] : [])].join("\n");
}
