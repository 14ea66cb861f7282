// Promotions and their steps in the wire shape of the seed pages: flat and nested references,
// HAL links, ISO times.
import type { PlanStep, Promotion, PromotionStep } from "../types.js";
import { wholeEnvironment } from "./plan.js";
import type { PromotionRecord, StepRecord } from "./promotion-record.js";
import { NAME_IN_CONFIGURATION, type ResourceRef } from "./resources.js";

const iso = (at: number) => new Date(at).toISOString();
const href = (url: string) => ({ href: url });

/** A resource as a plan step names it: by name, or `<type>:<id>` for a type without a top-level name. */
function stepRef(type: string, ref: ResourceRef): { name: string; id: string } {
  return NAME_IN_CONFIGURATION.has(type) ? { name: `${type}:${ref.id}`, id: ref.id } : { ...ref };
}

function planStep(step: StepRecord): PlanStep {
  const rendered: PlanStep = { action: step.action, resourceUrl: step.resourceUrl };
  if (step.sourceResource) rendered.sourceResource = stepRef(step.type, step.sourceResource);
  if (step.targetResource) rendered.targetResource = stepRef(step.type, step.targetResource);
  return rendered;
}

/** A step as GET .../promotionSteps lists it: the plan step with its id, payload and outcome. */
export function stepJson(step: StepRecord): PromotionStep {
  const rendered: PromotionStep = { id: step.id, ...planStep(step) };
  if (step.payload) rendered.payload = structuredClone(step.payload);
  if (step.status) rendered.status = step.status;
  if (step.error) rendered.error = { ...step.error };
  return rendered;
}

function links(record: PromotionRecord, apiUrl: string) {
  const source = `${apiUrl}/environments/${record.sourceId}`;
  const target = `${apiUrl}/environments/${record.targetId}`;
  const self = `${source}/promotions/${record.id}`;
  return {
    self: href(self),
    environment: href(source),
    targetEnvironment: href(target),
    sourceSnapshot: href(
      `${source}/snapshots/${record.sourceId}/versions/${record.sourceSnapshot.id}`,
    ),
    targetSnapshot: href(
      `${target}/snapshots/${record.targetId}/versions/${record.targetSnapshot.id}`,
    ),
    ...(record.previousPromotionId
      ? { previousPromotion: href(`${source}/promotions/${record.previousPromotionId}`) }
      : {}),
    promotionSteps: href(`${self}/promotionSteps`),
  };
}

export function promotionJson(record: PromotionRecord, apiUrl: string): Promotion {
  const whole = wholeEnvironment(record.sourceId, record.selectedResources);
  const promotion: Promotion = {
    _links: links(record, apiUrl),
    id: record.id,
    createdAt: iso(record.createdAt),
    updatedAt: iso(record.updatedAt),
    sourceEnvironmentId: record.sourceId,
    sourceEnvironment: { id: record.sourceId },
    ...(whole && record.selectedResources ? { rootResourceId: record.sourceId } : {}),
    targetEnvironmentId: record.targetId,
    targetEnvironment: { id: record.targetId },
    sourceSnapshotId: record.sourceSnapshot.id,
    sourceSnapshot: { id: record.sourceSnapshot.id },
    targetSnapshotId: record.targetSnapshot.id,
    targetSnapshot: { id: record.targetSnapshot.id },
    status: record.status,
  };
  // Nested only, as the rollback seed page shows it.
  if (record.previousPromotionId) promotion.previousPromotion = { id: record.previousPromotionId };
  if (record.selectedResources) promotion.selectedResources = [...record.selectedResources];
  if (record.excludedResources) promotion.excludedResources = [...record.excludedResources];
  promotion.resourceMapping = { ...record.resourceMapping };
  if (record.steps) promotion.promotionPlan = { steps: record.steps.map(planStep) };
  if (record.errors && record.errors.length > 0)
    promotion.errors = record.errors.map((e) => ({ ...e }));
  if (record.description !== undefined) promotion.description = record.description;
  return promotion;
}
