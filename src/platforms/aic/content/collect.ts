// Content diffs for an AIC report: each added or modified entry read from the lower and the
// upper environment, compared, and fingerprinted. Reads are bounded, and a read that fails
// never fails the run (unless content-diff is required): that entry keeps its name, and the
// report says why once.
import { ApiError, AuthError } from "../../../core/http/errors.js";
import { buildReport } from "../../../core/report/build.js";
import { type ChangeRecord, changeKey } from "../../../core/report/changes.js";
import type { ChangeEntry, FieldChange, Report } from "../../../core/report/model.js";
import { EngineFailure } from "../../../core/run/failure.js";
import { Limiter } from "../../../core/util/limiter.js";
import type { Logger } from "../../../core/util/log.js";
import { type ContentSource, ContentTooLargeError } from "./client.js";
import { diffContent, type Read, readSide } from "./compare.js";
import { IdmReader } from "./idm.js";

import { type ContentTarget, locateContent } from "./locate.js";

export type ContentDiffMode = "auto" | "off" | "required";
export const CONTENT_DIFF_MODES: readonly ContentDiffMode[] = ["auto", "off", "required"];
export const CONTENT_SCOPES = "fr:am:* fr:idm:*";
/** Entries compared per report; the rest keep their names, with one note saying how many. */
export const MAX_CONTENT_ITEMS = 250;
/** Requests in flight at once, both environments together. */
export const CONTENT_CONCURRENCY = 8;
/** The report note's title and JSON key. */
const NOTE_TITLE = "Content diffs";
const NOTE_KEY = "contentDiffNotes";

export interface ContentSides {
  upper?: ContentSource;
  lower?: ContentSource;
  /** Why a side is missing: said once instead of any diff. */
  missing?: string;
}

export interface ContentDiffOptions {
  mode: ContentDiffMode;
  logger: Logger;
  signal?: AbortSignal;
  maxItems?: number;
  concurrency?: number;
}

/** What was learnt of one entry; keyed by the entry's identity so a later report can take it. */
export interface EntryContent {
  fields?: FieldChange[];
  fingerprint?: string;
  detail?: string;
}

export interface ContentDiffs {
  entries: Map<string, EntryContent>;
  notes: string[];
  /** Requests in flight at most, for the benchmark. */
  peakInFlight: number;
}

type Side = "upper" | "lower";

/** Reads and compares the content of every added and modified entry of `report`. */
export async function readContentDiffs(
  report: Report,
  sides: ContentSides,
  options: ContentDiffOptions,
): Promise<ContentDiffs> {
  const result: ContentDiffs = { entries: new Map(), notes: [], peakInFlight: 0 };
  if (options.mode === "off") return result;
  // Deleted entries write nothing: only what is added or modified is read.
  const located = report.areas.flatMap((area) =>
    area.items.flatMap((item) =>
      (["added", "modified"] as const).flatMap((kind) =>
        item[kind].map((entry) => ({
          change: { area: area.name, configItem: item.configItem, kind, entry },
          target: locateContent(item, entry),
        })),
      ),
    ),
  );
  if (located.length === 0) return result;
  const { upper, lower } = sides;
  if (!upper || !lower) {
    const why = sides.missing ?? "both environments are needed";
    return refuseOrNote(
      options,
      result,
      `Content diffs need both environments: ${why}. Showing names.`,
    );
  }
  const limiter = new Limiter(options.concurrency ?? CONTENT_CONCURRENCY);
  const run = new ContentRun(
    { upper: limited(upper, limiter), lower: limited(lower, limiter) },
    options,
  );
  const max = options.maxItems ?? MAX_CONTENT_ITEMS;
  const unsupported = new Set<string>();
  const readable = located.filter(({ target }) => {
    if (target.kind !== "unsupported") return true;
    unsupported.add(target.what);
    return false;
  });
  await Promise.all(
    readable.slice(0, max).map(async ({ change, target }) => {
      const content = await run.compare(change, target);
      if (content) result.entries.set(entryKey(change), content);
    }),
  );
  if (!run.fingerprintsHold)
    for (const [key, { fingerprint: _dropped, ...rest }] of result.entries)
      if (Object.keys(rest).length > 0) result.entries.set(key, rest);
      else result.entries.delete(key);
  result.peakInFlight = limiter.peak;
  result.notes.push(...run.notes());
  if (readable.length > max)
    result.notes.push(
      `Content compared for the first ${max} items; ${readable.length - max} more are listed by name only.`,
    );
  for (const what of [...unsupported].sort())
    result.notes.push(`No content diff for ${what}: listed by name.`);
  if (options.mode === "required" && run.failed)
    throw new EngineFailure(
      "content-unreadable",
      `content-diff is required, but the content of some items could not be read: ${run.notes()[0] ?? "see the log"}`,
      [
        `Give the service accounts the ${CONTENT_SCOPES} scopes (and the lower environment's credentials), or set content-diff: auto to review names only.`,
      ],
    );
  options.logger.info(
    `[content] compared ${result.entries.size} of ${located.length} item(s) (${limiter.peak} request(s) in flight at most)`,
  );
  return result;
}

/** The report with what was read on its entries, the notes added, and its hash made anew. */
export function withContentDiffs(report: Report, diffs: ContentDiffs): Report {
  if (diffs.entries.size === 0 && diffs.notes.length === 0) return report;
  const areas = report.areas.map((area) => ({
    ...area,
    items: area.items.map((item) => {
      const attach =
        (kind: ChangeRecord["kind"]) =>
        (entry: ChangeEntry): ChangeEntry => {
          const found = diffs.entries.get(
            entryKey({ area: area.name, configItem: item.configItem, kind, entry }),
          );
          return found ? { ...entry, ...found } : entry;
        };
      return {
        ...item,
        added: item.added.map(attach("added")),
        modified: item.modified.map(attach("modified")),
        deleted: item.deleted,
      };
    }),
  }));
  const notes = [...report.notes.filter((n) => n.key !== NOTE_KEY)];
  if (diffs.notes.length > 0) notes.push({ title: NOTE_TITLE, items: diffs.notes, key: NOTE_KEY });
  const { counts: _counts, hash: _hash, ...parts } = report;
  return buildReport({ ...parts, areas, notes });
}

/** An entry's identity whatever its content: how a later report finds what was read for it. */
export function entryKey(change: ChangeRecord): string {
  const { fields: _f, fingerprint: _p, detail: _d, ...entry } = change.entry;
  return changeKey({ ...change, entry });
}

function refuseOrNote(
  options: ContentDiffOptions,
  result: ContentDiffs,
  note: string,
): ContentDiffs {
  if (options.mode === "required")
    throw new EngineFailure("content-unreadable", `content-diff is required: ${note}`, [
      "Give the lower environment's URL and credentials too, or set content-diff: auto to review names only.",
    ]);
  options.logger.info(`[content] ${note}`);
  result.notes.push(note);
  return result;
}

/** Every request of `source` waits for a slot of `limiter`. */
function limited(source: ContentSource, limiter: Limiter): ContentSource {
  return {
    origin: source.origin,
    am: (...args) => limiter.run(() => source.am(...args)),
    idm: (...args) => limiter.run(() => source.idm(...args)),
  };
}

/** One comparison run: the readers of both sides, and what went wrong, said once each. */
class ContentRun {
  private readonly idm: Record<Side, IdmReader>;
  /** Sides whose credentials lack the AM/IDM scopes: their reads stop. */
  private readonly refused = new Set<Side>();
  /** The first read failure of each side: said once, the others are in the log. */
  private readonly problems = new Map<Side, string>();
  failed = false;

  constructor(
    private readonly sources: Record<Side, ContentSource>,
    private readonly options: ContentDiffOptions,
  ) {
    this.idm = {
      upper: new IdmReader(sources.upper, options.signal),
      lower: new IdmReader(sources.lower, options.signal),
    };
  }

  notes(): string[] {
    // Lower refused stops every read, so whether upper was asked too is chance: lower is said.
    const side = this.refused.has("lower") ? "lower" : this.refused.has("upper") ? "upper" : "";
    const scope = side
      ? [
          `Content diffs need the ${CONTENT_SCOPES} scopes, which the ${side} environment's credentials lack (${this.sources[side].origin}); showing names.`,
        ]
      : [];
    return [...scope, ...this.problems.values()];
  }

  /**
   * Whether the fingerprints read are in the hash. Lower refused some reads (one scope of two,
   * say): which items were read before the refusal is chance, so none counts, and the hash is
   * the same run after run.
   */
  get fingerprintsHold(): boolean {
    return !this.refused.has("lower");
  }

  async compare(change: ChangeRecord, target: ContentTarget): Promise<EntryContent | undefined> {
    const modified = change.kind === "modified";
    const [lower, upper] = await Promise.all([
      this.read("lower", target),
      modified ? this.read("upper", target) : Promise.resolve(undefined),
    ]);
    if (lower === "failed") return undefined;
    if (typeof lower === "string") return this.unmatched(`${lower} in the lower environment`);
    // What the promotion writes is known even when upper cannot be read: the hash covers it.
    if (upper === "failed") return { fingerprint: lower.fingerprint };
    if (typeof upper === "string")
      return this.unmatched(`${upper} in the upper environment`, lower);
    if (!modified || !upper) return { fingerprint: lower.fingerprint };
    return {
      fingerprint: lower.fingerprint,
      fields: diffContent(upper, lower),
    };
  }

  private unmatched(detail: string, lower?: Read): EntryContent {
    this.failed = true;
    return { detail: `no content diff: ${detail}`, fingerprint: lower?.fingerprint };
  }

  /** The entry's content on one side; a sentence when it is absent; "failed" when unreadable. */
  private async read(side: Side, target: ContentTarget): Promise<Read | string | "failed"> {
    // Without lower there is nothing to compare or fingerprint; without upper, lower still counts.
    if (this.refused.has("lower") || this.refused.has(side)) return "failed";
    try {
      return (
        (await readSide(this.sources[side], this.idm[side], target, this.options.signal)) ??
        "not found"
      );
    } catch (error) {
      if (this.options.signal?.aborted) throw error;
      this.failed = true;
      if (isScopeRefusal(error)) {
        this.refused.add(side);
        return "failed";
      }
      const what = error instanceof ContentTooLargeError ? error.message : (error as Error).message;
      if (!this.problems.has(side))
        this.problems.set(
          side,
          `Could not read some content from the ${side} environment (${what}); those items are listed by name.`,
        );
      this.options.logger.warn(`[content] ${side}: ${what}`);
      return "failed";
    }
  }
}

/** Credentials without the AM/IDM scopes: refused at the token endpoint or by AM/IDM. */
function isScopeRefusal(error: unknown): boolean {
  // The token endpoint answers invalid_scope (400); AM and IDM answer 401 or 403.
  if (error instanceof AuthError) return error.status === 400 || error.status === 401;
  return error instanceof ApiError && (error.status === 401 || error.status === 403);
}
