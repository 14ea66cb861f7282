import type { RunResult } from "../core/run/types.js";

/** Documented in --help and docs/cli.md; CI scripts branch on these. */
export const EXIT = {
  ok: 0,
  failed: 1,
  usage: 2,
  lockConflict: 3,
  lockLeftBehind: 4,
  cancelled: 130,
} as const;

export function exitCodeFor(result: RunResult): number {
  // A lock left behind blocks everyone: it outranks the reason the run failed.
  if (result.lockReleased === false) return EXIT.lockLeftBehind;
  if (result.result !== "failed") return EXIT.ok;
  if (result.reason === "lock-conflict") return EXIT.lockConflict;
  // Found only once the platform answered (a rollback target it does not offer): still the input's fault.
  if (result.reason === "usage") return EXIT.usage;
  if (result.reason === "cancelled") return EXIT.cancelled;
  return EXIT.failed;
}
