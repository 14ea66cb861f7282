// Executing promotions (one timed step after another), asking for rollbacks, and the seeded
// promotion a scenario says is already running.
import { ok, type Reply } from "../../../core/emulator/reply.js";
import { invalidData, invalidRequest } from "./errors.js";
import { applyStep } from "./execution.js";
import type { PingOneFault } from "./faults.js";
import { type PromotionHost, secondsToMs } from "./host.js";
import { schedulePlanning } from "./planning.js";
import { PLANNED_STATUSES, type PromotionRecord } from "./promotion-record.js";
import { promotionJson } from "./render.js";
import type { Environment } from "./resources.js";

const MAX_SELECTED = 100;

function finish(host: PromotionHost, record: PromotionRecord, at: number): void {
  const failed = (record.errors?.length ?? 0) > 0;
  host.promotions.setStatus(record, failed ? "ERROR" : "COMPLETED", at);
  if (failed || !record.previousPromotionId) return;
  const previous = host.promotions.get(record.sourceId, record.previousPromotionId);
  if (previous) host.promotions.setStatus(previous, "ROLLED_BACK", at);
}

/** Runs step `index` one step-duration after `from`, then the next; an empty plan takes one. */
function runStep(
  host: PromotionHost,
  record: PromotionRecord,
  target: Environment,
  index: number,
  from: number,
): void {
  const steps = record.steps ?? [];
  const cancel = host.timeline.after(from, secondsToMs(host.timings.stepSeconds), (at) => {
    const step = steps[index];
    if (step) {
      const outcome = applyStep(step, target, host.stepFaults);
      step.status = outcome.status;
      if (outcome.error) {
        step.error = outcome.error;
        record.errors?.push(outcome.error);
      }
      if (outcome.change) record.applied.push(outcome.change);
      record.updatedAt = at;
    }
    if (index + 1 < steps.length) runStep(host, record, target, index + 1, at);
    else finish(host, record, at);
  });
  record.pending.push(cancel);
}

/** POST /promotions/{id} as the execute media type. */
export function execute(host: PromotionHost, record: PromotionRecord, now: number): Reply {
  if (!PLANNED_STATUSES.includes(record.status))
    return invalidRequest(
      `Promotion ${record.id} is ${record.status}; only a READY or VALIDATION_FAILED promotion can be executed`,
    );
  const selected = record.selectedResources?.length ?? 0;
  if (!record.previousPromotionId && (selected < 1 || selected > MAX_SELECTED))
    return invalidData(
      "selectedResources",
      `A promotion runs with 1 to ${MAX_SELECTED} selected resources (the source environment's id selects all of it); this one has ${selected}`,
      "CONSTRAINT_VIOLATION",
    );
  const running = host.promotions.runningInto(record.targetId);
  if (running)
    return invalidRequest(
      `Promotion ${running.id} into environment ${record.targetId} is IN_PROGRESS; wait until it ends`,
    );
  const target = host.environment(record.targetId);
  if (!target) return invalidRequest(`Environment ${record.targetId} no longer exists`);
  host.promotions.setStatus(record, "IN_PROGRESS", now);
  host.promotions.markExecuted(record);
  record.errors = [];
  record.applied = [];
  for (const step of record.steps ?? []) {
    delete step.status;
    delete step.error;
  }
  runStep(host, record, target, 0, now);
  return ok(promotionJson(record, host.apiUrl), 202);
}

/** Why `record` cannot be rolled back now, if it cannot. */
function rollbackRefusal(host: PromotionHost, record: PromotionRecord): string | undefined {
  if (record.previousPromotionId) return "A rollback promotion cannot itself be rolled back";
  if (record.status === "ROLLED_BACK") return `Promotion ${record.id} was already rolled back`;
  if (record.status !== "COMPLETED" && record.status !== "ERROR")
    return `Promotion ${record.id} is ${record.status}; only a COMPLETED or ERROR promotion can be rolled back`;
  const last = host.promotions.lastExecuted(record.sourceId, record.targetId);
  if (last !== record)
    return `Only the last executed promotion from ${record.sourceId} to ${record.targetId} can be rolled back (${last?.id})`;
  const pending = host.promotions.pendingRollbackOf(record.id);
  if (pending) return `Rollback promotion ${pending.id} of ${record.id} already exists`;
  return undefined;
}

/** POST /promotions/{id} as the rollback media type: a new promotion that reverts `record`. */
export function rollback(host: PromotionHost, record: PromotionRecord, now: number): Reply {
  const refusal = rollbackRefusal(host, record);
  if (refusal) return invalidRequest(refusal);
  const source = host.environment(record.sourceId);
  const target = host.environment(record.targetId);
  if (!source || !target) return invalidRequest("The promotion's environments no longer exist");
  const revert = host.promotions.add(
    {
      source,
      target,
      status: "ROLLBACK_NEW",
      description: "Rolling back promotion.",
      previousPromotionId: record.id,
    },
    now,
  );
  schedulePlanning(host, revert, now);
  return ok(promotionJson(revert, host.apiUrl), 202);
}

/** Seeds a promotion that someone else started, IN_PROGRESS from `now`. */
export function seedRunning(
  host: PromotionHost,
  fault: Extract<PingOneFault, { kind: "promotionInProgress" }>,
  now: number,
): void {
  const source = host.environment(fault.sourceEnvironmentId);
  const target = host.environment(fault.targetEnvironmentId);
  if (!source || !target) throw new Error("promotionInProgress names an unknown environment");
  const record = host.promotions.add(
    {
      id: fault.id,
      source,
      target,
      status: "IN_PROGRESS",
      description: "Started by another operator",
      selectedResources: [source.id],
    },
    now,
  );
  record.steps = [];
  record.errors = [];
  host.promotions.markExecuted(record);
  if (fault.finishAfterSeconds === undefined) return;
  record.pending.push(
    host.timeline.after(now, secondsToMs(fault.finishAfterSeconds), (at) =>
      host.promotions.setStatus(record, "COMPLETED", at),
    ),
  );
}
