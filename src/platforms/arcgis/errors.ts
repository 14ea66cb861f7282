// ArcGIS answers failures in several forms: an HTTP status (JSON, HTML or nothing), an `error`
// object under HTTP 200, or the older admin `{"status":"error"|"failed","messages":[...]}`.
// Each becomes an ArcGisError naming the operation and the endpoint, never a token.
import { ApiError, describeEndpoint, type Endpoint } from "../../core/http/errors.js";
import type { HttpReply } from "../../core/http/exchange.js";
import { isJsonObject } from "../../core/util/json.js";

/** 498 Invalid token (expired or bad), 499 Token required: authenticate again. */
export const AUTH_EXPIRED_CODES: ReadonlySet<number> = new Set([498, 499]);
/** How many details the message lists; the rest stay on the error. */
const DETAILS_IN_MESSAGE = 5;

export interface ArcGisErrorInit {
  /** The API call, e.g. checkRollback. */
  operation: string;
  endpoint: Endpoint;
  /** The HTTP status (200 for an error body under a success status). */
  status: number;
  /** The ArcGIS error code; the HTTP status when the body gave none. */
  code?: number;
  message?: string;
  details?: string[];
  messageCode?: string;
  /** The server answered an HTML page (a gateway, a sign-in page) instead of JSON. */
  htmlPage?: boolean;
  outcomeUnknown?: boolean;
}

export class ArcGisError extends ApiError {
  override readonly name = "ArcGisError";
  readonly operation: string;
  /** The ArcGIS error code (400, 498, 500, ...), or the HTTP status when the body had none. */
  readonly code: number;
  readonly details: string[];
  /** e.g. GWM_0003 */
  readonly messageCode: string | undefined;
  readonly htmlPage: boolean;

  constructor(init: ArcGisErrorInit) {
    const code = init.code ?? init.status;
    super(init.endpoint, init.status, code, init.message, init.outcomeUnknown ?? false);
    this.operation = init.operation;
    this.code = code;
    this.details = init.details ?? [];
    this.messageCode = init.messageCode;
    this.htmlPage = init.htmlPage ?? false;
    this.message = `ArcGIS ${this.operation}: ${describeEndpoint(init.endpoint)} ${this.describe()}`;
  }

  /** 498 or 499, as the HTTP status or the error code: get a new token and try again. */
  get authExpired(): boolean {
    return AUTH_EXPIRED_CODES.has(this.code) || AUTH_EXPIRED_CODES.has(this.status);
  }

  private describe(): string {
    const http = `HTTP ${this.status}`;
    if (this.htmlPage)
      return `failed: the server answered an HTML page (${http}), not JSON; ${htmlHint(this.status)}`;
    const head =
      this.code === this.status ? `answered ${http}` : `answered error ${this.code} (${http})`;
    const shown = this.details.slice(0, DETAILS_IN_MESSAGE);
    if (this.details.length > DETAILS_IN_MESSAGE) {
      shown.push(`${this.details.length - DETAILS_IN_MESSAGE} more`);
    }
    const details = shown.length > 0 ? ` (${shown.join("; ")})` : "";
    const messageCode = this.messageCode ? ` [${this.messageCode}]` : "";
    const message = this.serverMessage ? `: ${this.serverMessage}` : "";
    return `${head}${message}${details}${messageCode}`;
  }
}

function htmlHint(status: number): string {
  if (status >= 500) return "the admin API may be restarting (pods restart during an update)";
  return "check that the URL is the organization URL, https://<host>/<context>";
}

/** Whether a reply is an HTML page rather than JSON. */
export function isHtmlPage(reply: HttpReply): boolean {
  const type = reply.headers["content-type"];
  const text = Array.isArray(type) ? type.join(",") : (type ?? "");
  return /html/i.test(text) || /^\s*</.test(reply.text);
}

/** The typed error of a non-2xx reply, whatever its body: JSON in any form, HTML, nothing. */
export function arcGisErrorFromReply(
  endpoint: Endpoint,
  reply: HttpReply,
  operation: string,
  outcomeUnknown: boolean,
): ArcGisError {
  const base = { operation, endpoint, status: reply.status, outcomeUnknown };
  if (isHtmlPage(reply)) return new ArcGisError({ ...base, htmlPage: true });
  const body = parseBody(reply.text);
  return new ArcGisError({ ...base, ...(readErrorBody(body) ?? readPlainBody(body)) });
}

/**
 * The error a 2xx reply carries (an `error` object, a failed status, an HTML page or no JSON
 * at all), or undefined. `write`: the call changes something, so a failure that may have come
 * after the change (HTML page, unreadable reply, a 5xx code) leaves its outcome unknown.
 */
export function arcGisErrorInSuccess(
  endpoint: Endpoint,
  reply: HttpReply,
  operation: string,
  write: boolean,
): ArcGisError | undefined {
  const base = { operation, endpoint, status: reply.status };
  if (isHtmlPage(reply)) {
    return new ArcGisError({ ...base, htmlPage: true, outcomeUnknown: write });
  }
  const body = parseBody(reply.text);
  if (body === undefined) {
    const message = `reply is not JSON (${reply.text.length} characters)`;
    return new ArcGisError({ ...base, message, outcomeUnknown: write });
  }
  const fields = readErrorBody(body);
  if (!fields) return undefined;
  const code = fields.code ?? reply.status;
  return new ArcGisError({ ...base, ...fields, outcomeUnknown: write && code >= 500 });
}

type ErrorFields = Pick<ArcGisErrorInit, "code" | "message" | "details" | "messageCode">;

/** The `error` object, or the `status: error|failed` form; undefined when neither. */
export function readErrorBody(body: unknown): ErrorFields | undefined {
  if (!isJsonObject(body)) return undefined;
  const { error } = body;
  if (typeof error === "string" && error !== "") return { message: error };
  if (isJsonObject(error)) {
    return {
      code: numberOf(error.code),
      message: textOf(error.message),
      details: listOf(error.details),
      messageCode: textOf(error.messageCode),
    };
  }
  const status = typeof body.status === "string" ? body.status.toLowerCase() : "";
  if (status !== "error" && status !== "failed") return undefined;
  const messages = listOf(body.messages ?? body.message);
  return {
    code: numberOf(body.code),
    message: messages[0] ?? `status "${body.status}"`,
    details: messages.slice(1),
  };
}

/** A non-2xx JSON body in no ArcGIS form: its code and message, if it has them. */
function readPlainBody(body: unknown): ErrorFields {
  if (!isJsonObject(body)) return {};
  return { code: numberOf(body.code), message: textOf(body.message) };
}

function parseBody(text: string): unknown {
  if (text.trim() === "") return {};
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function numberOf(value: unknown): number | undefined {
  const number = typeof value === "string" && value.trim() !== "" ? Number(value) : value;
  return typeof number === "number" && Number.isInteger(number) ? number : undefined;
}

function textOf(value: unknown): string | undefined {
  return typeof value === "string" && value !== "" ? value : undefined;
}

/** details and messages: an array (of texts or {message} objects), one text, or null. */
function listOf(value: unknown): string[] {
  const items = Array.isArray(value) ? value : [value];
  return items
    .map((item) => (isJsonObject(item) ? textOf(item.message) : textOf(item)))
    .filter((item): item is string => item !== undefined);
}
