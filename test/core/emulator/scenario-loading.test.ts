// The scenario pieces every platform's emulator shares: the loader, `base: default` and the speed.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ScenarioError } from "../../../src/core/emulator/fields.js";
import { scenarioLoader, scenarioMapping } from "../../../src/core/emulator/scenario-yaml.js";
import { emulatorSpeed } from "../../../src/core/emulator/speed.js";

const BUILT_IN = { name: "built-in", nested: { a: 1, b: 2 } };
const fromDocument = (document: unknown) =>
  scenarioMapping(document, ["base", "name", "nested"], BUILT_IN);
const loader = scenarioLoader(fromDocument, BUILT_IN);

describe("scenarioLoader", () => {
  it("reads YAML text, a file and the built-in document through the platform's reader", () => {
    expect(loader.fromYaml("name: text")).toEqual({ name: "text" });
    const file = join(mkdtempSync(join(tmpdir(), "scenario-")), "s.yaml");
    writeFileSync(file, "name: file\n");
    expect(loader.fromFile(file)).toEqual({ name: "file" });
    expect(loader.builtIn()).toEqual(BUILT_IN);
  });

  it("turns a YAML syntax error into a ScenarioError", () => {
    expect(() => loader.fromYaml("name: [")).toThrow(ScenarioError);
    expect(() => loader.fromYaml("name: [")).toThrow(/not valid YAML/);
  });
});

describe("scenarioMapping", () => {
  it("merges `base: default` over the built-in document, key by key", () => {
    expect(loader.fromYaml("base: default\nnested: { b: 3 }")).toEqual({
      name: "built-in",
      nested: { a: 1, b: 3 },
    });
  });

  it("refuses another base, unknown keys and a document that is no mapping", () => {
    expect(() => loader.fromYaml("base: other")).toThrow('base must be "default", got "other"');
    expect(() => loader.fromYaml("nmae: typo")).toThrow(/unknown field nmae/);
    expect(() => loader.fromYaml("- a")).toThrow("scenario must be a mapping");
  });
});

describe("emulatorSpeed", () => {
  it("takes the caller's speed over the scenario's", () => {
    expect(emulatorSpeed(60, 1)).toBe(60);
    expect(emulatorSpeed(undefined, 5)).toBe(5);
  });

  it.each([0, -1, Number.NaN, Number.POSITIVE_INFINITY])("refuses %s", (speed) => {
    expect(() => emulatorSpeed(speed, 1)).toThrow("emulator speed must be a positive number");
  });
});
