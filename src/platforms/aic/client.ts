// The AIC promotions API over HTTP: auth headers, retries that never re-send a POST
// whose outcome is unknown, one fresh-token retry after a 401, lenient parsing.
import type { Dispatcher } from "undici";
import type { TokenSource } from "../../core/auth/token-source.js";
import {
  ApiError,
  describeEndpoint,
  type Endpoint,
  NetworkError,
  RequestTimeoutError,
} from "../../core/http/errors.js";
import {
  errorCode,
  type HttpMethod,
  type HttpReply,
  sendRequest,
} from "../../core/http/exchange.js";
import {
  errorFromReply,
  expectArrayOfObjects,
  expectObject,
  redirectError,
} from "../../core/http/reply.js";
import {
  type Attempt,
  parseRetryAfter,
  type RetryPolicy,
  retryPolicy,
  withRetries,
} from "../../core/http/retry.js";
import { type Logger, silentLogger } from "../../core/util/log.js";
import { VERSION } from "../../core/version.js";
import type { PromotionApi } from "./api.js";
import type {
  LockReply,
  LockState,
  PromoteRequest,
  PromotionInfo,
  PromotionStatus,
  RawReport,
  ReportMeta,
  RollbackRequest,
  StartReply,
} from "./types.js";

export interface AicClientOptions {
  /** https://host, or http://127.0.0.1:port for the emulator; any path is ignored. */
  baseUrl: string;
  tokens: TokenSource;
  logger?: Logger;
  requestTimeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  dispatcher?: Dispatcher;
  userAgent?: string;
}

const PROMOTION = "/environment/promotion";
export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;

/** Statuses worth retrying per method. POST only where the server refused before processing. */
const RETRYABLE_STATUS: Record<HttpMethod, ReadonlySet<number>> = {
  GET: new Set([429, 500, 502, 503, 504]),
  DELETE: new Set([429, 502, 503, 504]),
  POST: new Set([429, 503]),
};

/** A POST answered with one of these may or may not have taken effect. */
function postOutcomeUnknown(status: number): boolean {
  return status >= 500 && status !== 501 && status !== 503;
}

export class AicClient implements PromotionApi {
  readonly origin: string;
  private readonly tokens: TokenSource;
  private readonly logger: Logger;
  private readonly timeoutMs: number;
  private readonly policy: RetryPolicy;
  private readonly dispatcher: Dispatcher | undefined;
  private readonly userAgent: string;

  constructor(options: AicClientOptions) {
    this.origin = new URL(options.baseUrl).origin;
    this.tokens = options.tokens;
    this.logger = options.logger ?? silentLogger;
    this.timeoutMs = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
    this.policy = retryPolicy(options.retry);
    this.dispatcher = options.dispatcher;
    this.userAgent = options.userAgent ?? `tenant-promote/${VERSION}`;
  }

  async getLockState(signal?: AbortSignal): Promise<LockState> {
    return this.getObject<LockState>("/lock/state", signal, "result");
  }

  async lock(signal?: AbortSignal): Promise<LockReply> {
    const { endpoint, reply } = await this.call("POST", "/lock", undefined, signal);
    return expectObject<LockReply>(endpoint, reply);
  }

  async unlock(promotionId: string, signal?: AbortSignal): Promise<LockReply> {
    if (promotionId.trim() === "") throw new Error("unlock needs the promotion id of the lock");
    const path = `/lock/${encodeURIComponent(promotionId)}`;
    const { endpoint, reply } = await this.call("DELETE", path, undefined, signal);
    return expectObject<LockReply>(endpoint, reply);
  }

  async getInfo(signal?: AbortSignal): Promise<PromotionInfo> {
    return this.getObject<PromotionInfo>("/info", signal);
  }

  async getPromotionStatus(signal?: AbortSignal): Promise<PromotionStatus> {
    return this.getObject<PromotionStatus>("/promote", signal, "status");
  }

  async promote(body: PromoteRequest, signal?: AbortSignal): Promise<StartReply> {
    const { endpoint, reply } = await this.call("POST", "/promote", body, signal);
    return expectObject<StartReply>(endpoint, reply);
  }

  async rollback(body: RollbackRequest, signal?: AbortSignal): Promise<StartReply> {
    const { endpoint, reply } = await this.call("POST", "/rollback", body, signal);
    return expectObject<StartReply>(endpoint, reply);
  }

  async getReport(reportId?: string, signal?: AbortSignal): Promise<RawReport> {
    const path = reportId === undefined ? "/report" : `/report/${encodeURIComponent(reportId)}`;
    return this.getObject<RawReport>(path, signal);
  }

  async listReports(signal?: AbortSignal): Promise<ReportMeta[]> {
    const { endpoint, reply } = await this.call("GET", "/reports", undefined, signal);
    return expectArrayOfObjects<ReportMeta>(endpoint, reply);
  }

  async getProvisionalReport(signal?: AbortSignal): Promise<RawReport> {
    return this.getObject<RawReport>("/report/provisional", signal);
  }

  async getProvisionalRollbackReport(signal?: AbortSignal): Promise<RawReport> {
    return this.getObject<RawReport>("/report/provisional-rollback", signal);
  }

  private async getObject<T>(
    path: string,
    signal?: AbortSignal,
    requiredField?: string,
  ): Promise<T> {
    const { endpoint, reply } = await this.call("GET", path, undefined, signal);
    return expectObject<T>(endpoint, reply, requiredField);
  }

  /** A 2xx reply, after retries and at most one fresh-token retry on 401. */
  private async call(
    method: HttpMethod,
    relativePath: string,
    body: object | undefined,
    signal?: AbortSignal,
  ): Promise<{ endpoint: Endpoint; reply: HttpReply }> {
    const endpoint: Endpoint = { method, path: `${PROMOTION}${relativePath}`, origin: this.origin };
    const json = body === undefined ? undefined : JSON.stringify(body);
    const run = () =>
      withRetries(() => this.attempt(endpoint, json, signal), {
        policy: this.policy,
        logger: this.logger,
        signal,
      });
    try {
      return { endpoint, reply: await run() };
    } catch (error) {
      // A 401 means the request was not processed, so even a POST may go again.
      if (!(error instanceof ApiError && error.status === 401)) throw error;
      this.logger.warn(
        `${describeEndpoint(endpoint)} answered HTTP 401; retrying once with a fresh token`,
      );
      this.tokens.invalidate();
      return { endpoint, reply: await run() };
    }
  }

  private async attempt(
    endpoint: Endpoint,
    body: string | undefined,
    signal?: AbortSignal,
  ): Promise<Attempt<HttpReply>> {
    const method = endpoint.method as HttpMethod;
    const token = await this.tokens.getToken(signal);
    let reply: HttpReply;
    try {
      reply = await sendRequest({
        endpoint,
        url: `${this.origin}${endpoint.path}`,
        method,
        headers: this.headers(token, method),
        body,
        dispatcher: this.dispatcher,
        timeoutMs: this.timeoutMs,
        signal,
      });
    } catch (error) {
      if (!(error instanceof NetworkError)) throw error;
      if (method === "POST" && error.outcomeUnknown) return { error };
      return {
        error,
        retry: { what: `${describeEndpoint(endpoint)} failed (${failureCode(error)})` },
      };
    }
    if (reply.status >= 200 && reply.status < 300) return { value: reply };
    if (reply.status >= 300 && reply.status < 400) return { error: redirectError(endpoint, reply) };
    const error = errorFromReply(
      endpoint,
      reply,
      method === "POST" && postOutcomeUnknown(reply.status),
    );
    if (!RETRYABLE_STATUS[method].has(reply.status)) return { error };
    return {
      error,
      retry: {
        what: `${describeEndpoint(endpoint)} answered HTTP ${reply.status}`,
        retryAfterMs: parseRetryAfter(reply.headers["retry-after"]),
      },
    };
  }

  private headers(token: string, method: HttpMethod): Record<string, string> {
    const headers: Record<string, string> = {
      accept: "application/json",
      "accept-api-version": "resource=1.0",
      authorization: `Bearer ${token}`,
      "user-agent": this.userAgent,
    };
    // The guide's curl examples send it on every POST, with or without a body.
    if (method === "POST") headers["content-type"] = "application/json";
    return headers;
  }
}

function failureCode(error: NetworkError): string {
  if (error instanceof RequestTimeoutError) return "timeout";
  return errorCode(error.cause) ?? "network error";
}
