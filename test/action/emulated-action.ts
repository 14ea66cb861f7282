// The action's end-to-end tests on AIC: platform-action.ts with the AIC emulator (lower and upper
// tenants on free ports) and the upper tenant's static token as inputs.
import {
  defaultScenario,
  type RunningAicEmulator,
  type Scenario,
  startAicEmulator,
} from "../../src/platforms/aic/emulator/index.js";
import { LOCK, SPEED, UPPER_TOKEN } from "../e2e/emulated.js";
import { type PlatformAction, platformAction } from "./platform-action.js";

export * from "./platform-action.js";

export type ActionE2e = PlatformAction<RunningAicEmulator, Scenario>;

/** Inputs a workflow would give for this emulator; polling keeps pace with its speed. */
export function emulatorInputs(emulator: RunningAicEmulator): Record<string, string> {
  return {
    "upper-fqdn": emulator.upperUrl,
    "upper-access-token": UPPER_TOKEN,
    "time-scale": String(1 / emulator.speed),
  };
}

export const it = platformAction({
  id: "aic",
  defaultScenario,
  speed: SPEED,
  start: (scenario, speed) => startAicEmulator({ scenario, speed, lowerPort: 0, upperPort: 0 }),
  inputs: emulatorInputs,
});

/** Unlock requests the upper environment received for `promotionId`. */
export function unlocksOf(emulator: RunningAicEmulator, promotionId: string): number {
  return emulator.requests.filter(
    (r) => r.env === "upper" && r.method === "DELETE" && r.path === `${LOCK}/${promotionId}`,
  ).length;
}
