// PingOne scenarios: the environments and their resources, the worker application, timings
// and faults, written in YAML.
//
//   base: default              # optional: start from the built-in scenario and override it
//   speed: 60                  # times faster than real PingOne (1 = real time)
//   accessTokens: [emulator-token]   # static bearer tokens, valid for every environment
//   promoteDeletions: false    # true: resources only in the target get DELETE steps
//   timings: { newSeconds: 2, preparingSeconds: 15, stepSeconds: 4 }   # real-platform seconds
//   workerApp:
//     environment: development # name or id of the environment the app lives in
//     clientId: emulator-client
//     clientSecret: emulator-secret
//     tokenEndpointAuthMethod: client_secret_basic   # or client_secret_post
//     tokenLifetimeSeconds: 3600
//     administers: [development, staging]            # optional; default: every environment
//   environments:
//     development:
//       id: 11111111-1111-4111-8111-111111111111
//       resources:
//         populations:
//           - { id: <uuid, optional>, name: Employees, description: Staff }
//   faults: { ... }            # see faults.ts
//
// With `base: default`, mappings merge key by key and lists replace: overriding
// environments.staging.resources.populations replaces staging's populations only.
import {
  mapping,
  number,
  onlyKeys,
  optionalBoolean,
  ScenarioError,
  textList,
} from "../../../core/emulator/fields.js";
import { scenarioLoader, scenarioMapping } from "../../../core/emulator/scenario-yaml.js";
import { DEFAULT_PINGONE_SCENARIO_DOCUMENT } from "./default-scenario.js";
import type { PingOneFault } from "./faults.js";
import type { Environment } from "./resources.js";
import { environments, type WorkerAppScenario, workerApp } from "./scenario-environments.js";
import { parsePingOneFaults } from "./scenario-faults.js";

export type { TokenEndpointAuthMethod, WorkerAppScenario } from "./scenario-environments.js";
export { ScenarioError };

/** Durations of real PingOne in seconds; the emulator divides them by its speed. */
export interface PingOneTimings {
  /** NEW (or ROLLBACK_NEW) until PREPARING (or ROLLBACK_PREPARING). */
  newSeconds: number;
  /** PREPARING until READY or VALIDATION_FAILED: snapshot comparison and planning. */
  preparingSeconds: number;
  /** Each step of an execution. */
  stepSeconds: number;
}

export interface PingOneScenario {
  speed: number;
  environments: Environment[];
  workerApp: WorkerAppScenario;
  accessTokens: string[];
  promoteDeletions: boolean;
  timings: PingOneTimings;
  faults: PingOneFault[];
}

const TOP_KEYS = [
  "base",
  "speed",
  "environments",
  "workerApp",
  "accessTokens",
  "promoteDeletions",
  "timings",
  "faults",
];
const TIMING_DEFAULTS: PingOneTimings = { newSeconds: 2, preparingSeconds: 15, stepSeconds: 4 };

function timings(value: unknown): PingOneTimings {
  const raw = mapping(value ?? {}, "timings");
  onlyKeys(raw, "timings", Object.keys(TIMING_DEFAULTS));
  const read = (key: keyof PingOneTimings) =>
    number(raw[key] ?? TIMING_DEFAULTS[key], `timings.${key}`, { min: 0 });
  return {
    newSeconds: read("newSeconds"),
    preparingSeconds: read("preparingSeconds"),
    stepSeconds: read("stepSeconds"),
  };
}

/** Validates a parsed scenario document (as read from YAML) into a PingOneScenario. */
export function pingOneScenarioFromDocument(document: unknown): PingOneScenario {
  const raw = scenarioMapping(document, TOP_KEYS, DEFAULT_PINGONE_SCENARIO_DOCUMENT);
  const envs = environments(raw.environments);
  return {
    speed: number(raw.speed ?? 1, "speed", { positive: true }),
    environments: envs,
    workerApp: workerApp(raw.workerApp, envs),
    accessTokens: raw.accessTokens === undefined ? [] : textList(raw.accessTokens, "accessTokens"),
    promoteDeletions: optionalBoolean(raw.promoteDeletions, "promoteDeletions") ?? false,
    timings: timings(raw.timings),
    faults: parsePingOneFaults(raw.faults, envs),
  };
}

const scenarios = scenarioLoader(pingOneScenarioFromDocument, DEFAULT_PINGONE_SCENARIO_DOCUMENT);

/** Parses and validates a YAML scenario; errors name the offending field. */
export const loadPingOneScenario = scenarios.fromYaml;
export const loadPingOneScenarioFile = scenarios.fromFile;
/** The built-in scenario: development holds changes to promote to staging and production. */
export const defaultPingOneScenario = scenarios.builtIn;
