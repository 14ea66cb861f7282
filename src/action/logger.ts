import * as core from "@actions/core";
import type { Logger } from "../core/util/log.js";

/** Progress to the runner log, scrubbed of every secret the run knows (the masker sees only registered values). */
export function actionLogger(scrub: (text: string) => string): Logger {
  return {
    info: (m) => core.info(scrub(m)),
    warn: (m) => core.warning(scrub(m)),
    debug: (m) => core.debug(scrub(m)),
    // With step debug logging on (ACTIONS_STEP_DEBUG), every HTTP request gets a debug line too.
    verbose: core.isDebug(),
  };
}
