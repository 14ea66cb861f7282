// Turns the inputs into a validated run (main and post share it): masking first, then the
// environments file, then the same validation the CLI uses. Nothing here touches the network.

import { applyTarget } from "../config/targets.js";
import { redact } from "../core/auth/redact.js";
import type { Logger } from "../core/util/log.js";
import { createEnvironmentApi, type EnvironmentApi } from "../platforms/aic/connect.js";
import { type RunConfig, validateRunInputs } from "../platforms/aic/inputs.js";
import { type ActionInputs, inputName, maskSecretInputs, readActionInputs } from "./inputs.js";
import { actionLogger } from "./logger.js";

export interface PreparedRun {
  inputs: ActionInputs;
  config: RunConfig;
  /** Replaces every secret given or minted during the run with ***. */
  scrub: (text: string) => string;
  logger: Logger;
  /** Clients of the environments the mode needs; their minted tokens feed `scrub`. */
  connect(): { upper?: EnvironmentApi; lower?: EnvironmentApi };
}

export async function prepareRun(): Promise<PreparedRun> {
  const given = maskSecretInputs();
  const apis: EnvironmentApi[] = [];
  const scrub = (text: string) =>
    redact(text, [...given, ...apis.flatMap((a) => a.tokens.secrets())]);
  const logger = actionLogger(scrub);
  const inputs = readActionInputs();
  if (inputs.config && inputs.target)
    await applyTarget(inputs.run, inputs.config, inputs.target, inputName);
  const config = validateRunInputs(inputs.run, inputName);
  return {
    inputs,
    config,
    scrub,
    logger,
    connect() {
      const upper =
        config.upper &&
        createEnvironmentApi(config.upper, "upper", logger, config.requestTimeoutMs);
      const lower =
        config.lower &&
        createEnvironmentApi(config.lower, "lower", logger, config.requestTimeoutMs);
      for (const api of [upper, lower]) if (api) apis.push(api);
      return { upper, lower };
    },
  };
}
