import type { Logger } from "../core/util/log.js";
import { UsageError } from "../core/util/usage-error.js";
import type { Platform, RunningEmulatorHandle } from "../platforms/platform.js";
import { DEFAULT_PLATFORM, PLATFORMS, platformById } from "../platforms/registry.js";
import { EXIT } from "./exit-codes.js";
import { stderrLogger } from "./logger.js";
import type { ParsedCommandLine } from "./options.js";

/** --speed: how many times faster than the real platform; a positive number. */
export function speedOption(parsed: ParsedCommandLine): number | undefined {
  const value = parsed.values.speed;
  if (typeof value !== "string" || value.trim() === "") return undefined;
  const speed = Number(value);
  if (!Number.isFinite(speed) || speed <= 0)
    throw new UsageError(
      `${parsed.sources.speed ?? "--speed"} must be a positive number (how many times faster than the real platform, e.g. 60), got "${value}"`,
    );
  return speed;
}

export function chosenPlatform(parsed: ParsedCommandLine): Platform {
  const id = parsed.values.platform;
  return platformById(typeof id === "string" && id !== "" ? id : DEFAULT_PLATFORM);
}

/** Another platform's emulator flag (--upper-port with --platform arcgis) is a mistake, not a no-op. */
function refuseOtherEmulatorFlags(platform: Platform, parsed: ParsedCommandLine): void {
  const own = new Set(platform.emulatorInputs.map((spec) => spec.name));
  for (const other of PLATFORMS) {
    for (const spec of other.emulatorInputs) {
      if (own.has(spec.name) || parsed.sources[spec.name] !== `--${spec.name}`) continue;
      throw new UsageError(
        `--${spec.name} is an option of the ${other.id} emulator (--platform ${other.id}); this emulator is ${platform.id}${platform.emulatorInputs.length > 0 ? `, whose ports are ${platform.emulatorInputs.map((s) => `--${s.name}`).join(", ")}` : ""}`,
      );
    }
  }
}

/** "port 8474 is in use: pass --arcgis-port <another> (0 for any free one)". */
function portInUse(
  platform: Platform,
  parsed: ParsedCommandLine,
  error: unknown,
): string | undefined {
  const { code, port } = error as { code?: unknown; port?: unknown };
  if (code !== "EADDRINUSE" || typeof port !== "number") return undefined;
  const flags = platform.emulatorInputs
    .filter((spec) => Number(parsed.values[spec.name] ?? spec.default) === port)
    .map((spec) => `--${spec.name}`);
  const flag = flags[0] ?? platform.emulatorInputs.map((spec) => `--${spec.name}`).join(" or ");
  return `port ${port} is in use: pass ${flag} <another> (0 for any free one)`;
}

/** Starts the chosen platform's emulator; a bad scenario file or a busy port is a usage error. */
export async function startChosenEmulator(
  parsed: ParsedCommandLine,
  options: { speed?: number; ephemeralPorts?: boolean; logger?: Logger },
): Promise<RunningEmulatorHandle> {
  const platform = chosenPlatform(parsed);
  refuseOtherEmulatorFlags(platform, parsed);
  const speed = options.speed ?? speedOption(parsed);
  const entry = await platform.emulator();
  const scenarioFile =
    typeof parsed.values.scenario === "string" ? parsed.values.scenario : undefined;
  try {
    return await entry.start({
      raw: parsed.values,
      scenarioFile,
      speed,
      ephemeralPorts: options.ephemeralPorts,
      logger: options.logger,
    });
  } catch (error) {
    const busy = portInUse(platform, parsed, error);
    if (busy) throw new UsageError(busy);
    if (error instanceof UsageError || scenarioFile === undefined) throw error;
    throw new UsageError(
      `${parsed.sources.scenario ?? "--scenario"} ${scenarioFile}: ${(error as Error).message}`,
    );
  }
}

/** `tenant-promote emulator`: serves the platform's API until Ctrl-C. */
export async function runEmulatorCommand(parsed: ParsedCommandLine): Promise<number> {
  const logger = stderrLogger(parsed.values.verbose ? "verbose" : "normal", (t) => t);
  const emulator = await startChosenEmulator(parsed, { logger });
  process.stderr.write(`${emulator.banner}\nPress Ctrl-C to stop.\n`);
  await new Promise<void>((resolve) => {
    process.once("SIGINT", resolve);
    process.once("SIGTERM", resolve);
  });
  await emulator.close();
  return EXIT.ok;
}
