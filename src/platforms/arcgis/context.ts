import type { RunContext } from "../../core/run/poll.js";
import type { ArcGisApi } from "./api.js";
import type { ArcGisConfig } from "./inputs.js";

/** What every ArcGIS step needs: the run's context, the organization's API, the config. */
export interface ArcGisContext extends RunContext {
  api: ArcGisApi;
  config: ArcGisConfig;
}
