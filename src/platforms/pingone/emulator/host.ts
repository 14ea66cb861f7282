// What the promotion lifecycle needs from the organization that holds it.
import type { Timeline } from "../../../core/emulator/timeline.js";
import type { StepFaultState } from "./execution.js";
import type { PingOneFault } from "./faults.js";
import type { PromotionStore } from "./promotion-store.js";
import type { Environment } from "./resources.js";
import type { PingOneTimings } from "./scenario.js";

export interface PromotionHost {
  readonly timeline: Timeline;
  readonly promotions: PromotionStore;
  readonly timings: PingOneTimings;
  readonly promoteDeletions: boolean;
  /** Faults that act on plans (validationError). */
  readonly planFaults: readonly PingOneFault[];
  readonly stepFaults: StepFaultState[];
  /** Base of every URL in replies, e.g. http://127.0.0.1:8473/v1. */
  readonly apiUrl: string;
  environment(id: string): Environment | undefined;
}

export const secondsToMs = (seconds: number) => seconds * 1000;
