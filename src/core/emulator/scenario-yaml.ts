// Scenario files are YAML; a syntax error becomes a ScenarioError like any other.
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { ScenarioError } from "./fields.js";

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
