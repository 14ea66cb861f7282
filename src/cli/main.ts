import { MODES, type Mode } from "../core/run/types.js";
import { UsageError } from "../core/util/usage-error.js";
import { VERSION } from "../core/version.js";
import { EXIT } from "./exit-codes.js";
import { helpText, shortUsage } from "./help.js";
import { parseCommandLine } from "./options.js";
import { runMode } from "./run-mode.js";

/** Entry point of the `tenant-promote` command; returns the exit code. */
export async function main(
  argv: string[],
  env: Record<string, string | undefined> = process.env,
): Promise<number> {
  try {
    const parsed = parseCommandLine(argv, env);
    switch (parsed.command) {
      case "help":
        // Only a --platform flag narrows the help: a variable set for runs should not.
        process.stdout.write(
          helpText(
            VERSION,
            parsed.sources.platform === "--platform"
              ? (parsed.values.platform as string)
              : undefined,
          ),
        );
        return EXIT.ok;
      case "usage":
        process.stderr.write(`tenant-promote: no mode given\n${shortUsage()}`);
        return EXIT.usage;
      case "version":
        process.stdout.write(`${VERSION}\n`);
        return EXIT.ok;
      case "emulator":
        // Loaded on demand: the emulator and its YAML parser are not needed by the engine's modes.
        return await (await import("./emulator-command.js")).runEmulatorCommand(parsed);
      case "demo":
        return await (await import("./demo.js")).runDemo(parsed);
      default:
        if (!(MODES as readonly string[]).includes(parsed.command))
          throw new UsageError(`unknown mode ${parsed.command}`);
        return await runMode(parsed.command as Mode, parsed, env);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`tenant-promote: ${error.message}\n`);
      return EXIT.usage;
    }
    process.stderr.write(
      `tenant-promote: unexpected error: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    return EXIT.failed;
  }
}
