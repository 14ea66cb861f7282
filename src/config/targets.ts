// The environments file: which tenant environments exist and which one each promotes from.
// A target names an upper environment; its lower one is the entry before it.
import { readFile } from "node:fs/promises";
import { parse } from "yaml";
import { environmentOrigin } from "../core/http/origin.js";
import { UsageError } from "../core/util/usage-error.js";
import type { InputNamer, RunInputs } from "../platforms/aic/inputs.js";

export interface TargetEnvironment {
  name: string;
  fqdn: string;
}

export interface ResolvedTarget {
  /** "group/name", or "name" when the file has a single group. */
  id: string;
  upper: TargetEnvironment;
  lower: TargetEnvironment;
}

interface RawEnvironment {
  name?: unknown;
  fqdn?: unknown;
  promotesFrom?: unknown;
}

type Groups = Map<string, TargetEnvironment[]>;

/** The group used for a file with a top-level `environments:` list. */
const DEFAULT_GROUP = "default";

function fail(file: string, problem: string): never {
  throw new UsageError(`${file}: ${problem}`);
}

function text(value: unknown): string | undefined {
  return typeof value === "string" && value.trim() !== "" ? value.trim() : undefined;
}

function parseGroup(file: string, group: string, list: unknown): TargetEnvironment[] {
  if (!Array.isArray(list) || list.length === 0)
    fail(file, `group "${group}" needs an environments list, in promotion order`);
  const environments: TargetEnvironment[] = [];
  for (const [index, raw] of (list as RawEnvironment[]).entries()) {
    const name = text(raw?.name);
    const fqdn = text(raw?.fqdn);
    if (!name) fail(file, `group "${group}", environment ${index + 1}: name is missing`);
    if (!fqdn) fail(file, `group "${group}", environment "${name}": fqdn is missing`);
    if (environments.some((e) => e.name === name))
      fail(file, `group "${group}" lists environment "${name}" twice`);
    const promotesFrom = raw.promotesFrom === undefined ? undefined : text(raw.promotesFrom);
    const previous = environments[environments.length - 1];
    if (raw.promotesFrom !== undefined && !promotesFrom)
      fail(file, `group "${group}", environment "${name}": promotesFrom must name an environment`);
    if (promotesFrom && promotesFrom !== previous?.name) {
      // AIC only promotes between neighbours: development -> staging -> production.
      fail(
        file,
        previous
          ? `group "${group}": "${name}" promotes from "${promotesFrom}", but promotion pairs are sequential: it can only promote from "${previous.name}", the environment listed before it`
          : `group "${group}": "${name}" is listed first, so it promotes from nothing, yet says promotesFrom "${promotesFrom}"; list environments in promotion order`,
      );
    }
    environments.push({ name, fqdn });
  }
  return environments;
}

/** Parses the file's text; `file` is only used in messages. */
export function parseTargets(source: string, file: string): Groups {
  let doc: unknown;
  try {
    doc = parse(source);
  } catch (error) {
    fail(file, `not valid YAML: ${(error as Error).message.split("\n")[0]}`);
  }
  const root = (doc ?? {}) as { groups?: unknown; environments?: unknown };
  const groups: Groups = new Map();
  if (root.groups !== undefined) {
    if (typeof root.groups !== "object" || root.groups === null || Array.isArray(root.groups))
      fail(file, "groups must map each group name to { environments: [...] }");
    for (const [group, value] of Object.entries(root.groups as Record<string, unknown>)) {
      groups.set(
        group,
        parseGroup(file, group, (value as { environments?: unknown })?.environments),
      );
    }
  }
  if (root.environments !== undefined)
    groups.set(DEFAULT_GROUP, parseGroup(file, DEFAULT_GROUP, root.environments));
  if (groups.size === 0)
    fail(file, "no environments: give a top-level environments list or groups");
  return groups;
}

/** Every target a file offers (each environment that promotes from another), e.g. for a matrix. */
export function listTargets(groups: Groups): string[] {
  const single = groups.size === 1;
  return [...groups].flatMap(([group, envs]) =>
    envs.slice(1).map((env) => (single ? env.name : `${group}/${env.name}`)),
  );
}

/** Picks the upper environment named by `target` and the lower one it promotes from. */
export function resolveTarget(groups: Groups, target: string, file: string): ResolvedTarget {
  const [groupName, envName] = target.includes("/") ? target.split("/", 2) : [undefined, target];
  const candidates = [...groups].filter(
    ([group, envs]) =>
      (groupName === undefined || group === groupName) && envs.some((e) => e.name === envName),
  );
  const available = listTargets(groups).join(", ") || "none";
  if (candidates.length === 0)
    fail(file, `target "${target}" is not in the file; targets: ${available}`);
  if (candidates.length > 1)
    fail(
      file,
      `target "${target}" is in several groups (${candidates.map(([g]) => g).join(", ")}); name it as group/${envName}`,
    );
  const [group, envs] = candidates[0] as [string, TargetEnvironment[]];
  const index = envs.findIndex((e) => e.name === envName);
  const upper = envs[index] as TargetEnvironment;
  const lower = envs[index - 1];
  if (!lower)
    fail(
      file,
      `target "${target}" is the first environment of its group: nothing promotes into it; targets: ${available}`,
    );
  return { id: groups.size === 1 ? upper.name : `${group}/${upper.name}`, upper, lower };
}

/** Reads the file and resolves the target; every problem is a UsageError naming the file. */
export async function loadTarget(file: string, target: string): Promise<ResolvedTarget> {
  let source: string;
  try {
    source = await readFile(file, "utf8");
  } catch (error) {
    throw new UsageError(
      `cannot read the environments file ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
    );
  }
  return resolveTarget(parseTargets(source, file), target, file);
}

/**
 * Fills the upper and lower environments from the file; an environment also given directly
 * must be the same one, or the run is refused (it would promote a pair the file does not allow).
 */
export async function applyTarget(
  run: RunInputs,
  file: string,
  target: string,
  name: InputNamer,
): Promise<ResolvedTarget> {
  const resolved = await loadTarget(file, target);
  for (const [side, given, fromFile] of [
    ["upper", run.upperFqdn, resolved.upper],
    ["lower", run.lowerFqdn, resolved.lower],
  ] as const) {
    const input = name(`${side}-fqdn`);
    if (given && environmentOrigin(given, input) !== environmentOrigin(fromFile.fqdn, file)) {
      throw new UsageError(
        `${input} (${given}) contradicts ${file}, where target "${resolved.id}" has ${side} environment ${fromFile.name} (${fromFile.fqdn}); drop ${input} or fix the file`,
      );
    }
  }
  run.upperFqdn = resolved.upper.fqdn;
  run.lowerFqdn = resolved.lower.fqdn;
  return resolved;
}
