// The post step: runs after main however it ended. It acts only when main's state shows something
// this run took and did not release (a lock, a draft promotion), or a deployment it left in
// progress; it never touches anything else.

import * as core from "@actions/core";
import * as github from "@actions/github";
import { describeHeld, lateCancelNote, type Recovery } from "../core/run/shell.js";
import { formatDuration } from "../core/util/duration.js";
import { capitalized } from "../core/util/text.js";
import { Deployments, type StartedDeployment, statusAfterCancel } from "./deployments.js";
import { eventFacts } from "./event.js";
import { actionLogger } from "./logger.js";
import { prepareRun } from "./setup.js";
import { deploymentLeftByMain, type HeldByMain, heldLeftByMain } from "./state.js";

/** A cancelled job gets 5 minutes for everything, post steps included: stay well inside. */
const POST_BUDGET_MS = 4 * 60_000;
/** Even with the run's timeout spent, what was left held deserves this long. */
const MIN_BUDGET_MS = 60_000;

export async function post(): Promise<void> {
  const held = heldLeftByMain();
  // Main created it and was stopped before its final status: post gives it from what it sees.
  const deployment = deploymentLeftByMain();
  if (!held) {
    core.info("tenant-promote post: nothing this run took is left to release");
    if (deployment) await finishDeployment(deployment, undefined);
    return;
  }
  const workSucceeded = await release(held);
  if (deployment) await finishDeployment(deployment, workSucceeded);
}

/** Releases (or follows) what main left; says whether the work it saw end succeeded. */
async function release(held: HeldByMain): Promise<boolean | undefined> {
  const what = `${describeHeld(held)} on ${held.origin}`;
  let scrub = (text: string) => text;
  let command = "";
  try {
    // Credentials are never stored in state: they come from the inputs again.
    const prepared = await prepareRun();
    scrub = prepared.scrub;
    if (prepared.platform.id !== held.platform)
      throw new Error(`the inputs now name platform ${prepared.platform.id}, not ${held.platform}`);
    const connection = prepared.connect();
    command = connection.releaseCommand(held);
    const left = prepared.configured.common.timeoutMs - (Date.now() - held.startedAt);
    const budget = Math.min(POST_BUDGET_MS, Math.max(MIN_BUDGET_MS, left));
    prepared.logger.info(
      held.release === "follow-only"
        ? `[post] main started ${describeHeld(held)}, which a cancel cannot stop: reading how it stands`
        : `[post] main left ${describeHeld(held)} held: releasing it (waiting up to ${formatDuration(budget)})`,
    );
    const { released, workEnded, workSucceeded } = await connection.release(
      held,
      prepared.logger,
      budget,
    );
    if (workEnded) await reportWorkEnded(workEnded, held.pastPointOfNoReturn);
    if (!released && held.release === "follow-only") {
      core.warning(`${capitalized(what)} is still running. Follow it with: ${command}`);
    } else if (!released) {
      core.setFailed(
        `${capitalized(what)} could not be released. Release it with: ${command}${held.recovery ? ` (or run this action with ${recoveryInputs(held.recovery)})` : ""}.`,
      );
    }
    return workSucceeded;
  } catch (error) {
    core.setFailed(
      `tenant-promote post could not release ${what}: ${scrub((error as Error).message)}.${command ? ` Release it with: ${command}` : held.recovery ? ` Release it with ${recoveryInputs(held.recovery)}.` : " See it with mode: status."}`,
    );
    return undefined;
  }
}

/** The deployment's final status, from how post saw the work end (error when it did not). */
async function finishDeployment(deployment: StartedDeployment, workSucceeded: boolean | undefined) {
  const token = core.getInput("github-token");
  if (!token) return;
  const repository = eventFacts(github.context).repository;
  const deployments = new Deployments(
    token,
    repository,
    actionLogger((text) => text),
  );
  const { state, description } = statusAfterCancel(deployment.task, workSucceeded);
  await deployments.finish(deployment, state, description);
}

/**
 * Main was stopped while the work ran; the work went on and post saw how it ended. That is the
 * truth of this run, whatever main's outputs said when it was killed: say it where people read.
 */
async function reportWorkEnded(workEnded: string, pastPointOfNoReturn: string | undefined) {
  const cancel = pastPointOfNoReturn ? ` ${lateCancelNote(pastPointOfNoReturn)}.` : "";
  const text = `${workEnded}${cancel}`;
  core.notice(text);
  try {
    await core.summary.addHeading("tenant-promote post step", 3).addRaw(`${text}\n`).write();
  } catch (error) {
    core.warning(`[summary] could not write the job summary: ${(error as Error).message}`);
  }
}

/** "mode: unlock and promotion-id: X": the action's inputs that release it by hand. */
function recoveryInputs(recovery: Recovery): string {
  const inputs = Object.entries(recovery.inputs).map(([name, value]) => `${name}: ${value}`);
  return [`mode: ${recovery.mode}`, ...inputs].join(" and ");
}
