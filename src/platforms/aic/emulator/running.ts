// The emulator's options and the handle startAicEmulator returns.
import type { Logger } from "../../../core/util/log.js";
import type { EmulatedEnvironment } from "./environment.js";
import type { Fault } from "./faults.js";
import type { Scenario } from "./scenario.js";
import type { EmulatorEvent, EmulatorRequestRecord, EnvName } from "./types.js";

export interface AicEmulatorOptions {
  scenario?: Scenario;
  /** How many times faster than a real tenant; overrides the scenario's speed. */
  speed?: number;
  host?: string;
  /** 0 picks a free port. */
  lowerPort?: number;
  upperPort?: number;
  logger?: Logger;
}

export interface RunningAicEmulator {
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
  /**
   * Edits an item's content in one environment, as someone changing it in the tenant would:
   * `content` merges into the item's (mappings key by key; lists and other values replace).
   * Throws when the environment has no item with `uid`.
   */
  editItem(env: EnvName, uid: string, content: unknown): void;
  close(): Promise<void>;
}
