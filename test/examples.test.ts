// The docs show the example workflows verbatim, so what users copy is what actionlint checked.
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const root = new URL("../", import.meta.url);
const docs = [
  "README.md",
  ...readdirSync(new URL("docs/", root))
    .filter((name) => name.endsWith(".md"))
    .map((name) => `docs/${name}`),
];
const shown = docs.flatMap((doc) =>
  [
    ...readFileSync(new URL(doc, root), "utf8").matchAll(
      /<!-- example: (\S+) -->\n```yaml\n([\s\S]*?)\n```/g,
    ),
  ].map((m) => [doc, m[1] as string, m[2] as string] as const),
);

describe("examples in the docs", () => {
  it("show every file in examples/", () => {
    const files = readdirSync(new URL("examples/", root)).map((name) => `examples/${name}`);
    expect([...new Set(shown.map(([, file]) => file))].sort()).toEqual(files.sort());
  });

  it.each(shown)("%s shows %s as the file is", (_doc, file, text) => {
    expect(text).toBe(readFileSync(new URL(file, root), "utf8").replace(/\n$/, ""));
  });
});
