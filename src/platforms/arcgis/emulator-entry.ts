// How the CLI starts the ArcGIS emulator (one loopback port) and points a run at it.
import { oneOriginEmulatorOptions } from "../common.js";
import type { EmulatorEntry } from "../platform.js";
import {
  formatArcGisEmulatorBanner,
  loadArcGisScenarioFile,
  startArcGisEmulator,
} from "./emulator/index.js";

export const arcGisEmulatorEntry: EmulatorEntry = {
  demoModes: ["status", "rollback-preview", "rollback"],
  async start(options) {
    const emulator = await startArcGisEmulator(
      oneOriginEmulatorOptions(options, "arcgis-port", loadArcGisScenarioFile),
    );
    return {
      banner: `${formatArcGisEmulatorBanner(emulator)}\nTry (time-scale matches the emulator's speed):\n  tenant-promote rollback-preview --platform arcgis --arcgis-url ${emulator.orgUrl} --arcgis-username ${emulator.credentials.username} --arcgis-password ${emulator.credentials.password} --time-scale ${(1 / emulator.speed).toFixed(4)}`,
      runInputs: {
        "arcgis-url": emulator.orgUrl,
        "arcgis-username": emulator.credentials.username,
        "arcgis-password": emulator.credentials.password,
      },
      close: () => emulator.close(),
    };
  },
};
