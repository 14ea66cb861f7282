// AM config DNs, as AIC reports name AM entries (`uid`), read by their parts rather than one
// fixed pattern: the middle parts differ between AM versions and services.
//   ou=<entry>,[ou=<sub-config>...,]ou=default,ou=OrganizationConfig,ou=1.0,ou=<service>,ou=services,o=<realm>,ou=services,ou=am-config

export interface AmDn {
  /** The first `ou=` value: the entry itself (a tree id, a script id, a client id). */
  entry: string;
  /** The `ou=` value before the first `ou=services`: the AM service holding the entry. */
  service: string;
  /** `o=` values from the top realm down ("alpha", or "alpha/sub"); "" for the root realm. */
  realm: string;
  /** `ou=` values between the entry and the service, in order (e.g. ["trees", "default", ...]). */
  middle: string[];
}

interface Rdn {
  type: string;
  value: string;
}

/** Splits on commas that no backslash escapes; values keep their escapes undone. */
function rdns(dn: string): Rdn[] {
  const parts: string[] = [];
  let current = "";
  for (let i = 0; i < dn.length; i++) {
    const char = dn[i];
    if (char === "\\" && i + 1 < dn.length) {
      current += dn[++i];
      continue;
    }
    if (char === ",") {
      parts.push(current);
      current = "";
      continue;
    }
    current += char;
  }
  parts.push(current);
  return parts.map((part) => {
    const eq = part.indexOf("=");
    return eq < 0
      ? { type: "", value: part.trim() }
      : { type: part.slice(0, eq).trim().toLowerCase(), value: part.slice(eq + 1).trim() };
  });
}

/** The DN's parts, or undefined when it is not an AM config DN (no service or no entry). */
export function parseAmDn(dn: string): AmDn | undefined {
  const parts = rdns(dn);
  const servicesAt = parts.findIndex(
    (p) => p.type === "ou" && p.value.toLowerCase() === "services",
  );
  if (servicesAt < 1 || parts[0]?.type !== "ou") return undefined;
  const service = parts[servicesAt - 1];
  if (service?.type !== "ou") return undefined;
  const realms = parts.filter((p) => p.type === "o").map((p) => p.value);
  return {
    entry: parts[0].value,
    service: service.value,
    // The DN lists realms from the innermost out.
    realm: realms.reverse().join("/"),
    middle: parts.slice(1, servicesAt - 1).map((p) => p.value),
  };
}

/** The realm's REST path: "alpha" -> "/realms/root/realms/alpha"; "" -> "/realms/root". */
export function realmPath(realm: string): string {
  const names = realm.split("/").filter((name) => name !== "" && name !== "root");
  return ["/realms/root", ...names.map((name) => `/realms/${encodeURIComponent(name)}`)].join("");
}
