import { UsageError } from "../util/usage-error.js";

const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;

/** Whether a URL or origin points at this machine (a local emulator), e.g. http://127.0.0.1:8472. */
export function isLoopbackUrl(url: string): boolean {
  try {
    return LOOPBACK.test(new URL(url).hostname);
  } catch {
    return false;
  }
}

/**
 * Turns what a user gives for an environment (a bare host such as
 * openam-acme-staging.forgeblocks.com, or an https:// URL) into its origin. `example` is
 * the host quoted in errors, so each platform can show one of its own.
 * Plain http is allowed only for loopback hosts, i.e. the local emulator.
 */
export function environmentOrigin(
  value: string,
  inputName: string,
  example = "openam-acme-staging.forgeblocks.com",
): string {
  const text = value.trim();
  if (text === "")
    throw new UsageError(`${inputName} is empty: give the environment's host, e.g. ${example}`);
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw new UsageError(`${inputName} "${text}" is not a host name or URL; give e.g. ${example}`);
  }
  if (url.username || url.password)
    throw new UsageError(`${inputName} must not carry credentials in the URL`);
  if (url.protocol === "http:" && !LOOPBACK.test(url.hostname)) {
    throw new UsageError(
      `${inputName} uses http:// for ${url.hostname}; only https:// is allowed except for loopback hosts (the local emulator)`,
    );
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new UsageError(`${inputName} has scheme ${url.protocol}; use https://`);
  }
  return url.origin;
}
