// Scenarios: the seed of both environments and the faults to inject, written in YAML.
//
//   base: default              # optional: start from the built-in scenario and override it
//   speed: 600                 # times faster than a real tenant (1 = real time)
//   tokenLifetimeSeconds: 899  # minted access tokens expire after this many real seconds
//   environments:
//     lower:
//       # Static bearer tokens: a string carries every scope (fr:idc:promotion:*, fr:am:*,
//       # fr:idm:*); a mapping only the scopes it lists.
//       accessTokens: [emulator-lower-token, { token: promote-only, scopes: ["fr:idc:promotion:*"] }]
//       # scopes: what the account may ask a token for (default: all three).
//       serviceAccount: { id: <account id>, publicKey: <JWK mapping or PEM text>, scopes: [...] }
//       esvs: [esv-email-from]                 # ESV ids; &{esv.email.from} refers to esv-email-from
//       config:                                # each item's content is what AM/IDM serve (content.ts)
//         IDMConfig:                           # area
//           "Email > Templates":               # config item category: a list of items, or
//             - { name: Welcome, uid: emailTemplate/welcome, file: idm/conf/emailTemplate-welcome.json,
//                 content: { _id: emailTemplate/welcome, displayName: Welcome, ... } }
//           # ... a mapping that also sets the report's fields (default: derived from the
//           # items' file, e.g. idm/conf/emailTemplate-*.json, and fileName displayName):
//           Managed Objects: { fileDestinationPattern: idm/conf/managed.json, fileName: _id, items: [...] }
//         AMConfig:                            # uid: the AM config DN (entry, service, realm)
//           Journeys: [ { name: Login, realm: /alpha, uid: ou=Login,ou=trees,...,
//                         content: { tree: {...}, nodes: { <nodeId>: {...} } } } ]
//           Scripts: [ { name: ..., uid: ou=<id>,ou=scriptConfigurations,..., content: { ..., source: <text> } } ]
//     upper: { ... }
//   faults: { ... }            # see faults.ts
//   edits: [ { env: lower, afterDryRuns: 1, uid: ..., content: {...} } ]   # see edits.ts
//
// With `base: default`, mappings merge key by key and lists replace: overriding
// environments.upper.esvs replaces the upper ESVs, and overriding one category of
// environments.lower.config.AMConfig leaves the other categories alone.

import {
  isMapping,
  list,
  type Mapping,
  mapping,
  number,
  onlyKeys,
  optionalText,
  ScenarioError,
  text,
  textList,
} from "../../../core/emulator/fields.js";
import { scenarioLoader, scenarioMapping } from "../../../core/emulator/scenario-yaml.js";
import { parsePublicKey } from "../auth/jwt.js";
import { DEFAULT_SCENARIO_DOCUMENT } from "./default-scenario.js";
import { type ContentEdit, parseEdits } from "./edits.js";
import type { Fault } from "./faults.js";
import { parseFaults } from "./scenario-faults.js";
import { ALL_SCOPES } from "./scopes.js";
import type { ConfigItem, EnvironmentConfig, EnvName } from "./types.js";

export interface ServiceAccountScenario {
  id: string;
  /** A public JWK (as a mapping) or a PEM public key. */
  publicKey: string | Record<string, unknown>;
  /** Scopes the account may ask for; absent: all of ALL_SCOPES. */
  scopes?: string[];
}

/** A static bearer token and the scopes it carries. */
export interface AccessTokenScenario {
  token: string;
  scopes: string[];
}

export interface EnvironmentScenario {
  accessTokens: AccessTokenScenario[];
  serviceAccount?: ServiceAccountScenario;
  esvs: string[];
  config: EnvironmentConfig;
}

export interface Scenario {
  speed: number;
  tokenLifetimeSeconds: number;
  environments: Record<EnvName, EnvironmentScenario>;
  faults: Fault[];
  /** Content changes applied after a number of dry runs (see edits.ts). */
  edits: ContentEdit[];
}

export { ScenarioError };

const TOP_KEYS = ["base", "speed", "tokenLifetimeSeconds", "environments", "faults", "edits"];
const ENV_KEYS = ["accessTokens", "serviceAccount", "esvs", "config"];
const ITEM_KEYS = ["name", "realm", "uid", "file", "content"];

function configItem(value: unknown, path: string): ConfigItem {
  const raw = mapping(value, path);
  onlyKeys(raw, path, ITEM_KEYS);
  if (raw.content === undefined) throw new ScenarioError(`${path}.content is required`);
  const item: ConfigItem = {
    name: text(raw.name, `${path}.name`),
    uid: text(raw.uid, `${path}.uid`),
    content: raw.content,
  };
  const realm = optionalText(raw.realm, `${path}.realm`);
  if (realm !== undefined) item.realm = realm;
  const file = optionalText(raw.file, `${path}.file`);
  if (file !== undefined) item.file = file;
  return item;
}

const CATEGORY_KEYS = ["fileDestinationPattern", "fileName", "items"];

/**
 * A category is a list of items, or (for IDM) a mapping that also sets the report's
 * fileDestinationPattern and fileName: { fileDestinationPattern, fileName, items: [...] }.
 */
function categoryItems(value: unknown, path: string): ConfigItem[] {
  if (!isMapping(value))
    return list(value ?? [], path).map((item, i) => configItem(item, `${path}[${i}]`));
  onlyKeys(value, path, CATEGORY_KEYS);
  const pattern = optionalText(value.fileDestinationPattern, `${path}.fileDestinationPattern`);
  const fileName = optionalText(value.fileName, `${path}.fileName`);
  return list(value.items ?? [], `${path}.items`).map((raw, i) => {
    const item = configItem(raw, `${path}.items[${i}]`);
    if (pattern !== undefined) item.fileDestinationPattern = pattern;
    if (fileName !== undefined) item.fileName = fileName;
    return item;
  });
}

function environmentConfig(value: unknown, path: string): EnvironmentConfig {
  const config: EnvironmentConfig = {};
  for (const [area, categories] of Object.entries(mapping(value ?? {}, path))) {
    const areaPath = `${path}.${area}`;
    config[area] = {};
    for (const [category, items] of Object.entries(mapping(categories ?? {}, areaPath))) {
      const categoryPath = `${areaPath}["${category}"]`;
      const parsed = categoryItems(items, categoryPath);
      const seen = new Set<string>();
      for (const item of parsed) {
        if (seen.has(item.uid))
          throw new ScenarioError(`${categoryPath} lists uid ${JSON.stringify(item.uid)} twice`);
        seen.add(item.uid);
      }
      (config[area] as Record<string, ConfigItem[]>)[category] = parsed;
    }
  }
  return config;
}

function scopeList(value: unknown, path: string): string[] {
  const scopes = textList(value, path);
  scopes.forEach((scope, i) => {
    if (!ALL_SCOPES.includes(scope))
      throw new ScenarioError(`${path}[${i}] must be one of ${ALL_SCOPES.join(", ")}`);
  });
  return scopes;
}

/** A plain string carries every scope; a mapping { token, scopes } only those it lists. */
function accessTokens(value: unknown, path: string): AccessTokenScenario[] {
  return list(value, path).map((entry, i) => {
    const entryPath = `${path}[${i}]`;
    if (typeof entry === "string")
      return { token: text(entry, entryPath), scopes: [...ALL_SCOPES] };
    const raw = mapping(entry, entryPath);
    onlyKeys(raw, entryPath, ["token", "scopes"]);
    return {
      token: text(raw.token, `${entryPath}.token`),
      scopes: scopeList(raw.scopes, `${entryPath}.scopes`),
    };
  });
}

function serviceAccount(value: unknown, path: string): ServiceAccountScenario | undefined {
  if (value === undefined || value === null) return undefined;
  const raw = mapping(value, path);
  onlyKeys(raw, path, ["id", "publicKey", "scopes"]);
  const id = text(raw.id, `${path}.id`);
  const publicKey = raw.publicKey;
  if (typeof publicKey !== "string" && (typeof publicKey !== "object" || publicKey === null))
    throw new ScenarioError(`${path}.publicKey must be a public JWK (mapping) or a PEM string`);
  try {
    parsePublicKey(publicKey as string | object);
  } catch {
    throw new ScenarioError(`${path}.publicKey is not a readable public key (JWK or PEM)`);
  }
  const account: ServiceAccountScenario = {
    id,
    publicKey: publicKey as string | Record<string, unknown>,
  };
  if (raw.scopes !== undefined) account.scopes = scopeList(raw.scopes, `${path}.scopes`);
  return account;
}

function environment(value: unknown, name: EnvName): EnvironmentScenario {
  const path = `environments.${name}`;
  const raw: Mapping = mapping(value ?? {}, path);
  onlyKeys(raw, path, ENV_KEYS);
  const env: EnvironmentScenario = {
    accessTokens: accessTokens(
      raw.accessTokens ?? [`emulator-${name}-token`],
      `${path}.accessTokens`,
    ),
    esvs: raw.esvs === undefined ? [] : textList(raw.esvs, `${path}.esvs`),
    config: environmentConfig(raw.config, `${path}.config`),
  };
  const account = serviceAccount(raw.serviceAccount, `${path}.serviceAccount`);
  if (account) env.serviceAccount = account;
  return env;
}

/** Validates a parsed scenario document (as read from YAML) into a Scenario. */
export function scenarioFromDocument(document: unknown): Scenario {
  const raw = scenarioMapping(document, TOP_KEYS, DEFAULT_SCENARIO_DOCUMENT);
  const environments = mapping(raw.environments ?? {}, "environments");
  onlyKeys(environments, "environments", ["lower", "upper"]);
  const lower = environment(environments.lower, "lower");
  const upper = environment(environments.upper, "upper");
  return {
    speed: number(raw.speed ?? 1, "speed", { positive: true }),
    tokenLifetimeSeconds: number(raw.tokenLifetimeSeconds ?? 899, "tokenLifetimeSeconds", {
      positive: true,
    }),
    environments: { lower, upper },
    faults: parseFaults(raw.faults),
    edits: parseEdits(raw.edits, { lower: lower.config, upper: upper.config }),
  };
}

const scenarios = scenarioLoader(scenarioFromDocument, DEFAULT_SCENARIO_DOCUMENT);

/** Parses and validates a YAML scenario; errors name the offending field. */
export const loadScenario = scenarios.fromYaml;
export const loadScenarioFile = scenarios.fromFile;
/** The built-in scenario: a small tenant whose lower environment has changes to promote. */
export const defaultScenario = scenarios.builtIn;
