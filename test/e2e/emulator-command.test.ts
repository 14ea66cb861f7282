// `tenant-promote emulator`: a flag meant for another platform's emulator, a busy port or a speed
// that is not a positive number is a usage error (exit 2) naming the flag to change.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { type CliRun, startCli } from "./cli-harness.js";

/** A loopback port some other program holds while `body` runs. */
async function withBusyPort(body: (port: number) => Promise<void>): Promise<void> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  try {
    await body((server.address() as AddressInfo).port);
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
}

/** The emulator command, killed if it starts serving after all (the test then fails). */
async function emulator(args: string[]): Promise<CliRun> {
  const cli = startCli(["emulator", ...args]);
  const guard = setTimeout(() => cli.child.kill("SIGKILL"), 15_000);
  try {
    return await cli.result;
  } finally {
    clearTimeout(guard);
  }
}

describe.concurrent("emulator command usage errors", () => {
  it("refuses another platform's port flag, naming the platform that owns it", async () => {
    const run = await emulator(["--platform", "arcgis", "--upper-port", "1"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      "tenant-promote: --upper-port is an option of the aic emulator (--platform aic); this emulator is arcgis, whose ports are --arcgis-port\n",
    );
  });

  it("explains a port in use with the platform's own port flag", () =>
    withBusyPort(async (port) => {
      const arcgis = await emulator(["--platform", "arcgis", "--arcgis-port", String(port)]);
      expect(arcgis.code).toBe(2);
      expect(arcgis.stderr).toBe(
        `tenant-promote: port ${port} is in use: pass --arcgis-port <another> (0 for any free one)\n`,
      );
      const aic = await emulator(["--lower-port", "0", "--upper-port", String(port)]);
      expect(aic.code).toBe(2);
      expect(aic.stderr).toContain(`port ${port} is in use: pass --upper-port <another>`);
    }));

  it.for([["0"], ["-2"], ["fast"]])("refuses --speed %s", async ([speed]) => {
    const run = await emulator([
      "--platform",
      "pingone",
      "--pingone-port",
      "0",
      `--speed=${speed}`,
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      `tenant-promote: --speed must be a positive number (how many times faster than the real platform, e.g. 60), got "${speed}"\n`,
    );
  });
});
