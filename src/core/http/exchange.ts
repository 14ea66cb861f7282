// One HTTP exchange over undici, with the per-request timeout and error mapping.
// Retries, auth and parsing live with the callers.
import { Agent, type Dispatcher, request } from "undici";
import { formatDuration } from "../util/duration.js";
import type { Logger } from "../util/log.js";
import { type Endpoint, NetworkError, RequestTimeoutError } from "./errors.js";

export type HttpMethod = "GET" | "POST" | "PATCH" | "DELETE";

export interface HttpRequest {
  /** Names the call in errors (path only, never a query or body). */
  endpoint: Endpoint;
  url: string;
  method: HttpMethod;
  headers: Record<string, string>;
  body?: string;
  dispatcher?: Dispatcher;
  timeoutMs: number;
  signal?: AbortSignal;
  /** A verbose logger gets one debug line per request: method, URL (secrets masked), outcome, time. */
  logger?: Logger;
}

export interface HttpReply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

/** Errors raised before any byte of the request left: safe to re-send even a POST. */
const NOT_SENT_CODES = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "UND_ERR_CONNECT_TIMEOUT",
]);

const FRIENDLY: Record<string, string> = {
  ECONNREFUSED: "connection refused",
  ENOTFOUND: "host not found",
  EAI_AGAIN: "DNS lookup failed",
  ECONNRESET: "connection reset",
  UND_ERR_SOCKET: "connection closed before the answer",
};

/** Refused or unresolved: a host in this state that never answered is not worth retrying. */
const UNREACHABLE_CODES = new Set(["ECONNREFUSED", "ENOTFOUND"]);

/**
 * Origins that have answered in this process. A refusal from one of them is a restart (an
 * ingress or gateway coming back), worth retrying; from one that never answered, a wrong URL
 * or a stopped emulator, which retries would only hide for half a minute.
 */
const answeredOrigins = new Set<string>();

let sharedAgent: Agent | undefined;

/** One keep-alive pool for the process; undici requires an explicit dispatcher here. */
export function defaultDispatcher(): Dispatcher {
  sharedAgent ??= new Agent();
  return sharedAgent;
}

export function errorCode(error: unknown): string | undefined {
  const withCode = error as { code?: unknown; cause?: { code?: unknown } } | undefined;
  const code = withCode?.code ?? withCode?.cause?.code;
  return typeof code === "string" ? code : undefined;
}

/** Query parameters whose values are secrets (ArcGIS takes ?token=, OAuth servers more). */
const SECRET_PARAMETER =
  /^(token|access_token|refresh_token|id_token|password|client_secret|client_assertion|assertion|api_?key|key|sig|signature)$/i;

/** The URL for a log line: every secret query value masked, the rest as sent. */
export function loggableUrl(url: string): string {
  return url.replace(/([?&])([^=&#]*)=([^&#]*)/g, (whole, lead: string, name: string) => {
    let decoded = name;
    try {
      decoded = decodeURIComponent(name.replace(/\+/g, " "));
    } catch {
      // A malformed escape: judge the name as written.
    }
    return SECRET_PARAMETER.test(decoded.trim()) ? `${lead}${name}=***` : whole;
  });
}

/** Sends one request and reads the whole body. Never follows redirects (undici v7 doesn't). */
export async function sendRequest(req: HttpRequest): Promise<HttpReply> {
  const started = performance.now();
  const log = (outcome: string) =>
    req.logger?.verbose &&
    req.logger.debug(
      `${req.method} ${loggableUrl(req.url)} -> ${outcome} (${Math.round(performance.now() - started)} ms)`,
    );
  try {
    const reply = await exchange(req);
    log(`HTTP ${reply.status}`);
    return reply;
  } catch (error) {
    log(error instanceof NetworkError ? `failed: ${error.detail}` : "cancelled");
    throw error;
  }
}

async function exchange(req: HttpRequest): Promise<HttpReply> {
  const timeout = AbortSignal.timeout(req.timeoutMs);
  const signal = req.signal ? AbortSignal.any([req.signal, timeout]) : timeout;
  try {
    const reply = await request(req.url, {
      method: req.method,
      headers: req.headers,
      body: req.body,
      dispatcher: req.dispatcher ?? defaultDispatcher(),
      signal,
      headersTimeout: req.timeoutMs,
      bodyTimeout: req.timeoutMs,
    });
    answeredOrigins.add(new URL(req.url).origin);
    const text = await reply.body.text();
    return { status: reply.statusCode, headers: reply.headers, text };
  } catch (error) {
    // The caller's abort wins: it is a cancellation, not a network failure.
    if (req.signal?.aborted) throw req.signal.reason;
    throw networkError(req, error, timeout.aborted);
  }
}

function networkError(req: HttpRequest, error: unknown, timedOut: boolean): NetworkError {
  const { endpoint, timeoutMs } = req;
  const code = errorCode(error);
  if (code === "UND_ERR_CONNECT_TIMEOUT") {
    return new RequestTimeoutError(endpoint, "could not connect in time", false, { cause: error });
  }
  if (timedOut || code === "UND_ERR_HEADERS_TIMEOUT" || code === "UND_ERR_BODY_TIMEOUT") {
    return new RequestTimeoutError(
      endpoint,
      `no complete answer within ${formatDuration(timeoutMs)}`,
      true,
      { cause: error },
    );
  }
  const message = error instanceof Error ? error.message : String(error);
  const detail = code ? `${FRIENDLY[code] ?? message} (${code})` : message;
  const unreachable =
    code !== undefined &&
    UNREACHABLE_CODES.has(code) &&
    !answeredOrigins.has(new URL(req.url).origin);
  return new NetworkError(endpoint, detail, !(code && NOT_SENT_CODES.has(code)), {
    cause: error,
    code,
    unreachable,
  });
}
