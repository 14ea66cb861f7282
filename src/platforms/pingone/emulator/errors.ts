// PingOne's error envelope: {id, code, message, details?: [{code, target?, message}]}.
import { randomUUID } from "node:crypto";
import type { Reply } from "../../../core/emulator/reply.js";

export interface ErrorDetail {
  code: string;
  target?: string;
  message: string;
  innerError?: Record<string, unknown>;
}

export function pingError(
  status: number,
  code: string,
  message: string,
  details?: ErrorDetail[],
  headers?: Record<string, string>,
): Reply {
  const body = { id: randomUUID(), code, message, ...(details ? { details } : {}) };
  return { status, body, headers };
}

export function notFound(message: string): Reply {
  return pingError(404, "NOT_FOUND", message);
}

/** 400 for a request the current state refuses (wrong status, not the latest promotion, ...). */
export function invalidRequest(message: string): Reply {
  return pingError(400, "INVALID_REQUEST", message);
}

/** 400 for a bad field of the request body or query. */
export function invalidData(target: string, message: string, code = "INVALID_VALUE"): Reply {
  return pingError(
    400,
    "INVALID_DATA",
    "The request could not be completed. One or more validation errors were in the request.",
    [{ code, target, message }],
  );
}

export function invalidToken(message: string): Reply {
  return pingError(
    401,
    "ACCESS_FAILED",
    "The request could not be completed. You do not have access to this resource.",
    [{ code: "INVALID_TOKEN", message }],
    { "WWW-Authenticate": 'Bearer error="invalid_token"' },
  );
}

export function forbidden(message: string): Reply {
  return pingError(
    403,
    "ACCESS_FAILED",
    "The request could not be completed. You do not have access to this resource.",
    [{ code: "INSUFFICIENT_PERMISSIONS", message }],
  );
}

const FAULT_CODES: Record<number, string> = {
  400: "INVALID_REQUEST",
  401: "ACCESS_FAILED",
  403: "ACCESS_FAILED",
  404: "NOT_FOUND",
  429: "REQUEST_LIMITED",
};

/** The reply of an injected error status, shaped as PingOne would send it. */
export function faultReply(status: number, retryAfterSeconds: number | undefined): Reply {
  if (status === 401) return invalidToken("The access token is invalid");
  if (status === 429)
    return pingError(429, "REQUEST_LIMITED", "The request was rate limited.", [
      {
        code: "LIMIT_EXCEEDED",
        message: "Too many requests. Retry after the time in the Retry-After header.",
        innerError: { retryAfter: retryAfterSeconds ?? 1 },
      },
    ]);
  const code = FAULT_CODES[status] ?? (status >= 500 ? "UNEXPECTED_ERROR" : "REQUEST_FAILED");
  return pingError(status, code, `Injected error (HTTP ${status}).`);
}

/** Failures of the HTTP plumbing itself: a too-large body (413) or a handler that threw. */
export function failureReply(status: number, message: string): Reply {
  return pingError(status, status >= 500 ? "UNEXPECTED_ERROR" : "INVALID_REQUEST", message);
}
