// PingOne's error envelope as a typed error: code, per-field details and the wait the
// server asked for. Messages name the endpoint and the server's words, never a token.
import { ApiError, type Endpoint } from "../../core/http/errors.js";
import type { HttpReply } from "../../core/http/exchange.js";
import { isJsonObject, parseJsonObject } from "../../core/util/json.js";

export interface PingOneErrorDetail {
  code?: string;
  target?: string;
  message?: string;
  innerError?: Record<string, unknown>;
}

/** How many details the message lists; the rest stay on the error. */
const DETAILS_IN_MESSAGE = 5;

export class PingOneApiError extends ApiError {
  override readonly name = "PingOneApiError";
  /** Envelope `code`, e.g. INVALID_DATA, REQUEST_LIMITED, UNEXPECTED_ERROR. */
  readonly code: string | undefined;
  readonly details: PingOneErrorDetail[];
  /** From details[].innerError.retryAfter, when the server gave one. */
  readonly retryAfterMs: number | undefined;
  /** Envelope `id`: the reference Ping support asks for. */
  readonly errorId: string | undefined;

  constructor(
    endpoint: Endpoint,
    status: number,
    envelope: {
      id?: string;
      code?: string;
      message?: string;
      details?: PingOneErrorDetail[];
    },
    outcomeUnknown = false,
    nowMs = Date.now(),
  ) {
    super(endpoint, status, envelope.code, envelope.message, outcomeUnknown);
    this.code = envelope.code;
    this.details = envelope.details ?? [];
    this.errorId = envelope.id;
    this.retryAfterMs = firstRetryAfter(this.details, nowMs);
    this.message = `${this.message}${describeCode(this.code, this.details)}`;
  }
}

/** The typed error of a non-2xx reply; bodies that are not the envelope (gateways) give status only. */
export function pingOneErrorFromReply(
  endpoint: Endpoint,
  reply: HttpReply,
  outcomeUnknown: boolean,
): PingOneApiError {
  // HTML or plain text from a proxy: the status alone must do.
  const body = parseJsonObject(reply.text) ?? {};
  const details = Array.isArray(body.details)
    ? body.details.filter(isJsonObject).map(readDetail)
    : [];
  return new PingOneApiError(
    endpoint,
    reply.status,
    { id: text(body.id), code: text(body.code), message: text(body.message), details },
    outcomeUnknown,
  );
}

function text(value: unknown): string | undefined {
  return typeof value === "string" && value !== "" ? value : undefined;
}

function readDetail(detail: Record<string, unknown>): PingOneErrorDetail {
  const read: PingOneErrorDetail = {};
  const code = text(detail.code);
  const target = text(detail.target);
  const message = text(detail.message);
  if (code) read.code = code;
  if (target) read.target = target;
  if (message) read.message = message;
  if (isJsonObject(detail.innerError)) read.innerError = detail.innerError;
  return read;
}

/** " [CODE; DETAIL at target: message; ...]", or "" when there is nothing to add. */
function describeCode(code: string | undefined, details: PingOneErrorDetail[]): string {
  const parts = details.slice(0, DETAILS_IN_MESSAGE).map((detail) => {
    const where = detail.target ? ` at ${detail.target}` : "";
    const what = detail.message ? `: ${detail.message}` : "";
    return `${detail.code ?? "detail"}${where}${what}`;
  });
  if (details.length > DETAILS_IN_MESSAGE) {
    parts.push(`${details.length - DETAILS_IN_MESSAGE} more`);
  }
  if (code) parts.unshift(code);
  return parts.length > 0 ? ` [${parts.join("; ")}]` : "";
}

/**
 * innerError.retryAfter is documented as a date-time; a number is read as seconds in case
 * a server sends the header's form instead.
 */
function firstRetryAfter(details: PingOneErrorDetail[], nowMs: number): number | undefined {
  for (const detail of details) {
    const value = detail.innerError?.retryAfter;
    if (typeof value === "number" && Number.isFinite(value) && value >= 0) return value * 1000;
    if (typeof value !== "string" || value.trim() === "") continue;
    if (/^\d+$/.test(value.trim())) return Number(value) * 1000;
    const atMs = Date.parse(value);
    if (!Number.isNaN(atMs)) return Math.max(0, atMs - nowMs);
  }
  return undefined;
}
