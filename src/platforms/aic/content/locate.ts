// Where one report entry's content can be read: from the entry's AM DN (uid) or its config
// item's IDM file pattern. An entry whose kind has no reader says so, and is never guessed at.
import type { ChangeEntry, ConfigItemChanges } from "../../../core/report/model.js";
import { REALM_SERVICE_PATHS } from "./am-locations.js";
import { parseAmDn } from "./dn.js";

/** Accept-API-Version of AM's config endpoints, as frodo-lib sends them. */
export const AM_CONFIG_VERSION = "protocol=2.1,resource=1.0";
export const AM_SCRIPT_VERSION = "protocol=2.0,resource=1.0";
/** An ESV placeholder names a variable or secret; its value is never read, so it shows as written. */
export const ESV_PLACEHOLDER = /^&\{esv\.[^}]+\}$/;

export type ContentTarget =
  | { kind: "journey"; realm: string; id: string }
  | { kind: "script"; realm: string; id: string }
  /** An AM entry read as plain JSON: `path` under the realm (e.g. /realm-config/agents/...). */
  | { kind: "am-json"; realm: string; path: string; version: string }
  /** A SAML entity, found by its entity id (AM keys it by location and an encoded id). */
  | { kind: "saml"; realm: string; entityId: string }
  /** An AM agent of any type (OAuth2 client, web agent, …): its DN does not say which. */
  | { kind: "am-agent"; realm: string; id: string }
  /**
   * IDM configuration: one config object (`configId`), or the objects whose id starts with
   * `prefix`; the entry is the one whose `nameField` holds the listed name.
   */
  | { kind: "idm"; configId?: string; prefix?: string; nameField?: string; name: string }
  | { kind: "unsupported"; what: string };

export type ContentKind = ContentTarget["kind"];

/** Where an entry's content lives, or why no reader can find it. */
export function locateContent(item: ConfigItemChanges, entry: ChangeEntry): ContentTarget {
  const pattern = item.extra?.fileDestinationPattern;
  if (typeof pattern === "string" && pattern.startsWith("idm/")) {
    const nameField = typeof item.extra?.fileName === "string" ? item.extra.fileName : undefined;
    return idmTarget(pattern, nameField, entry.name);
  }
  if (entry.uid) {
    const dn = parseAmDn(entry.uid);
    if (dn) return amTarget(dn.service, dn.entry, dn.middle, dn.realm || realmOf(entry));
  }
  return { kind: "unsupported", what: item.configItem || "(unnamed)" };
}

/** `idm/conf/<prefix>-*.json` (one object per entry) or `idm/conf/<name>.json` (one object). */
function idmTarget(pattern: string, nameField: string | undefined, name: string): ContentTarget {
  const many = /^idm\/conf\/([^/*]+)-\*\.json$/.exec(pattern);
  if (many?.[1]) return { kind: "idm", prefix: `${many[1]}/`, nameField, name };
  const one = /^idm\/conf\/([^/*]+)\.json$/.exec(pattern);
  if (one?.[1]) return { kind: "idm", configId: one[1], nameField, name };
  return { kind: "unsupported", what: `IDM files ${pattern}` };
}

function amTarget(service: string, entry: string, middle: string[], realm: string): ContentTarget {
  const id = encodeURIComponent(entry);
  switch (service.toLowerCase()) {
    case "authenticationtreesservice":
      return { kind: "journey", realm, id: entry };
    case "scriptingservice":
      return { kind: "script", realm, id: entry };
    case "agentservice":
      return { kind: "am-agent", realm, id: entry };
    case "sunfmsaml2metadataservice":
      if (entry !== "default") return { kind: "saml", realm, entityId: entry };
      break;
    case "socialidentityproviders": {
      // ou=<id>,ou=<type>,ou=default,...: the sub-config right after the entry is its type.
      const type = middle[0];
      if (entry !== "default" && type && type !== "default")
        return am(
          realm,
          `/realm-config/services/SocialIdentityProviders/${encodeURIComponent(type)}/${id}`,
        );
      break;
    }
  }
  // The service's own settings: the DN's entry is its "default" organization config.
  const restId = REALM_SERVICE_PATHS[service];
  if (restId && (entry === "default" || middle.length === 0 || entry === service))
    return am(realm, `/realm-config/services/${encodeURIComponent(restId)}`);
  return { kind: "unsupported", what: `AM ${service} entries` };
}

function am(realm: string, path: string): ContentTarget {
  return { kind: "am-json", realm, path, version: AM_CONFIG_VERSION };
}

/** "/alpha" -> "alpha": the report's realm when the DN names none. */
function realmOf(entry: ChangeEntry): string {
  return (entry.location ?? "").replace(/^\/+|\/+$/g, "");
}
