import { UsageError } from "../core/util/usage-error.js";
import {
  formatEmulatorBanner,
  loadScenarioFile,
  startEmulator,
} from "../platforms/aic/emulator/index.js";
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

export function scenarioOption(parsed: ParsedCommandLine) {
  const file = parsed.values.scenario;
  if (typeof file !== "string") return undefined;
  try {
    return loadScenarioFile(file);
  } catch (error) {
    throw new UsageError(
      `${parsed.sources.scenario ?? "--scenario"} ${file}: ${(error as Error).message}`,
    );
  }
}

/** `tenant-promote emulator`: serves both environments until Ctrl-C. */
export async function runEmulatorCommand(parsed: ParsedCommandLine): Promise<number> {
  const logger = stderrLogger(parsed.values.verbose ? "verbose" : "normal", (t) => t);
  const emulator = await startEmulator({
    scenario: scenarioOption(parsed),
    speed: numberOption(parsed, "speed"),
    lowerPort: numberOption(parsed, "lower-port"),
    upperPort: numberOption(parsed, "upper-port"),
    logger,
  });
  process.stderr.write(`${formatEmulatorBanner(emulator)}\nPress Ctrl-C to stop.\n`);
  await new Promise<void>((resolve) => {
    process.once("SIGINT", resolve);
    process.once("SIGTERM", resolve);
  });
  await emulator.close();
  return EXIT.ok;
}
