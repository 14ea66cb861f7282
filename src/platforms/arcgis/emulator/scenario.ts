// ArcGIS scenarios: the organization's context and administrator, tokens, the release and its
// patches, job timings and faults, written in YAML.
//
//   base: default              # optional: start from the built-in scenario and override it
//   speed: 60                  # times faster than real ArcGIS (1 = real time)
//   context: arcgis            # the organization URL is <origin>/<context>
//   credentials: { username: admin, password: emulator-password }
//   accessTokens: [emulator-token]   # static tokens that never expire...
//   tokenReferer: tenant-promote     # ...bound to this referer, as if minted with client=referer
//   maxTokenLifetimeMinutes: 20160   # generateToken caps `expiration` at this (14 days)
//   tokenErrorsAsHttpStatus: false   # true: 498/499 also as the HTTP status, not 200
//   operationErrorForm: error  # refusals as {"error":{...}}; status: {"status":"error",...}
//   checkRollbackOrder: newest-first # or oldest-first, or shuffled (fixed: the newest in the middle)
//   release: { id: rel_24062025_6745, version: 11.5.0 }
//   patches: { installed: [pat_..., ...], available: [pat_...] }   # see scenario-versions.ts
//   timings:                   # real-platform seconds, see job-plan.ts
//     launchSeconds: 11
//     preparationSeconds: 61
//     modules: [{ name: apps, seconds: 31.5 }]
//     postUpgradeSeconds: 60
//   faults: { ... }            # see faults.ts
//
// With `base: default`, mappings merge key by key and lists replace.
import {
  list,
  mapping,
  number,
  onlyKeys,
  optionalBoolean,
  optionalText,
  ScenarioError,
  text,
  textList,
} from "../../../core/emulator/fields.js";
import { scenarioLoader, scenarioMapping } from "../../../core/emulator/scenario-yaml.js";
import { DEFAULT_ARCGIS_SCENARIO_DOCUMENT } from "./default-scenario.js";
import type { ArcGisFault } from "./faults.js";
import type { ArcGisTimings } from "./job-plan.js";
import { parseArcGisFaults } from "./scenario-faults.js";
import { versionChain } from "./scenario-versions.js";
import { jobTarget, type VersionChain } from "./versions.js";

export type { ArcGisTimings } from "./job-plan.js";
export { ScenarioError };

export type OperationErrorForm = "error" | "status";
const CHECK_ROLLBACK_ORDERS = ["newest-first", "oldest-first", "shuffled"] as const;
export type CheckRollbackOrder = (typeof CHECK_ROLLBACK_ORDERS)[number];

export interface ArcGisScenario {
  speed: number;
  context: string;
  credentials: { username: string; password: string };
  accessTokens: string[];
  /** The referer the static tokens are bound to: requests using them must send it as Referer. */
  tokenReferer: string;
  maxTokenLifetimeMinutes: number;
  tokenErrorsAsHttpStatus: boolean;
  operationErrorForm: OperationErrorForm;
  /** The order checkRollback lists its options in (the API documents none). */
  checkRollbackOrder: CheckRollbackOrder;
  versions: VersionChain;
  timings: ArcGisTimings;
  faults: ArcGisFault[];
}

const TOP_KEYS = [
  "base",
  "speed",
  "context",
  "credentials",
  "accessTokens",
  "tokenReferer",
  "maxTokenLifetimeMinutes",
  "tokenErrorsAsHttpStatus",
  "operationErrorForm",
  "checkRollbackOrder",
  "release",
  "patches",
  "timings",
  "faults",
];

function timings(value: unknown): ArcGisTimings {
  const raw = mapping(value ?? {}, "timings");
  onlyKeys(raw, "timings", [
    "launchSeconds",
    "preparationSeconds",
    "modules",
    "postUpgradeSeconds",
  ]);
  const seconds = (key: string, fallback: number) =>
    number(raw[key] ?? fallback, `timings.${key}`, { min: 0 });
  const modules = list(raw.modules ?? [], "timings.modules").map((item, i) => {
    const path = `timings.modules[${i}]`;
    const module = mapping(item, path);
    onlyKeys(module, path, ["name", "seconds"]);
    return {
      name: text(module.name, `${path}.name`),
      seconds: number(module.seconds, `${path}.seconds`, { min: 0 }),
    };
  });
  if (modules.length === 0)
    throw new ScenarioError("timings.modules must name at least one module");
  return {
    launchSeconds: seconds("launchSeconds", 11),
    preparationSeconds: seconds("preparationSeconds", 61),
    modules,
    postUpgradeSeconds: seconds("postUpgradeSeconds", 60),
  };
}

function credentials(value: unknown): ArcGisScenario["credentials"] {
  const raw = mapping(value, "credentials");
  onlyKeys(raw, "credentials", ["username", "password"]);
  return {
    username: text(raw.username, "credentials.username"),
    password: text(raw.password, "credentials.password"),
  };
}

/** Faults that name a module or a version must name one the scenario has. */
function checkFaultReferences(scenario: ArcGisScenario): void {
  for (const fault of scenario.faults) {
    if (fault.kind === "jobFailure" && fault.module !== undefined) {
      const names = scenario.timings.modules.map((m) => m.name);
      if (!names.includes(fault.module))
        throw new ScenarioError(
          `faults.jobFailure.module must be one of: ${names.join(", ")}, got ${fault.module}`,
        );
    }
    if (fault.kind === "jobInProgress") {
      const target = jobTarget(scenario.versions, fault.type, fault.to);
      if (typeof target === "string") throw new ScenarioError(`faults.jobInProgress: ${target}`);
    }
  }
}

/** Validates a parsed scenario document (as read from YAML) into an ArcGisScenario. */
export function arcGisScenarioFromDocument(document: unknown): ArcGisScenario {
  const raw = scenarioMapping(document, TOP_KEYS, DEFAULT_ARCGIS_SCENARIO_DOCUMENT);
  const context = optionalText(raw.context, "context") ?? "arcgis";
  if (!/^[A-Za-z0-9_-]+$/.test(context))
    throw new ScenarioError(`context must be one path segment, got ${JSON.stringify(context)}`);
  const form = optionalText(raw.operationErrorForm, "operationErrorForm") ?? "error";
  if (form !== "error" && form !== "status")
    throw new ScenarioError(`operationErrorForm must be error or status, got ${form}`);
  const order = optionalText(raw.checkRollbackOrder, "checkRollbackOrder") ?? "newest-first";
  if (!CHECK_ROLLBACK_ORDERS.some((known) => known === order))
    throw new ScenarioError(
      `checkRollbackOrder must be one of ${CHECK_ROLLBACK_ORDERS.join(", ")}, got ${order}`,
    );
  const scenario: ArcGisScenario = {
    speed: number(raw.speed ?? 1, "speed", { positive: true }),
    context,
    credentials: credentials(raw.credentials),
    accessTokens: raw.accessTokens === undefined ? [] : textList(raw.accessTokens, "accessTokens"),
    tokenReferer: optionalText(raw.tokenReferer, "tokenReferer") ?? "tenant-promote",
    maxTokenLifetimeMinutes: number(
      raw.maxTokenLifetimeMinutes ?? 20160,
      "maxTokenLifetimeMinutes",
      {
        positive: true,
      },
    ),
    tokenErrorsAsHttpStatus:
      optionalBoolean(raw.tokenErrorsAsHttpStatus, "tokenErrorsAsHttpStatus") ?? false,
    operationErrorForm: form,
    checkRollbackOrder: order as CheckRollbackOrder,
    versions: versionChain(raw.release, raw.patches),
    timings: timings(raw.timings),
    faults: parseArcGisFaults(raw.faults),
  };
  checkFaultReferences(scenario);
  return scenario;
}

const scenarios = scenarioLoader(arcGisScenarioFromDocument, DEFAULT_ARCGIS_SCENARIO_DOCUMENT);

/** Parses and validates a YAML scenario; errors name the offending field. */
export const loadArcGisScenario = scenarios.fromYaml;
export const loadArcGisScenarioFile = scenarios.fromFile;
/** The built-in scenario: 11.5.0.6825 installed, three patches and the release to go back to. */
export const defaultArcGisScenario = scenarios.builtIn;
