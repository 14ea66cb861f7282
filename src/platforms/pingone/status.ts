// Read-only status of the source environment's promotions, and the recovery that deletes a
// draft a crashed run left behind.
import { EngineFailure } from "../../core/run/failure.js";
import type { Work } from "../../core/run/types.js";
import { type PingOneContext, previousOf, targetOf } from "./context.js";
import { draftHeld, releasePromotion } from "./release.js";
import { DRAFT, OPEN } from "./statuses.js";

/** Rows shown in the status table; the JSON keeps them all. */
const SHOWN = 20;

export async function promotionsStatus(ctx: PingOneContext): Promise<Work> {
  const target = ctx.config.targetEnvironmentId;
  const promotions = (await ctx.api.listPromotions({}, ctx.signal))
    .filter((p) => !target || targetOf(p) === target)
    .sort((a, b) => ((a.createdAt ?? "") < (b.createdAt ?? "") ? 1 : -1));
  const open = promotions.filter((p) => OPEN.has(p.status));
  const rows: Array<[string, string]> = promotions
    .slice(0, SHOWN)
    .map((p) => [
      p.id,
      [
        p.status,
        OPEN.has(p.status) ? "(in progress)" : "",
        previousOf(p) ? `rollback of ${previousOf(p)}` : "",
        p.createdAt ?? "",
        p.description ?? "",
      ]
        .filter(Boolean)
        .join(" · "),
    ]);
  if (promotions.length > SHOWN)
    rows.push(["…", `${promotions.length - SHOWN} older promotion(s) in the JSON`]);
  const where = target ? ` to ${target}` : "";
  return {
    result: "succeeded",
    message: `${promotions.length} promotion(s) from ${ctx.config.sourceEnvironmentId}${where}; ${open.length === 0 ? "none in progress" : `in progress: ${open.map((p) => `${p.id} (${p.status})`).join(", ")}`}.`,
    status: { rows, data: { promotions } },
  };
}

/** Deletes the draft `promotion-id` (NEW or READY); anything else is refused, untouched. */
export async function unlockDraft(ctx: PingOneContext): Promise<Work> {
  const id = ctx.config.promotionId as string;
  const promotion = await ctx.api.getPromotion(id, ctx.signal);
  const target = ctx.config.targetEnvironmentId;
  if (target && targetOf(promotion) !== target)
    throw new EngineFailure(
      "promotion-mismatch",
      `Promotion ${id} goes to ${targetOf(promotion)}, not ${target}; it was left alone.`,
    );
  if (!DRAFT.has(promotion.status))
    throw new EngineFailure(
      "api-error",
      `Promotion ${id} is ${promotion.status}, not a draft (NEW, being planned, or READY); it was left alone.`,
      [
        "Only drafts can be deleted. See the promotions with `tenant-promote status --platform pingone`.",
      ],
    );
  const budget = Math.max(1, ctx.config.timeoutMs - (Date.now() - ctx.runStart));
  const held = draftHeld(id, ctx.api.origin);
  const { released } = await releasePromotion(ctx.api, held, ctx.log, budget, ctx.scale);
  if (!released)
    return {
      result: "failed",
      reason: "api-error",
      message: `Draft promotion ${id} could not be deleted; see the lines above.`,
      promotionId: id,
    };
  return {
    result: "succeeded",
    message: `Deleted draft promotion ${id}.`,
    promotionId: id,
    lockReleased: true,
  };
}
