// Runs a promotion or rollback as a sequence of timed phases on one environment's status.

import type { Timeline } from "../../../core/emulator/timeline.js";
import type { EmulatedEnvironment, StatusRecord } from "./environment.js";
import type { EmulatorEvent } from "./types.js";

/** How a run ends: READY or ERROR with its message and details. */
export type Outcome = Pick<StatusRecord, "status" | "message"> &
  Partial<Pick<StatusRecord, "blockingError" | "missingESVs" | "encryptedSecrets">>;

export interface Phase {
  /** Status message while the phase runs. */
  message: string;
  /** Real-tenant duration. */
  realMs: number;
  /** Work done when the phase ends; an outcome ends the run there. */
  onEnd?: (at: number) => Outcome | undefined;
}

export interface RunSpec {
  env: EmulatedEnvironment;
  type: "promotion" | "rollback";
  promotionId: string | undefined;
  phases: Phase[];
  /** Outcome when every phase completed. */
  finish: (at: number) => Outcome;
  /** Called with the outcome once the run has ended. */
  after?: (outcome: Outcome, at: number) => void;
}

export interface PhaseHost {
  readonly timeline: Timeline;
  record(event: Omit<EmulatorEvent, "at">, at: number): void;
}

export function startRun(host: PhaseHost, spec: RunSpec, now: number): void {
  spec.env.running = true;
  runPhase(host, spec, 0, now);
}

function runPhase(host: PhaseHost, spec: RunSpec, index: number, start: number): void {
  const phase = spec.phases[index];
  if (!phase) {
    end(host, spec, spec.finish(start), start);
    return;
  }
  const { env, type, promotionId } = spec;
  env.setStatus({ status: "RUNNING", message: phase.message, promotionId, timeStamp: start, type });
  host.record({ env: env.name, kind: "phase", detail: `${type}: ${phase.message}` }, start);
  host.timeline.after(start, phase.realMs, (at) => {
    const outcome = phase.onEnd?.(at);
    if (outcome) end(host, spec, outcome, at);
    else runPhase(host, spec, index + 1, at);
  });
}

function end(host: PhaseHost, spec: RunSpec, outcome: Outcome, at: number): void {
  const { env, type, promotionId } = spec;
  env.setStatus({ ...outcome, promotionId, timeStamp: at, type });
  env.running = false;
  if (outcome.blockingError) env.blocked = true;
  const kind = type === "promotion" ? "promotion-finished" : "rollback-finished";
  host.record({ env: env.name, kind, detail: `${outcome.status}: ${outcome.message}` }, at);
  spec.after?.(outcome, at);
}
