import { startEmulator } from "../platforms/aic/emulator/index.js";
import { numberOption, scenarioOption } from "./emulator-command.js";
import { EXIT } from "./exit-codes.js";
import type { ParsedCommandLine } from "./options.js";
import { runMode } from "./run-mode.js";

/** Fast enough to finish in seconds, slow enough to show every phase in the progress lines. */
const DEMO_SPEED = 60;

/**
 * `tenant-promote demo`: starts the emulator on free loopback ports and runs a real
 * locked dry run and then a promotion against it, printing both reports.
 */
export async function runDemo(parsed: ParsedCommandLine): Promise<number> {
  const speed = numberOption(parsed, "speed") ?? DEMO_SPEED;
  const emulator = await startEmulator({
    scenario: scenarioOption(parsed),
    speed,
    lowerPort: 0,
    upperPort: 0,
  });
  process.stderr.write(
    `Emulator: lower ${emulator.lowerUrl}, upper ${emulator.upperUrl} (speed x${speed})\n\n`,
  );
  const values = {
    ...parsed.values,
    "upper-fqdn": emulator.upperUrl,
    "lower-fqdn": emulator.lowerUrl,
    "upper-access-token": "emulator-upper-token",
    "lower-access-token": "emulator-lower-token",
    "time-scale": String(1 / speed),
  };
  const demoEnv = { USER: "demo" };
  try {
    for (const mode of ["dry-run", "promote"] as const) {
      process.stderr.write(`\n=== tenant-promote ${mode} ===\n`);
      const code = await runMode(mode, { command: mode, values, sources: parsed.sources }, demoEnv);
      if (code !== EXIT.ok) return code;
    }
    return EXIT.ok;
  } finally {
    await emulator.close();
  }
}
