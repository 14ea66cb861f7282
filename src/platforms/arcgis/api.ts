import type { CurrentVersion, HistoryEntry, UpgradesResource, VersionObject } from "./types.js";

/**
 * The upgrades API of one ArcGIS Enterprise on Kubernetes organization. The procedure depends
 * on this interface only. Every call takes an AbortSignal. Errors, whether an HTTP status, an
 * `error` object in a 200 reply or a `status: error|failed` body, throw ArcGisError.
 */
export interface ArcGisApi {
  /** The organization URL, https://host/context, for messages. */
  readonly orgUrl: string;
  /** POST checkRollback: the versions it can roll back to, in no documented order. */
  checkRollback(signal?: AbortSignal): Promise<VersionObject[]>;
  /**
   * POST rollback with versionManifest {"id"}. Never re-sent: a lost reply throws with
   * outcomeUnknown, and the caller reads the upgrades resource to learn whether the job started.
   */
  rollback(versionId: string, signal?: AbortSignal): Promise<UpgradesResource>;
  /** GET the upgrades resource: the job's state and messages. */
  upgrades(signal?: AbortSignal): Promise<UpgradesResource>;
  /** POST installed: the release and patches installed, in install order. */
  installed(signal?: AbortSignal): Promise<VersionObject[]>;
  /** POST available: the updates not installed (a rolled-back patch shows here again). */
  available(signal?: AbortSignal): Promise<VersionObject[]>;
  currentVersion(signal?: AbortSignal): Promise<CurrentVersion>;
  history(signal?: AbortSignal): Promise<HistoryEntry[]>;
}
