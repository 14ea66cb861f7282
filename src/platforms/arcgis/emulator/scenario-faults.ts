// Reads the `faults:` mapping of an ArcGIS scenario (format: see faults.ts).
import {
  list,
  mapping,
  number,
  onlyKeys,
  optionalNumber,
  optionalText,
  ScenarioError,
} from "../../../core/emulator/fields.js";
import {
  flagOrMapping,
  parseRequestFaults,
  REQUEST_FAULT_KEYS,
} from "../../../core/emulator/scenario-faults.js";
import {
  type ArcGisFault,
  DEFAULT_FAILURE_CODE,
  DEFAULT_FAILURE_REASON,
  type PodRestartReply,
} from "./faults.js";

const FAULT_KEYS = [...REQUEST_FAULT_KEYS, "podRestarts", "jobFailure", "jobInProgress"];
const REPLIES: PodRestartReply[] = ["html", "json", "refuse"];

function oneOf<T extends string>(value: unknown, path: string, allowed: T[], fallback: T): T {
  const given = optionalText(value, path) ?? fallback;
  if (!allowed.includes(given as T))
    throw new ScenarioError(`${path} must be ${allowed.join(", ")}, got ${JSON.stringify(given)}`);
  return given as T;
}

function podRestarts(value: unknown): ArcGisFault[] {
  return list(value, "faults.podRestarts").map((item, i) => {
    const path = `faults.podRestarts[${i}]`;
    const raw = mapping(item, path);
    onlyKeys(raw, path, ["afterSeconds", "forSeconds", "reply", "status"]);
    return {
      kind: "podRestart",
      afterSeconds: number(raw.afterSeconds ?? 0, `${path}.afterSeconds`, { min: 0 }),
      forSeconds: number(raw.forSeconds, `${path}.forSeconds`, { positive: true }),
      reply: oneOf(raw.reply, `${path}.reply`, REPLIES, "html"),
      status: number(raw.status ?? 502, `${path}.status`, { integer: true, min: 400 }),
    };
  });
}

export function parseArcGisFaults(value: unknown): ArcGisFault[] {
  if (value === undefined || value === null) return [];
  const raw = mapping(value, "faults");
  onlyKeys(raw, "faults", FAULT_KEYS);
  const faults: ArcGisFault[] = [...parseRequestFaults<never>(raw)];
  if (raw.podRestarts !== undefined) faults.push(...podRestarts(raw.podRestarts));
  const failure = flagOrMapping(raw.jobFailure, "faults.jobFailure");
  if (failure) {
    const path = "faults.jobFailure";
    onlyKeys(failure, path, ["module", "reason", "code", "count"]);
    faults.push({
      kind: "jobFailure",
      module: optionalText(failure.module, `${path}.module`),
      reason: optionalText(failure.reason, `${path}.reason`) ?? DEFAULT_FAILURE_REASON,
      code: number(failure.code ?? DEFAULT_FAILURE_CODE, `${path}.code`, { integer: true }),
      count: number(failure.count ?? 1, `${path}.count`, { integer: true, min: 1 }),
    });
  }
  const running = flagOrMapping(raw.jobInProgress, "faults.jobInProgress");
  if (running) {
    const path = "faults.jobInProgress";
    onlyKeys(running, path, ["type", "to", "elapsedSeconds"]);
    faults.push({
      kind: "jobInProgress",
      type: oneOf(running.type, `${path}.type`, ["upgrade", "rollback"], "upgrade"),
      to: optionalText(running.to, `${path}.to`),
      elapsedSeconds:
        optionalNumber(running.elapsedSeconds, `${path}.elapsedSeconds`, { min: 0 }) ?? 0,
    });
  }
  return faults;
}
