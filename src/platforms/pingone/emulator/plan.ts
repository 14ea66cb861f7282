// Planning a promotion: matches source and target resources (by type and name, or by the
// request's resourceMapping) and lists the steps that make the target like the source.
import { randomUUID } from "node:crypto";
import { sameJson } from "../../../core/emulator/canonical-json.js";
import { matchesResource, type PingOneFault } from "./faults.js";
import type { Snapshot, StepError, StepRecord } from "./promotion-record.js";
import { compareTypes, findById, type Resource, refOf, resourceBody } from "./resources.js";

export interface PlanInput {
  sourceId: string;
  targetId: string;
  source: Snapshot;
  target: Snapshot;
  selectedResources?: string[];
  excludedResources?: string[];
  requestedMapping: Record<string, string>;
  promoteDeletions: boolean;
  apiUrl: string;
  faults: readonly PingOneFault[];
}

export interface Plan {
  steps: StepRecord[];
  /** Every matched pair, source id -> target id. */
  resourceMapping: Record<string, string>;
  errors: StepError[];
}

/** No selection, or the source environment's own id, means the whole environment. */
export function wholeEnvironment(sourceId: string, selected: string[] | undefined): boolean {
  return !selected || selected.length === 0 || selected.includes(sourceId);
}

export function resourceUrl(apiUrl: string, envId: string, type: string, id?: string): string {
  return `${apiUrl}/environments/${envId}/${type}/${id ?? ""}`;
}

function match(input: PlanInput, resource: Resource): Resource | undefined {
  const mapped = input.requestedMapping[resource.id];
  if (mapped !== undefined) return findById(input.target.resources, mapped);
  return input.target.resources.find((t) => t.type === resource.type && t.name === resource.name);
}

/** Replaces every string that is a mapped source id; collects ids that have no target. */
function mapReferences(
  value: unknown,
  ids: Map<string, string>,
  sourceIds: Set<string>,
  missing: Set<string>,
): unknown {
  if (typeof value === "string") {
    const mapped = ids.get(value);
    if (mapped !== undefined) return mapped;
    if (sourceIds.has(value)) missing.add(value);
    return value;
  }
  if (Array.isArray(value)) return value.map((v) => mapReferences(v, ids, sourceIds, missing));
  if (value !== null && typeof value === "object")
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, mapReferences(v, ids, sourceIds, missing)]),
    );
  return value;
}

/** Every string in `value` that is the id of one of `resources`. */
function referencedIds(value: unknown, ids: Set<string>, out: Set<string>): Set<string> {
  if (typeof value === "string" && ids.has(value)) out.add(value);
  else if (Array.isArray(value)) for (const v of value) referencedIds(v, ids, out);
  else if (value !== null && typeof value === "object")
    for (const v of Object.values(value)) referencedIds(v, ids, out);
  return out;
}

/**
 * The picked resources and every source resource they refer to, directly or through another:
 * PingOne plans those too (seed 003: one population brought its password policy and theme).
 * An excluded resource stays out; a reference to it the target cannot satisfy fails validation.
 */
function withDependencies(
  picked: Resource[],
  all: readonly Resource[],
  excluded: Set<string>,
): Resource[] {
  const ids = new Set(all.map((r) => r.id));
  const chosen = new Map(picked.map((r) => [r.id, r]));
  const queue = [...picked];
  for (let next = queue.shift(); next; next = queue.shift()) {
    for (const id of referencedIds(next.fields, ids, new Set())) {
      const dependency = findById(all, id);
      if (!dependency || excluded.has(id) || chosen.has(id)) continue;
      chosen.set(id, dependency);
      queue.push(dependency);
    }
  }
  return [...chosen.values()];
}

export function computePlan(input: PlanInput): Plan {
  const { source, target } = input;
  const whole = wholeEnvironment(input.sourceId, input.selectedResources);
  const excluded = new Set(input.excludedResources ?? []);
  const selected = new Set(input.selectedResources ?? []);
  const picked = source.resources.filter(
    (r) => (whole || selected.has(r.id)) && !excluded.has(r.id),
  );
  const planned = new Set(withDependencies(picked, source.resources, excluded));
  const chosen = source.resources
    .filter((r) => planned.has(r))
    .sort((a, b) => compareTypes(a.type, b.type));
  const ids = new Map<string, string>([[input.sourceId, input.targetId]]);
  const resourceMapping: Record<string, string> = {};
  const matched = new Set<string>();
  for (const resource of source.resources) {
    const counterpart = match(input, resource);
    if (!counterpart) continue;
    ids.set(resource.id, counterpart.id);
    resourceMapping[resource.id] = counterpart.id;
    matched.add(counterpart.id);
  }
  // Ids for what POST steps will create, so payloads can already refer to them.
  for (const resource of chosen) if (!ids.has(resource.id)) ids.set(resource.id, randomUUID());
  const sourceIds = new Set(source.resources.map((r) => r.id));
  const steps: StepRecord[] = [];
  const errors: StepError[] = [];
  for (const resource of chosen) {
    const missing = new Set<string>();
    const payload = mapReferences(resourceBody(resource), ids, sourceIds, missing) as Record<
      string,
      unknown
    >;
    const counterpart = findById(target.resources, resourceMapping[resource.id] ?? "");
    if (counterpart && sameJson(payload, resourceBody(counterpart))) continue;
    const targetId = counterpart?.id ?? (ids.get(resource.id) as string);
    const step: StepRecord = {
      id: randomUUID(),
      action: counterpart ? "PUT" : "POST",
      type: resource.type,
      targetId,
      resourceUrl: resourceUrl(input.apiUrl, input.targetId, resource.type, counterpart?.id),
      sourceResource: refOf(resource),
      payload,
    };
    if (counterpart) step.targetResource = refOf(counterpart);
    for (const id of missing) {
      const ref = findById(source.resources, id);
      step.invalid ??= {
        code: "INVALID_VALUE",
        target: step.resourceUrl,
        message: `${resource.name} refers to ${ref?.type} ${JSON.stringify(ref?.name)}, which the target lacks and this promotion does not create`,
      };
    }
    steps.push(step);
  }
  if (input.promoteDeletions && whole) {
    const gone = target.resources
      .filter((r) => !matched.has(r.id) && !excluded.has(r.id))
      .sort((a, b) => compareTypes(b.type, a.type));
    for (const resource of gone)
      steps.push({
        id: randomUUID(),
        action: "DELETE",
        type: resource.type,
        targetId: resource.id,
        resourceUrl: resourceUrl(input.apiUrl, input.targetId, resource.type, resource.id),
        targetResource: refOf(resource),
      });
  }
  for (const step of steps) {
    const name = step.sourceResource?.name ?? step.targetResource?.name ?? "";
    for (const fault of input.faults) {
      if (fault.kind !== "validationError") continue;
      if (!matchesResource(fault, { type: step.type, name, action: step.action })) continue;
      step.invalid ??= { code: fault.code, message: fault.message, target: step.resourceUrl };
    }
    if (step.invalid) errors.push(step.invalid);
  }
  return { steps, resourceMapping, errors };
}
