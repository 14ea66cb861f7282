// Wire shapes of the ArcGIS Enterprise on Kubernetes upgrades API, read leniently: every field
// optional except what the procedure relies on, unknown fields kept.

/** A release or patch: `pat_07102025_6820`, 11.5.0, build 6820. */
export interface VersionObject {
  id: string;
  name?: string;
  type?: "release" | "patch" | (string & {});
  version?: string;
  build?: string | number;
  previousVersion?: string;
  previousBuild?: string | number;
  releaseBuild?: string | number;
  /** Epoch milliseconds. */
  released?: number;
  description?: string;
  [extra: string]: unknown;
}

export interface JobMessage {
  message: string;
  /** Epoch milliseconds. */
  when?: number;
  code?: number;
  [extra: string]: unknown;
}

/** no_upgrade (0), in_progress (1), success (3); anything else ended without success. */
export type JobState = "no_upgrade" | "in_progress" | "success" | (string & {});

export interface UpgradeStatus {
  state?: JobState;
  code?: number;
  messages?: JobMessage[];
  [extra: string]: unknown;
}

/** GET <admin>/system/upgrades: the one job resource upgrades and rollbacks report on. */
export interface UpgradesResource {
  status: UpgradeStatus;
  [extra: string]: unknown;
}

/** GET <admin>/system/upgrades/currentVersion. */
export interface CurrentVersion extends Partial<VersionObject> {
  /** Some deployments nest the version object. */
  currentVersion?: VersionObject;
  status?: UpgradeStatus;
  [extra: string]: unknown;
}

export interface HistoryEntry {
  type?: string;
  from?: string;
  to?: string;
  state?: string;
  start?: number;
  end?: number;
  [extra: string]: unknown;
}
