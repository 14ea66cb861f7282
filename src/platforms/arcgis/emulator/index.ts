// Local emulator of the ArcGIS Enterprise on Kubernetes upgrades API: a release and its patches,
// generateToken, checkRollback, a timed rollback job with the documented messages, the pods
// restarting behind the ingress, and injectable faults, served on loopback.
export { formatArcGisEmulatorBanner } from "./banner.js";
export type {
  ArcGisFault,
  JobFailureFault,
  JobInProgressFault,
  PodRestartReply,
  PodRestartWindow,
} from "./faults.js";
export type { JobType } from "./job-plan.js";
export {
  type ArcGisScenario,
  type ArcGisTimings,
  arcGisScenarioFromDocument,
  type CheckRollbackOrder,
  defaultArcGisScenario,
  loadArcGisScenario,
  loadArcGisScenarioFile,
  type OperationErrorForm,
  ScenarioError,
} from "./scenario.js";
export { startArcGisEmulator } from "./server.js";
export type {
  ArcGisEmulatorOptions,
  ArcGisEmulatorState,
  ArcGisRequestRecord,
  RunningArcGisEmulator,
} from "./types.js";
