// The way to READY: NEW -> PREPARING -> READY (or VALIDATION_FAILED), and for a rollback
// ROLLBACK_NEW -> ROLLBACK_PREPARING -> READY, each phase timed by the scenario.
import { revertSteps } from "./execution.js";
import { type PromotionHost, secondsToMs } from "./host.js";
import { computePlan } from "./plan.js";
import type { PromotionRecord } from "./promotion-record.js";

/** Computes the plan from the promotion's snapshots and settles on READY or VALIDATION_FAILED. */
export function replan(host: PromotionHost, record: PromotionRecord, at: number): void {
  const plan = computePlan({
    sourceId: record.sourceId,
    targetId: record.targetId,
    source: record.sourceSnapshot,
    target: record.targetSnapshot,
    selectedResources: record.selectedResources,
    excludedResources: record.excludedResources,
    requestedMapping: record.requestedMapping,
    promoteDeletions: host.promoteDeletions,
    apiUrl: host.apiUrl,
    faults: host.planFaults,
  });
  record.steps = plan.steps;
  record.resourceMapping = plan.resourceMapping;
  record.errors = plan.errors;
  host.promotions.setStatus(record, plan.errors.length > 0 ? "VALIDATION_FAILED" : "READY", at);
}

function rollbackPlan(host: PromotionHost, record: PromotionRecord, at: number): void {
  const previous = host.promotions.get(record.sourceId, record.previousPromotionId ?? "");
  record.steps = revertSteps(previous?.applied ?? [], host.apiUrl, record.targetId);
  record.errors = [];
  host.promotions.setStatus(record, "READY", at);
}

/** Schedules the preparation of a promotion just created (status NEW or ROLLBACK_NEW). */
export function schedulePlanning(host: PromotionHost, record: PromotionRecord, now: number): void {
  const rollback = record.previousPromotionId !== undefined;
  const { newSeconds, preparingSeconds } = host.timings;
  record.pending.push(
    host.timeline.after(now, secondsToMs(newSeconds), (preparing) => {
      host.promotions.setStatus(record, rollback ? "ROLLBACK_PREPARING" : "PREPARING", preparing);
      record.pending.push(
        host.timeline.after(preparing, secondsToMs(preparingSeconds), (ready) =>
          rollback ? rollbackPlan(host, record, ready) : replan(host, record, ready),
        ),
      );
    }),
  );
}
