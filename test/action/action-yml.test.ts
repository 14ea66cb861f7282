// action.yml declares exactly the inputs the code reads, with the same defaults, so a `with:`
// line the code would ignore (or a missing declaration the runner would warn about) cannot slip in.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { actionFiles } from "../../src/action/metadata.js";
import { GENERATED_SECTIONS, withGeneratedSection } from "../../src/action/reference.js";
import { COMMON_INPUTS } from "../../src/platforms/common.js";
import { PLATFORMS, platformInputs } from "../../src/platforms/registry.js";

const action = parse(readFileSync(new URL("../../action.yml", import.meta.url), "utf8")) as {
  inputs: Record<string, { description: string; default?: string }>;
  runs: { using: string; main: string; post: string };
};
const ACTION_ONLY = [
  "mode",
  "platform",
  "config",
  "target",
  "github-token",
  "comment",
  "issue",
  "require-reviewed-report",
  "deployment-environment",
];

describe("action.yml", () => {
  it("declares every input of every platform and nothing else", () => {
    const read = [
      ...ACTION_ONLY,
      ...COMMON_INPUTS.map((s) => s.name),
      ...platformInputs().map((s) => s.name),
    ];
    expect(Object.keys(action.inputs).sort()).toEqual([...new Set(read)].sort());
  });

  it("gives each input the default the code uses", () => {
    for (const spec of [...COMMON_INPUTS, ...platformInputs()]) {
      const declared = action.inputs[spec.name]?.default;
      // A flag the user did not set is false, whether or not action.yml says so.
      if (spec.type === "boolean") expect([undefined, "false"], spec.name).toContain(declared);
      else if (spec.default === undefined) expect(declared, spec.name).toBeUndefined();
      else expect(String(declared), spec.name).toBe(spec.default);
    }
  });

  it("names every platform in the platform input", () => {
    for (const platform of PLATFORMS)
      expect(action.inputs.platform?.description).toContain(platform.id);
  });

  it("runs one bundle as main and post on node24", () => {
    expect(action.runs).toMatchObject({
      using: "node24",
      main: "dist/index.js",
      post: "dist/index.js",
    });
  });
});

describe("the generated action.yml files", () => {
  it("are what `npm run generate` writes now (run it and commit them when this fails)", () => {
    for (const [path, text] of Object.entries(actionFiles())) {
      const committed = readFileSync(new URL(`../../${path}`, import.meta.url), "utf8");
      expect(committed, `${path} is stale: run npm run generate`).toBe(text);
    }
  });

  it.each(PLATFORMS.map((p) => [p.id, p] as const))(
    "%s/action.yml declares that platform's inputs only, its default mode, and runs the one bundle",
    (id, platform) => {
      const own = parse(actionFiles()[`${id}/action.yml`] as string) as typeof action;
      const others = platformInputs()
        .filter((spec) => !spec.platforms.includes(id))
        .map((spec) => spec.name);
      for (const spec of platform.inputs) expect(own.inputs, spec.name).toHaveProperty(spec.name);
      for (const name of others) expect(own.inputs, name).not.toHaveProperty(name);
      expect(own.inputs.platform?.default).toBe(id);
      expect(own.inputs.mode?.default).toBe(
        platform.modes.includes("dry-run") ? "dry-run" : "status",
      );
      expect(own.runs).toMatchObject({
        using: "node24",
        main: "../dist/index.js",
        post: "../dist/index.js",
      });
    },
  );
});

describe("the generated reference docs", () => {
  it.each(GENERATED_SECTIONS.map((s) => [s.file, s] as const))(
    "%s holds what `npm run generate` writes now (run it and commit the file when this fails)",
    (file, section) => {
      const committed = readFileSync(new URL(`../../${file}`, import.meta.url), "utf8");
      expect(withGeneratedSection(committed, section.marker, section.text()), file).toBe(committed);
    },
  );

  it("list every input of every action and every CLI option", () => {
    const actionDoc = readFileSync(new URL("../../docs/action.md", import.meta.url), "utf8");
    const cliDoc = readFileSync(new URL("../../docs/cli.md", import.meta.url), "utf8");
    for (const name of Object.keys(action.inputs)) expect(actionDoc).toContain(`| \`${name}\` |`);
    for (const spec of [...COMMON_INPUTS, ...platformInputs()])
      expect(cliDoc).toContain(`| \`--${spec.name}`);
  });
});
