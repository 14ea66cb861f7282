import type { RunContext } from "../../core/run/poll.js";
import type { AicApi } from "./api.js";

/** What every AIC step needs: the run's context and the upper environment's API. */
export interface AicContext extends RunContext {
  api: AicApi;
}
