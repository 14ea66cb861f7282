// Faults the PingOne emulator can inject, from a scenario's `faults:` or at runtime
// (RunningPingOneEmulator.addFault):
//
//   faults:
//     # httpErrors, droppedConnections, slowReplies: request faults, as every emulator has
//     # (src/core/emulator/scenario-faults.ts). Paths may use * for a segment, e.g. a lost
//     # execute reply: { method: POST, path: /v1/environments/*/promotions/*,
//     #   contentType: application/vnd.pingidentity.promotion.execute+json, afterProcessing: true }
//     # Plans that touch these resources end VALIDATION_FAILED (code default INVALID_VALUE).
//     validationErrors:
//       - { type: populations, name: Partners, message: "..." }
//     # Executions fail on these resources' steps (every time, or the first `count` times);
//     # the other steps still apply and the promotion ends ERROR.
//     stepErrors:
//       - { type: applications, name: Partner Portal, action: POST, code: REQUEST_FAILED, message: "..." }
//     # Another promotion to the target is already IN_PROGRESS (seeded at start); it ends
//     # COMPLETED after finishAfterSeconds (real-platform seconds), or never without it.
//     promotionInProgress: { source: development, target: staging, finishAfterSeconds: 120 }
import type { RequestFault } from "../../../core/emulator/faults.js";

export type StepAction = "POST" | "PUT" | "DELETE";

/** The resource a fault aims at, by type and name; `action` narrows it to one kind of step. */
export interface ResourceMatch {
  type: string;
  name: string;
  action?: StepAction;
}

export type PingOneFault =
  | RequestFault<never>
  | ({ kind: "validationError"; code: string; message: string } & ResourceMatch)
  | ({ kind: "stepError"; code: string; message: string; count?: number } & ResourceMatch)
  | {
      kind: "promotionInProgress";
      /** Fixed id for the seeded promotion; random without it. */
      id?: string;
      sourceEnvironmentId: string;
      targetEnvironmentId: string;
      finishAfterSeconds?: number;
    };

export function matchesResource(
  match: ResourceMatch,
  step: { type: string; name: string; action: string },
): boolean {
  return (
    match.type === step.type &&
    match.name === step.name &&
    (match.action === undefined || match.action === step.action)
  );
}
