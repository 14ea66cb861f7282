// The environments file: which environments exist, on which platform, and which one each
// promotes from. A target names the environment promoted to; its source is the one before it
// (or the one its promotesFrom names, where the platform allows any pair).
import { readFile } from "node:fs/promises";
import { parse, YAMLParseError } from "yaml";
import { UsageError } from "../core/util/usage-error.js";
import type { FileEnvironment, InputNamer, Platform, RawInputs } from "../platforms/platform.js";
import { DEFAULT_PLATFORM, platformById } from "../platforms/registry.js";

export type TargetEnvironment = FileEnvironment;

export interface ResolvedTarget {
  /** "group/name", or "name" when the file has a single group. */
  id: string;
  platform: string;
  upper: TargetEnvironment;
  /** Absent on a platform that acts on one environment alone. */
  lower?: TargetEnvironment;
}

interface Group {
  platform: Platform;
  environments: TargetEnvironment[];
  /** Where each environment promotes from, by name. */
  sources: Map<string, string>;
}

type Groups = Map<string, Group>;

/** The group used for a file with a top-level `environments:` list. */
const DEFAULT_GROUP = "default";

function fail(file: string, problem: string): never {
  throw new UsageError(`${file}: ${problem}`);
}

function text(value: unknown): string | undefined {
  return typeof value === "string" && value.trim() !== "" ? value.trim() : undefined;
}

function groupPlatform(file: string, group: string, value: unknown): Platform {
  const id = value === undefined ? DEFAULT_PLATFORM : text(value);
  try {
    return platformById(id ?? "");
  } catch (error) {
    fail(file, `group "${group}": ${(error as Error).message}`);
  }
}

function parseGroup(file: string, group: string, list: unknown, platformId: unknown): Group {
  const platform = groupPlatform(file, group, platformId);
  if (!Array.isArray(list) || list.length === 0)
    fail(file, `group "${group}" needs an environments list, in promotion order`);
  const environments: TargetEnvironment[] = [];
  const sources = new Map<string, string>();
  for (const [index, raw] of (list as Array<Record<string, unknown>>).entries()) {
    const { name: rawName, promotesFrom: rawFrom, ...fields } = raw ?? {};
    const name = text(rawName);
    if (!name) fail(file, `group "${group}", environment ${index + 1}: name is missing`);
    const env: TargetEnvironment = { name, ...fields };
    const problem = platform.checkFileEnvironment(env);
    if (problem) fail(file, `group "${group}", environment "${name}": ${problem}`);
    if (environments.some((e) => e.name === name))
      fail(file, `group "${group}" lists environment "${name}" twice`);
    const promotesFrom = rawFrom === undefined ? undefined : text(rawFrom);
    const previous = environments[environments.length - 1];
    if (rawFrom !== undefined && !promotesFrom)
      fail(file, `group "${group}", environment "${name}": promotesFrom must name an environment`);
    if (promotesFrom && !environments.some((e) => e.name === promotesFrom))
      fail(
        file,
        previous
          ? `group "${group}": "${name}" promotes from "${promotesFrom}", which is not listed before it; list environments in promotion order`
          : `group "${group}": "${name}" is listed first, so it promotes from nothing, yet says promotesFrom "${promotesFrom}"; list environments in promotion order`,
      );
    if (promotesFrom && platform.sequentialOnly && promotesFrom !== previous?.name) {
      fail(
        file,
        `group "${group}": "${name}" promotes from "${promotesFrom}", but ${platform.title} promotion pairs are sequential: it can only promote from "${previous?.name}", the environment listed before it`,
      );
    }
    if (previous) sources.set(name, promotesFrom ?? previous.name);
    environments.push(env);
  }
  return { platform, environments, sources };
}

/** "envs.yml:3:5: not valid YAML: <why>", then the line and a caret under the spot. */
function yamlProblem(source: string, file: string, error: YAMLParseError): string {
  const why = error.message.split("\n")[0]?.replace(/ at line \d+, column \d+:?$/, "");
  const at = error.linePos?.[0];
  if (!at) return `${file}: not valid YAML: ${why}`;
  const line = source.split(/\r?\n/)[at.line - 1] ?? "";
  // Tabs stay tabs, so the caret lines up however the terminal shows them.
  const pad = line.slice(0, at.col - 1).replace(/[^\t]/g, " ");
  return `${file}:${at.line}:${at.col}: not valid YAML: ${why}\n  ${line}\n  ${pad}^`;
}

/** Parses the file's text; `file` is only used in messages. */
export function parseTargets(source: string, file: string): Groups {
  let doc: unknown;
  try {
    doc = parse(source);
  } catch (error) {
    if (error instanceof YAMLParseError) throw new UsageError(yamlProblem(source, file, error));
    fail(file, `not valid YAML: ${(error as Error).message.split("\n")[0]}`);
  }
  const root = (doc ?? {}) as { groups?: unknown; environments?: unknown; platform?: unknown };
  const groups: Groups = new Map();
  if (root.groups !== undefined) {
    if (typeof root.groups !== "object" || root.groups === null || Array.isArray(root.groups))
      fail(file, "groups must map each group name to { environments: [...] }");
    for (const [group, value] of Object.entries(root.groups as Record<string, unknown>)) {
      const entry = (value ?? {}) as { environments?: unknown; platform?: unknown };
      groups.set(group, parseGroup(file, group, entry.environments, entry.platform));
    }
  }
  if (root.environments !== undefined)
    groups.set(DEFAULT_GROUP, parseGroup(file, DEFAULT_GROUP, root.environments, root.platform));
  if (groups.size === 0)
    fail(file, "no environments: give a top-level environments list or groups");
  return groups;
}

/** Every target a file offers (each environment that promotes from another), e.g. for a matrix. */
export function listTargets(groups: Groups): string[] {
  const single = groups.size === 1;
  return [...groups].flatMap(([group, { platform, environments }]) =>
    environments
      .slice(platform.needsSource ? 1 : 0)
      .map((env) => (single ? env.name : `${group}/${env.name}`)),
  );
}

/** Picks the environment named by `target` and the one it promotes from. */
export function resolveTarget(groups: Groups, target: string, file: string): ResolvedTarget {
  const [groupName, envName] = target.includes("/") ? target.split("/", 2) : [undefined, target];
  const candidates = [...groups].filter(
    ([group, { environments }]) =>
      (groupName === undefined || group === groupName) &&
      environments.some((e) => e.name === envName),
  );
  const available = listTargets(groups).join(", ") || "none";
  if (candidates.length === 0)
    fail(file, `target "${target}" is not in the file; targets: ${available}`);
  if (candidates.length > 1)
    fail(
      file,
      `target "${target}" is in several groups (${candidates.map(([g]) => g).join(", ")}); name it as group/${envName}`,
    );
  const [group, { platform, environments, sources }] = candidates[0] as [string, Group];
  const upper = environments.find((e) => e.name === envName) as TargetEnvironment;
  const lower = environments.find((e) => e.name === sources.get(upper.name));
  if (!lower && platform.needsSource)
    fail(
      file,
      `target "${target}" is the first environment of its group: nothing promotes into it; targets: ${available}`,
    );
  return {
    id: groups.size === 1 ? upper.name : `${group}/${upper.name}`,
    platform: platform.id,
    upper,
    lower,
  };
}

/**
 * Reads the file and resolves the target; every problem is a UsageError naming the file.
 * `givenAs`: how the file was given (--config, TENANT_PROMOTE_CONFIG, input "config").
 */
export async function loadTarget(
  file: string,
  target: string,
  givenAs = "--config",
): Promise<ResolvedTarget> {
  let source: string;
  try {
    source = await readFile(file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new UsageError(`${givenAs}: no such file: ${file}`);
    throw new UsageError(
      `${givenAs}: cannot read the environments file ${file}: ${code ?? (error as Error).message}`,
    );
  }
  return resolveTarget(parseTargets(source, file), target, file);
}

/**
 * Fills the inputs from the file's target and source. The platform comes from the file; a
 * platform given as an input must agree, and so must any environment given directly.
 */
export async function applyTarget(
  raw: RawInputs,
  file: string,
  target: string,
  name: InputNamer,
): Promise<ResolvedTarget> {
  const resolved = await loadTarget(file, target, name("config"));
  const given = typeof raw.platform === "string" ? raw.platform.trim() : "";
  if (given && given !== resolved.platform)
    throw new UsageError(
      `${name("platform")} is ${given}, but ${file} puts target "${resolved.id}" on ${resolved.platform}; drop ${name("platform")} or fix the file`,
    );
  raw.platform = resolved.platform;
  const platform = platformById(resolved.platform);
  platform.applyFileTarget(
    raw,
    resolved.upper,
    resolved.lower,
    name,
    `${file}, target "${resolved.id}"`,
  );
  return resolved;
}
