// Turns the inputs into a validated run (main and post share it): masking first, then the
// resolution the CLI shares (faces/resolve.ts). Nothing here touches the network.

import type { Mode } from "../core/run/types.js";
import type { Logger } from "../core/util/log.js";
import { type FaceWording, resolveRun, secretScrubber } from "../faces/resolve.js";
import type { Configured, Connection, Platform } from "../platforms/platform.js";
import { type ActionInputs, inputName, maskSecretInputs, readActionInputs } from "./inputs.js";
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

/** How the action words a refusal: inputs by their `with:` name. */
const actionWording: FaceWording = {
  name: inputName,
  unpaired: (missing) =>
    missing === "config"
      ? `${inputName("target")} is set but ${inputName("config")} is not: name the environments file`
      : `${inputName("config")} is set but ${inputName("target")} is not: name the target environment, e.g. staging`,
  noSuchMode: (platform, mode) =>
    `${inputName("mode")} is ${mode}, which ${platform.title} does not have; its modes: ${platform.modes.join(", ")}`,
  // Another platform's input given a value (other than its default) is refused by name.
  foreignInput: (spec, platform, value) =>
    value === false || value === "" || value === spec.default
      ? undefined
      : `${inputName(spec.name)} belongs to platform ${spec.platforms.join(", ")}, but this run is on ${platform.id}: remove it, or set platform: ${spec.platforms[0]}`,
};

export async function prepareRun(): Promise<PreparedRun> {
  const secrets = secretScrubber(maskSecretInputs());
  const { scrub } = secrets;
  const logger = actionLogger(scrub);
  const inputs = readActionInputs();
  const { platform, mode, configured } = await resolveRun(
    inputs.mode,
    { ...inputs.raw, platform: inputs.platform, config: inputs.config, target: inputs.target },
    actionWording,
  );
  let connection: Connection | undefined;
  return {
    inputs: { ...inputs, mode },
    platform,
    configured,
    scrub,
    logger,
    connect() {
      connection ??= secrets.connected(configured.connect(logger));
      return connection;
    },
  };
}
