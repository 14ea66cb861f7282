import type { Logger } from "../core/util/log.js";
import { UsageError } from "../core/util/usage-error.js";
import type { Platform, RunningEmulatorHandle } from "../platforms/platform.js";
import { DEFAULT_PLATFORM, platformById } from "../platforms/registry.js";
import { EXIT } from "./exit-codes.js";
import { stderrLogger } from "./logger.js";
import type { ParsedCommandLine } from "./options.js";

export function numberOption(parsed: ParsedCommandLine, name: string): number | undefined {
  const value = parsed.values[name];
  if (typeof value !== "string" || value === "") return undefined;
  const number = Number(value);
  if (!Number.isFinite(number) || number < 0)
    throw new UsageError(
      `${parsed.sources[name] ?? `--${name}`} must be a non-negative number, got "${value}"`,
    );
  return number;
}

export function chosenPlatform(parsed: ParsedCommandLine): Platform {
  const id = parsed.values.platform;
  return platformById(typeof id === "string" && id !== "" ? id : DEFAULT_PLATFORM);
}

/** Starts the chosen platform's emulator; a bad scenario file is a usage error naming it. */
export async function startChosenEmulator(
  parsed: ParsedCommandLine,
  options: { speed?: number; ephemeralPorts?: boolean; logger?: Logger },
): Promise<RunningEmulatorHandle> {
  const entry = await chosenPlatform(parsed).emulator();
  const scenarioFile =
    typeof parsed.values.scenario === "string" ? parsed.values.scenario : undefined;
  try {
    return await entry.start({
      raw: parsed.values,
      scenarioFile,
      speed: options.speed ?? numberOption(parsed, "speed"),
      ephemeralPorts: options.ephemeralPorts,
      logger: options.logger,
    });
  } catch (error) {
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
