// Reads the `faults:` mapping of a scenario into Fault values (format: see faults.ts).

import {
  type Mapping,
  mapping,
  number,
  onlyKeys,
  optionalBoolean,
  optionalNumber,
  ScenarioError,
  text,
} from "../../../core/emulator/fields.js";
import {
  flagOrMapping,
  parseRequestFaults,
  REQUEST_FAULT_KEYS,
} from "../../../core/emulator/scenario-faults.js";
import type { Fault } from "./faults.js";
import type { EnvName } from "./types.js";

const FAULT_KEYS = [
  "lockHeldBy",
  "maintenanceLock",
  "blockingError",
  "releaseUpgrade",
  "stuckLocking",
  ...REQUEST_FAULT_KEYS,
] as const;
const ENVS: readonly EnvName[] = ["lower", "upper"];

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
  faults.push(...parseRequestFaults(raw, { envs: ENVS }));
  return faults;
}
