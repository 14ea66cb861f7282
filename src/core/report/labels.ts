import { describeRollbackEffect } from "./changes.js";
import type { Report } from "./model.js";

/** "2024-06-12 17:32:05 UTC" from a parsed date, else the date as received. */
export function displayDate(createdAt: string | undefined, createdDate: string | undefined) {
  if (createdAt) return createdAt.replace("T", " ").replace(/(\.\d+)?Z$/, " UTC");
  return createdDate;
}

/** Short rendering of an unknown field's value: strings as-is, anything else as JSON. */
export function displayValue(value: unknown, maxChars = 200): string {
  const text = typeof value === "string" ? value : (JSON.stringify(value) ?? String(value));
  return text.length > maxChars ? `${text.slice(0, maxChars - 1)}…` : text;
}

/** "removes 2 items and restores 1 item", in the past tense once the rollback ran. */
export function rollbackLine(report: Report): string {
  const effect = report.rollbackEffect;
  if (!effect) return "";
  return `${describeRollbackEffect(effect, report.applied ? "past" : "present")}.`;
}
