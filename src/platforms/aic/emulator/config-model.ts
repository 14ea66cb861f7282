// Configuration of an emulated environment: comparing two environments the way a promotion
// does, and the integrity checks a promotion runs on what it would promote.
import { canonicalJson } from "../../../core/emulator/canonical-json.js";
import type { RawChangeEntry, RawReportContent } from "../types.js";
import type { ConfigItem, EnvironmentConfig } from "./types.js";

/** Areas in the order reports list them; any other area follows in name order. */
const AREA_ORDER = ["AMConfig", "IDMConfig"];

export interface ConfigChanges {
  /** Area -> entries for the categories that changed; areas without change are left out. */
  report: Record<string, RawReportContent[]>;
  /** Items that a promotion would write (added or modified), for the integrity checks. */
  written: ConfigItem[];
  total: number;
}

export function cloneConfig(config: EnvironmentConfig): EnvironmentConfig {
  return structuredClone(config);
}

function sameItem(a: ConfigItem, b: ConfigItem): boolean {
  return (
    a.name === b.name &&
    a.realm === b.realm &&
    a.file === b.file &&
    canonicalJson(a.content) === canonicalJson(b.content)
  );
}

/** The area whose categories are IDM configuration: reported by file pattern, entries as names. */
const IDM_AREA = "IDMConfig";

function entry(item: ConfigItem): { name: string; realm?: string; uid: string } {
  return item.realm === undefined
    ? { name: item.name, uid: item.uid }
    : { name: item.name, realm: item.realm, uid: item.uid };
}

/**
 * Where an IDM category's items live in an exported configuration: idm/conf/<prefix>-*.json
 * for a family of config objects (emailTemplate/welcome -> idm/conf/emailTemplate-welcome.json),
 * idm/conf/<name>.json for a single one.
 */
export function fileDestinationPattern(item: ConfigItem): string {
  if (item.fileDestinationPattern) return item.fileDestinationPattern;
  const file = item.file ?? `idm/conf/${item.uid.replaceAll("/", "-")}.json`;
  const family = /^(.*\/)?([^/-]+)-[^/]+\.json$/.exec(file);
  return family ? `${family[1] ?? ""}${family[2]}-*.json` : file;
}

/** The content field an IDM category's report entries come from. */
export function idmFileName(item: ConfigItem): string {
  return item.fileName ?? "displayName";
}

/** An IDM report entry: the item's `fileName` field, as the tenant lists it. */
function idmEntry(item: ConfigItem): string {
  const content = item.content as Record<string, unknown> | null;
  const value = typeof content === "object" && content ? content[idmFileName(item)] : undefined;
  return typeof value === "string" ? value : item.name;
}

function categoryChange(
  area: string,
  category: string,
  sample: ConfigItem,
  added: ConfigItem[],
  modified: ConfigItem[],
  deleted: ConfigItem[],
): RawReportContent {
  const toEntry: (item: ConfigItem) => RawChangeEntry = area === IDM_AREA ? idmEntry : entry;
  // Empty lists are left out, as the tenant omits them.
  const configChange: NonNullable<RawReportContent["configChange"]> = {};
  if (added.length > 0) configChange.added = added.map(toEntry);
  if (modified.length > 0) configChange.modified = modified.map(toEntry);
  if (deleted.length > 0) configChange.deleted = deleted.map(toEntry);
  if (area !== IDM_AREA) return { configItem: category, configChange };
  return {
    configItem: category,
    configChange,
    fileDestinationPattern: fileDestinationPattern(sample),
    fileName: idmFileName(sample),
    type: "single",
  };
}

function orderedAreas(from: EnvironmentConfig, to: EnvironmentConfig): string[] {
  const all = new Set([...Object.keys(from), ...Object.keys(to)]);
  const known = AREA_ORDER.filter((a) => all.has(a));
  const others = [...all].filter((a) => !AREA_ORDER.includes(a)).sort();
  return [...known, ...others];
}

/**
 * What changes when `to` replaces `from`: items only in `to` are added, items only in
 * `from` deleted, items in both with different content modified (matched by uid).
 */
export function diffConfig(from: EnvironmentConfig, to: EnvironmentConfig): ConfigChanges {
  const report: Record<string, RawReportContent[]> = {};
  const written: ConfigItem[] = [];
  let total = 0;
  for (const area of orderedAreas(from, to)) {
    const fromArea = from[area] ?? {};
    const toArea = to[area] ?? {};
    const categories = [...new Set([...Object.keys(toArea), ...Object.keys(fromArea)])];
    const contents: RawReportContent[] = [];
    for (const category of categories) {
      const before = new Map((fromArea[category] ?? []).map((i) => [i.uid, i]));
      const after = toArea[category] ?? [];
      const added = after.filter((i) => !before.has(i.uid));
      const modified = after.filter((i) => {
        const old = before.get(i.uid);
        return old !== undefined && !sameItem(old, i);
      });
      const afterUids = new Set(after.map((i) => i.uid));
      const deleted = [...before.values()].filter((i) => !afterUids.has(i.uid));
      const sample = [...added, ...modified, ...deleted][0];
      if (sample === undefined) continue;
      contents.push(categoryChange(area, category, sample, added, modified, deleted));
      written.push(...added, ...modified);
      total += added.length + modified.length + deleted.length;
    }
    if (contents.length > 0) report[area] = contents;
  }
  return { report, written, total };
}

// A placeholder such as &{esv.email.from}; ESV names may hold dots and dashes.
const ESV_PLACEHOLDER = /&\{esv\.([A-Za-z0-9][A-Za-z0-9._-]*)\}/g;

/**
 * One spelling for an ESV name: the placeholder &{esv.email.from} refers to the variable
 * whose id is esv-email-from, so both reduce to "email-from".
 */
export function canonicalEsvName(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/^esv[.-]/, "")
    .replaceAll(".", "-");
}

/** ESV names (as written after "esv." in placeholders) referenced by `items` that `esvs` lacks. */
export function findMissingEsvs(items: ConfigItem[], esvs: Iterable<string>): string[] {
  const present = new Set([...esvs].map(canonicalEsvName));
  const missing = new Set<string>();
  for (const item of items) {
    for (const match of JSON.stringify(item.content).matchAll(ESV_PLACEHOLDER)) {
      const name = match[1] as string;
      if (!present.has(canonicalEsvName(name))) missing.add(name);
    }
  }
  return [...missing].sort();
}

/** Where an item is said to live when the scenario gives it no file. */
export function itemFile(item: ConfigItem): string {
  return item.file ?? `${item.uid.replace(/[^A-Za-z0-9._-]+/g, "_")}.json`;
}

/**
 * Encrypted values ({"$crypto": ...}) in `items`, as "* <file>:<line>" with the line of
 * the "$crypto" key in the item's pretty-printed JSON.
 */
export function findEncryptedValues(items: ConfigItem[]): string[] {
  const found: string[] = [];
  for (const item of items) {
    const lines = JSON.stringify(item.content, null, 2).split("\n");
    lines.forEach((line, index) => {
      if (/^\s*"\$crypto"\s*:/.test(line)) found.push(`* ${itemFile(item)}:${index + 1}`);
    });
  }
  return found;
}
