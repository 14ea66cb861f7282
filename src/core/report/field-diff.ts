// What a modified entry changes, field by field, for every platform: two JSON documents
// flattened to paths, compared, with the values of fields that look secret masked. The platform
// says which top-level fields are bookkeeping (ids, revisions) and never worth showing.
import { createHash } from "node:crypto";
import type { FieldChange } from "./model.js";

/**
 * Names of fields whose values are secrets, or hold them (a signing key's members): by how the
 * name ends, so that accessTokenLifetime or passwordPolicy read as the settings they are.
 */
const SECRET =
  /(secret|passw(or)?d|passphrase|token|credential|authorization|cookie)s?$|private|(^|[a-z])keys?$/i;
/** Ancestors that only point at a secret-sounding resource: passwordPolicy.id is no secret. */
const REFERENCE = /^(id|name|type|href)$/;
export const MASK = "***";

export type FlatFields = Map<string, unknown>;

/**
 * Every leaf of `value` by its path ("a.b[0].c"). Arrays of plain values stay one leaf, so a
 * reordered list of names reads as one change. `ignored`: top-level keys left out.
 */
export function flattenFields(
  value: unknown,
  ignored: ReadonlySet<string> = new Set(),
  path = "",
  out: FlatFields = new Map(),
): FlatFields {
  if (Array.isArray(value) && value.some((item) => item !== null && typeof item === "object")) {
    value.forEach((item, index) => {
      flattenFields(item, ignored, `${path}[${index}]`, out);
    });
    return out;
  }
  if (value !== null && typeof value === "object" && !Array.isArray(value)) {
    for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
      if (path === "" && ignored.has(key)) continue;
      flattenFields(child, ignored, path ? `${path}.${key}` : key, out);
    }
    return out;
  }
  out.set(path, value);
  return out;
}

/** A field is secret when its own name says so, or an ancestor's does (unless it is a reference). */
export function isSecretPath(path: string): boolean {
  const names = path.split(".").map((part) => part.replace(/\[\d+\]$/, ""));
  // A schema's property names (IDM's managed objects: properties.password.title) are names of
  // fields, not fields: what is under them describes the field, and holds no value of it.
  const described = names.map((_, i) => i > 0 && names[i - 1] === "properties");
  const own = names[names.length - 1] ?? "";
  if (SECRET.test(own) && !described[names.length - 1]) return true;
  return (
    !REFERENCE.test(own) &&
    names
      .slice(0, -1)
      .some((name, i) => SECRET.test(name) && !described[i] && !/policy|policies/i.test(name))
  );
}

/**
 * The value as a reader sees it: text as it is, other JSON as JSON, secrets masked. A
 * `placeholder` (a platform's reference to a secret by name) is no secret: shown as written.
 */
export function shownValue(path: string, value: unknown, placeholder?: RegExp): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value === "string" && placeholder?.test(value)) return value;
  if (isSecretPath(path)) return MASK;
  return typeof value === "string" ? value : JSON.stringify(value);
}

export interface FieldDiffOptions {
  /** Top-level keys never compared (ids, revisions, links). */
  ignored?: ReadonlySet<string>;
  /** Only paths `after` sets count (a payload that leaves other fields alone); default both sides. */
  afterOnly?: boolean;
  /** How an `after` value reads, when it needs more than masking (e.g. an id a plan picks). */
  showAfter?: (path: string, value: unknown) => string | undefined;
  /** Prefix for every path, e.g. a journey node's name. */
  prefix?: string;
  /** Whole values that name a secret rather than hold it, shown as written (see shownValue). */
  placeholder?: RegExp;
}

/** The fields whose value differs between `before` and `after`, in path order. */
export function diffFields(
  before: unknown,
  after: unknown,
  options: FieldDiffOptions = {},
): FieldChange[] {
  const ignored = options.ignored ?? new Set<string>();
  const old = flattenFields(before, ignored);
  const now = flattenFields(after, ignored);
  const paths = options.afterOnly ? [...now.keys()] : [...new Set([...old.keys(), ...now.keys()])];
  const changes: FieldChange[] = [];
  for (const path of paths.sort()) {
    const was = old.get(path);
    const is = now.get(path);
    if (JSON.stringify(was) === JSON.stringify(is)) continue;
    const shownAfter = options.showAfter?.(path, is) ?? shownValue(path, is, options.placeholder);
    const shownPath = options.prefix ? `${options.prefix}${path ? `.${path}` : ""}` : path;
    const change: FieldChange = { path: shownPath };
    const shownBefore = shownValue(path, was, options.placeholder);
    if (shownBefore !== undefined) change.before = shownBefore;
    if (shownAfter !== undefined) change.after = shownAfter;
    changes.push(change);
  }
  return changes;
}

/**
 * A short digest of a document, keys in a fixed order, ignored keys left out: equal for equal
 * content wherever it was read. `normalize` rewrites values that differ without meaning.
 */
export function contentFingerprint(
  value: unknown,
  ignored: ReadonlySet<string> = new Set(),
  normalize: (path: string, value: unknown) => unknown = (_path, v) => v,
): string | undefined {
  if (value === undefined || value === null) return undefined;
  const flat = [...flattenFields(value, ignored)]
    .map(([path, leaf]): [string, unknown] => [path, normalize(path, leaf)])
    .sort(([a], [b]) => (a < b ? -1 : 1));
  return createHash("sha256").update(JSON.stringify(flat)).digest("hex").slice(0, 16);
}
