// PingOne's promotion statuses grouped by what the procedure does about them, each group once.

/** Being planned: wait for it (a draft can be deleted only once planned). */
export const PLANNING: ReadonlySet<string> = new Set([
  "PREPARING",
  "ADDITIONAL_SNAPSHOTS_REQUESTED",
  "ROLLBACK_NEW",
  "ROLLBACK_PREPARING",
]);
/** What PingOne deletes. */
export const DELETABLE: ReadonlySet<string> = new Set(["NEW", "READY"]);
/** Being executed: another promotion to the same target must wait, and none can be stopped. */
export const EXECUTING: ReadonlySet<string> = new Set(["IN_PROGRESS"]);
/** Planning is over: the plan can be read (or it failed validation). */
export const PLANNED: ReadonlySet<string> = new Set(["READY", "VALIDATION_FAILED", "ERROR"]);
/** Execution is over. */
export const EXECUTED: ReadonlySet<string> = new Set(["COMPLETED", "ERROR", "ROLLED_BACK"]);
/** A draft: created and not executed, what unlock may delete. */
export const DRAFT: ReadonlySet<string> = new Set([...DELETABLE, ...PLANNING]);
/** Not over yet: shown as in progress by status. */
export const OPEN: ReadonlySet<string> = new Set([...DRAFT, ...EXECUTING]);
