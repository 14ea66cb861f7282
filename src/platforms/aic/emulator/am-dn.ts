// Reading an AM configuration DN by its parts rather than one fixed pattern: the entry (the
// first ou=), the service (the ou= before ou=services) and the realm (o=), as the middle parts
// differ between AM versions and services.

export interface AmDn {
  /** The entry's id: a tree id, a script id, a client id, or "default" for a realm service. */
  entry: string;
  /** The ou= values between the entry and the service, e.g. ["trees", "default", ...]. */
  middle: string[];
  service: string;
  /** The realm's name as in o=alpha; undefined for global configuration. */
  realm?: string;
}

export function parseAmDn(uid: string): AmDn | undefined {
  const parts = uid.split(",").map((part) => {
    const at = part.indexOf("=");
    return { key: part.slice(0, at).trim().toLowerCase(), value: part.slice(at + 1).trim() };
  });
  const first = parts[0];
  const servicesAt = parts.findIndex((p, i) => i > 0 && p.key === "ou" && p.value === "services");
  if (first?.key !== "ou" || servicesAt < 2) return undefined;
  const service = parts[servicesAt - 1]?.value as string;
  const middle = parts.slice(1, servicesAt - 1).map((p) => p.value);
  const realm = parts.find((p) => p.key === "o")?.value;
  return realm === undefined
    ? { entry: first.value, middle, service }
    : { entry: first.value, middle, service, realm };
}
