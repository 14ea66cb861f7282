// The hidden lines that make a PR comment ours: which upper environment it is about, the hash
// of the report it shows, and (when small enough) that report's changes for a later diff.
import { gunzipSync, gzipSync } from "node:zlib";
import { areasJson } from "../core/report/json.js";
import type { ChangeEntry, Report, ReportArea } from "../core/report/model.js";

/** A report's areas as its JSON holds them: what a comment stores for a later diff. */
export type StoredAreas = Record<string, unknown>[];

export interface CommentMarker {
  upper: string;
  hash?: string;
}

/** Stored changes larger than this are left out: the comment's room goes to the readable report. */
const MAX_STORED_CHANGES = 16_000;

const MARKER = /<!-- tenant-promote upper="([^"]*)" hash="([0-9a-f]*)" -->/;
const CHANGES = /<!-- tenant-promote-changes ([A-Za-z0-9_-]+) -->/;

export function markerLine(marker: CommentMarker): string {
  return `<!-- tenant-promote upper="${encodeURI(marker.upper)}" hash="${marker.hash ?? ""}" -->`;
}

export function readMarker(body: string): CommentMarker | undefined {
  const match = MARKER.exec(body);
  if (!match) return undefined;
  return { upper: decodeURI(match[1] ?? ""), hash: match[2] || undefined };
}

/** Our comment for this upper environment, if the PR has one. */
export function isOurComment(body: string, upper: string): boolean {
  return readMarker(body)?.upper === upper;
}

export function changesLine(report: Report): string | undefined {
  // Field diffs (a script's source) can be large: without them, the entries and their content
  // fingerprints still let a later diff name each item whose content changed.
  for (const areas of [report.areas, withoutFields(report.areas)]) {
    const json = areasJson(areas, report.locationKey);
    const packed = gzipSync(JSON.stringify(json)).toString("base64url");
    if (packed.length <= MAX_STORED_CHANGES) return `<!-- tenant-promote-changes ${packed} -->`;
  }
  return undefined;
}

function withoutFields(areas: ReportArea[]): ReportArea[] {
  const bare = (entry: ChangeEntry): ChangeEntry => {
    const { fields: _fields, detail: _detail, ...rest } = entry;
    return rest;
  };
  return areas.map((area) => ({
    ...area,
    items: area.items.map((item) => ({
      ...item,
      added: item.added.map(bare),
      modified: item.modified.map(bare),
      deleted: item.deleted.map(bare),
    })),
  }));
}

/**
 * What a comment says was reviewed: its hash and stored changes. Only runs on pull requests
 * set these; other runs (the promotion after a merge, a rollback) carry them over unchanged,
 * so no run can approve its own report.
 */
export interface ReviewRecord {
  hash?: string;
  changesLine?: string;
}

export function readReviewRecord(body: string | undefined): ReviewRecord {
  if (!body) return {};
  return { hash: readMarker(body)?.hash, changesLine: CHANGES.exec(body)?.[0] };
}

export function readChanges(body: string): StoredAreas | undefined {
  const match = CHANGES.exec(body);
  if (!match) return undefined;
  try {
    const areas = JSON.parse(gunzipSync(Buffer.from(match[1] ?? "", "base64url")).toString());
    return Array.isArray(areas) ? (areas as StoredAreas) : undefined;
  } catch {
    return undefined;
  }
}
