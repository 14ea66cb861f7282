// The action's end-to-end tests on ArcGIS: platform-action.ts with the ArcGIS emulator, and
// `platform: arcgis` with the administrator's inputs.
import {
  type ArcGisScenario,
  defaultArcGisScenario,
  type RunningArcGisEmulator,
  startArcGisEmulator,
} from "../../../src/platforms/arcgis/emulator/index.js";
import { SPEED } from "../../e2e/arcgis/emulated.js";
import { type PlatformAction, platformAction } from "../platform-action.js";

export * from "../platform-action.js";

export type ArcGisAction = PlatformAction<RunningArcGisEmulator, ArcGisScenario>;

/** What a workflow gives for this emulator: the organization and its administrator. */
export function arcGisInputs(emulator: RunningArcGisEmulator): Record<string, string> {
  return {
    platform: "arcgis",
    "arcgis-url": emulator.orgUrl,
    "arcgis-username": emulator.credentials.username,
    "arcgis-password": emulator.credentials.password,
    "time-scale": String(1 / emulator.speed),
    comment: "never",
  };
}

export const it = platformAction({
  id: "arcgis",
  defaultScenario: defaultArcGisScenario,
  speed: SPEED,
  start: (scenario, speed) => startArcGisEmulator({ scenario, speed }),
  inputs: arcGisInputs,
});
