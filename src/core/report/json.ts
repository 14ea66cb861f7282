import type { ChangeEntry, ConfigItemChanges, Report, ReportArea } from "./model.js";

/**
 * Pretty JSON of the normalized report. Keys are rebuilt in a fixed order so the output is
 * stable whatever order the object was assembled in; unknown fields keep their received order.
 */
export function renderJson(report: Report): string {
  const ordered = {
    kind: report.kind,
    reportId: report.reportId,
    reportName: report.reportName,
    promotionId: report.promotionId,
    promoter: report.promoter,
    promotionDescription: report.promotionDescription,
    createdDate: report.createdDate,
    createdAt: report.createdAt,
    dryRun: report.dryRun,
    hash: report.hash,
    counts: {
      added: report.counts.added,
      modified: report.counts.modified,
      deleted: report.counts.deleted,
      total: report.counts.total,
    },
    missingESVs: report.missingESVs,
    previouslyIgnoredEncryptedSecrets: report.previouslyIgnoredEncryptedSecrets,
    areas: report.areas.map(orderArea),
    extra: report.extra,
  };
  return `${JSON.stringify(ordered, null, 2)}\n`;
}

function orderArea(area: ReportArea) {
  return { name: area.name, items: area.items.map(orderItem) };
}

function orderItem(item: ConfigItemChanges) {
  return {
    configItem: item.configItem,
    added: item.added.map(orderEntry),
    modified: item.modified.map(orderEntry),
    deleted: item.deleted.map(orderEntry),
    extra: item.extra,
  };
}

function orderEntry(entry: ChangeEntry) {
  return { name: entry.name, realm: entry.realm, uid: entry.uid, extra: entry.extra };
}
