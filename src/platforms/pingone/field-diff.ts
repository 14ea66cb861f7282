// What a modified resource will change, field by field: the step's payload against the target's
// current resource. Values of fields that look secret are masked; bookkeeping fields are skipped.
import { createHash } from "node:crypto";
import type { FieldChange } from "../../core/report/model.js";

/** Set by the platform, not by the promotion: never a change worth showing. */
const IGNORED = new Set(["id", "_links", "_embedded", "environment", "createdAt", "updatedAt"]);
const SECRET = /secret|password|token|private|credential|key$/i;
const MASK = "***";

type Flat = Map<string, unknown>;

function flatten(value: unknown, path: string, out: Flat): Flat {
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

function shown(path: string, value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (SECRET.test(path.split(".").pop() ?? "")) return MASK;
  return typeof value === "string" ? value : JSON.stringify(value);
}

/** The fields whose value differs, in path order; only fields the payload sets count. */
export function diffFields(current: unknown, payload: unknown): FieldChange[] {
  const before = flatten(current, "", new Map());
  const after = flatten(payload, "", new Map());
  const changes: FieldChange[] = [];
  for (const [path, value] of [...after].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (JSON.stringify(before.get(path)) === JSON.stringify(value)) continue;
    changes.push({ path, before: shown(path, before.get(path)), after: shown(path, value) });
  }
  return changes;
}

/** A digest of what a step will write, bookkeeping fields left out, keys in a fixed order. */
export function payloadFingerprint(payload: unknown): string | undefined {
  if (payload === undefined || payload === null) return undefined;
  const flat = [...flatten(payload, "", new Map())].sort(([a], [b]) => (a < b ? -1 : 1));
  return createHash("sha256").update(JSON.stringify(flat)).digest("hex").slice(0, 16);
}
