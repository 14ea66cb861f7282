// Faults the ArcGIS emulator can inject, from a scenario's `faults:` or at runtime
// (RunningArcGisEmulator.addFault):
//
//   faults:
//     # httpErrors, droppedConnections, slowReplies: request faults, as every emulator has
//     # (src/core/emulator/scenario-faults.ts). A lost rollback reply (the job starts, the
//     # socket is destroyed before the answer):
//     #   droppedConnections: [{ method: POST, path: /arcgis/admin/system/upgrades/rollback,
//     #     afterProcessing: true }]
//     # While pods restart (seconds after the job's read-only start, real-platform seconds),
//     # the ingress answers for the admin API instead of it: an HTML error page (html), an
//     # error object (json), both with `status` (default 502), or a destroyed socket (refuse).
//     podRestarts:
//       - { afterSeconds: 20, forSeconds: 30, reply: html, status: 502 }
//     # The next `count` (default 1) jobs, a seeded jobInProgress included, fail when `module`
//     # (default: the last one) would have completed: state "failed", version unchanged, the
//     # reason in the last message (code default 2078).
//     jobFailure: { module: main core rest APIs, reason: "pods did not become ready", count: 1 }
//     # A job already running at start: an upgrade to `to` (default: the first available
//     # patch) or a rollback to `to` (default: the version before the current one), started
//     # `elapsedSeconds` (real-platform seconds, default 0) before the emulator.
//     jobInProgress: { type: upgrade, to: pat_04122025_6835, elapsedSeconds: 30 }
import type { RequestFault } from "../../../core/emulator/faults.js";
import type { JobType } from "./job-plan.js";

export type PodRestartReply = "html" | "json" | "refuse";

export interface PodRestartWindow {
  kind: "podRestart";
  afterSeconds: number;
  forSeconds: number;
  reply: PodRestartReply;
  /** HTTP status of html and json replies. */
  status: number;
}

export interface JobFailureFault {
  kind: "jobFailure";
  /** The module that fails; undefined: the last one. */
  module?: string;
  reason: string;
  code: number;
  count: number;
}

export interface JobInProgressFault {
  kind: "jobInProgress";
  type: JobType;
  /** Version id the job goes to; undefined: see above. */
  to?: string;
  elapsedSeconds: number;
}

export type ArcGisFault =
  | RequestFault<never>
  | PodRestartWindow
  | JobFailureFault
  | JobInProgressFault;

export const DEFAULT_FAILURE_CODE = 2078;
export const DEFAULT_FAILURE_REASON = "pods did not become ready in time";
