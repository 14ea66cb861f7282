// Scenario files are YAML; a syntax error becomes a ScenarioError like any other. Each platform
// gives only its document reader; the CLI names the file in front of any error.
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { deepMerge, type Mapping, mapping, onlyKeys, ScenarioError } from "./fields.js";

export function parseScenarioYaml(yamlText: string): unknown {
  try {
    return parse(yamlText);
  } catch (error) {
    throw new ScenarioError(`not valid YAML: ${(error as Error).message}`);
  }
}

export function readScenarioYaml(path: string): unknown {
  return parseScenarioYaml(readFileSync(path, "utf8"));
}

export interface ScenarioLoader<Scenario> {
  /** Parses and validates a YAML scenario; errors name the offending field. */
  fromYaml(yamlText: string): Scenario;
  fromFile(path: string): Scenario;
  /** The platform's built-in scenario. */
  builtIn(): Scenario;
}

/** The three ways to a platform's scenario, all through its one document reader. */
export function scenarioLoader<Scenario>(
  fromDocument: (document: unknown) => Scenario,
  builtInDocument: unknown,
): ScenarioLoader<Scenario> {
  return {
    fromYaml: (yamlText) => fromDocument(parseScenarioYaml(yamlText)),
    fromFile: (path) => fromDocument(readScenarioYaml(path)),
    builtIn: () => fromDocument(builtInDocument),
  };
}

/**
 * The document's top-level mapping, keys checked; `base: default` stands for the built-in
 * document with this one's fields merged over it.
 */
export function scenarioMapping(
  document: unknown,
  topKeys: readonly string[],
  builtInDocument: unknown,
): Mapping {
  const raw = mapping(document ?? {}, "scenario");
  onlyKeys(raw, "", topKeys);
  if (raw.base === undefined) return raw;
  if (raw.base !== "default")
    throw new ScenarioError(`base must be "default", got ${JSON.stringify(raw.base)}`);
  const { base: _base, ...overrides } = raw;
  return deepMerge(builtInDocument, overrides) as Mapping;
}
