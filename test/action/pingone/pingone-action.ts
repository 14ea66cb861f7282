// The action's end-to-end tests on PingOne: platform-action.ts with the PingOne emulator, and
// `platform: pingone` with the worker application's inputs.
import {
  defaultPingOneScenario,
  type PingOneScenario,
  type RunningPingOneEmulator,
  startPingOneEmulator,
} from "../../../src/platforms/pingone/emulator/index.js";
import { DEVELOPMENT_ID, SPEED, STAGING_ID } from "../../e2e/pingone/emulated.js";
import { type PlatformAction, platformAction } from "../platform-action.js";

export * from "../platform-action.js";

export type PingOneAction = PlatformAction<RunningPingOneEmulator, PingOneScenario>;

/** What a workflow gives for this emulator: development promoted to staging, the worker app. */
export function pingOneInputs(emulator: RunningPingOneEmulator): Record<string, string> {
  return {
    platform: "pingone",
    "pingone-api-url": emulator.origin,
    "source-environment-id": DEVELOPMENT_ID,
    "target-environment-id": STAGING_ID,
    "pingone-client-id": emulator.workerApp.clientId,
    "pingone-client-secret": emulator.workerApp.clientSecret,
    "time-scale": String(1 / emulator.speed),
  };
}

export const it = platformAction({
  id: "pingone",
  defaultScenario: defaultPingOneScenario,
  speed: SPEED,
  start: (scenario, speed) => startPingOneEmulator({ scenario, speed }),
  inputs: pingOneInputs,
});
