// Environments and their configuration resources. A resource has an id (different in every
// environment), a type such as "populations", a name that promotions match on, and fields.
import { createHash } from "node:crypto";

export interface Resource {
  id: string;
  type: string;
  name: string;
  /** Everything else: description, settings, references to other resources by id. */
  fields: Record<string, unknown>;
}

export interface Environment {
  id: string;
  /** A label such as "development", for the banner and docs. */
  name: string;
  resources: Resource[];
}

export interface ResourceRef {
  name: string;
  id: string;
}

/**
 * Types in the order a promotion writes them, so a policy exists before the population or
 * application that refers to it. Other types follow in name order.
 */
export const TYPE_ORDER = [
  "passwordPolicies",
  "populations",
  "themes",
  "signOnPolicies",
  "applications",
];

export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A stable UUID for a resource the scenario gives no id, so reruns see the same ids. */
export function derivedResourceId(envId: string, type: string, name: string): string {
  const hex = createHash("sha256").update(`${envId}/${type}/${name}`).digest("hex");
  const variant = ((Number.parseInt(hex[16] ?? "0", 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export function typeRank(type: string): number {
  const index = TYPE_ORDER.indexOf(type);
  return index === -1 ? TYPE_ORDER.length : index;
}

export function compareTypes(a: string, b: string): number {
  return typeRank(a) - typeRank(b) || a.localeCompare(b);
}

export function refOf(resource: Resource): ResourceRef {
  return { name: resource.name, id: resource.id };
}

export function cloneResources(resources: readonly Resource[]): Resource[] {
  return structuredClone([...resources]);
}

export function findResource(
  resources: readonly Resource[],
  type: string,
  id: string,
): Resource | undefined {
  return resources.find((r) => r.type === type && r.id === id);
}

export function findById(resources: readonly Resource[], id: string): Resource | undefined {
  return resources.find((r) => r.id === id);
}

/**
 * Types whose JSON keeps the name inside `configuration` (PingOne's branding themes) rather than
 * at the top; a plan names their resources `<type>:<id>`, as seed 003 shows for themes.
 */
export const NAME_IN_CONFIGURATION: ReadonlySet<string> = new Set(["themes"]);

/** What GET /v1/environments/{envId}/{type}/{id} answers. */
export function resourceJson(envId: string, resource: Resource, apiUrl: string): unknown {
  return {
    _links: { self: { href: `${apiUrl}/environments/${envId}/${resource.type}/${resource.id}` } },
    id: resource.id,
    environment: { id: envId },
    ...resourceBody(resource),
  };
}

function configurationOf(fields: Record<string, unknown>): Record<string, unknown> {
  const value = fields.configuration;
  return value !== null && typeof value === "object" && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

/** The body a promotion step sends for a resource: its name and fields, without ids. */
export function resourceBody(
  resource: Pick<Resource, "type" | "name" | "fields">,
): Record<string, unknown> {
  const { type, name, fields } = resource;
  if (!NAME_IN_CONFIGURATION.has(type)) return { name, ...fields };
  return { ...fields, configuration: { ...configurationOf(fields), name } };
}

/** Reads a step payload of a `type` resource back into its name and fields. */
export function fromBody(
  type: string,
  body: Record<string, unknown>,
): Pick<Resource, "type" | "name" | "fields"> {
  if (!NAME_IN_CONFIGURATION.has(type)) {
    const { name, ...fields } = body;
    return { type, name: String(name), fields };
  }
  const { name, ...configuration } = configurationOf(body);
  return { type, name: String(name), fields: { ...body, configuration } };
}
