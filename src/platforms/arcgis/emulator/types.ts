// The emulator's options and the handle startArcGisEmulator returns.
import type { RequestRecord } from "../../../core/emulator/request-record.js";
import type { Logger } from "../../../core/util/log.js";
import type { UpgradeStatus } from "../types.js";
import type { ArcGisFault } from "./faults.js";
import type { JobType } from "./job-plan.js";
import type { ArcGisScenario } from "./scenario.js";

export interface ArcGisEmulatorOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  host?: string;
  /** How many times faster than real ArcGIS; overrides the scenario's speed. */
  speed?: number;
  scenario?: ArcGisScenario;
  logger?: Logger;
}

export interface ArcGisRequestRecord extends RequestRecord {
  /** POSTs only: whether the form body carried a `token`. */
  tokenInBody?: boolean;
  /** The request's Referer header, when it had one. */
  referer?: string;
}

/** A snapshot of the deployment, for tests and demos. */
export interface ArcGisEmulatorState {
  /** e.g. 11.5.0.6825. */
  currentVersion: string;
  /** Id of the current version, e.g. pat_23102025_6825. */
  current: string;
  /** Ids of the release and installed patches, in install order. */
  installed: string[];
  /** Ids of the patches not installed. */
  available: string[];
  /** True between the job's 2165 and 2166 messages. */
  readOnly: boolean;
  /** The upgrades resource's status, and which kind of job it reports on (none before one ran). */
  job: UpgradeStatus & { type?: JobType };
}

export interface RunningArcGisEmulator {
  /** http://127.0.0.1:<port>. */
  origin: string;
  /** `${origin}/${context}`, the organization URL. */
  orgUrl: string;
  speed: number;
  scenario: ArcGisScenario;
  /** Every request, in arrival order. */
  requests: ArcGisRequestRecord[];
  credentials: { username: string; password: string };
  /** Static tokens, which never expire, bound to the scenario's tokenReferer. */
  accessTokens: string[];
  state(): ArcGisEmulatorState;
  addFault(fault: ArcGisFault): void;
  close(): Promise<void>;
}
