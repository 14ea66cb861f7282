// What a modified resource will change, field by field: the step's payload against the target's
// current resource. Values of fields that look secret are masked; bookkeeping fields are skipped.
import { createHash } from "node:crypto";
import type { FieldChange } from "../../core/report/model.js";

/** Set by the platform, not by the promotion: never a change worth showing. */
const IGNORED = new Set(["id", "_links", "_embedded", "environment", "createdAt", "updatedAt"]);
/** Names of fields whose values are secrets, or hold them (a signing key's members). */
const SECRET =
  /secret|passw(or)?d|passphrase|token|private|credential|authorization|cookie|(^|[a-z])keys?$/i;
/** Ancestors that only point at a secret-sounding resource: passwordPolicy.id is no secret. */
const REFERENCE = /^(id|name|type|href)$/;
const MASK = "***";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Flat = Map<string, unknown>;

function flatten(value: unknown, path: string, out: Flat): Flat {
  if (Array.isArray(value) && value.some((item) => item !== null && typeof item === "object")) {
    value.forEach((item, index) => {
      flatten(item, `${path}[${index}]`, out);
    });
    return out;
  }
  if (value !== null && typeof value === "object" && !Array.isArray(value)) {
    for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
      if (path === "" && IGNORED.has(key)) continue;
      flatten(child, path ? `${path}.${key}` : key, out);
    }
    return out;
  }
  out.set(path, value);
  return out;
}

/** A field is secret when its own name says so, or an ancestor's does (unless it is a reference). */
export function isSecretPath(path: string): boolean {
  const names = path.split(".").map((part) => part.replace(/\[\d+\]$/, ""));
  const own = names[names.length - 1] ?? "";
  if (SECRET.test(own)) return true;
  return (
    !REFERENCE.test(own) &&
    names.slice(0, -1).some((name) => SECRET.test(name) && !/policy|policies/i.test(name))
  );
}

function shown(path: string, value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (isSecretPath(path)) return MASK;
  return typeof value === "string" ? value : JSON.stringify(value);
}

/**
 * The fields whose value differs, in path order; only fields the payload sets count. An id the
 * plan picked for a resource it creates reads as such rather than as a meaningless UUID.
 */
export function diffFields(
  current: unknown,
  payload: unknown,
  unstableIds: (id: string) => boolean = () => false,
): FieldChange[] {
  const before = flatten(current, "", new Map());
  const after = flatten(payload, "", new Map());
  const changes: FieldChange[] = [];
  for (const [path, value] of [...after].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (JSON.stringify(before.get(path)) === JSON.stringify(value)) continue;
    const after =
      typeof value === "string" && UUID.test(value) && unstableIds(value)
        ? "(the id of a resource this promotion creates)"
        : shown(path, value);
    changes.push({ path, before: shown(path, before.get(path)), after });
  }
  return changes;
}

/**
 * A digest of what a step will write, bookkeeping fields left out, keys in a fixed order.
 * `unstableIds`: ids a plan picks afresh each time it is computed (for what it creates); they
 * count as "a new id", so the same change planned twice digests the same. Every other id counts
 * as itself, so pointing a reference elsewhere after review changes the digest.
 */
export function payloadFingerprint(
  payload: unknown,
  unstableIds: (id: string) => boolean = () => false,
): string | undefined {
  if (payload === undefined || payload === null) return undefined;
  const flat = [...flatten(payload, "", new Map())]
    .map(([path, value]): [string, unknown] => [
      path,
      typeof value === "string" && UUID.test(value) && unstableIds(value) ? "<new id>" : value,
    ])
    .sort(([a], [b]) => (a < b ? -1 : 1));
  return createHash("sha256").update(JSON.stringify(flat)).digest("hex").slice(0, 16);
}
