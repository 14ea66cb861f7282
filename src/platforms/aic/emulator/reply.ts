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
