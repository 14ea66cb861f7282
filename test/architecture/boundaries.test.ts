// The folder tree is the architecture: shared code in core/, each platform in its own folder,
// the faces (cli/, action/) on top. These rules keep it that way.
import { describe, expect, it } from "vitest";
import { cycles, importGraph } from "./import-graph.js";

const graph = importGraph();

function violations(from: (file: string) => boolean, forbidden: (target: string) => boolean) {
  return [...graph]
    .filter(([file]) => from(file))
    .flatMap(([file, targets]) => targets.filter(forbidden).map((t) => `${file} -> ${t}`));
}

const platformOf = (path: string) => /^platforms\/([^/]+)\//.exec(path)?.[1];

describe("architecture", () => {
  it("reads the whole tree", () => {
    expect(graph.size).toBeGreaterThan(50);
    expect(graph.get("core/run/shell.ts")).toContain("core/run/failure.ts");
  });

  it("core imports no platform, no face and no @actions package", () => {
    expect(
      violations(
        (f) => f.startsWith("core/"),
        (t) => /^(platforms|cli|action|faces|config)\//.test(t) || t.startsWith("@actions/"),
      ),
    ).toEqual([]);
  });

  it("a platform imports core and the platform interface, never another platform or a face", () => {
    expect(
      violations(
        (f) => platformOf(f) !== undefined,
        (t) =>
          /^(cli|action|faces|config)\//.test(t) ||
          t === "platforms/registry.ts" ||
          t.startsWith("@actions/"),
      ),
    ).toEqual([]);
    const crossing = [...graph].flatMap(([file, targets]) => {
      const own = platformOf(file);
      if (!own) return [];
      return targets
        .filter((t) => platformOf(t) !== undefined && platformOf(t) !== own)
        .map((t) => `${file} -> ${t}`);
    });
    expect(crossing).toEqual([]);
  });

  it("only the registry names every platform; the CLI knows no platform's folder", () => {
    expect(
      violations(
        (f) => f.startsWith("cli/") || f.startsWith("faces/") || f.startsWith("config/"),
        (t) => platformOf(t) !== undefined,
      ),
    ).toEqual([]);
  });

  it("the action's code knows no platform's folder either", () => {
    expect(
      violations(
        (f) => f.startsWith("action/"),
        (t) => platformOf(t) !== undefined,
      ),
    ).toEqual([]);
  });

  it("has no import cycle (type-only imports included)", () => {
    expect(cycles(graph)).toEqual([]);
  });

  it("finds a cycle when there is one", () => {
    const sample = new Map([
      ["a.ts", ["b.ts"]],
      ["b.ts", ["c.ts"]],
      ["c.ts", ["a.ts"]],
      ["d.ts", ["a.ts"]],
    ]);
    expect(cycles(sample)).toEqual([["a.ts", "b.ts", "c.ts"]]);
  });
});
