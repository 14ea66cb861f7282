// The reply a route computes; the server writes it (or, for a fault, drops it). Error bodies
// differ between platforms, so each platform builds its own; only the OAuth one is shared.
import { isJsonObject } from "../util/json.js";

export interface Reply {
  status: number;
  /** Serialized as JSON; undefined sends no body (e.g. 204). */
  body: unknown;
  headers?: Record<string, string>;
}

export function ok(body: unknown, status = 200): Reply {
  return { status, body };
}

/** Errors of an OAuth 2 token endpoint (RFC 6749 section 5.2): {error, error_description}. */
export function oauthError(
  error: string,
  description: string,
  status = 400,
  headers?: Record<string, string>,
): Reply {
  return { status, body: { error, error_description: description }, headers };
}

/** A request body read, or the reply that refuses it. */
export type Parsed<T> = { value: T } | { error: Reply };

/** A request body that must be a JSON object; `refuse` words the platform's error reply. */
export function jsonObjectBody(
  text: string,
  refuse: (problem: string) => Reply,
): Parsed<Record<string, unknown>> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { error: refuse("The request body is not valid JSON") };
  }
  if (!isJsonObject(value)) return { error: refuse("The request body must be a JSON object") };
  return { value };
}
