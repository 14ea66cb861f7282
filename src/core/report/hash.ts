import { createHash } from "node:crypto";
import { changeKey, listChanges } from "./changes.js";
import type { ReportArea } from "./model.js";

// Bump when the canonical form changes, so old and new hashes never compare equal by accident.
const HASH_VERSION = "tenant-promote/report-hash/v1";

/**
 * sha256 (hex) over the changes only: ids, dates, promoter, ordering and extra fields do not
 * count, so a reviewed report and a fresh one with the same changes hash the same.
 */
export function reportHash(areas: ReportArea[]): string {
  // Plain code-unit sort: locale-independent, so the hash is the same on every machine.
  const keys = listChanges(areas).map(changeKey).sort();
  const canonical = `${HASH_VERSION}\n${keys.join("\n")}`;
  return createHash("sha256").update(canonical, "utf8").digest("hex");
}

/** The short form shown in rendered reports. */
export function shortHash(hash: string): string {
  return hash.slice(0, 12);
}
