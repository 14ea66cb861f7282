// The report's format follows where it goes: text on a terminal (a real pseudo-terminal, through
// util-linux `script`) and in CI logs, Markdown piped elsewhere, a file's by its extension.
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, onTestFinished } from "vitest";
import { it, UPPER_TOKEN } from "./emulated.js";

const BIN = fileURLToPath(new URL("../../bin/tenant-promote.js", import.meta.url));
const SCRIPT = "/usr/bin/script";
const TEXT_HEAD = "tenant-promote status: succeeded";
const MARKDOWN_HEAD = "### ✅ tenant-promote status: succeeded";

describe.concurrent("report format", () => {
  it.skipIf(!existsSync(SCRIPT))(
    "prints text on a terminal and Markdown through a pipe",
    async ({ e2e }) => {
      const emulator = await e2e.emulate();
      const args = [
        "status",
        "--upper-fqdn",
        emulator.upperUrl,
        "--upper-access-token",
        UPPER_TOKEN,
      ];
      const command = [process.execPath, BIN, ...args].map((a) => `'${a}'`).join(" ");
      const onTerminal = await promisify(execFile)(SCRIPT, ["-qec", command, "/dev/null"], {
        env: { PATH: process.env.PATH ?? "", TERM: "dumb" },
      });
      expect(onTerminal.stdout).toContain(TEXT_HEAD);
      expect(onTerminal.stdout).not.toContain("### ");

      const piped = await e2e.run("status", args.slice(1));
      expect(piped.stdout).toContain(MARKDOWN_HEAD);
    },
  );

  it("prints text in a CI log, where Markdown would show as markup", async ({ e2e }) => {
    const emulator = await e2e.emulate();
    const run = await e2e.runAgainst(emulator, "status", [], { CI: "true" });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(TEXT_HEAD);
    expect(run.stdout).not.toContain("### ");
  });

  it("writes the format the --output file's extension names", async ({ e2e }) => {
    const emulator = await e2e.emulate();
    const folder = mkdtempSync(join(tmpdir(), "tenant-promote-output-"));
    onTestFinished(() => rmSync(folder, { recursive: true, force: true }));
    for (const [name, looks] of [
      ["status.json", /^\{\n {2}"mode": "status",/],
      ["status.txt", new RegExp(`^${TEXT_HEAD}`)],
      ["status.md", new RegExp(`^${MARKDOWN_HEAD}`)],
    ] as const) {
      const file = join(folder, name);
      // In CI, where stdout would get text: the file's extension still decides.
      const run = await e2e.runAgainst(emulator, "status", ["--output", file], { CI: "true" });
      expect(run.code).toBe(0);
      expect(run.stdout).toBe("");
      expect(readFileSync(file, "utf8")).toMatch(looks);
    }
  });
});
