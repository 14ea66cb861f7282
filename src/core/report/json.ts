// The report as JSON: a contract scripts read, so its keys stay what they have always been. The
// platform's notes become top-level lists under their keys, an entry's location takes the
// platform's key; the model's own bookkeeping (title, tense, note titles) stays out.
import type { ChangeEntry, ConfigItemChanges, Report, ReportArea } from "./model.js";

type Json = Record<string, unknown>;

const DEFAULT_LOCATION_KEY = "location";

/** The report's JSON object, keys in a fixed order whatever order the report was built in. */
export function reportJson(report: Report): Json {
  const notes: Json = {};
  for (const note of report.notes) if (note.key) notes[note.key] = note.items;
  return {
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
    ...notes,
    areas: areasJson(report.areas, report.locationKey),
    extra: report.extra,
    rollbackEffect: report.rollbackEffect,
    timeline: report.timeline,
  };
}

/** Areas as the JSON (and a PR comment's stored changes) hold them. */
export function areasJson(areas: ReportArea[], locationKey = DEFAULT_LOCATION_KEY): Json[] {
  return areas.map((area) => ({
    name: area.name,
    items: area.items.map((item) => itemJson(item, locationKey)),
  }));
}

function itemJson(item: ConfigItemChanges, locationKey: string): Json {
  const entries = (list: ChangeEntry[]) => list.map((entry) => entryJson(entry, locationKey));
  return {
    configItem: item.configItem,
    added: entries(item.added),
    modified: entries(item.modified),
    deleted: entries(item.deleted),
    extra: item.extra,
  };
}

function entryJson(entry: ChangeEntry, locationKey: string): Json {
  return {
    name: entry.name,
    [locationKey]: entry.location,
    uid: entry.uid,
    extra: entry.extra,
    fields: entry.fields,
    fingerprint: entry.fingerprint,
    detail: entry.detail,
  };
}

/** Areas read back from their JSON (a PR comment's stored changes): the inverse of areasJson. */
export function areasFromJson(areas: Json[], locationKey = DEFAULT_LOCATION_KEY): ReportArea[] {
  return areas.map((area) => {
    const items = Array.isArray(area.items) ? (area.items as Json[]) : [];
    return {
      name: String(area.name ?? ""),
      items: items.map((item) => itemFromJson(item, locationKey)),
    };
  });
}

function itemFromJson(item: Json, locationKey: string): ConfigItemChanges {
  const entries = (list: unknown) =>
    Array.isArray(list) ? (list as Json[]).map((entry) => entryFromJson(entry, locationKey)) : [];
  return {
    ...(item as unknown as ConfigItemChanges),
    added: entries(item.added),
    modified: entries(item.modified),
    deleted: entries(item.deleted),
  };
}

function entryFromJson(entry: Json, locationKey: string): ChangeEntry {
  const { [locationKey]: location, ...rest } = entry;
  const read = rest as unknown as ChangeEntry;
  return typeof location === "string" ? { ...read, location } : read;
}
