// The inputs every platform reads the same way, and their validation.
import { isLoopbackUrl } from "../core/http/origin.js";
import { REVIEWED_HASH } from "../core/run/review.js";
import type { Mode } from "../core/run/types.js";
import { parseDuration } from "../core/util/duration.js";
import type { Logger } from "../core/util/log.js";
import { UsageError } from "../core/util/usage-error.js";
import type {
  CommonSettings,
  EmulatorEntry,
  InputNamer,
  InputSpec,
  Platform,
  PromotionIdForm,
  RawInputs,
} from "./platform.js";

export const COMMON_INPUTS: readonly InputSpec[] = [
  {
    name: "promotion-id",
    type: "string",
    env: ["TENANT_PROMOTE_PROMOTION_ID"],
    placeholder: "ID",
    help: "unlock: what to release. rollback: refuse unless this is the promotion to revert.",
    actionHelp:
      "unlock: the lock (aic) or draft promotion (pingone) to release. rollback: refuse unless this is the promotion to revert.",
  },
  {
    name: "description",
    type: "string",
    env: ["TENANT_PROMOTE_DESCRIPTION"],
    placeholder: "TEXT",
    help: "Description recorded with the promotion (default: names the pipeline run).",
    actionHelp:
      "Recorded with the promotion; by default the PR title or commit subject and the run URL.",
  },
  {
    name: "promoter",
    type: "string",
    env: ["TENANT_PROMOTE_PROMOTER"],
    placeholder: "NAME",
    help: "Who promotes, recorded where the platform keeps it (default: the CI actor, or user@host).",
    actionHelp: "Who promotes, recorded where the platform keeps it; by default the GitHub actor.",
  },
  {
    name: "timeout",
    type: "string",
    env: ["TENANT_PROMOTE_TIMEOUT"],
    placeholder: "DURATION",
    default: "60m",
    help: "Bound on the whole run, releasing included (90s, 45m, 2h).",
    actionHelp: "Bound on the whole run, releasing what it took included (90s, 45m, 2h, 1h30m).",
  },
  {
    name: "lock-wait",
    type: "string",
    env: ["TENANT_PROMOTE_LOCK_WAIT"],
    placeholder: "DURATION",
    default: "0",
    help: "How long to keep trying while another promotion holds the lock or is in progress.",
    actionHelp:
      "How long to keep trying while another promotion holds the lock or is in progress to the same target (arcgis: another upgrades job runs).",
  },
  {
    name: "request-timeout",
    type: "string",
    env: ["TENANT_PROMOTE_REQUEST_TIMEOUT"],
    placeholder: "DURATION",
    default: "30s",
    help: "Bound on each HTTP request.",
    actionHelp: "Bound on each HTTP request (30s, 2m).",
  },
  {
    name: "time-scale",
    type: "string",
    env: ["TENANT_PROMOTE_TIME_SCALE"],
    placeholder: "FACTOR",
    default: "1",
    help: "Multiplies poll intervals and phase bounds; below 1 only for an emulator on a loopback address.",
    actionHelp:
      "Multiplies poll intervals and phase bounds. Leave at 1 for real tenants; below 1 only against a sped-up emulator on a loopback address.",
  },
  {
    name: "reviewed-report-hash",
    type: "string",
    env: ["TENANT_PROMOTE_REVIEWED_REPORT_HASH"],
    placeholder: "HASH",
    help: "promote and rollback: refuse (report-changed) unless the report about to be applied has this hash, as a reviewed dry run or rollback-preview showed it (its first 12 characters are enough).",
  },
];

/** A common input's default, defined once in its spec above. */
function defaultOf(input: string): string {
  return COMMON_INPUTS.find((spec) => spec.name === input)?.default ?? "";
}

/** The one text-input reader: an input's text, trimmed; undefined when absent or blank. */
export function textInput(raw: RawInputs, name: string): string | undefined {
  const value = raw[name];
  return typeof value === "string" && value.trim() !== "" ? value.trim() : undefined;
}

/** Builds a platform's credentials; a problem with them is the user's input: a usage error. */
export function asUsageError<T>(make: () => T): T {
  try {
    return make();
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

function duration(raw: RawInputs, input: string, name: InputNamer): number {
  try {
    return parseDuration(textInput(raw, input) ?? defaultOf(input));
  } catch (error) {
    throw new UsageError(`${name(input)}: ${(error as Error).message}`);
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A promotion id of the platform's form, or undefined; a malformed one is a usage error. */
function promotionId(raw: RawInputs, form: PromotionIdForm, name: InputNamer): string | undefined {
  const id = textInput(raw, "promotion-id");
  if (id !== undefined && form === "uuid" && !UUID.test(id))
    throw new UsageError(
      `${name("promotion-id")} "${id}" is not a promotion id: it is a UUID such as 8acd3a87-2272-450f-a3b3-1eb222108740 (tenant-promote status shows the promotions)`,
    );
  return id;
}

/** A reviewed report hash (promote and rollback only), or undefined; a malformed one is refused. */
function reviewedHash(raw: RawInputs, mode: Mode, name: InputNamer): string | undefined {
  const hash = textInput(raw, "reviewed-report-hash")?.toLowerCase();
  if (hash === undefined) return undefined;
  if (mode !== "promote" && mode !== "rollback")
    throw new UsageError(
      `${name("reviewed-report-hash")} gates promote and rollback only; ${mode} changes nothing (leave it out)`,
    );
  if (!REVIEWED_HASH.test(hash))
    throw new UsageError(
      `${name("reviewed-report-hash")} "${hash}" is not a report hash: give the hex hash a reviewed report showed (at least its first 12 characters)`,
    );
  return hash;
}

/**
 * Checks the shared inputs; throws UsageError naming the input and the fix. `promotionIdForm`
 * is the platform's (Platform.promotionIdForm).
 */
export function validateCommon(
  mode: Mode,
  raw: RawInputs,
  name: InputNamer,
  promotionIdForm: PromotionIdForm,
): CommonSettings {
  const scaleText = textInput(raw, "time-scale") ?? defaultOf("time-scale");
  const timeScale = Number(scaleText);
  if (!Number.isFinite(timeScale) || timeScale <= 0)
    throw new UsageError(`${name("time-scale")} must be a positive number`);
  const timeoutMs = duration(raw, "timeout", name);
  if (timeoutMs <= 0) throw new UsageError(`${name("timeout")} must be more than 0`);
  return {
    mode,
    promotionId: promotionId(raw, promotionIdForm, name),
    description: textInput(raw, "description"),
    promoter: textInput(raw, "promoter"),
    timeoutMs,
    lockWaitMs: duration(raw, "lock-wait", name),
    requestTimeoutMs: duration(raw, "request-timeout", name),
    timeScale,
    reviewedReportHash: reviewedHash(raw, mode, name),
  };
}

/**
 * A --time-scale below 1 polls up to that many times too often and shortens every phase bound:
 * it is for a sped-up emulator on this machine, never for a real environment. `urls`: every
 * place the run sends to. Platforms call this from configure, before any request.
 */
export function checkTimeScale(
  common: CommonSettings,
  urls: ReadonlyArray<string | undefined>,
  name: InputNamer,
): void {
  if (common.timeScale >= 1) return;
  const remote = urls.find((url) => url !== undefined && !isLoopbackUrl(url));
  if (remote)
    throw new UsageError(
      `${name("time-scale")} is ${common.timeScale}: below 1 is only for a local emulator, and ${new URL(remote).host} is not one; leave it at 1 for a real environment`,
    );
}

/** An emulator's port option: a whole number 0-65535 (0: any free port), or the default. */
export function emulatorPort(raw: RawInputs, input: string): number | undefined {
  const value = raw[input];
  if (typeof value !== "string" || value === "") return undefined;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65_535)
    throw new UsageError(`--${input} must be a port number (0 for any free one), got "${value}"`);
  return port;
}

/**
 * What an emulator serving one origin (PingOne's, ArcGIS's) starts from: its port option (any
 * free port for the demo or when not given), the speed, the logger and the scenario file.
 */
export function oneOriginEmulatorOptions<Scenario>(
  start: Parameters<EmulatorEntry["start"]>[0],
  portInput: string,
  loadScenarioFile: (path: string) => Scenario,
): { port: number; speed?: number; logger?: Logger; scenario?: Scenario } {
  const { raw, scenarioFile, speed, logger, ephemeralPorts } = start;
  return {
    port: ephemeralPorts ? 0 : (emulatorPort(raw, portInput) ?? 0),
    speed,
    logger,
    scenario: scenarioFile === undefined ? undefined : loadScenarioFile(scenarioFile),
  };
}

/** The mode a run takes when none is given: a dry run where the platform has one, else status. */
export function defaultMode(platform: Pick<Platform, "modes">): Mode {
  return platform.modes.includes("dry-run") ? "dry-run" : "status";
}
