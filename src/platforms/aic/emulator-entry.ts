// How the CLI starts the AIC emulator (a lower and an upper environment) and points a run at it.
import { emulatorPort } from "../common.js";
import type { EmulatorEntry } from "../platform.js";
import { formatAicEmulatorBanner, loadScenarioFile, startAicEmulator } from "./emulator/index.js";

export const aicEmulatorEntry: EmulatorEntry = {
  demoModes: ["dry-run", "promote"],
  async start({ raw, scenarioFile, speed, logger, ephemeralPorts }) {
    const emulator = await startAicEmulator({
      scenario: scenarioFile === undefined ? undefined : loadScenarioFile(scenarioFile),
      speed,
      lowerPort: ephemeralPorts ? 0 : emulatorPort(raw, "lower-port"),
      upperPort: ephemeralPorts ? 0 : emulatorPort(raw, "upper-port"),
      logger,
    });
    return {
      banner: formatAicEmulatorBanner(emulator),
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
