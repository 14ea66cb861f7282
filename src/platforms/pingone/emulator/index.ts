// Local emulator of the PingOne Platform promotions API: environments with resources, timed
// promotions planned from their differences, execution, rollback, a worker application's
// token endpoint and injectable faults, served on loopback.
export { formatPingOneEmulatorBanner } from "./banner.js";
export { DEVELOPMENT_ID, PRODUCTION_ID, STAGING_ID } from "./default-scenario.js";
export type { PingOneFault, ResourceMatch, StepAction } from "./faults.js";
export { EXECUTE_TYPE, ROLLBACK_TYPE } from "./promotion-routes.js";
export type { Environment, Resource } from "./resources.js";
export {
  defaultPingOneScenario,
  loadPingOneScenario,
  loadPingOneScenarioFile,
  type PingOneScenario,
  type PingOneTimings,
  pingOneScenarioFromDocument,
  ScenarioError,
  type TokenEndpointAuthMethod,
  type WorkerAppScenario,
} from "./scenario.js";
export { startPingOneEmulator } from "./server.js";
export type {
  PingOneEmulatorOptions,
  PingOneRequestRecord,
  RunningPingOneEmulator,
} from "./types.js";
