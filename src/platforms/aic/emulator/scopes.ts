// OAuth scopes of an AIC tenant's APIs: which scope each path family needs.

export const PROMOTION_SCOPE = "fr:idc:promotion:*";
export const AM_SCOPE = "fr:am:*";
export const IDM_SCOPE = "fr:idm:*";

/** Every scope the emulator knows; a plain static token and a default service account carry all. */
export const ALL_SCOPES: readonly string[] = [PROMOTION_SCOPE, AM_SCOPE, IDM_SCOPE];

export const PROMOTION_BASE = "/environment/promotion";
export const AM_JSON_BASE = "/am/json";
export const IDM_BASE = "/openidm";

function under(path: string, base: string): boolean {
  return path === base || path.startsWith(`${base}/`);
}

/** The scope a request path needs, or undefined when no served API lives there. */
export function scopeForPath(path: string): string | undefined {
  if (under(path, PROMOTION_BASE)) return PROMOTION_SCOPE;
  if (under(path, AM_JSON_BASE)) return AM_SCOPE;
  if (under(path, IDM_BASE)) return IDM_SCOPE;
  return undefined;
}
