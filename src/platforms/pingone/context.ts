import type { RunContext } from "../../core/run/poll.js";
import type { PingOneApi } from "./api.js";
import type { PingOneConfig } from "./inputs.js";

/** What every PingOne step needs: the run's context, the source environment's API, the config. */
export interface PingOneContext extends RunContext {
  api: PingOneApi;
  config: PingOneConfig;
}

export function targetOf(promotion: {
  targetEnvironmentId?: string;
  targetEnvironment?: { id?: string };
}): string | undefined {
  return (promotion.targetEnvironmentId ?? promotion.targetEnvironment?.id)?.toLowerCase();
}

export function previousOf(promotion: {
  previousPromotionId?: string;
  previousPromotion?: { id?: string };
}): string | undefined {
  return promotion.previousPromotionId ?? promotion.previousPromotion?.id;
}
