import { describeRollbackEffect } from "./changes.js";
import type { Report, ReportKind } from "./model.js";

const TITLES: Record<ReportKind, string> = {
  provisional: "Provisional promotion report",
  "dry-run": "Dry-run promotion report",
  promotion: "Promotion report",
  "provisional-rollback": "Provisional rollback report",
  rollback: "Rollback report",
  plan: "Promotion plan",
  "rollback-plan": "Rollback plan",
  "patch-rollback-preview": "Patch rollback preview",
  "patch-rollback": "Patch rollback",
};

export function reportTitle(kind: ReportKind): string {
  return TITLES[kind] ?? "Promotion report";
}

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
  const done = report.kind === "rollback" || report.kind === "patch-rollback";
  return `${describeRollbackEffect(effect, done ? "past" : "present")}.`;
}
