// Small readers for scenario fields: each error names the field's path in the scenario.
import { isJsonObject } from "../util/json.js";

export class ScenarioError extends Error {
  override readonly name = "ScenarioError";
}

export type Mapping = Record<string, unknown>;

export function isMapping(value: unknown): value is Mapping {
  return isJsonObject(value);
}

export function mapping(value: unknown, path: string): Mapping {
  if (!isMapping(value)) throw new ScenarioError(`${path} must be a mapping (key: value pairs)`);
  return value;
}

/** Rejects keys outside `allowed`, which usually are typos. */
export function onlyKeys(value: Mapping, path: string, allowed: readonly string[]): void {
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key))
      throw new ScenarioError(
        `unknown field ${path ? `${path}.` : ""}${key} (expected one of: ${allowed.join(", ")})`,
      );
  }
}

export function text(value: unknown, path: string): string {
  if (typeof value !== "string" || value.trim() === "")
    throw new ScenarioError(`${path} must be a non-empty string`);
  return value;
}

export function optionalText(value: unknown, path: string): string | undefined {
  return value === undefined ? undefined : text(value, path);
}

export function number(
  value: unknown,
  path: string,
  options: { min?: number; integer?: boolean; positive?: boolean } = {},
): number {
  const ok =
    typeof value === "number" &&
    Number.isFinite(value) &&
    (!options.integer || Number.isInteger(value)) &&
    (options.min === undefined || value >= options.min) &&
    (!options.positive || value > 0);
  if (!ok) {
    const kind = options.integer ? "an integer" : "a number";
    const bound = options.positive
      ? " greater than 0"
      : options.min !== undefined
        ? ` of at least ${options.min}`
        : "";
    throw new ScenarioError(`${path} must be ${kind}${bound}, got ${JSON.stringify(value)}`);
  }
  return value;
}

export function optionalNumber(
  value: unknown,
  path: string,
  options: { min?: number; integer?: boolean; positive?: boolean } = {},
): number | undefined {
  return value === undefined ? undefined : number(value, path, options);
}

export function optionalBoolean(value: unknown, path: string): boolean | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "boolean") throw new ScenarioError(`${path} must be true or false`);
  return value;
}

export function list(value: unknown, path: string): unknown[] {
  if (!Array.isArray(value)) throw new ScenarioError(`${path} must be a list`);
  return value;
}

export function textList(value: unknown, path: string): string[] {
  return list(value, path).map((item, i) => text(item, `${path}[${i}]`));
}

/** Merges `override` into `base`: mappings merge key by key, anything else replaces. */
export function deepMerge(base: unknown, override: unknown): unknown {
  if (!isMapping(base) || !isMapping(override)) return structuredClone(override);
  const merged: Mapping = structuredClone(base);
  for (const [key, value] of Object.entries(override)) merged[key] = deepMerge(base[key], value);
  return merged;
}
