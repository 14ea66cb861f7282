// Through a real pseudo-terminal (util-linux `script`), the report reads as text; piped, as Markdown.
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { expect } from "vitest";
import { it, UPPER_TOKEN } from "./emulated.js";

const BIN = fileURLToPath(new URL("../../bin/tenant-promote.js", import.meta.url));
const SCRIPT = "/usr/bin/script";

it.skipIf(!existsSync(SCRIPT))(
  "prints text on a terminal and Markdown through a pipe",
  async ({ e2e }) => {
    const emulator = await e2e.emulate();
    const args = ["status", "--upper-fqdn", emulator.upperUrl, "--upper-access-token", UPPER_TOKEN];
    const command = [process.execPath, BIN, ...args].map((a) => `'${a}'`).join(" ");
    const onTerminal = await promisify(execFile)(SCRIPT, ["-qec", command, "/dev/null"], {
      env: { PATH: process.env.PATH ?? "", TERM: "dumb" },
    });
    expect(onTerminal.stdout).toContain("tenant-promote status: succeeded");
    expect(onTerminal.stdout).not.toContain("### ");

    const piped = await e2e.run("status", args.slice(1));
    expect(piped.stdout).toContain("### ✅ tenant-promote status: succeeded");
  },
);
