// The CLI's end-to-end tests on AIC: platform-cli.ts with the AIC emulator (lower and upper tenants
// on free ports) and static tokens in CI-style variables; and what AIC tests check with.
import { test as base } from "vitest";
import {
  defaultScenario,
  type EmulatorRequestRecord,
  loadScenario,
  loadScenarioFile,
  type RunningAicEmulator,
  type Scenario,
  startAicEmulator,
} from "../../src/platforms/aic/emulator/index.js";
import type { CliRun, RunningCli } from "./cli-harness.js";
import { type PlatformCliOptions, platformScenarios, withPlatformCli } from "./platform-cli.js";

/** A real promotion (about 11 tenant minutes) takes about 1.5 s at this speed. */
export const SPEED = 600;
export const BASE = "/environment/promotion";
export const LOCK = `${BASE}/lock`;
export const PROMOTE = `${BASE}/promote`;
export const ROLLBACK = `${BASE}/rollback`;
export const INFO = `${BASE}/info`;
export const REPORT = `${BASE}/report`;
export const LOCK_STATE = `${BASE}/lock/state`;
export const UPPER_TOKEN = "emulator-upper-token";
export const LOWER_TOKEN = "emulator-lower-token";

/** What each test gets: emulators and CLI runs that are cleaned up when the test ends. */
export interface E2e {
  /** Starts an emulator on free loopback ports; closed when the test ends. */
  emulate(scenario?: Scenario): Promise<RunningAicEmulator>;
  /** `tenant-promote <mode> ...args` with polling scaled to the emulator's speed. */
  start(mode: string, args?: string[], env?: Record<string, string>): RunningCli;
  run(mode: string, args?: string[], env?: Record<string, string>): Promise<CliRun>;
  /** Runs a mode against `emulator` with CI-style credentials in the environment. */
  runAgainst(
    emulator: RunningAicEmulator,
    mode: string,
    args?: string[],
    env?: Record<string, string>,
  ): Promise<CliRun>;
}

const AIC: PlatformCliOptions<RunningAicEmulator, Scenario> = {
  defaultScenario,
  speed: SPEED,
  start: (scenario, speed) => startAicEmulator({ scenario, speed, lowerPort: 0, upperPort: 0 }),
  ciEnv,
};

/** `it` with an `e2e` fixture: platform-cli.ts's, with runs that need no emulator named. */
export const it = base.extend<{ e2e: E2e }>({
  // biome-ignore lint/correctness/noEmptyPattern: vitest reads fixture dependencies from this pattern
  e2e: async ({}, use) =>
    withPlatformCli(AIC, (cli) => {
      const start: E2e["start"] = (mode, args = [], env = {}) =>
        cli.launch([mode, "--time-scale", String(1 / SPEED), ...args], env);
      return use({
        emulate: (scenario) => cli.emulate(scenario),
        start,
        run: (mode, args, env) => start(mode, args, env).result,
        runAgainst: cli.run,
      });
    }),
});

const scenarios = platformScenarios("", loadScenario, loadScenarioFile);
/** One of the shipped scenarios/*.yaml. */
export const shippedScenario = scenarios.shipped;
/** A scenario built on the default one, e.g. "faults:\n  maintenanceLock: true". */
export const scenarioOnDefault = scenarios.onDefault;

/** Environment variables a CI job would set for this emulator (static tokens). */
export function ciEnv(emulator: RunningAicEmulator): Record<string, string> {
  return {
    TENANT_PROMOTE_UPPER_FQDN: emulator.upperUrl,
    TENANT_PROMOTE_LOWER_FQDN: emulator.lowerUrl,
    TENANT_PROMOTE_UPPER_ACCESS_TOKEN: UPPER_TOKEN,
    TENANT_PROMOTE_LOWER_ACCESS_TOKEN: LOWER_TOKEN,
  };
}

/** The keys scripts read from `--format json`. */
export interface RunJson {
  mode: string;
  result: "succeeded" | "no-change" | "failed";
  reason: string | null;
  message: string;
  nextSteps: string[];
  /** The target's admin console; absent without a target. */
  environmentUrl?: string;
  promotionId: string | null;
  /** Absent when the run took nothing. */
  lockReleased?: boolean;
  lockHolder: string | null;
  /** Present (true) only when a cancel came after the point of no return. */
  cancelRequested?: true;
  missingESVs: string[];
  encryptedSecrets: string[];
  reportHash: string | null;
  changes: number;
  report: { hash: string; kind: string; counts: Record<string, number> } | null;
  dryRunReport: { hash: string; kind: string } | null;
  status: { lock: { result: string; promotionId?: string } } | null;
  elapsedMs: number;
}

export function parseJson(run: CliRun): RunJson {
  try {
    return JSON.parse(run.stdout) as RunJson;
  } catch {
    throw new Error(
      `stdout is not JSON (exit ${run.code}):\n${run.stdout}\nstderr:\n${run.stderr}`,
    );
  }
}

/** Requests the upper environment received, filtered by method and exact path or prefix*. */
export function upperCalls(
  emulator: RunningAicEmulator,
  method: string,
  path?: string,
): EmulatorRequestRecord[] {
  return emulator.requests.filter(
    (r) =>
      r.env === "upper" &&
      r.method === method &&
      (path === undefined ||
        (path.endsWith("*") ? r.path.startsWith(path.slice(0, -1)) : r.path === path)),
  );
}

/** Unlock requests sent for `promotionId`. */
export function unlocksOf(
  emulator: RunningAicEmulator,
  promotionId: string,
): EmulatorRequestRecord[] {
  return upperCalls(emulator, "DELETE", `${LOCK}/${promotionId}`);
}

/** The pair's lock as the emulator sees it now. */
export function lockNow(emulator: RunningAicEmulator): { result: string; promotionId?: string } {
  return emulator.upper.lockState();
}

/** Takes the lock the way a run that then crashed would have, and waits until it is held. */
export async function lockAsCrashedRun(emulator: RunningAicEmulator): Promise<string> {
  const reply = await fetch(`${emulator.upperUrl}${LOCK}`, {
    method: "POST",
    headers: {
      "Accept-API-Version": "resource=1.0",
      Authorization: `Bearer ${UPPER_TOKEN}`,
      "Content-Type": "application/json",
    },
  });
  if (reply.status !== 202) throw new Error(`POST ${LOCK} answered ${reply.status}`);
  const { promotionId } = (await reply.json()) as { promotionId: string };
  const deadline = Date.now() + 5000;
  while (lockNow(emulator).result !== "locked") {
    if (Date.now() > deadline) throw new Error("the emulator never finished locking");
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  return promotionId;
}

/** stdout and stderr together, for checks that something never appears anywhere. */
export function allOutput(run: CliRun): string {
  return `${run.stdout}\n${run.stderr}`;
}
