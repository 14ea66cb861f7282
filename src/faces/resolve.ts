// Turns a face's inputs (the CLI's flags and variables, the action's `with:` lines) into a
// validated run: the environments file, the platform and its mode, another platform's inputs,
// then the common and the platform's own validation. Nothing here touches the network.

import { redact } from "../core/auth/redact.js";
import { type ChangeCheck, requireReviewedHash } from "../core/run/review.js";
import type { Mode } from "../core/run/types.js";
import { UsageError } from "../core/util/usage-error.js";
import { defaultMode, textInput, validateCommon } from "../platforms/common.js";
import type {
  CommonSettings,
  Configured,
  Connection,
  InputNamer,
  InputSpec,
  Platform,
  RawInputs,
} from "../platforms/platform.js";
import { DEFAULT_PLATFORM, platformById, platformInputs } from "../platforms/registry.js";

/** A text input as given: absent when it is not a string. */

/** How a face words what it refuses; the wording names inputs the way that face takes them. */
export interface FaceWording {
  name: InputNamer;
  /** `config` given without `target`, or the other way round: `missing` names the absent one. */
  unpaired(missing: "config" | "target"): string;
  noSuchMode(platform: Platform, mode: Mode): string;
  /** Another platform's input: the refusal, or undefined to leave it out of the run. */
  foreignInput(
    spec: InputSpec & { platforms: string[] },
    platform: Platform,
    value: string | boolean,
  ): string | undefined;
}

export interface ResolvedRun {
  platform: Platform;
  mode: Mode;
  /** The inputs after the environments file, without another platform's. */
  raw: RawInputs;
  configured: Configured;
}

/**
 * The platform and its validated run. `mode` absent: the platform's default mode (the action).
 * `raw` holds every input as given, `config`, `target` and `platform` included.
 */
export async function resolveRun(
  mode: Mode | undefined,
  given: RawInputs,
  wording: FaceWording,
): Promise<ResolvedRun> {
  const { name } = wording;
  const configFile = textInput(given, "config");
  const target = textInput(given, "target");
  if (!configFile !== !target) throw new UsageError(wording.unpaired(target ? "config" : "target"));
  const raw: RawInputs = { ...given };
  if (configFile && target) {
    // Loaded on demand: the YAML parser is only needed with an environments file.
    const { applyTarget } = await import("../config/targets.js");
    await applyTarget(raw, configFile, target, name);
  }
  const platform = platformById(textInput(raw, "platform") ?? DEFAULT_PLATFORM);
  const runMode = mode ?? defaultMode(platform);
  if (!platform.modes.includes(runMode))
    throw new UsageError(wording.noSuchMode(platform, runMode));
  const own = new Set(platform.inputs.map((s) => s.name));
  for (const spec of platformInputs()) {
    const value = raw[spec.name];
    if (own.has(spec.name) || value === undefined) continue;
    const refusal = wording.foreignInput(spec, platform, value);
    if (refusal) throw new UsageError(refusal);
    delete raw[spec.name];
  }
  const common = validateCommon(runMode, raw, name, platform.promotionIdForm);
  const configured = platform.configure(raw, common, name);
  return { platform, mode: runMode, raw, configured };
}

/** The non-empty values of the secret inputs among `specs`, as `read` gives them. */
export function givenSecrets(
  specs: readonly InputSpec[],
  read: (name: string) => unknown,
): string[] {
  return specs
    .filter((s) => s.secret)
    .map((s) => read(s.name))
    .filter((v): v is string => typeof v === "string" && v.trim() !== "");
}

/**
 * Scrubs every secret given and every token the connection mints; the connection is known only
 * once connected, so `connected` is told of it.
 */
export function secretScrubber(given: readonly string[]) {
  let connection: Connection | undefined;
  return {
    scrub: (text: string) => redact(text, [...given, ...(connection?.secrets() ?? [])]),
    connected(made: Connection): Connection {
      connection = made;
      return made;
    },
  };
}

/** The reviewed-report-hash check of a run, when the input was given: both faces add it. */
export function reviewedHashCheck(
  common: CommonSettings,
  name: (input: string) => string,
): ChangeCheck | undefined {
  const hash = common.reviewedReportHash;
  return hash === undefined
    ? undefined
    : requireReviewedHash(hash, common.mode, name("reviewed-report-hash"));
}
