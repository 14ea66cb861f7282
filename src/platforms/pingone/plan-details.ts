// The plan with what each step will write: payloads from promotionSteps, and for each modified
// resource the target's current fields beside them; each resource by its own name, and marked
// when PingOne planned it without it being selected. Where payloads cannot be read, names alone.
import { rollbackSteps } from "../../core/report/changes.js";
import type { Report } from "../../core/report/model.js";
import type { PingOneContext } from "./context.js";
import { diffFields, payloadFingerprint } from "./field-diff.js";
import { type PingOneReportKind, planReport, type StepDetails } from "./report.js";
import { stepNames } from "./step-names.js";
import type { PlanStep, Promotion, PromotionStep } from "./types.js";

/** Reading every modified resource is one GET each: past this many, names alone. */
const MAX_FIELD_DIFFS = 200;
const DEPENDENCY_NOTE = "not selected; PingOne plans it because a selected resource refers to it";

/** Says, for a step, that PingOne planned its resource without it being selected. */
function dependencyOf(promotion: Promotion, sourceEnvironmentId: string) {
  const selected = new Set((promotion.selectedResources ?? []).map((id) => id.toLowerCase()));
  // Nothing selected, or the whole environment: every step is wanted.
  const whole = selected.size === 0 || selected.has(sourceEnvironmentId.toLowerCase());
  return (step: PlanStep): boolean => {
    const id = step.sourceResource?.id?.toLowerCase();
    return !whole && step.action !== "DELETE" && id !== undefined && !selected.has(id);
  };
}

export async function detailedReport(
  ctx: PingOneContext,
  promotion: Promotion,
  kind: PingOneReportKind,
): Promise<Report> {
  let steps: PromotionStep[] = [];
  try {
    steps = await ctx.api.listPromotionSteps(promotion.id, ctx.signal);
  } catch (error) {
    if (ctx.signal.aborted) throw error; // cancelled or timed out: not a names-only report
    ctx.log.warn(
      `[plan] could not read the steps' payloads (${(error as Error).message}); the report names the resources only`,
    );
  }
  // Every step of the plan, selected or brought in as a dependency.
  const planned: PromotionStep[] =
    steps.length > 0 ? steps : (promotion.promotionPlan?.steps ?? []);
  const details = new Map<number, StepDetails>();
  // Ids named by the plan are real resources. A plan that creates resources refers to them by
  // ids it picks afresh each time: any other id counts as one of those, but only then.
  const mapping = promotion.resourceMapping ?? {};
  const known = new Set(
    [
      ...planned.flatMap((s) => [s.sourceResource?.id, s.targetResource?.id]),
      // Every resource matched between the environments, touched by a step or not.
      ...Object.keys(mapping),
      ...Object.values(mapping),
    ].filter(Boolean),
  );
  const creates = planned.some((s) => s.action === "POST");
  const unstable = (id: string) => creates && !known.has(id);
  const names = await stepNames(ctx, planned);
  const isDependency = dependencyOf(promotion, ctx.api.sourceEnvironmentId);
  let diffs = 0;
  for (const [index, step] of planned.entries()) {
    const detail: StepDetails = { fingerprint: payloadFingerprint(step.payload, unstable) };
    if (step.action === "PUT" && step.payload !== undefined && diffs++ < MAX_FIELD_DIFFS) {
      const current = await ctx.api.readResource(step.resourceUrl, ctx.signal);
      if (current !== undefined) detail.fields = diffFields(current, step.payload, unstable);
    }
    const named = names.get(index);
    if (named?.name) detail.name = named.name;
    const notes: Record<string, string> = {};
    if (isDependency(step)) notes.dependency = DEPENDENCY_NOTE;
    if (named?.note) notes.name = named.note;
    detail.notes = notes;
    details.set(index, detail);
  }
  const report = planReport(promotion, kind, details, planned);
  // A rollback's plan lists its own steps: a DELETE removes what the promotion added.
  if (kind === "rollback-plan" || kind === "rollback")
    report.rollbackEffect = rollbackSteps(report.counts);
  return report;
}
