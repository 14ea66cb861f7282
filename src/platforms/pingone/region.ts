// PingOne hosts: an organization lives in one region, whose top-level domain names both the
// API host (api.pingone.<tld>) and the token host (auth.pingone.<tld>).
import { environmentOrigin } from "../../core/http/origin.js";
import { UsageError } from "../../core/util/usage-error.js";

/** PINGONE_REGION_CODE values (the Terraform provider's) and their top-level domains. */
export const REGION_TLDS = {
  NA: "com",
  EU: "eu",
  CA: "ca",
  AP: "asia",
  AU: "com.au",
  SG: "sg",
} as const;

export type PingOneRegionCode = keyof typeof REGION_TLDS;

const EXAMPLE_API_URL = "https://api.pingone.com";
const PINGONE_API_HOST = /^api\.pingone\.(com|eu|ca|asia|com\.au|sg)$/i;

function isRegionCode(code: string): code is PingOneRegionCode {
  return Object.hasOwn(REGION_TLDS, code);
}

/** https://api.pingone.<tld> for a region code such as NA or EU (any case). */
export function regionApiUrl(code: string, inputName = "PINGONE_REGION_CODE"): string {
  const wanted = code.trim().toUpperCase();
  if (!isRegionCode(wanted)) {
    throw new UsageError(
      `${inputName} "${code.trim()}" is not a PingOne region; use one of ${Object.keys(REGION_TLDS).join(", ")}`,
    );
  }
  return `https://api.pingone.${REGION_TLDS[wanted]}`;
}

/** The API origin from a URL or host; http:// only for loopback (the local emulator). */
export function pingOneApiOrigin(value: string, inputName = "PingOne API URL"): string {
  return environmentOrigin(value, inputName, EXAMPLE_API_URL);
}

/**
 * Where tokens come from: auth.pingone.<tld> beside api.pingone.<tld>; any other API URL
 * (the emulator, a proxy) serves both from its own origin.
 */
export function defaultAuthOrigin(apiUrl: string, inputName = "PingOne API URL"): string {
  const origin = pingOneApiOrigin(apiUrl, inputName);
  const url = new URL(origin);
  const real = url.protocol === "https:" && url.port === "";
  const match = real ? PINGONE_API_HOST.exec(url.hostname) : null;
  return match ? `https://auth.pingone.${match[1]?.toLowerCase()}` : origin;
}

/**
 * The environment in the admin console of its region: console.pingone.<tld> beside
 * api.pingone.<tld>; any other API URL (the emulator, a proxy) links to its own origin.
 */
export function environmentConsoleUrl(apiOrigin: string, environmentId: string): string {
  const url = new URL(apiOrigin);
  const real = url.protocol === "https:" && url.port === "";
  const match = real ? PINGONE_API_HOST.exec(url.hostname) : null;
  const consoleOrigin = match ? `https://console.pingone.${match[1]?.toLowerCase()}` : url.origin;
  return `${consoleOrigin}/?env=${encodeURIComponent(environmentId)}`;
}
