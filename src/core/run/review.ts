// The check a face runs on the report about to be applied (promote, rollback), right before the
// point of no return: a reviewed hash given as an input, or the report a PR comment recorded.
import { shortHash } from "../report/hash.js";
import type { Report } from "../report/model.js";
import { EngineFailure, failedWork } from "./failure.js";
import type { Mode, Work } from "./types.js";

/** Throws an EngineFailure (report-changed, ...) to refuse; the run then changes nothing. */
export type ChangeCheck = (report: Report) => void | Promise<void>;

/** Runs every check given, in order; undefined when none is. */
export function allChecks(
  ...checks: Array<ChangeCheck | undefined | false>
): ChangeCheck | undefined {
  const given = checks.filter((c): c is ChangeCheck => typeof c === "function");
  if (given.length === 0) return undefined;
  return async (report) => {
    for (const check of given) await check(report);
  };
}

/**
 * Runs the check on the report about to be applied. A refusal is the run's failed result,
 * keeping the report that was refused so that the user sees what would have been applied.
 */
export async function refusedChange(
  check: ChangeCheck | undefined,
  report: Report,
  classify: (error: unknown) => EngineFailure,
): Promise<Work | undefined> {
  if (!check) return undefined;
  try {
    await check(report);
    return undefined;
  } catch (error) {
    return { ...failedWork(classify(error)), report };
  }
}

/** A hex prefix of a report hash, at least as long as the one reports show. */
export const REVIEWED_HASH = /^[0-9a-f]{12,64}$/;

/**
 * The reviewed-report-hash check: the report about to be applied must be the one reviewed
 * (its hash, or the first characters of it that reports show).
 */
export function requireReviewedHash(expected: string, mode: Mode, input: string): ChangeCheck {
  const wanted = expected.toLowerCase();
  return (report) => {
    if (report.hash.startsWith(wanted)) return;
    const rollback = mode === "rollback";
    throw new EngineFailure(
      "report-changed",
      `Nothing was ${rollback ? "rolled back" : "promoted"}: the report about to be applied has hash ${shortHash(report.hash)}, not the reviewed ${wanted}. Something changed since the review.`,
      [
        `Review the new report (${rollback ? "rollback-preview" : "dry-run"}); to apply it, run again with ${input} set to ${report.hash}.`,
      ],
    );
  };
}
