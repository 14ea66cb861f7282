// Turns the inputs into a validated run (main and post share it): masking first, then the
// environments file, then the chosen platform's validation. Nothing here touches the network.

import { applyTarget } from "../config/targets.js";
import { redact } from "../core/auth/redact.js";
import type { Mode } from "../core/run/types.js";
import type { Logger } from "../core/util/log.js";
import { UsageError } from "../core/util/usage-error.js";
import { defaultMode, validateCommon } from "../platforms/common.js";
import type { Configured, Connection, Platform } from "../platforms/platform.js";
import { DEFAULT_PLATFORM, platformById } from "../platforms/registry.js";
import {
  type ActionInputs,
  inputName,
  maskSecretInputs,
  readActionInputs,
  refuseForeignInputs,
} from "./inputs.js";
import { actionLogger } from "./logger.js";

export interface PreparedRun {
  /** The inputs, with the mode the run uses (the platform's default when none was given). */
  inputs: ActionInputs & { mode: Mode };
  platform: Platform;
  configured: Configured;
  /** Replaces every secret given or minted during the run with ***. */
  scrub: (text: string) => string;
  logger: Logger;
  /** The platform's clients; their minted tokens feed `scrub`. No request is sent yet. */
  connect(): Connection;
}

export async function prepareRun(): Promise<PreparedRun> {
  const given = maskSecretInputs();
  let connection: Connection | undefined;
  const scrub = (text: string) => redact(text, [...given, ...(connection?.secrets() ?? [])]);
  const logger = actionLogger(scrub);
  const inputs = readActionInputs();
  const raw = { ...inputs.raw, platform: inputs.platform };
  if (inputs.config && inputs.target)
    await applyTarget(raw, inputs.config, inputs.target, inputName);
  const platform = platformById((raw.platform as string | undefined) ?? DEFAULT_PLATFORM);
  const mode = inputs.mode ?? defaultMode(platform);
  if (!platform.modes.includes(mode))
    throw new UsageError(
      `${inputName("mode")} is ${mode}, which ${platform.title} does not have; its modes: ${platform.modes.join(", ")}`,
    );
  refuseForeignInputs(platform, raw);
  const configured = platform.configure(
    raw,
    validateCommon(mode, raw, inputName, platform.promotionIdForm),
    inputName,
  );
  return {
    inputs: { ...inputs, mode },
    platform,
    configured,
    scrub,
    logger,
    connect() {
      connection ??= configured.connect(logger);
      return connection;
    },
  };
}
