// The CLI's end-to-end fixture for any platform: the platform's emulator served from this test
// process, and the real built CLI run against it as a child process with CI-style variables.
// Each platform's harness (emulated.ts for AIC, pingone/, arcgis/) says how to start its
// emulator and which variables a CI job would set for it.
import { fileURLToPath } from "node:url";
import { test as base } from "vitest";
import { type CliRun, type RunningCli, startCli } from "./cli-harness.js";

/** What each test gets: emulators and CLI runs that end when the test ends. */
export interface PlatformCli<E, S> {
  /** An emulator on free loopback ports (default scenario, the platform's SPEED). */
  emulate(scenario?: S, speed?: number): Promise<E>;
  /** `tenant-promote <mode> [--platform p]`, polling scaled to the emulator, its `ciEnv`. */
  start(emulator: E, mode: string, args?: string[], env?: Record<string, string>): RunningCli;
  run(emulator: E, mode: string, args?: string[], env?: Record<string, string>): Promise<CliRun>;
  /** The CLI with exactly these arguments and variables (no CI variables added), running. */
  launch(args: string[], env?: Record<string, string>): RunningCli;
  /** `launch`, to its end. */
  bare(args: string[], env?: Record<string, string>): Promise<CliRun>;
}

/** How to serve one platform to the CLI. */
export interface PlatformCliOptions<E extends { speed: number; close(): Promise<void> }, S> {
  /** The `--platform` value; none for the default platform (AIC). */
  platform?: string;
  defaultScenario(): S;
  /** The end-to-end tests' speed, when a test names none. */
  speed: number;
  start(scenario: S, speed: number): Promise<E>;
  /** Variables a CI job would set for this emulator. */
  ciEnv(emulator: E): Record<string, string>;
}

/**
 * Calls `body` with a PlatformCli and then ends its CLIs and closes its emulators. Per test rather
 * than a shared afterEach, so tests of a file can run concurrently (most of a run is waiting on
 * emulated time) without closing each other's emulators.
 */
export async function withPlatformCli<E extends { speed: number; close(): Promise<void> }, S>(
  platform: PlatformCliOptions<E, S>,
  body: (cli: PlatformCli<E, S>) => Promise<void>,
): Promise<void> {
  const emulators: E[] = [];
  const clis: RunningCli[] = [];
  const launch = (args: string[], env: Record<string, string> = {}) => {
    const cli = startCli(args, env);
    clis.push(cli);
    return cli;
  };
  const choice = platform.platform ? ["--platform", platform.platform] : [];
  const start: PlatformCli<E, S>["start"] = (emulator, mode, args = [], env = {}) =>
    launch([mode, ...choice, "--time-scale", String(1 / emulator.speed), ...args], {
      ...platform.ciEnv(emulator),
      ...env,
    });
  try {
    await body({
      async emulate(scenario = platform.defaultScenario(), speed = platform.speed) {
        const emulator = await platform.start(scenario, speed);
        emulators.push(emulator);
        return emulator;
      },
      start,
      run: (emulator, mode, args, env) => start(emulator, mode, args, env).result,
      launch,
      bare: (args, env) => launch(args, env).result,
    });
  } finally {
    // A test that failed half-way must not leave a CLI running against a closed emulator.
    for (const cli of clis) {
      if (cli.child.exitCode === null && cli.child.signalCode === null) cli.child.kill("SIGKILL");
    }
    await Promise.all(emulators.map((emulator) => emulator.close()));
  }
}

/**
 * A platform's scenarios: `shipped(name)` loads scenarios/<folder>name.yaml (folder "" for AIC,
 * "pingone/", ...), `onDefault(yaml)` one built on the default scenario.
 */
export function platformScenarios<S>(
  folder: string,
  load: (yamlText: string) => S,
  loadFile: (path: string) => S,
) {
  return {
    shipped: (name: string): S =>
      loadFile(fileURLToPath(new URL(`../../scenarios/${folder}${name}.yaml`, import.meta.url))),
    onDefault: (yamlText: string): S => load(`base: default\n${yamlText}`),
  };
}

/** `it` with an `e2e` fixture for one platform. */
export function platformCli<E extends { speed: number; close(): Promise<void> }, S>(
  platform: PlatformCliOptions<E, S>,
) {
  return base.extend<{ e2e: PlatformCli<E, S> }>({
    // biome-ignore lint/correctness/noEmptyPattern: vitest reads fixture dependencies from this pattern
    e2e: async ({}, use) => withPlatformCli(platform, use),
  });
}
