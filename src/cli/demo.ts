import { chosenPlatform, speedOption, startChosenEmulator } from "./emulator-command.js";
import { EXIT } from "./exit-codes.js";
import type { ParsedCommandLine } from "./options.js";
import { runMode } from "./run-mode.js";

/** Fast enough to finish in seconds, slow enough to show every phase in the progress lines. */
const DEMO_SPEED = 60;

/**
 * `tenant-promote demo [--platform P]`: starts the platform's emulator on free loopback ports
 * and runs its main modes against it for real, printing each report.
 */
export async function runDemo(parsed: ParsedCommandLine): Promise<number> {
  const speed = speedOption(parsed) ?? DEMO_SPEED;
  const platform = chosenPlatform(parsed);
  const entry = await platform.emulator();
  const emulator = await startChosenEmulator(parsed, { speed, ephemeralPorts: true });
  process.stderr.write(`${emulator.banner}\n(speed x${speed})\n`);
  const values = {
    ...parsed.values,
    ...emulator.runInputs,
    platform: platform.id,
    "time-scale": String(1 / speed),
  };
  const demoEnv = { USER: "demo" };
  try {
    for (const mode of entry.demoModes) {
      process.stderr.write(`\n=== tenant-promote ${mode} ===\n`);
      const code = await runMode(mode, { command: mode, values, sources: parsed.sources }, demoEnv);
      if (code !== EXIT.ok) return code;
    }
    return EXIT.ok;
  } finally {
    await emulator.close();
  }
}
