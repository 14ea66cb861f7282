import { buildReport, type ReportParts } from "../../core/report/build.js";
import { CHANGE_KINDS, revertingChanges } from "../../core/report/changes.js";
import { parseCreatedDate } from "../../core/report/dates.js";
import type {
  ChangeEntry,
  ConfigItemChanges,
  Report,
  ReportArea,
} from "../../core/report/model.js";
import { isJsonObject } from "../../core/util/json.js";
import { reportNotes } from "../report-notes.js";
import type { RawReport } from "./types.js";

/** The reports AIC returns, as the run asks for them. */
export type AicReportKind =
  | "provisional"
  | "dry-run"
  | "promotion"
  | "provisional-rollback"
  | "rollback";

const TITLES: Record<AicReportKind, string> = {
  provisional: "Provisional promotion report",
  "dry-run": "Dry-run promotion report",
  promotion: "Promotion report",
  "provisional-rollback": "Provisional rollback report",
  rollback: "Rollback report",
};

type Json = Record<string, unknown>;

// Known areas lead, in this order; any other area follows in the order received.
const KNOWN_AREAS = ["AMConfig", "IDMConfig"];
const STRING_FIELDS = [
  "reportId",
  "reportName",
  "promotionId",
  "promoter",
  "promotionDescription",
  "createdDate",
] as const;
const LIST_FIELDS = ["missingESVs", "previouslyIgnoredEncryptedSecrets"] as const;
// `type` is superseded by the caller's kind; `report` becomes areas.
const HANDLED_FIELDS = new Set<string>([
  ...STRING_FIELDS,
  ...LIST_FIELDS,
  "dryRun",
  "type",
  "report",
]);

/**
 * Turns any report the API returns into one Report. Lenient on purpose: fields may be missing
 * or unexpected; nothing received is dropped silently, unknown data lands in `extra`.
 */
export function normalizeReport(raw: RawReport, kind: AicReportKind): Report {
  const source: Json = isJsonObject(raw) ? raw : {};
  const extra: Json = {};
  const lists = { missingESVs: [] as string[], previouslyIgnoredEncryptedSecrets: [] as string[] };
  const report: ReportParts = {
    kind,
    title: TITLES[kind],
    // Only the rollback's own report comes after it ran.
    ...(kind === "rollback" ? { applied: true } : {}),
    areas: [],
    locationKey: "realm",
  };

  for (const field of STRING_FIELDS) {
    const value = source[field];
    if (typeof value === "string") report[field] = value;
    else if (value !== undefined && value !== null) extra[field] = value;
  }
  if (typeof source.dryRun === "boolean") report.dryRun = source.dryRun;
  else if (source.dryRun !== undefined && source.dryRun !== null) extra.dryRun = source.dryRun;
  for (const field of LIST_FIELDS) {
    const value = source[field];
    if (Array.isArray(value)) lists[field] = value.filter(isPresent).map(asText);
    else if (value !== undefined && value !== null) extra[field] = value;
  }

  report.areas = normalizeAreas(source.report, extra);
  for (const [key, value] of Object.entries(source)) {
    if (!HANDLED_FIELDS.has(key)) extra[key] = value;
  }

  report.createdAt = parseCreatedDate(report.createdDate);
  if (Object.keys(extra).length > 0) report.extra = extra;
  const built = buildReport({
    ...report,
    notes: reportNotes(lists.missingESVs, lists.previouslyIgnoredEncryptedSecrets),
  });
  // AIC's rollback reports list the changes of the promotion they revert.
  if (kind === "provisional-rollback" || kind === "rollback")
    built.rollbackEffect = revertingChanges(built.counts);
  return withoutUndefined(built);
}

function normalizeAreas(value: unknown, extra: Json): ReportArea[] {
  if (value === undefined || value === null) return [];
  if (!isJsonObject(value)) {
    extra.report = value;
    return [];
  }
  const names = Object.keys(value);
  const ordered = [
    ...KNOWN_AREAS.filter((name) => names.includes(name)),
    ...names.filter((name) => !KNOWN_AREAS.includes(name)),
  ];
  const areas: ReportArea[] = [];
  const notArrays: Json = {};
  for (const name of ordered) {
    const items = value[name];
    if (Array.isArray(items)) areas.push({ name, items: items.flatMap(normalizeItem) });
    else if (items !== undefined && items !== null) notArrays[name] = items;
  }
  // Area values that are not lists cannot be rendered as changes but must not vanish.
  if (Object.keys(notArrays).length > 0) extra.report = notArrays;
  return areas;
}

function normalizeItem(raw: unknown): ConfigItemChanges[] {
  if (!isPresent(raw)) return [];
  const item: ConfigItemChanges = { configItem: "", added: [], modified: [], deleted: [] };
  if (!isJsonObject(raw)) return [{ ...item, configItem: asText(raw) }];

  const extra: Json = {};
  for (const [key, value] of Object.entries(raw)) {
    if (key === "configItem" && typeof value === "string") item.configItem = value;
    else if (key === "configChange" && isJsonObject(value)) {
      const changeExtra = collectChanges(value, item);
      if (Object.keys(changeExtra).length > 0) extra.configChange = changeExtra;
    } else extra[key] = value;
  }
  if (Object.keys(extra).length > 0) item.extra = extra;
  return [item];
}

/** Fills the item's change lists; returns what in configChange is not a known list. */
function collectChanges(configChange: Json, item: ConfigItemChanges): Json {
  const leftover: Json = {};
  for (const [key, value] of Object.entries(configChange)) {
    const kind = CHANGE_KINDS.find((known) => known === key);
    if (kind && Array.isArray(value)) item[kind] = value.flatMap(normalizeEntry);
    else if (value !== undefined && value !== null) leftover[key] = value;
  }
  return leftover;
}

function normalizeEntry(raw: unknown): ChangeEntry[] {
  if (!isPresent(raw)) return [];
  if (!isJsonObject(raw)) return [{ name: asText(raw) }];
  const entry: ChangeEntry = { name: "" };
  const extra: Json = {};
  for (const [key, value] of Object.entries(raw)) {
    if (key === "realm" && typeof value === "string") entry.location = value;
    else if (key === "uid" && typeof value === "string") entry.uid = value;
    else if (key !== "name" || typeof value !== "string") extra[key] = value;
  }
  entry.name = nonEmpty(raw.name) ?? nonEmpty(raw.uid) ?? JSON.stringify(raw);
  if (Object.keys(extra).length > 0) entry.extra = extra;
  return [entry];
}

function isPresent(value: unknown): boolean {
  return value !== undefined && value !== null;
}

function nonEmpty(value: unknown): string | undefined {
  return typeof value === "string" && value !== "" ? value : undefined;
}

function asText(value: unknown): string {
  return typeof value === "string" ? value : JSON.stringify(value);
}

// Keeps deep-equality and JSON output free of `key: undefined` noise.
function withoutUndefined(report: Report): Report {
  for (const key of Object.keys(report) as (keyof Report)[]) {
    if (report[key] === undefined) delete report[key];
  }
  return report;
}
