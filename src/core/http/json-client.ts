// Base of the platform API clients: bearer auth, retries that never re-send a write whose
// outcome is unknown, one fresh-token retry after a 401, redirects refused. Subclasses say
// which headers, error envelope and retryable answers their platform has.
import type { Dispatcher } from "undici";
import type { TokenSource } from "../auth/token-source.js";
import { type Logger, silentLogger } from "../util/log.js";
import { VERSION } from "../version.js";
import {
  ApiError,
  describeEndpoint,
  type Endpoint,
  NetworkError,
  RequestTimeoutError,
} from "./errors.js";
import { errorCode, type HttpMethod, type HttpReply, sendRequest } from "./exchange.js";
import { errorFromReply, redirectError } from "./reply.js";
import {
  type Attempt,
  parseRetryAfter,
  type RetryPolicy,
  retryPolicy,
  withRetries,
} from "./retry.js";

export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;
export const JSON_CONTENT_TYPE = "application/json";

export interface JsonClientOptions {
  /** https://host, or http://127.0.0.1:port for an emulator; any path is ignored. */
  baseUrl: string;
  tokens: TokenSource;
  logger?: Logger;
  requestTimeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  dispatcher?: Dispatcher;
  userAgent?: string;
}

export interface JsonRequest {
  method: HttpMethod;
  /** Path on the client's origin; it names the call in errors and log lines. */
  path: string;
  /** Query string with its "?": sent, but kept out of messages (paging cursors are long). */
  query?: string;
  /** Sent as JSON. */
  body?: object;
  /** Overrides the content type the client would pick, e.g. a vendor type on a body-less POST. */
  contentType?: string;
  /** A POST that changes nothing (a read): re-sent like a GET when an attempt's outcome is unknown. */
  readOnly?: boolean;
  signal?: AbortSignal;
}

/** What goes on the wire besides the default headers: the token's place and the body text. */
export interface EncodedRequest {
  headers: Record<string, string>;
  body: string | undefined;
}

export interface JsonReply {
  endpoint: Endpoint;
  reply: HttpReply;
}

export abstract class JsonApiClient {
  readonly origin: string;
  protected readonly tokens: TokenSource;
  protected readonly logger: Logger;
  protected readonly userAgent: string;
  private readonly timeoutMs: number;
  private readonly policy: RetryPolicy;
  private readonly dispatcher: Dispatcher | undefined;

  constructor(options: JsonClientOptions) {
    this.origin = new URL(options.baseUrl).origin;
    this.tokens = options.tokens;
    this.logger = options.logger ?? silentLogger;
    this.timeoutMs = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
    this.policy = retryPolicy(options.retry);
    this.dispatcher = options.dispatcher;
    this.userAgent = options.userAgent ?? `tenant-promote/${VERSION}`;
  }

  /** Whether a non-2xx answer may be sent again. Never asked when the outcome is unknown. */
  protected abstract isRetryable(
    method: HttpMethod,
    error: ApiError,
    request: JsonRequest,
  ): boolean;

  /** Headers on every request besides Authorization and Content-Type. */
  protected defaultHeaders(): Record<string, string> {
    return { accept: JSON_CONTENT_TYPE, "user-agent": this.userAgent };
  }

  protected contentType(request: JsonRequest): string | undefined {
    return request.contentType ?? (request.body === undefined ? undefined : JSON_CONTENT_TYPE);
  }

  /** Methods whose effect is unknown once sent without a clear answer, so never re-sent then. */
  protected isUnrepeatable(method: HttpMethod): boolean {
    return method === "POST";
  }

  /** The token as a bearer header and the body as JSON; a platform may carry both otherwise. */
  protected encode(request: JsonRequest, token: string): EncodedRequest {
    return {
      headers: { authorization: `Bearer ${token}` },
      body: request.body === undefined ? undefined : JSON.stringify(request.body),
    };
  }

  /** A 2xx reply that is a failure all the same (an error body under HTTP 200), if any. */
  protected errorInSuccess(
    _endpoint: Endpoint,
    _reply: HttpReply,
    _unrepeatable: boolean,
  ): ApiError | undefined {
    return undefined;
  }

  /** Whether the server refused the token itself: then one retry with a fresh token. */
  protected isTokenRejected(error: ApiError): boolean {
    return error.status === 401;
  }

  /** Whether a non-2xx answer to an unrepeatable request leaves its effect unknown. */
  protected answerLeavesOutcomeUnknown(status: number): boolean {
    // 501 and 503: refused before any processing.
    return status >= 500 && status !== 501 && status !== 503;
  }

  /** The typed error for a non-2xx, non-3xx reply. */
  protected errorFromReply(
    endpoint: Endpoint,
    reply: HttpReply,
    outcomeUnknown: boolean,
  ): ApiError {
    return errorFromReply(endpoint, reply, outcomeUnknown);
  }

  /** How long the server asked us to wait before a retry, if it said. */
  protected retryAfterMs(reply: HttpReply, _error: ApiError): number | undefined {
    return parseRetryAfter(reply.headers["retry-after"]);
  }

  /** A 2xx reply, after retries and at most one fresh-token retry on 401. */
  protected async send(request: JsonRequest): Promise<JsonReply> {
    const endpoint: Endpoint = { method: request.method, path: request.path, origin: this.origin };
    const { signal } = request;
    const run = () =>
      withRetries(() => this.attempt(endpoint, request), {
        policy: this.policy,
        logger: this.logger,
        signal,
      });
    try {
      return { endpoint, reply: await run() };
    } catch (error) {
      // A refused token means the request was not processed, so even a POST may go again.
      if (!(error instanceof ApiError && this.isTokenRejected(error))) throw error;
      this.logger.warn(
        `${describeEndpoint(endpoint)} answered ${answer(error)}; retrying once with a fresh token`,
      );
      this.tokens.invalidate();
      return { endpoint, reply: await run() };
    }
  }

  private async attempt(endpoint: Endpoint, request: JsonRequest): Promise<Attempt<HttpReply>> {
    const { method, signal } = request;
    const token = await this.tokens.getToken(signal);
    const encoded = this.encode(request, token);
    const { body } = encoded;
    const headers: Record<string, string> = { ...this.defaultHeaders(), ...encoded.headers };
    const unrepeatable = this.isUnrepeatable(method) && !request.readOnly;
    const contentType = this.contentType(request);
    if (contentType) headers["content-type"] = contentType;
    let reply: HttpReply;
    try {
      reply = await sendRequest({
        endpoint,
        url: `${this.origin}${endpoint.path}${request.query ?? ""}`,
        method,
        headers,
        body,
        dispatcher: this.dispatcher,
        timeoutMs: this.timeoutMs,
        signal,
        logger: this.logger,
      });
    } catch (error) {
      if (!(error instanceof NetworkError)) throw error;
      if (unrepeatable && error.outcomeUnknown) return { error };
      return {
        error,
        retry: { what: `${describeEndpoint(endpoint)} failed (${failureCode(error)})` },
      };
    }
    let error: ApiError;
    if (reply.status >= 200 && reply.status < 300) {
      const failed = this.errorInSuccess(endpoint, reply, unrepeatable);
      if (!failed) return { value: reply };
      error = failed;
    } else if (reply.status >= 300 && reply.status < 400) {
      return { error: redirectError(endpoint, reply) };
    } else {
      const outcomeUnknown = unrepeatable && this.answerLeavesOutcomeUnknown(reply.status);
      error = this.errorFromReply(endpoint, reply, outcomeUnknown);
    }
    if (error.outcomeUnknown || !this.isRetryable(method, error, request)) return { error };
    return {
      error,
      retry: {
        what: `${describeEndpoint(endpoint)} answered ${answer(error)}`,
        retryAfterMs: this.retryAfterMs(reply, error),
      },
    };
  }
}

/** "HTTP 503", or "HTTP 200 with error 498" for an error body under a 2xx status. */
function answer(error: ApiError): string {
  const inBody = error.status < 300 && error.serverCode !== undefined;
  return `HTTP ${error.status}${inBody ? ` with error ${error.serverCode}` : ""}`;
}

function failureCode(error: NetworkError): string {
  if (error instanceof RequestTimeoutError) return "timeout";
  return errorCode(error.cause) ?? "network error";
}
