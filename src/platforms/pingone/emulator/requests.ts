// Validation of the bodies of POST /promotions and PATCH /promotions/{id}.
import { jsonObjectBody, type Parsed, type Reply } from "../../../core/emulator/reply.js";
import { invalidData, invalidRequest } from "./errors.js";
import { type Environment, findById } from "./resources.js";

/** The fields a promotion request may set; PATCH may change only these. */
export interface PromotionFields {
  description?: string;
  selectedResources?: string[];
  excludedResources?: string[];
  resourceMapping?: Record<string, string>;
}

export interface CreateFields extends PromotionFields {
  target: Environment;
  sourceSnapshotId?: string;
  targetSnapshotId?: string;
}

const UPDATABLE = ["description", "selectedResources", "excludedResources", "resourceMapping"];

/** An empty body reads as null: "must be a JSON object". */
export function parseObject(text: string): Parsed<Record<string, unknown>> {
  return jsonObjectBody(text || "null", invalidRequest);
}

function idList(value: unknown, field: string): string[] | Reply {
  if (!Array.isArray(value) || value.some((v) => typeof v !== "string"))
    return invalidData(field, `${field} must be an array of ids`);
  return value.map((v: string) => v.toLowerCase());
}

/** Checks the updatable fields of `body` against the source and target environments. */
export function promotionFields(
  body: Record<string, unknown>,
  source: Environment,
  target: Environment,
): Parsed<PromotionFields> {
  const fields: PromotionFields = {};
  if (body.description !== undefined) {
    if (typeof body.description !== "string")
      return { error: invalidData("description", "description must be a string") };
    fields.description = body.description;
  }
  if (body.selectedResources !== undefined) {
    const ids = idList(body.selectedResources, "selectedResources");
    if (!Array.isArray(ids)) return { error: ids };
    const unknown = ids.find((id) => id !== source.id && !findById(source.resources, id));
    if (unknown)
      return {
        error: invalidData(
          "selectedResources",
          `${unknown} is neither the source environment nor one of its resources`,
        ),
      };
    fields.selectedResources = ids;
  }
  if (body.excludedResources !== undefined) {
    const ids = idList(body.excludedResources, "excludedResources");
    if (!Array.isArray(ids)) return { error: ids };
    const all = [...source.resources, ...target.resources];
    const unknown = ids.find((id) => !findById(all, id));
    if (unknown)
      return { error: invalidData("excludedResources", `${unknown} is not a known resource`) };
    fields.excludedResources = ids;
  }
  if (body.resourceMapping !== undefined) {
    const raw = body.resourceMapping;
    if (raw === null || typeof raw !== "object" || Array.isArray(raw))
      return {
        error: invalidData("resourceMapping", "resourceMapping must map source ids to target ids"),
      };
    const mapping: Record<string, string> = {};
    for (const [from, to] of Object.entries(raw)) {
      const a = findById(source.resources, from.toLowerCase());
      const b = typeof to === "string" ? findById(target.resources, to.toLowerCase()) : undefined;
      if (!a || !b || a.type !== b.type)
        return {
          error: invalidData(
            `resourceMapping.${from}`,
            "must map a source resource to a target resource of the same type",
          ),
        };
      mapping[a.id] = b.id;
    }
    fields.resourceMapping = mapping;
  }
  return { value: fields };
}

export function parseCreate(
  text: string,
  source: Environment,
  environment: (id: string) => Environment | undefined,
): Parsed<CreateFields> {
  const parsed = parseObject(text);
  if ("error" in parsed) return parsed;
  const body = parsed.value;
  const ref = body.targetEnvironment as { id?: unknown } | undefined;
  if (typeof ref?.id !== "string")
    return {
      error: invalidData(
        "targetEnvironment.id",
        "targetEnvironment.id is required",
        "REQUIRED_VALUE",
      ),
    };
  const target = environment(ref.id.toLowerCase());
  if (!target)
    return { error: invalidData("targetEnvironment.id", `No environment has the id ${ref.id}`) };
  if (target.id === source.id)
    return {
      error: invalidData(
        "targetEnvironment.id",
        "The target must differ from the source environment",
      ),
    };
  const fields = promotionFields(body, source, target);
  if ("error" in fields) return fields;
  const value: CreateFields = { ...fields.value, target };
  for (const key of ["sourceSnapshotId", "targetSnapshotId"] as const) {
    const id = body[key];
    if (id === undefined) continue;
    if (typeof id !== "string") return { error: invalidData(key, `${key} must be a string`) };
    value[key] = id;
  }
  return { value };
}

export function parsePatch(
  text: string,
  source: Environment,
  target: Environment,
): Parsed<PromotionFields> {
  const parsed = parseObject(text);
  if ("error" in parsed) return parsed;
  const other = Object.keys(parsed.value).find((key) => !UPDATABLE.includes(key));
  if (other)
    return {
      error: invalidData(other, `${other} cannot be changed (only ${UPDATABLE.join(", ")})`),
    };
  return promotionFields(parsed.value, source, target);
}
