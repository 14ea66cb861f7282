// How the CLI starts the AIC emulator (a lower and an upper environment) and points a run at it.
import { UsageError } from "../../core/util/usage-error.js";
import type { EmulatorEntry, RawInputs } from "../platform.js";
import { formatEmulatorBanner, loadScenarioFile, startEmulator } from "./emulator/index.js";

function port(raw: RawInputs, name: string): number | undefined {
  const value = raw[name];
  if (typeof value !== "string" || value === "") return undefined;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 0 || number > 65_535)
    throw new UsageError(`--${name} must be a port number, got "${value}"`);
  return number;
}

export const aicEmulatorEntry: EmulatorEntry = {
  demoModes: ["dry-run", "promote"],
  async start({ raw, scenarioFile, speed, logger, ephemeralPorts }) {
    const emulator = await startEmulator({
      scenario: scenarioFile === undefined ? undefined : loadScenarioFile(scenarioFile),
      speed,
      lowerPort: ephemeralPorts ? 0 : port(raw, "lower-port"),
      upperPort: ephemeralPorts ? 0 : port(raw, "upper-port"),
      logger,
    });
    return {
      banner: formatEmulatorBanner(emulator),
      runInputs: {
        "upper-fqdn": emulator.upperUrl,
        "lower-fqdn": emulator.lowerUrl,
        "upper-access-token": "emulator-upper-token",
        "lower-access-token": "emulator-lower-token",
      },
      close: () => emulator.close(),
    };
  },
};
