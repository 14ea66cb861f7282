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

describe("example workflows", () => {
  const workflows = readdirSync(new URL("examples/", root))
    .filter((name) => name !== "tenant-promote.yml")
    .map((name) => [name, readFileSync(new URL(`examples/${name}`, root), "utf8")] as const);

  it.each(workflows)("%s uses the per-platform actions, without platform:", (_name, text) => {
    const uses = [...text.matchAll(/uses: (tenant-promote\/tenant-promote\S*)/g)].map((m) => m[1]);
    expect(uses.length).toBeGreaterThan(0);
    for (const action of uses)
      expect(action).toMatch(/^tenant-promote\/tenant-promote\/(aic|pingone|arcgis)@v1$/);
    expect(text).not.toMatch(/^ +platform:/m);
  });
});
