// The reply a route computes; the server writes it (or, for a fault, drops it).

export interface Reply {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

export function ok(body: unknown, status = 200): Reply {
  return { status, body };
}

/** The API's error body: {code, message}. */
export function errorReply(
  status: number,
  message: string,
  headers?: Record<string, string>,
): Reply {
  return { status, body: { code: status, message }, headers };
}

export function unauthorized(): Reply {
  return errorReply(401, "unauthorized", { "WWW-Authenticate": 'Bearer realm="promotion"' });
}

/** Errors of the OAuth token endpoint: {error, error_description}. */
export function oauthError(error: string, description: string, status = 400): Reply {
  return { status, body: { error, error_description: description } };
}
