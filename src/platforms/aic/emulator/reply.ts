// AIC error replies; the Reply type and the shared helpers live in core/emulator/reply.ts.
import type { Reply } from "../../../core/emulator/reply.js";

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

/** The error body of AM's and IDM's REST APIs: {code, reason, message}. */
export function forgeRockError(status: number, message: string): Reply {
  const reasons: Record<number, string> = {
    400: "Bad Request",
    401: "Unauthorized",
    403: "Forbidden",
    404: "Not Found",
    405: "Method Not Allowed",
  };
  return { status, body: { code: status, reason: reasons[status] ?? "Error", message } };
}

export function missingScope(scope: string): string {
  return `The access token does not have the scope ${scope}`;
}
