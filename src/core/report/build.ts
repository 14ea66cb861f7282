import { countChanges } from "./changes.js";
import { reportHash } from "./hash.js";
import type { Report } from "./model.js";

/** What a platform knows of a report; counts and hash are core's, the same for every platform. */
export type ReportParts = Omit<Report, "counts" | "hash" | "notes"> & { notes?: Report["notes"] };

/** The one place a report gets its counts and hash. */
export function buildReport(parts: ReportParts): Report {
  return {
    ...parts,
    notes: parts.notes ?? [],
    counts: countChanges(parts.areas),
    hash: reportHash(parts.areas),
  };
}
