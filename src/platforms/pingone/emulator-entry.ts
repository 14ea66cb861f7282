// How the CLI starts the PingOne emulator (one loopback port) and points a run at it.
import { UsageError } from "../../core/util/usage-error.js";
import type { EmulatorEntry } from "../platform.js";
import {
  formatPingOneEmulatorBanner,
  loadPingOneScenarioFile,
  startPingOneEmulator,
} from "./emulator/index.js";

export const pingOneEmulatorEntry: EmulatorEntry = {
  demoModes: ["dry-run", "promote", "rollback"],
  async start({ raw, scenarioFile, speed, logger, ephemeralPorts }) {
    const portText = typeof raw["pingone-port"] === "string" ? raw["pingone-port"] : "";
    const port = ephemeralPorts || portText === "" ? 0 : Number(portText);
    if (!Number.isInteger(port) || port < 0 || port > 65_535)
      throw new UsageError(`--pingone-port must be a port number, got "${portText}"`);
    const emulator = await startPingOneEmulator({
      port,
      speed,
      logger,
      scenario: scenarioFile === undefined ? undefined : loadPingOneScenarioFile(scenarioFile),
    });
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
