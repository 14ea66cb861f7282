// Types shared by the emulator's modules and its public API.
import type { Logger } from "../../../core/util/log.js";
import type { EmulatedEnvironment } from "./environment.js";
import type { Fault } from "./faults.js";
import type { Scenario } from "./scenario.js";

export type EnvName = "lower" | "upper";

/** One configuration item of an environment, e.g. a journey or an email template. */
export interface ConfigItem {
  name: string;
  /** AM realm such as "/alpha"; absent for IDM and global items. */
  realm?: string;
  /** Stable identity of the item within its config item category. */
  uid: string;
  /** Path of the item in the exported configuration; used to point at encrypted values. */
  file?: string;
  /** The item's configuration as JSON. */
  content: unknown;
}

/** Area ("AMConfig", "IDMConfig") -> config item category ("Journeys") -> items. */
export type EnvironmentConfig = Record<string, Record<string, ConfigItem[]>>;

export interface EmulatorOptions {
  scenario?: Scenario;
  /** How many times faster than a real tenant; overrides the scenario's speed. */
  speed?: number;
  host?: string;
  /** 0 picks a free port. */
  lowerPort?: number;
  upperPort?: number;
  logger?: Logger;
}

export type EmulatorEventKind =
  | "locked"
  | "unlocked"
  | "phase"
  | "promotion-finished"
  | "rollback-finished"
  | "lock-requested"
  | "unlock-requested";

export interface EmulatorEvent {
  env: EnvName;
  kind: EmulatorEventKind;
  detail?: string;
  /** Date.now() milliseconds at which the state changed (the scheduled time, not when it was noticed). */
  at: number;
}

export interface EmulatorRequestRecord {
  env: EnvName;
  method: string;
  path: string;
  /** 0 when the connection was dropped without a reply. */
  status: number;
  at: number;
}

export interface RunningEmulator {
  lowerUrl: string;
  upperUrl: string;
  lower: EmulatedEnvironment;
  upper: EmulatedEnvironment;
  events: EmulatorEvent[];
  requests: EmulatorRequestRecord[];
  /** Static bearer tokens each environment accepts (from the scenario). */
  accessTokens: Record<EnvName, string[]>;
  speed: number;
  addFault(fault: Fault): void;
  close(): Promise<void>;
}
