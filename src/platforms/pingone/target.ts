// The target environment, checked before anything else: PingOne lists no promotions for an id
// it does not know, so a mistyped target would read as "0 promotions, none in progress".
import { ApiError } from "../../core/http/errors.js";
import { EngineFailure } from "../../core/run/failure.js";
import type { PingOneContext } from "./context.js";

const ADMIN_ROLE = (target: string) =>
  `Give the worker application the Environment Admin role on ${target} (its Roles tab in the PingOne admin console), then run again.`;

/** Reads the target environment; fails naming it when PingOne does not show it (404, 403). */
export async function ensureTargetKnown(ctx: PingOneContext): Promise<void> {
  const target = ctx.config.targetEnvironmentId;
  if (!target) return;
  try {
    await ctx.api.readEnvironment(target, ctx.signal);
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    if (error.status === 404)
      throw new EngineFailure(
        "unknown-environment",
        `The target environment ${target} is not known to the organization or not visible to the worker application (${ctx.api.origin} answered 404 for it); nothing was created.`,
        [
          "Check target-environment-id: the console shows an environment's id under Environment > Properties, and the target must be in the organization and region of the source (pingone-region or pingone-api-url).",
          ADMIN_ROLE(target),
        ],
      );
    if (error.status === 403)
      throw new EngineFailure(
        "auth",
        `The worker application may not read the target environment ${target}: ${error.message}`,
        [ADMIN_ROLE(target)],
      );
    throw error;
  }
}
