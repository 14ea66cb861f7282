// One normalized model for every platform's reports: the platform names the kind, titles it and
// supplies its own notes; core renders, counts and hashes it without knowing the platform.

/** One field a modified entry will change: where, and its value before and after (as text). */
export interface FieldChange {
  path: string;
  before?: string;
  after?: string;
  /** For long text (a script's source): a unified line diff, before to after, shown as a block. */
  diff?: string;
}

export interface ChangeEntry {
  /** Display name: the string entry itself, or `name` of an object entry (falls back to uid). */
  name: string;
  /** Where the entry lives, shown beside its name and part of its identity (e.g. a realm). */
  location?: string;
  uid?: string;
  /** Fields the model does not know, kept as received. */
  extra?: Record<string, unknown>;
  /** For a modified entry, what will change field by field, where the platform can tell. */
  fields?: FieldChange[];
  /** Digest of what the change will write, where known: in the hash, so an edit after review shows. */
  fingerprint?: string;
  /** One sentence about this entry shown beside it, e.g. why its content could not be compared. */
  detail?: string;
}

export interface ConfigItemChanges {
  configItem: string;
  added: ChangeEntry[];
  modified: ChangeEntry[];
  deleted: ChangeEntry[];
  /** Other fields of the entry (fileDestinationPattern, fileName, type, ...). */
  extra?: Record<string, unknown>;
}

export interface ReportArea {
  /** AMConfig, IDMConfig, or any other area the tenant reports. */
  name: string;
  items: ConfigItemChanges[];
}

export interface ChangeCounts {
  added: number;
  modified: number;
  deleted: number;
  total: number;
}

/** One message of a long job, e.g. an ArcGIS rollback, in the order it appeared. */
export interface TimelineEntry {
  /** ISO 8601, when the platform said. */
  at?: string;
  text: string;
  /** Until the next message, when both times are known. */
  durationMs?: number;
}

/** What a rollback does to the target, in one vocabulary for every platform. */
export interface RollbackEffect {
  /** Items the reverted promotion added (patches it installed): the rollback deletes them. */
  removes: number;
  /** Items it modified: the rollback puts back their earlier content. */
  restores: number;
  /** Items it deleted: the rollback creates them again. */
  recreates: number;
}

/** A titled list a platform adds to its reports, e.g. names a promotion still lacks. */
export interface ReportNote {
  /** "Missing ESVs": the heading in Markdown, the label in text. */
  title: string;
  items: string[];
  /** The report JSON's key for the list; without one it shows in text and Markdown only. */
  key?: string;
}

export interface Report {
  /** The platform's name for what the report is ("dry-run", "plan"), kept in the JSON. */
  kind: string;
  /** The heading people read: "Dry-run promotion report". */
  title: string;
  /** The report tells what was done, not what will be: its sentences are in the past tense. */
  applied?: boolean;
  reportId?: string;
  reportName?: string;
  promotionId?: string;
  promoter?: string;
  promotionDescription?: string;
  /** As received; formats vary. */
  createdDate?: string;
  /** ISO 8601 when createdDate could be parsed. */
  createdAt?: string;
  dryRun?: boolean;
  areas: ReportArea[];
  /** The platform's own lists, in the order shown; empty lists show nowhere but in the JSON. */
  notes: ReportNote[];
  /** The report JSON's key for an entry's location, e.g. "realm"; "location" by default. */
  locationKey?: string;
  counts: ChangeCounts;
  /** sha256 (hex) of the changes only: equal for equal changes, whatever the ids and dates. */
  hash: string;
  /** Top-level fields the model does not know, kept as received. */
  extra?: Record<string, unknown>;
  /**
   * Rollback reports: what the rollback does to the target. Platforms list a rollback's changes
   * differently (AIC: the reverted promotion's changes; PingOne: the rollback's own steps).
   */
  rollbackEffect?: RollbackEffect;
  /** A job's messages, shown folded after the changes. */
  timeline?: TimelineEntry[];
}
