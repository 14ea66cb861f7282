// The AM and IDM reads of configuration content, served from the environment's model: each
// item's `content` is what these endpoints return (journeys as { tree, nodes }, scripts with a
// plain `source` served base64-encoded, IDM config objects as they are).
import { createHash } from "node:crypto";
import { canonicalJson } from "../../../core/emulator/canonical-json.js";
import type { EmulatorCall } from "../../../core/emulator/http-server.js";
import { ok, type Reply } from "../../../core/emulator/reply.js";
import { isJsonObject, type JsonObject } from "../../../core/util/json.js";
import { REALM_SERVICE_PATHS } from "../content/am-locations.js";
import { parseAmDn } from "../content/dn.js";
import type { EmulatedEnvironment } from "./environment.js";
import { forgeRockError } from "./reply.js";
import { AM_JSON_BASE, IDM_BASE } from "./scopes.js";
import type { ConfigItem, EnvironmentConfig } from "./types.js";

const IDM_AREA = "IDMConfig";
/** Fixed audit fields of a served script: the emulator does not track who changed what. */
const SCRIPT_AUDIT = {
  createdBy: "id=dsameuser,ou=user,ou=am-config",
  creationDate: 1700000000000,
  lastModifiedBy: "id=dsameuser,ou=user,ou=am-config",
  lastModifiedDate: 1700000000000,
};

function allItems(config: EnvironmentConfig, area?: string): ConfigItem[] {
  const areas = area === undefined ? Object.values(config) : [config[area] ?? {}];
  return areas.flatMap((categories) => Object.values(categories).flat());
}

function asObject(value: unknown): JsonObject {
  return isJsonObject(value) ? value : {};
}

/** A digest of the served JSON, as AM's _rev changes whenever the content does. */
function revision(body: JsonObject): string {
  return createHash("sha256").update(canonicalJson(body)).digest("base64url").slice(0, 16);
}

/** `body` with `_rev` after `_id`, as AM sends it. */
function withRev(body: JsonObject): JsonObject {
  const { _id, _rev: _ignored, ...rest } = body;
  return { _id, _rev: revision(body), ...rest };
}

function withoutKey(value: unknown, key: string): unknown {
  if (Array.isArray(value)) return value.map((v) => withoutKey(v, key));
  if (!isJsonObject(value)) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([k]) => k !== key)
      .map(([k, v]) => [k, withoutKey(v, key)]),
  );
}

interface AmPath {
  realm: string;
  /** Path segments after the realm, decoded. */
  rest: string[];
}

/** /am/json/realms/root/realms/alpha/<rest> -> realm "/alpha" and the rest. */
function amPath(path: string): AmPath | undefined {
  const segments = path
    .slice(AM_JSON_BASE.length + 1)
    .split("/")
    .map(decodeURIComponent);
  if (segments[0] !== "realms" || segments[1] !== "root") return undefined;
  const realms: string[] = [];
  let at = 2;
  while (segments[at] === "realms" && segments[at + 1]) {
    realms.push(segments[at + 1] as string);
    at += 2;
  }
  return { realm: `/${realms.join("/")}`, rest: segments.slice(at) };
}

/** AM items of `realm` whose DN names `service` (case-insensitive), with their DN read. */
function amItems(env: EmulatedEnvironment, realm: string, service: string) {
  const wanted = service.toLowerCase();
  return allItems(env.config).flatMap((item) => {
    const dn = parseAmDn(item.uid);
    if (!dn || dn.service.toLowerCase() !== wanted) return [];
    // Scenario realms may be written "/alpha" or "alpha"; the DN's o= names it too.
    const itemRealm = `/${(item.realm ?? dn.realm).replace(/^\//, "")}`;
    return itemRealm === realm ? [{ item, dn }] : [];
  });
}

/** A CREST query's reply, unpaged, as AM and IDM send it. */
function queryResult(result: JsonObject[]): JsonObject {
  return {
    result,
    resultCount: result.length,
    pagedResultsCookie: null,
    totalPagedResultsPolicy: "NONE",
    totalPagedResults: -1,
    remainingPagedResults: -1,
  };
}

function notFound(what: string): Reply {
  return forgeRockError(404, what);
}

function tree(env: EmulatedEnvironment, realm: string, id: string): Reply {
  const found = amItems(env, realm, "authenticationTreesService").find((x) => x.dn.entry === id);
  if (!found) return notFound(`Tree ${id} not found`);
  const content = asObject(found.item.content);
  return ok(withRev({ _id: id, ...asObject(content.tree ?? content) }));
}

/**
 * A node, by type and id; AM 8.1 and later (as AIC runs) also by the node type's version, which
 * the tree lists beside each node, read with resource 3.0.
 */
function node(
  env: EmulatedEnvironment,
  realm: string,
  call: EmulatorCall,
  type: string,
  id: string,
  version?: string,
): Reply {
  if (version !== undefined && !/resource\s*=\s*3/.test(String(call.headers["accept-api-version"])))
    return forgeRockError(400, "Versioned node paths need Accept-API-Version resource=3.0");
  for (const { item } of amItems(env, realm, "authenticationTreesService")) {
    const stored = asObject(asObject(asObject(item.content).nodes)[id]);
    const storedVersion = String(asObject(stored._type).version ?? "1.0");
    if (asObject(stored._type)._id === type && (version === undefined || version === storedVersion))
      return ok(withRev({ _id: id, ...stored }));
  }
  return notFound(`Node ${id} of type ${type} not found`);
}

function script(env: EmulatedEnvironment, realm: string, id: string): Reply {
  const found = amItems(env, realm, "ScriptingService").find((x) => x.dn.entry === id);
  if (!found) return notFound(`Script ${id} not found`);
  const { source, ...settings } = asObject(found.item.content);
  const text = typeof source === "string" ? source : "";
  return ok(
    withRev({
      _id: id,
      name: found.item.name,
      description: "",
      language: "JAVASCRIPT",
      ...settings,
      script: Buffer.from(text, "utf8").toString("base64"),
      default: false,
      ...SCRIPT_AUDIT,
    }),
  );
}

/** An agent's type, as its content's `_type` names it; an agent without one is an OAuth2 client. */
function agentType(item: ConfigItem): string {
  const type = asObject(asObject(item.content)._type)._id;
  return typeof type === "string" ? type : "OAuth2Client";
}

/** An agent under its own type only: a web agent is no OAuth2Client (404), as on AM. */
function agent(env: EmulatedEnvironment, realm: string, type: string, id: string): Reply {
  const found = amItems(env, realm, "AgentService").find(
    (x) => x.dn.entry === id && agentType(x.item) === type,
  );
  if (!found) return notFound(`${type} ${id} not found`);
  // The client secret is write-only: AM never returns it.
  const content = asObject(withoutKey(found.item.content, "userpassword"));
  return ok(withRev({ _id: id, _type: { _id: type }, ...content }));
}

/** realm-config/agents?_queryFilter=_id eq '<id>' (or "<id>"): the agents with that id, and their type. */
function agentQuery(env: EmulatedEnvironment, realm: string, call: EmulatorCall): Reply {
  const filter = call.url.searchParams.get("_queryFilter");
  const eq = filter === null ? null : /^\s*_id\s+eq\s+(?:"([^"]*)"|'([^']*)')\s*$/.exec(filter);
  if (!eq) return forgeRockError(400, `Unsupported query filter: ${filter ?? "(none)"}`);
  const id = eq[1] ?? eq[2] ?? "";
  const result = amItems(env, realm, "AgentService")
    .filter((x) => x.dn.entry === id)
    .map((x) => ({ _id: id, _type: { _id: agentType(x.item) } }));
  return ok(queryResult(result));
}

function socialProvider(env: EmulatedEnvironment, realm: string, type: string, id: string) {
  const found = amItems(env, realm, "SocialIdentityProviders").find(
    (x) => x.dn.entry === id && x.dn.middle[0] === type,
  );
  if (!found) return notFound(`${type} ${id} not found`);
  return ok(withRev({ _id: id, ...asObject(found.item.content) }));
}

function realmService(env: EmulatedEnvironment, realm: string, serviceId: string): Reply {
  const service = Object.entries(REALM_SERVICE_PATHS).find(([, id]) => id === serviceId)?.[0];
  const found = service ? amItems(env, realm, service)[0] : undefined;
  if (!found) return notFound(`Service ${serviceId} not found`);
  return ok(withRev({ _id: "", ...asObject(found.item.content) }));
}

/** A SAML entity's id in AM's REST paths: its entity id, base64url without padding. */
function samlId(entityId: string): string {
  return Buffer.from(entityId, "utf8").toString("base64url");
}

function samlEntities(env: EmulatedEnvironment, realm: string) {
  return amItems(env, realm, "sunFMSAML2MetadataService").map(({ item, dn }) => {
    const content = asObject(item.content);
    const location = content.entityLocation === "remote" ? "remote" : "hosted";
    return { item, entityId: dn.entry, location, _id: samlId(dn.entry), content };
  });
}

/** saml2?_queryFilter=true or entityId eq "...": the stubs frodo-lib lists entities by. */
function samlQuery(env: EmulatedEnvironment, realm: string, call: EmulatorCall): Reply {
  const filter = call.url.searchParams.get("_queryFilter") ?? "";
  const eq = /^\s*entityId\s+eq\s+"((?:[^"\\]|\\.)*)"\s*$/.exec(filter);
  if (filter.trim() !== "true" && !eq)
    return forgeRockError(400, `Invalid query filter: ${filter || "(none)"}`);
  const wanted = eq?.[1]?.replace(/\\(.)/g, "$1");
  const result = samlEntities(env, realm)
    .filter((e) => wanted === undefined || e.entityId === wanted)
    .map(({ _id, entityId, location }) => ({ _id, entityId, location, roles: [] }));
  return ok({
    result,
    resultCount: result.length,
    pagedResultsCookie: null,
    remainingPagedResults: -1,
  });
}

function samlEntity(env: EmulatedEnvironment, realm: string, location: string, id: string): Reply {
  const found = samlEntities(env, realm).find((e) => e._id === id && e.location === location);
  if (!found) return notFound(`SAML entity ${id} not found in ${location}`);
  return ok(
    withRev({ _id: id, entityId: found.entityId, entityLocation: location, ...found.content }),
  );
}

/**
 * The reply of an endpoint AM serves under the resource versions `majors` only (e.g. ["1"]):
 * a request for another major version, or none, is refused as AM refuses it.
 */
function underVersion(call: EmulatorCall, majors: string[], reply: () => Reply): Reply {
  const value = call.headers["accept-api-version"];
  const text = Array.isArray(value) ? value.join(",") : (value ?? "");
  const major = /resource\s*=\s*(\d+)/.exec(text)?.[1];
  if (major !== undefined && majors.includes(major)) return reply();
  return forgeRockError(400, `Unsupported major version: ${text || "(no Accept-API-Version)"}`);
}

function amRoute(env: EmulatedEnvironment, call: EmulatorCall): Reply {
  const path = call.url.pathname;
  const parsed = amPath(path);
  if (!parsed) return notFound(`No such endpoint: ${path}`);
  const { realm, rest } = parsed;
  const [a, b, c, d, e, f] = rest;
  const v1 = (reply: () => Reply) => underVersion(call, ["1"], reply);
  if (a === "scripts" && b && rest.length === 2) return v1(() => script(env, realm, b));
  if (a === "realm-config") {
    if (b === "authentication" && c === "authenticationtrees") {
      if (d === "trees" && e && rest.length === 5) return v1(() => tree(env, realm, e));
      if (d === "nodes" && e && f && rest.length === 6)
        return v1(() => node(env, realm, call, e, f));
      // Versioned node paths (AM 8.1 and later) answer resource 3.0 only.
      if (d === "nodes" && e && f && rest[6] && rest.length === 7)
        return node(env, realm, call, e, rest[6], f);
    }
    if (b === "saml2" && rest.length === 2) return v1(() => samlQuery(env, realm, call));
    if (b === "saml2" && c && d && rest.length === 4) return v1(() => samlEntity(env, realm, c, d));
    if (b === "agents" && rest.length === 2) return v1(() => agentQuery(env, realm, call));
    // AI agents are served under resource 2.0 (frodo-lib's aiagentVersion), the others 1.0.
    if (b === "agents" && c && d && rest.length === 4)
      return underVersion(call, [c === "AIAgent" ? "2" : "1"], () => agent(env, realm, c, d));
    if (b === "services" && c === "SocialIdentityProviders" && d && e && rest.length === 5)
      return v1(() => socialProvider(env, realm, d, e));
    if (b === "services" && c && rest.length === 3) return v1(() => realmService(env, realm, c));
  }
  return notFound(`No such endpoint: ${path}`);
}

/** An IDM item's config id: its content's _id, else its uid. */
function idmId(item: ConfigItem): string {
  const id = asObject(item.content)._id;
  return typeof id === "string" ? id : item.uid;
}

function idmObject(item: ConfigItem): JsonObject {
  return { ...asObject(item.content), _id: idmId(item) };
}

/** _id sw "prefix" (or 'prefix'), or true: the filters IDM's config endpoint is read with. */
function idmFilter(filter: string): ((id: string) => boolean) | undefined {
  if (filter.trim() === "true") return () => true;
  const sw = /^\s*_id\s+sw\s+(?:"([^"]*)"|'([^']*)')\s*$/.exec(filter);
  if (!sw) return undefined;
  const prefix = sw[1] ?? sw[2] ?? "";
  return (id) => id.startsWith(prefix);
}

function idmRoute(env: EmulatedEnvironment, call: EmulatorCall): Reply {
  const path = call.url.pathname;
  const items = allItems(env.config, IDM_AREA);
  if (path === `${IDM_BASE}/config`) {
    const filter = call.url.searchParams.get("_queryFilter");
    if (filter === null)
      return ok({
        _id: "",
        configurations: items.map((item) => ({
          _id: idmId(item),
          pid: idmId(item),
          factoryPid: null,
        })),
      });
    const matches = idmFilter(filter);
    if (!matches) return forgeRockError(400, `Unsupported query filter: ${filter}`);
    return ok(queryResult(items.filter((item) => matches(idmId(item))).map(idmObject)));
  }
  const prefix = `${IDM_BASE}/config/`;
  if (path.startsWith(prefix)) {
    const id = decodeURIComponent(path.slice(prefix.length));
    const found = items.find((item) => idmId(item) === id);
    return found ? ok(idmObject(found)) : notFound(`No configuration exists for id ${id}`);
  }
  return notFound(`No such endpoint: ${path}`);
}

/** GET of an AM or IDM content endpoint, for a request whose token has the path's scope. */
export function contentRoute(env: EmulatedEnvironment, call: EmulatorCall): Reply {
  const path = call.url.pathname;
  if (call.method !== "GET")
    return forgeRockError(405, `${call.method} is not allowed on ${path} by this emulator`);
  return path.startsWith(`${IDM_BASE}/`) || path === IDM_BASE
    ? idmRoute(env, call)
    : amRoute(env, call);
}
