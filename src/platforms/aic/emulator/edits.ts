// Content edits made to an environment while a run is under way, e.g. a journey edited in the
// lower environment after its dry run was reviewed. In a scenario they sit under `edits:`:
//
//   edits:
//     - env: lower              # the environment whose item changes
//       afterDryRuns: 1         # applied once this many dry runs have ended and the lock is let go (0: at start)
//       uid: ou=Login,ou=trees,...   # the item's uid, as in the scenario's config
//       content: { tree: { description: Edited after review } }   # merged into the content
//
// Content merges as `base: default` does: mappings key by key, lists and other values replace.
import {
  deepMerge,
  list,
  mapping,
  number,
  onlyKeys,
  ScenarioError,
  text,
} from "../../../core/emulator/fields.js";
import type { ConfigItem, EnvironmentConfig, EnvName } from "./types.js";

export interface ContentEdit {
  env: EnvName;
  afterDryRuns: number;
  uid: string;
  content: unknown;
}

function findItem(config: EnvironmentConfig, uid: string): ConfigItem | undefined {
  for (const categories of Object.values(config)) {
    for (const items of Object.values(categories)) {
      const found = items.find((item) => item.uid === uid);
      if (found) return found;
    }
  }
  return undefined;
}

/** Merges `content` into the content of the item with `uid`; throws when there is none. */
export function editContent(
  config: EnvironmentConfig,
  env: EnvName,
  uid: string,
  content: unknown,
): void {
  const item = findItem(config, uid);
  if (!item) throw new Error(`The ${env} environment has no config item with uid ${uid}`);
  item.content = deepMerge(item.content, content);
}

/** Reads `edits:`; each uid must name an item of its environment's seed `configs`. */
export function parseEdits(value: unknown, configs: Record<EnvName, EnvironmentConfig>) {
  return list(value ?? [], "edits").map((entry, i): ContentEdit => {
    const path = `edits[${i}]`;
    const raw = mapping(entry, path);
    onlyKeys(raw, path, ["env", "afterDryRuns", "uid", "content"]);
    if (raw.env !== "lower" && raw.env !== "upper")
      throw new ScenarioError(`${path}.env must be lower or upper`);
    const uid = text(raw.uid, `${path}.uid`);
    if (!findItem(configs[raw.env], uid))
      throw new ScenarioError(`${path}.uid names no config item of environments.${raw.env}`);
    if (raw.content === undefined) throw new ScenarioError(`${path}.content is required`);
    return {
      env: raw.env,
      afterDryRuns: number(raw.afterDryRuns ?? 1, `${path}.afterDryRuns`, {
        min: 0,
        integer: true,
      }),
      uid,
      content: raw.content,
    };
  });
}
