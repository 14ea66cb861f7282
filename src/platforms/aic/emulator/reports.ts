// Promotion and rollback reports as the tenant returns them.
import { randomUUID } from "node:crypto";
import type { RawReport, ReportMeta } from "../types.js";
import type { ConfigChanges } from "./config-model.js";

export type ReportType = "promotion" | "rollback" | "provisional" | "provisional-rollback";

export interface ReportInput {
  type: ReportType;
  promotionId?: string;
  dryRun: boolean;
  at: number;
  changes: ConfigChanges;
  promoter?: string;
  promotionDescription?: string;
  missingESVs?: string[];
  ignoredEncryptedSecrets?: string[];
}

/** ISO time without milliseconds, e.g. 2024-06-12T17:32:05Z. */
export function isoSeconds(at: number): string {
  return new Date(at).toISOString().replace(/\.\d{3}Z$/, "Z");
}

/** Report_2024-06-12T17-32+00Z_dryrun=false_<promotionId>. */
export function reportName(at: number, dryRun: boolean, promotionId: string | undefined): string {
  const minute = new Date(at).toISOString().slice(0, 16).replace(":", "-");
  return `Report_${minute}+00Z_dryrun=${dryRun}_${promotionId ?? "none"}`;
}

export function buildReport(input: ReportInput): RawReport {
  const report: RawReport = {
    reportId: randomUUID(),
    reportName: reportName(input.at, input.dryRun, input.promotionId),
    createdDate: isoSeconds(input.at),
    dryRun: input.dryRun,
    type: input.type,
    missingESVs: input.missingESVs ?? [],
    report: input.changes.report,
  };
  if (input.promotionId) report.promotionId = input.promotionId;
  if (input.promoter !== undefined) report.promoter = input.promoter;
  if (input.promotionDescription !== undefined)
    report.promotionDescription = input.promotionDescription;
  if (input.ignoredEncryptedSecrets && input.ignoredEncryptedSecrets.length > 0)
    report.previouslyIgnoredEncryptedSecrets = input.ignoredEncryptedSecrets;
  return report;
}

export function reportMeta(report: RawReport): ReportMeta {
  const meta: ReportMeta = {
    createdDate: report.createdDate,
    dryRun: report.dryRun,
    promotionId: report.promotionId,
    reportId: report.reportId,
    type: report.type,
  };
  if (report.promoter !== undefined) meta.promoter = report.promoter;
  return meta;
}
