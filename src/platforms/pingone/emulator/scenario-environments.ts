// Reads a scenario's environments (with their resources) and its worker application.
import {
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
import { derivedResourceId, type Environment, type Resource, UUID_PATTERN } from "./resources.js";

export type TokenEndpointAuthMethod = "CLIENT_SECRET_BASIC" | "CLIENT_SECRET_POST";

export interface WorkerAppScenario {
  /** The environment the app lives in: the one its token endpoint is under. */
  environmentId: string;
  clientId: string;
  clientSecret: string;
  tokenEndpointAuthMethod: TokenEndpointAuthMethod;
  /** Real-platform seconds; minted tokens expire after this divided by speed. */
  tokenLifetimeSeconds: number;
  /** Environments it has the Environment Admin role on; undefined means all of them. */
  administers?: string[];
}

const TYPE_PATTERN = /^[A-Za-z][A-Za-z0-9]*$/;
const AUTH_METHODS: TokenEndpointAuthMethod[] = ["CLIENT_SECRET_BASIC", "CLIENT_SECRET_POST"];

export function uuid(value: unknown, path: string): string {
  const id = text(value, path);
  if (!UUID_PATTERN.test(id))
    throw new ScenarioError(`${path} must be a UUID, got ${JSON.stringify(id)}`);
  return id.toLowerCase();
}

function resource(envId: string, type: string, value: unknown, path: string): Resource {
  const raw = mapping(value, path);
  const { id, name, ...fields } = raw;
  const resourceName = text(name, `${path}.name`);
  return {
    id: id === undefined ? derivedResourceId(envId, type, resourceName) : uuid(id, `${path}.id`),
    type,
    name: resourceName,
    fields: structuredClone(fields),
  };
}

function environment(name: string, value: unknown): Environment {
  const path = `environments.${name}`;
  const raw = mapping(value ?? {}, path);
  onlyKeys(raw, path, ["id", "resources"]);
  const id = uuid(raw.id, `${path}.id`);
  const resources: Resource[] = [];
  for (const [type, items] of Object.entries(mapping(raw.resources ?? {}, `${path}.resources`))) {
    const typePath = `${path}.resources.${type}`;
    if (!TYPE_PATTERN.test(type))
      throw new ScenarioError(`${typePath}: a resource type is a plain word such as populations`);
    for (const [i, item] of list(items ?? [], typePath).entries()) {
      const parsed = resource(id, type, item, `${typePath}[${i}]`);
      const clash = resources.find(
        (r) => r.id === parsed.id || (r.type === type && r.name === parsed.name),
      );
      if (clash)
        throw new ScenarioError(
          `${typePath}[${i}] repeats the id or name of another resource (${clash.name})`,
        );
      resources.push(parsed);
    }
  }
  return { id, name, resources };
}

export function environments(value: unknown): Environment[] {
  const raw = mapping(value ?? {}, "environments");
  const parsed = Object.entries(raw).map(([name, env]) => environment(name, env));
  const ids = new Set(parsed.map((e) => e.id));
  if (ids.size !== parsed.length)
    throw new ScenarioError("environments: two environments share an id");
  if (parsed.length < 2)
    throw new ScenarioError("environments: a promotion needs at least two environments");
  return parsed;
}

/** An environment given by its scenario name or its id. */
export function environmentRef(value: unknown, path: string, envs: Environment[]): string {
  const ref = text(value, path);
  const found = envs.find((e) => e.name === ref || e.id === ref.toLowerCase());
  if (!found)
    throw new ScenarioError(
      `${path} names no environment: ${JSON.stringify(ref)} (expected one of: ${envs.map((e) => e.name).join(", ")})`,
    );
  return found.id;
}

export function workerApp(value: unknown, envs: Environment[]): WorkerAppScenario {
  const path = "workerApp";
  const raw: Mapping = mapping(value ?? {}, path);
  onlyKeys(raw, path, [
    "environment",
    "clientId",
    "clientSecret",
    "tokenEndpointAuthMethod",
    "tokenLifetimeSeconds",
    "administers",
  ]);
  const method = (
    optionalText(raw.tokenEndpointAuthMethod, `${path}.tokenEndpointAuthMethod`) ??
    "CLIENT_SECRET_BASIC"
  ).toUpperCase();
  if (!AUTH_METHODS.includes(method as TokenEndpointAuthMethod))
    throw new ScenarioError(
      `${path}.tokenEndpointAuthMethod must be client_secret_basic or client_secret_post`,
    );
  const app: WorkerAppScenario = {
    environmentId: environmentRef(raw.environment, `${path}.environment`, envs),
    clientId: text(raw.clientId, `${path}.clientId`),
    clientSecret: text(raw.clientSecret, `${path}.clientSecret`),
    tokenEndpointAuthMethod: method as TokenEndpointAuthMethod,
    tokenLifetimeSeconds: number(raw.tokenLifetimeSeconds ?? 3600, `${path}.tokenLifetimeSeconds`, {
      positive: true,
    }),
  };
  if (raw.administers !== undefined)
    app.administers = textList(raw.administers, `${path}.administers`).map((ref, i) =>
      environmentRef(ref, `${path}.administers[${i}]`, envs),
    );
  return app;
}
