// Local emulator of the AIC self-service promotions API: a lower and an upper environment
// served on loopback, with configuration, a lock, timed promotions and injectable faults.
export { formatAicEmulatorBanner } from "./banner.js";
export { EmulatedEnvironment } from "./environment.js";
export type { Fault, RequestMatch } from "./faults.js";
export type { AicEmulatorOptions, RunningAicEmulator } from "./running.js";
export {
  defaultScenario,
  type EnvironmentScenario,
  loadScenario,
  loadScenarioFile,
  type Scenario,
  ScenarioError,
  type ServiceAccountScenario,
} from "./scenario.js";
export { DEFAULT_PORTS, startAicEmulator } from "./server.js";
export type {
  ConfigItem,
  EmulatorEvent,
  EmulatorEventKind,
  EmulatorRequestRecord,
  EnvironmentConfig,
  EnvName,
} from "./types.js";
