// Reads the request faults of a scenario's `faults:` mapping, the part every emulator shares:
//
//   faults:
//     # Error replies for the next `count` (default 1) matching requests, after letting
//     # `after` (default 0) of them through; counting starts when the fault is added.
//     # method, path (see RequestMatch for `*`), contentType and env filter; 429 always
//     # sends Retry-After (retryAfterSeconds, default 1), other statuses when it is given.
//     httpErrors:
//       - { status: 503, count: 3, method: GET, path: /some/path }
//       - { status: 429, retryAfterSeconds: 2 }
//     # Connections destroyed without a reply; with afterProcessing: true the request takes
//     # effect first and only its reply is lost.
//     droppedConnections:
//       - { method: POST, path: /some/path, afterProcessing: true }
//     # Replies delayed by delayMs real milliseconds (not divided by speed).
//     slowReplies:
//       - { method: GET, path: /some/path, count: 2, delayMs: 1500 }
import type { RequestFault, RequestMatch } from "./faults.js";
import {
  list,
  type Mapping,
  mapping,
  number,
  onlyKeys,
  optionalBoolean,
  optionalNumber,
  optionalText,
  ScenarioError,
} from "./fields.js";

export const REQUEST_FAULT_KEYS = ["httpErrors", "droppedConnections", "slowReplies"] as const;
const MATCH_KEYS = ["env", "method", "path", "contentType", "after", "count"];

export interface RequestFaultOptions<Server extends string> {
  /** Server names `env` may take; without it `env` is refused. */
  envs?: readonly Server[];
}

function requestMatch<Server extends string>(
  raw: Mapping,
  path: string,
  options: RequestFaultOptions<Server>,
): RequestMatch<Server> {
  const env = optionalText(raw.env, `${path}.env`);
  const envs: readonly string[] = options.envs ?? [];
  if (env !== undefined && !envs.includes(env))
    throw new ScenarioError(
      envs.length === 0
        ? `${path}.env is not used by this emulator (it serves one origin)`
        : `${path}.env must be ${envs.join(" or ")}, got ${JSON.stringify(env)}`,
    );
  const method = optionalText(raw.method, `${path}.method`)?.toUpperCase();
  const requestPath = optionalText(raw.path, `${path}.path`);
  if (requestPath !== undefined && !requestPath.startsWith("/"))
    throw new ScenarioError(`${path}.path must start with /, got ${JSON.stringify(requestPath)}`);
  return {
    env: env as Server | undefined,
    method,
    path: requestPath,
    contentType: optionalText(raw.contentType, `${path}.contentType`),
    after: optionalNumber(raw.after, `${path}.after`, { integer: true, min: 0 }),
    count: number(raw.count ?? 1, `${path}.count`, { integer: true, min: 1 }),
  };
}

function entries(raw: Mapping, key: string): { path: string; item: Mapping }[] {
  if (raw[key] === undefined) return [];
  return list(raw[key], `faults.${key}`).map((item, i) => {
    const path = `faults.${key}[${i}]`;
    return { path, item: mapping(item, path) };
  });
}

/** The request faults under `raw` (the `faults:` mapping); other keys are left to the caller. */
export function parseRequestFaults<Server extends string = string>(
  raw: Mapping,
  options: RequestFaultOptions<Server> = {},
): RequestFault<Server>[] {
  const faults: RequestFault<Server>[] = [];
  for (const { path, item } of entries(raw, "httpErrors")) {
    onlyKeys(item, path, [...MATCH_KEYS, "status", "retryAfterSeconds"]);
    faults.push({
      kind: "httpError",
      ...requestMatch(item, path, options),
      status: number(item.status, `${path}.status`, { integer: true, min: 400 }),
      retryAfterSeconds: optionalNumber(item.retryAfterSeconds, `${path}.retryAfterSeconds`, {
        integer: true,
        min: 0,
      }),
    });
  }
  for (const { path, item } of entries(raw, "droppedConnections")) {
    onlyKeys(item, path, [...MATCH_KEYS, "afterProcessing"]);
    faults.push({
      kind: "dropConnection",
      ...requestMatch(item, path, options),
      afterProcessing: optionalBoolean(item.afterProcessing, `${path}.afterProcessing`),
    });
  }
  for (const { path, item } of entries(raw, "slowReplies")) {
    onlyKeys(item, path, [...MATCH_KEYS, "delayMs"]);
    faults.push({
      kind: "slowReply",
      ...requestMatch(item, path, options),
      delayMs: number(item.delayMs, `${path}.delayMs`, { min: 0 }),
    });
  }
  return faults;
}

/** `true`, `false` or a mapping; returns undefined for false or absent. */
export function flagOrMapping(value: unknown, path: string): Mapping | undefined {
  if (value === undefined || value === false) return undefined;
  if (value === true) return {};
  return mapping(value, path);
}
