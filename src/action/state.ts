// What main hands to post through GITHUB_STATE: one record of what the run holds, one accessor
// per key. Never a token or key: post re-reads the inputs.
import * as core from "@actions/core";
import type { Held, Recovery } from "../core/run/shell.js";
import type { StartedDeployment } from "./deployments.js";

const PLATFORM = "platform";
const KIND = "held-kind";
const ID = "held-id";
const ORIGIN = "held-origin";
const STARTED = "started-at";
const RELEASED = "held-released";
const RELEASE = "held-release";
const RECOVERY = "held-recovery";
const LABEL = "held-label";
const POINT_OF_NO_RETURN = "point-of-no-return";
const DEPLOYMENT = "deployment";
const DEPLOYMENT_FINISHED = "deployment-finished";

export interface HeldByMain extends Held {
  platform: string;
  startedAt: number;
  /** What had started for good when main stopped ("the promotion"), if anything had. */
  pastPointOfNoReturn?: string;
}

/** Saved the moment the run takes it: post can act even if main is killed right after. */
export function saveHeld(platform: string, held: Held, startedAt: number): void {
  core.saveState(PLATFORM, platform);
  core.saveState(KIND, held.kind);
  core.saveState(ORIGIN, held.origin);
  core.saveState(RELEASE, held.release);
  if (held.recovery) core.saveState(RECOVERY, JSON.stringify(held.recovery));
  if (held.label) core.saveState(LABEL, held.label);
  core.saveState(STARTED, String(startedAt));
  core.saveState(ID, held.id);
}

/** The work passed its point of no return: a cancel from now on cannot stop it. */
export function savePointOfNoReturn(what: string): void {
  core.saveState(POINT_OF_NO_RETURN, what);
}

export function saveReleased(held: Held): void {
  core.saveState(RELEASED, held.id);
}

/** What main took and did not confirm released, if anything. */
export function heldLeftByMain(): HeldByMain | undefined {
  const id = core.getState(ID);
  if (!id || core.getState(RELEASED) === id) return undefined;
  return {
    platform: core.getState(PLATFORM),
    kind: core.getState(KIND),
    id,
    origin: core.getState(ORIGIN),
    release: core.getState(RELEASE) === "follow-only" ? "follow-only" : "give-back",
    recovery: recoveryOf(core.getState(RECOVERY)),
    label: core.getState(LABEL) || undefined,
    startedAt: Number(core.getState(STARTED)) || Date.now(),
    pastPointOfNoReturn: core.getState(POINT_OF_NO_RETURN) || undefined,
  };
}

/** The recovery main saved, or none when absent or unreadable (post then names no mode). */
function recoveryOf(saved: string): Recovery | undefined {
  if (!saved) return undefined;
  try {
    const parsed = JSON.parse(saved) as Recovery;
    return typeof parsed?.mode === "string" && typeof parsed.inputs === "object"
      ? parsed
      : undefined;
  } catch {
    return undefined;
  }
}

/** The GitHub deployment of this run, in progress: post finishes it if main cannot. */
export function saveDeployment(deployment: StartedDeployment): void {
  core.saveState(DEPLOYMENT, JSON.stringify(deployment));
}

export function saveDeploymentFinished(id: number): void {
  core.saveState(DEPLOYMENT_FINISHED, String(id));
}

/** The deployment main created and did not give its final status, if any. */
export function deploymentLeftByMain(): StartedDeployment | undefined {
  const saved = core.getState(DEPLOYMENT);
  if (!saved) return undefined;
  try {
    const deployment = JSON.parse(saved) as StartedDeployment;
    if (typeof deployment?.id !== "number") return undefined;
    return core.getState(DEPLOYMENT_FINISHED) === String(deployment.id) ? undefined : deployment;
  } catch {
    return undefined;
  }
}
