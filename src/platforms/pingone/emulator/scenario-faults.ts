// Reads the `faults:` mapping of a PingOne scenario (format: see faults.ts).
import {
  list,
  type Mapping,
  mapping,
  onlyKeys,
  optionalNumber,
  optionalText,
  ScenarioError,
  text,
} from "../../../core/emulator/fields.js";
import { parseRequestFaults, REQUEST_FAULT_KEYS } from "../../../core/emulator/scenario-faults.js";
import type { PingOneFault, ResourceMatch, StepAction } from "./faults.js";
import type { Environment } from "./resources.js";
import { environmentRef, uuid } from "./scenario-environments.js";

const FAULT_KEYS = [...REQUEST_FAULT_KEYS, "validationErrors", "stepErrors", "promotionInProgress"];
const ACTIONS: StepAction[] = ["POST", "PUT", "DELETE"];

function resourceMatch(raw: Mapping, path: string): ResourceMatch {
  const match: ResourceMatch = {
    type: text(raw.type, `${path}.type`),
    name: text(raw.name, `${path}.name`),
  };
  const action = optionalText(raw.action, `${path}.action`)?.toUpperCase();
  if (action !== undefined) {
    if (!ACTIONS.includes(action as StepAction))
      throw new ScenarioError(`${path}.action must be POST, PUT or DELETE`);
    match.action = action as StepAction;
  }
  return match;
}

function items(raw: Mapping, key: string): { path: string; item: Mapping }[] {
  if (raw[key] === undefined) return [];
  return list(raw[key], `faults.${key}`).map((item, i) => ({
    path: `faults.${key}[${i}]`,
    item: mapping(item, `faults.${key}[${i}]`),
  }));
}

function inProgress(value: unknown, envs: Environment[]): PingOneFault {
  const path = "faults.promotionInProgress";
  const raw = mapping(value, path);
  onlyKeys(raw, path, ["id", "source", "target", "finishAfterSeconds"]);
  const fault: PingOneFault = {
    kind: "promotionInProgress",
    sourceEnvironmentId: environmentRef(raw.source, `${path}.source`, envs),
    targetEnvironmentId: environmentRef(raw.target, `${path}.target`, envs),
    finishAfterSeconds: optionalNumber(raw.finishAfterSeconds, `${path}.finishAfterSeconds`, {
      min: 0,
    }),
  };
  if (raw.id !== undefined) fault.id = uuid(raw.id, `${path}.id`);
  if (fault.sourceEnvironmentId === fault.targetEnvironmentId)
    throw new ScenarioError(`${path}: source and target must differ`);
  return fault;
}

export function parsePingOneFaults(value: unknown, envs: Environment[]): PingOneFault[] {
  if (value === undefined || value === null) return [];
  const raw = mapping(value, "faults");
  onlyKeys(raw, "faults", FAULT_KEYS);
  const faults: PingOneFault[] = [...parseRequestFaults<never>(raw)];
  for (const { path, item } of items(raw, "validationErrors")) {
    onlyKeys(item, path, ["type", "name", "action", "code", "message"]);
    faults.push({
      kind: "validationError",
      ...resourceMatch(item, path),
      code: optionalText(item.code, `${path}.code`) ?? "INVALID_VALUE",
      message:
        optionalText(item.message, `${path}.message`) ??
        "The resource is not valid in the target environment",
    });
  }
  for (const { path, item } of items(raw, "stepErrors")) {
    onlyKeys(item, path, ["type", "name", "action", "code", "message", "count"]);
    faults.push({
      kind: "stepError",
      ...resourceMatch(item, path),
      code: optionalText(item.code, `${path}.code`) ?? "REQUEST_FAILED",
      message:
        optionalText(item.message, `${path}.message`) ??
        "The target environment refused the change",
      count: optionalNumber(item.count, `${path}.count`, { integer: true, min: 1 }),
    });
  }
  if (raw.promotionInProgress !== undefined) faults.push(inProgress(raw.promotionInProgress, envs));
  return faults;
}
