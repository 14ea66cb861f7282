// The repository must stand alone: users' clones have no shared folder beside them, so no
// tracked file may read from one. Markdown docs and the CHANGELOG may still mention it.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";

// Escaped so that this file does not match itself.
const OUTSIDE = /\.\.\/shared\b|shared\/reference/;
const DOCS = (file: string) => file.endsWith(".md") || basename(file).startsWith("CHANGELOG");

function git(cwd: string, ...args: string[]): string {
  return execFileSync("git", args, { cwd, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
}

it("no tracked file outside the Markdown docs refers to a folder beside the clone", () => {
  const root = git(fileURLToPath(new URL(".", import.meta.url)), "rev-parse", "--show-toplevel");
  const top = root.trim();
  const files = git(top, "ls-files", "-z").split("\0").filter(Boolean);
  expect(files.length).toBeGreaterThan(0);

  const offenders: string[] = [];
  for (const file of files) {
    const path = join(top, file);
    if (DOCS(file) || !existsSync(path)) continue; // deleted but not yet staged
    const text = readFileSync(path, "utf8");
    if (!OUTSIDE.test(text)) continue;
    text.split("\n").forEach((line, index) => {
      if (OUTSIDE.test(line)) offenders.push(`${file}:${index + 1}: ${line.trim()}`);
    });
  }
  expect(
    offenders,
    `tracked files depend on a folder outside the repository:\n${offenders.join("\n")}`,
  ).toEqual([]);
});
