// Reports for the action's unit tests, built through the real normalizer.

import type { Report } from "../../src/core/report/model.js";
import type { RunResult } from "../../src/core/run/types.js";
import { normalizeReport } from "../../src/platforms/aic/report.js";
import type { RawReport } from "../../src/platforms/aic/types.js";

export function dryRunReport(journeys: string[], extra: Partial<RawReport> = {}): Report {
  return normalizeReport(
    {
      reportId: "r-1",
      promotionId: "p-1",
      dryRun: true,
      report: { AMConfig: [{ configItem: "Journeys", configChange: { added: journeys } }] },
      ...extra,
    },
    "dry-run",
  );
}

/** A report with `count` entries of about 100 characters each. */
export function hugeReport(count: number): Report {
  const names = Array.from({ length: count }, (_, i) => `Journey-${i}-${"x".repeat(90)}`);
  return dryRunReport(names);
}

export function succeeded(report: Report): RunResult {
  return {
    mode: "dry-run",
    result: "succeeded",
    message: `Dry run: ${report.counts.total} change(s) would be promoted.`,
    nextSteps: [],
    promotionId: "p-1",
    report,
    dryRunReport: report,
    lockReleased: true,
    elapsedMs: 1000,
  };
}
