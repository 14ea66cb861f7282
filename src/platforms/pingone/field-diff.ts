// What a modified resource will change, field by field: the step's payload against the target's
// current resource. Core compares and masks; PingOne says which fields are bookkeeping and how an
// id the plan picks afresh reads.
import {
  contentFingerprint,
  diffFields as diffDocuments,
  shownValue,
} from "../../core/report/field-diff.js";
import type { FieldChange } from "../../core/report/model.js";

/** Set by the platform, not by the promotion: never a change worth showing. */
const IGNORED = new Set(["id", "_links", "_embedded", "environment", "createdAt", "updatedAt"]);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The fields whose value differs, in path order; only fields the payload sets count. An id the
 * plan picked for a resource it creates reads as such rather than as a meaningless UUID.
 */
export function diffFields(
  current: unknown,
  payload: unknown,
  unstableIds: (id: string) => boolean = () => false,
): FieldChange[] {
  return diffDocuments(current, payload, {
    ignored: IGNORED,
    afterOnly: true,
    showAfter: (path, value) =>
      typeof value === "string" && UUID.test(value) && unstableIds(value)
        ? "(the id of a resource this promotion creates)"
        : shownValue(path, value),
  });
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
  return contentFingerprint(payload, IGNORED, (_path, value) =>
    typeof value === "string" && UUID.test(value) && unstableIds(value) ? "<new id>" : value,
  );
}
