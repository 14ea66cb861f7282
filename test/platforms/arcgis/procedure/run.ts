// Runs one ArcGIS mode against a FakeArcGis, with intervals scaled down a thousandfold.
import { expect } from "vitest";
import type { Held } from "../../../../src/core/run/shell.js";
import type { Mode, RunResult } from "../../../../src/core/run/types.js";
import { MemoryLogger } from "../../../../src/core/util/log.js";
import { validateArcGis } from "../../../../src/platforms/arcgis/inputs.js";
import { runArcGis } from "../../../../src/platforms/arcgis/procedure.js";
import type { CommonSettings, RawInputs } from "../../../../src/platforms/platform.js";
import { type FakeArcGis, ORG_URL } from "./fake-arcgis.js";

export interface RunSpec {
  raw?: RawInputs;
  common?: Partial<CommonSettings>;
  signal?: AbortSignal;
  /** The run's logger, e.g. for a hook to look at what was logged so far. */
  logger?: MemoryLogger;
}

export interface Ran {
  r: RunResult;
  logger: MemoryLogger;
  /** Every log line, "info: ..." / "warn: ...", joined. */
  log: string;
  held: Held[];
  released: Held[];
}

export const SCALE = 0.001;

export async function run(api: FakeArcGis, mode: Mode, spec: RunSpec = {}): Promise<Ran> {
  const config = validateArcGis(
    { "arcgis-url": ORG_URL, "arcgis-token": "test-token", ...spec.raw },
    {
      mode,
      timeoutMs: 60_000,
      lockWaitMs: 0,
      requestTimeoutMs: 30_000,
      timeScale: SCALE,
      ...spec.common,
    },
    (input) => `--${input}`,
  );
  const logger = spec.logger ?? new MemoryLogger();
  const held: Held[] = [];
  const released: Held[] = [];
  const r = await runArcGis({
    config,
    api,
    logger,
    signal: spec.signal,
    onHeld: (h) => held.push(h),
    onReleased: (h) => released.push(h),
  });
  // Whatever happened: a run sends one rollback at most, and only after a checkRollback.
  const rollbacks = api.calls.filter((c) => c.startsWith("rollback:"));
  if (rollbacks.length > 0)
    expect(api.calls.indexOf("checkRollback")).toBeLessThan(api.calls.indexOf(rollbacks[0] ?? ""));
  expect(rollbacks.length).toBeLessThanOrEqual(1);
  return { r, logger, log: logger.lines.join("\n"), held, released };
}

/** The log lines of one kind, without the level: "[job] ...". */
export function lines(ran: Ran, prefix: string): string[] {
  return ran.logger.lines
    .map((l) => l.replace(/^(info|warn|debug): /, ""))
    .filter((l) => l.startsWith(prefix));
}
