// The README shows the example workflows verbatim, so what users copy is what actionlint checked.
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const root = new URL("../", import.meta.url);
const readme = readFileSync(new URL("README.md", root), "utf8");
const shown = [...readme.matchAll(/<!-- example: (\S+) -->\n```yaml\n([\s\S]*?)\n```/g)];

describe("README examples", () => {
  it("shows every file in examples/", () => {
    const files = readdirSync(new URL("examples/", root)).map((name) => `examples/${name}`);
    expect(shown.map((m) => m[1]).sort()).toEqual(files.sort());
  });

  it.each(shown.map((m) => [m[1] as string, m[2] as string]))(
    "%s matches the file",
    (file, text) => {
      expect(text).toBe(readFileSync(new URL(file, root), "utf8").replace(/\n$/, ""));
    },
  );
});
