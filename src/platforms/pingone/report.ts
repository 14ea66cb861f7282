// A promotion's plan as the one report model: each step's resource type is the config item,
// POST added, PUT modified, DELETE deleted, named by the resource's name.
import { buildReport } from "../../core/report/build.js";
import { parseCreatedDate } from "../../core/report/dates.js";
import type {
  ChangeEntry,
  ConfigItemChanges,
  FieldChange,
  Report,
} from "../../core/report/model.js";
import { reportNotes } from "../report-notes.js";
import type { PlanStep, Promotion } from "./types.js";

/** A plan before it runs, the promotion it became, and a rollback's own plan. */
export type PingOneReportKind = "plan" | "rollback-plan" | "promotion" | "rollback";

const KINDS: Record<PingOneReportKind, { title: string; applied?: boolean }> = {
  plan: { title: "Promotion plan" },
  "rollback-plan": { title: "Rollback plan" },
  promotion: { title: "Promotion report" },
  rollback: { title: "Rollback report", applied: true },
};

/** The same report as another kind: a plan, once executed, is the promotion's report. */
export function asKind(report: Report, kind: PingOneReportKind): Report {
  const { applied: _applied, ...rest } = report;
  return { ...rest, kind, ...KINDS[kind] };
}

const KIND_OF_ACTION: Record<string, "added" | "modified" | "deleted"> = {
  POST: "added",
  PUT: "modified",
  PATCH: "modified",
  DELETE: "deleted",
};
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const AREA = "Resources";

/** "populations" from .../environments/<id>/populations/<id>; nested types keep their path. */
export function resourceType(resourceUrl: string): string {
  let path = resourceUrl;
  try {
    path = new URL(resourceUrl).pathname;
  } catch {
    // A relative URL: its path is all there is.
  }
  const segments = path.split("/").filter(Boolean);
  const at = segments.indexOf("environments");
  const rest = (at >= 0 ? segments.slice(at + 2) : segments).filter((s) => !UUID.test(s));
  return rest.join("/") || "environment";
}

/** What the report knows of a step beyond the plan: its field changes and payload digest. */
export interface StepDetails {
  fields?: FieldChange[];
  fingerprint?: string;
  /** The resource's own name, where the plan gives only `<type>:<id>`. */
  name?: string;
  /** Remarks shown beside the entry (a dependency, a name that could not be read). */
  notes?: Record<string, string>;
}

function entryOf(step: PlanStep, details: StepDetails | undefined): ChangeEntry {
  const resource = step.action === "DELETE" ? step.targetResource : step.sourceResource;
  const other = step.action === "DELETE" ? step.sourceResource : step.targetResource;
  const name = details?.name ?? resource?.name ?? other?.name ?? resource?.id ?? other?.id ?? "";
  const entry: ChangeEntry = { name };
  if (resource?.id) entry.uid = resource.id;
  if (details?.notes && Object.keys(details.notes).length > 0) entry.extra = { ...details.notes };
  if (details?.fields && details.fields.length > 0) entry.fields = details.fields;
  if (details?.fingerprint) entry.fingerprint = details.fingerprint;
  return entry;
}

/** `details` is keyed by the step's index in the plan. */
export function planReport(
  promotion: Promotion,
  kind: PingOneReportKind,
  details: Map<number, StepDetails> = new Map(),
  steps: PlanStep[] = promotion.promotionPlan?.steps ?? [],
): Report {
  const items = new Map<string, ConfigItemChanges>();
  steps.forEach((step, index) => {
    const change = KIND_OF_ACTION[String(step.action).toUpperCase()] ?? "modified";
    const type = resourceType(step.resourceUrl);
    const item = items.get(type) ?? { configItem: type, added: [], modified: [], deleted: [] };
    item[change].push(entryOf(step, details.get(index)));
    items.set(type, item);
  });
  const areas =
    items.size === 0
      ? []
      : [
          {
            name: AREA,
            items: [...items.values()].sort((a, b) => (a.configItem < b.configItem ? -1 : 1)),
          },
        ];
  return buildReport({
    kind,
    ...KINDS[kind],
    // The plan is the report: its id is the promotion's.
    reportId: promotion.id,
    promotionId: promotion.id,
    promotionDescription: promotion.description,
    createdDate: promotion.createdAt,
    createdAt: parseCreatedDate(promotion.createdAt),
    areas,
    notes: reportNotes(),
  });
}
