// Applying a plan's steps to the target environment, and the plan that reverts them.
import { randomUUID } from "node:crypto";
import { sameJson } from "../../../core/emulator/canonical-json.js";
import { matchesResource, type PingOneFault } from "./faults.js";
import { resourceUrl } from "./plan.js";
import type { AppliedChange, StepError, StepRecord, StepStatus } from "./promotion-record.js";
import {
  type Environment,
  findResource,
  fromBody,
  type Resource,
  refOf,
  resourceBody,
} from "./resources.js";

export interface StepOutcome {
  status: StepStatus;
  error?: StepError;
  change?: AppliedChange;
}

/** Step faults with how many more times each fires (undefined: every time). */
export interface StepFaultState {
  fault: Extract<PingOneFault, { kind: "stepError" }>;
  remaining?: number;
}

function failure(step: StepRecord, code: string, message: string): StepOutcome {
  return { status: "ERROR", error: { code, message, target: step.resourceUrl } };
}

function injected(step: StepRecord, faults: StepFaultState[]): StepOutcome | undefined {
  const name = step.sourceResource?.name ?? step.targetResource?.name ?? "";
  for (const state of faults) {
    if (!matchesResource(state.fault, { type: step.type, name, action: step.action })) continue;
    if (state.remaining !== undefined) {
      if (state.remaining <= 0) continue;
      state.remaining -= 1;
    }
    return failure(step, state.fault.code, state.fault.message);
  }
  return undefined;
}

/** Runs one step against the live target; the change it made is recorded for rollback. */
export function applyStep(
  step: StepRecord,
  target: Environment,
  faults: StepFaultState[],
): StepOutcome {
  if (step.invalid) return { status: "ERROR", error: step.invalid };
  const fault = injected(step, faults);
  if (fault) return fault;
  const current = findResource(target.resources, step.type, step.targetId);
  if (step.action === "DELETE") {
    if (!current) return { status: "SKIPPED" };
    target.resources = target.resources.filter((r) => r !== current);
    return { status: "COMPLETED", change: { step, before: structuredClone(current) } };
  }
  const body = fromBody(step.type, step.payload ?? {});
  if (step.action === "POST") {
    if (current) return { status: "SKIPPED" };
    const clash = target.resources.find((r) => r.type === step.type && r.name === body.name);
    if (clash)
      return failure(
        step,
        "UNIQUENESS_VIOLATION",
        `A ${step.type} resource named ${JSON.stringify(body.name)} already exists`,
      );
    const created = { id: step.targetId, ...structuredClone(body) };
    target.resources.push(created);
    return { status: "COMPLETED", change: { step, after: structuredClone(created) } };
  }
  if (!current)
    return failure(step, "NOT_FOUND", `The target no longer holds ${step.type} ${step.targetId}`);
  if (sameJson(resourceBody(current), resourceBody(body))) return { status: "SKIPPED" };
  const before = structuredClone(current);
  current.name = body.name;
  current.fields = structuredClone(body.fields);
  return { status: "COMPLETED", change: { step, before, after: structuredClone(current) } };
}

function revertStep(change: AppliedChange, apiUrl: string, envId: string): StepRecord {
  const { step, before, after } = change;
  const common = { id: randomUUID(), type: step.type };
  if (!before) {
    // Created by the promotion: delete it.
    const created = after as Resource;
    return {
      ...common,
      action: "DELETE",
      targetId: created.id,
      resourceUrl: resourceUrl(apiUrl, envId, step.type, created.id),
      sourceResource: step.sourceResource,
      targetResource: refOf(created),
    };
  }
  if (!after)
    // Deleted by the promotion: create it again, under its old id so references hold.
    return {
      ...common,
      action: "POST",
      targetId: before.id,
      resourceUrl: resourceUrl(apiUrl, envId, step.type),
      sourceResource: refOf(before),
      payload: resourceBody(before),
    };
  return {
    ...common,
    action: "PUT",
    targetId: before.id,
    resourceUrl: resourceUrl(apiUrl, envId, step.type, before.id),
    sourceResource: step.sourceResource,
    targetResource: refOf(after),
    payload: resourceBody(before),
  };
}

/** The steps that undo `applied` in the target `envId`, newest change first. */
export function revertSteps(
  applied: readonly AppliedChange[],
  apiUrl: string,
  envId: string,
): StepRecord[] {
  return [...applied].reverse().map((change) => revertStep(change, apiUrl, envId));
}
