// How the CLI starts the PingOne emulator (one loopback port) and points a run at it.
import { oneOriginEmulatorOptions } from "../common.js";
import type { EmulatorEntry } from "../platform.js";
import {
  formatPingOneEmulatorBanner,
  loadPingOneScenarioFile,
  startPingOneEmulator,
} from "./emulator/index.js";

export const pingOneEmulatorEntry: EmulatorEntry = {
  demoModes: ["dry-run", "promote", "rollback"],
  async start(options) {
    const emulator = await startPingOneEmulator(
      oneOriginEmulatorOptions(options, "pingone-port", loadPingOneScenarioFile),
    );
    const [source, target] = emulator.environments;
    return {
      banner: `${formatPingOneEmulatorBanner(emulator)}\nTry (time-scale matches the emulator's speed):\n  tenant-promote dry-run --platform pingone --pingone-api-url ${emulator.origin} --source-environment-id ${source?.id} --target-environment-id ${target?.id} --pingone-client-id ${emulator.workerApp.clientId} --pingone-client-secret ${emulator.workerApp.clientSecret} --time-scale ${(1 / emulator.speed).toFixed(4)}`,
      runInputs: {
        "pingone-api-url": emulator.origin,
        "source-environment-id": source?.id,
        "target-environment-id": target?.id,
        "pingone-client-id": emulator.workerApp.clientId,
        "pingone-client-secret": emulator.workerApp.clientSecret,
        "pingone-client-environment-id": emulator.workerApp.environmentId,
      },
      close: () => emulator.close(),
    };
  },
};
