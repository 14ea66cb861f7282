// Reads the `faults:` mapping of a scenario into Fault values (format: see faults.ts).
import type { Fault, RequestMatch } from "./faults.js";
import {
  list,
  type Mapping,
  mapping,
  number,
  onlyKeys,
  optionalBoolean,
  optionalNumber,
  optionalText,
  ScenarioError,
  text,
} from "./fields.js";

const FAULT_KEYS = [
  "lockHeldBy",
  "maintenanceLock",
  "blockingError",
  "releaseUpgrade",
  "stuckLocking",
  "httpErrors",
  "droppedConnections",
  "slowReplies",
] as const;
const MATCH_KEYS = ["env", "method", "path", "after", "count"];

function requestMatch(raw: Mapping, path: string): RequestMatch {
  const env = optionalText(raw.env, `${path}.env`);
  if (env !== undefined && env !== "lower" && env !== "upper")
    throw new ScenarioError(`${path}.env must be lower or upper, got ${JSON.stringify(env)}`);
  const method = optionalText(raw.method, `${path}.method`)?.toUpperCase();
  const requestPath = optionalText(raw.path, `${path}.path`);
  if (requestPath !== undefined && !requestPath.startsWith("/"))
    throw new ScenarioError(`${path}.path must start with /, got ${JSON.stringify(requestPath)}`);
  return {
    env,
    method,
    path: requestPath,
    after: optionalNumber(raw.after, `${path}.after`, { integer: true, min: 0 }),
    count: number(raw.count ?? 1, `${path}.count`, { integer: true, min: 1 }),
  };
}

/** `true`, `false` or a mapping; returns undefined for false or absent. */
function flagOrMapping(value: unknown, path: string): Mapping | undefined {
  if (value === undefined || value === false) return undefined;
  if (value === true) return {};
  return mapping(value, path);
}

function lockFaults(raw: Mapping, faults: Fault[]): void {
  if (raw.lockHeldBy !== undefined) {
    const held = mapping(raw.lockHeldBy, "faults.lockHeldBy");
    onlyKeys(held, "faults.lockHeldBy", ["promotionId", "releaseAfterSeconds"]);
    faults.push({
      kind: "lockHeldBy",
      promotionId: text(held.promotionId, "faults.lockHeldBy.promotionId"),
      releaseAfterSeconds: optionalNumber(
        held.releaseAfterSeconds,
        "faults.lockHeldBy.releaseAfterSeconds",
        { min: 0 },
      ),
    });
  }
  const maintenance = flagOrMapping(raw.maintenanceLock, "faults.maintenanceLock");
  if (maintenance) {
    onlyKeys(maintenance, "faults.maintenanceLock", ["releaseAfterSeconds"]);
    faults.push({
      kind: "maintenanceLock",
      releaseAfterSeconds: optionalNumber(
        maintenance.releaseAfterSeconds,
        "faults.maintenanceLock.releaseAfterSeconds",
        { min: 0 },
      ),
    });
  }
  if (raw.lockHeldBy !== undefined && maintenance)
    throw new ScenarioError("faults.lockHeldBy and faults.maintenanceLock cannot both be set");
  const stuck = flagOrMapping(raw.stuckLocking, "faults.stuckLocking");
  if (stuck) {
    onlyKeys(stuck, "faults.stuckLocking", ["count"]);
    const count = number(stuck.count ?? 1, "faults.stuckLocking.count", { integer: true, min: 1 });
    faults.push({ kind: "stuckLocking", count });
  }
}

function requestFaults(raw: Mapping, faults: Fault[]): void {
  const entries = (key: string) =>
    raw[key] === undefined
      ? []
      : list(raw[key], `faults.${key}`).map((item, i) => {
          const path = `faults.${key}[${i}]`;
          return { path, item: mapping(item, path) };
        });
  for (const { path, item } of entries("httpErrors")) {
    onlyKeys(item, path, [...MATCH_KEYS, "status", "retryAfterSeconds"]);
    faults.push({
      kind: "httpError",
      ...requestMatch(item, path),
      status: number(item.status, `${path}.status`, { integer: true, min: 400 }),
      retryAfterSeconds: optionalNumber(item.retryAfterSeconds, `${path}.retryAfterSeconds`, {
        integer: true,
        min: 0,
      }),
    });
  }
  for (const { path, item } of entries("droppedConnections")) {
    onlyKeys(item, path, [...MATCH_KEYS, "afterProcessing"]);
    faults.push({
      kind: "dropConnection",
      ...requestMatch(item, path),
      afterProcessing: optionalBoolean(item.afterProcessing, `${path}.afterProcessing`),
    });
  }
  for (const { path, item } of entries("slowReplies")) {
    onlyKeys(item, path, [...MATCH_KEYS, "delayMs"]);
    faults.push({
      kind: "slowReply",
      ...requestMatch(item, path),
      delayMs: number(item.delayMs, `${path}.delayMs`, { min: 0 }),
    });
  }
}

export function parseFaults(value: unknown): Fault[] {
  if (value === undefined || value === null) return [];
  const raw = mapping(value, "faults");
  onlyKeys(raw, "faults", FAULT_KEYS);
  const faults: Fault[] = [];
  lockFaults(raw, faults);
  const blocking = flagOrMapping(raw.blockingError, "faults.blockingError");
  if (blocking) {
    onlyKeys(blocking, "faults.blockingError", ["promotion", "dryRun", "rollback"]);
    const fault = {
      kind: "blockingError" as const,
      // `blockingError: true` means real promotions fail.
      promotion:
        optionalBoolean(blocking.promotion, "faults.blockingError.promotion") ??
        Object.keys(blocking).length === 0,
      dryRun: optionalBoolean(blocking.dryRun, "faults.blockingError.dryRun") ?? false,
      rollback: optionalBoolean(blocking.rollback, "faults.blockingError.rollback") ?? false,
    };
    faults.push(fault);
  }
  const upgrade = optionalBoolean(raw.releaseUpgrade, "faults.releaseUpgrade");
  if (upgrade) faults.push({ kind: "releaseUpgrade", value: true });
  requestFaults(raw, faults);
  return faults;
}
