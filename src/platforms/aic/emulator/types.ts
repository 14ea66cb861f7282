// Plain data types shared by the emulator's modules. They import none of its modules, so every
// module can use them without forming an import cycle; the handle types are in running.ts.
import type { RequestRecord } from "../../../core/emulator/request-record.js";

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
  /**
   * The item's configuration as the tenant's AM or IDM API serves it (see content.ts): a
   * journey's {tree, nodes}, a script with its plain `source`, an IDM config object.
   */
  content: unknown;
  /** IDM only: the category's file pattern when not derived from `file` (idm/conf/<prefix>-*.json). */
  fileDestinationPattern?: string;
  /** IDM only: the content field report entries name the item by; default displayName. */
  fileName?: string;
}

/** Area ("AMConfig", "IDMConfig") -> config item category ("Journeys") -> items. */
export type EnvironmentConfig = Record<string, Record<string, ConfigItem[]>>;

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

/** Core's request record, cut to AIC's original log: `status` 0 for any dropped connection. */
export interface EmulatorRequestRecord
  extends Pick<RequestRecord, "method" | "path" | "status" | "at"> {
  env: EnvName;
}
