// The emulator's options and the handle startPingOneEmulator returns.
import type { RequestRecord } from "../../../core/emulator/request-record.js";
import type { Logger } from "../../../core/util/log.js";
import type { Promotion } from "../types.js";
import type { PingOneFault } from "./faults.js";
import type { Resource } from "./resources.js";
import type { PingOneScenario, WorkerAppScenario } from "./scenario.js";

export interface PingOneEmulatorOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  host?: string;
  /** How many times faster than real PingOne; overrides the scenario's speed. */
  speed?: number;
  scenario?: PingOneScenario;
  logger?: Logger;
}

/** Core's request record: PingOne's log adds nothing to it. */
export type PingOneRequestRecord = RequestRecord;

export interface RunningPingOneEmulator {
  /** http://127.0.0.1:<port>: serves both the auth host's and the API host's paths. */
  origin: string;
  /** `${origin}/v1`, the API base. */
  apiUrl: string;
  speed: number;
  scenario: PingOneScenario;
  /** Every request, in arrival order. */
  requests: PingOneRequestRecord[];
  /** Environment names and ids, in scenario order. */
  environments: { name: string; id: string }[];
  workerApp: WorkerAppScenario;
  /** Static bearer tokens, valid for every environment. */
  accessTokens: string[];
  /** `${origin}/${workerApp.environmentId}/as/token`. */
  tokenUrl: string;
  /** Copies of an environment's current resources, e.g. to see what a promotion changed. */
  resources(environmentId: string): Resource[];
  /** Every promotion as GET would answer it, oldest first. */
  promotions(): Promotion[];
  addFault(fault: PingOneFault): void;
  close(): Promise<void>;
}
