// Names for a plan's steps. PingOne names some resources `<type>:<id>` instead (seed 003's
// themes, whose name sits in their configuration): the report reads the name from the step's
// payload, else from the resource itself (in the source; for a DELETE, in the target), with a
// bounded number of GETs, and says so where it cannot.

import { isJsonObject } from "../../core/util/json.js";
import type { PingOneContext } from "./context.js";
import type { PromotionStep, ResourceRef } from "./types.js";

/** At most this many resources are read for their names; the others keep the id form. */
export const MAX_NAME_READS = 50;

const ID_FORM =
  /^([A-Za-z][\w/-]*):([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

/** The resource a step is about, as the report names it: the target's for a DELETE, else the source's. */
export function subjectOf(step: PromotionStep): ResourceRef | undefined {
  return step.action === "DELETE" ? step.targetResource : step.sourceResource;
}

/** `{ type, id }` when a reference is named `<type>:<its own id>` rather than by name. */
export function idForm(ref: ResourceRef | undefined): { type: string; id: string } | undefined {
  const match = ID_FORM.exec(ref?.name ?? "");
  if (!match || match[2]?.toLowerCase() !== ref?.id?.toLowerCase()) return undefined;
  return { type: match[1] as string, id: match[2] as string };
}

function text(value: unknown): string | undefined {
  return typeof value === "string" && value.trim() !== "" ? value : undefined;
}

/** The name a resource's JSON (or a payload) gives: `name`, else `configuration.name` (themes). */
export function nameIn(json: unknown): string | undefined {
  if (!isJsonObject(json)) return undefined;
  return (
    text(json.name) ??
    (isJsonObject(json.configuration) ? text(json.configuration.name) : undefined)
  );
}

/**
 * Where the step's resource can be read: for a DELETE its own URL (in the target); otherwise the
 * same collection in the source environment, under the source resource's id. Only for a
 * top-level type, whose URL is .../environments/<env>/<type>[/<id>]; nested ones are not guessed.
 */
function readUrl(step: PromotionStep, type: string, id: string, sourceEnvironmentId: string) {
  let url: URL;
  try {
    url = new URL(step.resourceUrl);
  } catch {
    return undefined;
  }
  const segments = url.pathname.split("/").filter(Boolean);
  const at = segments.indexOf("environments");
  const rest = segments.slice(at + 2);
  if (at < 0 || rest[0] !== type || rest.length > 2) return undefined;
  if (step.action === "DELETE") return rest.length === 2 ? url.href : undefined;
  const path = [...segments.slice(0, at + 1), sourceEnvironmentId, type, id].join("/");
  return new URL(`/${path}`, url.origin).href;
}

export interface StepName {
  /** The resource's own name, when the plan gave only the id form and it could be found. */
  name?: string;
  /** Why the id form stays, for the report. */
  note?: string;
}

/** Names for the steps (by index) that the plan gives only as `<type>:<id>`. */
export async function stepNames(
  ctx: PingOneContext,
  steps: PromotionStep[],
): Promise<Map<number, StepName>> {
  const names = new Map<number, StepName>();
  let reads = 0;
  for (const [index, step] of steps.entries()) {
    const ref = idForm(subjectOf(step));
    if (!ref) continue;
    let name = nameIn(step.payload);
    const url = name ? undefined : readUrl(step, ref.type, ref.id, ctx.api.sourceEnvironmentId);
    if (url && reads++ < MAX_NAME_READS) name = nameIn(await ctx.api.readResource(url, ctx.signal));
    names.set(
      index,
      name
        ? { name }
        : { note: "PingOne names it by type and id only; its name could not be read" },
    );
  }
  const unnamed = [...names.values()].filter((n) => n.note).length;
  if (unnamed > 0)
    ctx.log.warn(
      `[plan] ${unnamed} resource(s) keep the <type>:<id> form PingOne gives them: their names could not be read`,
    );
  return names;
}
