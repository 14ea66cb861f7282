// Access tokens for a service account: the JWT bearer grant at AM's token endpoint,
// cached and re-minted ahead of expiry because a promotion outlives one token.
import type { KeyObject } from "node:crypto";
import type { Dispatcher } from "undici";
import { redact } from "../../../core/auth/redact.js";
import type { TokenSource } from "../../../core/auth/token-source.js";
import {
  AuthError,
  describeEndpoint,
  type Endpoint,
  NetworkError,
} from "../../../core/http/errors.js";
import { type HttpReply, sendRequest } from "../../../core/http/exchange.js";
import { redirectError } from "../../../core/http/reply.js";
import {
  type Attempt,
  parseRetryAfter,
  type RetryPolicy,
  retryPolicy,
  withRetries,
} from "../../../core/http/retry.js";
import { formatDuration } from "../../../core/util/duration.js";
import { type Logger, silentLogger } from "../../../core/util/log.js";
import { VERSION } from "../../../core/version.js";
import { assertionClaims, parsePrivateKey, signJwt } from "./jwt.js";

export const PROMOTION_SCOPE = "fr:idc:promotion:*";
const TOKEN_PATH = "/am/oauth2/access_token";
const JWT_BEARER = "urn:ietf:params:oauth:grant-type:jwt-bearer";
/** Used when the reply has no expires_in; AIC tokens live about 15 minutes. */
const ASSUMED_LIFETIME_MS = 15 * 60_000;

export interface ServiceAccountOptions {
  /** The environment's base URL; the token endpoint is under it. */
  baseUrl: string;
  accountId: string;
  /** JWK JSON or PEM text. */
  privateKey: string;
  scope?: string;
  logger?: Logger;
  dispatcher?: Dispatcher;
  requestTimeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  /** Clock for token expiry bookkeeping (tests); assertions always use real time. */
  now?: () => number;
  refreshMarginMs?: number;
  /** How the key input is called in errors, e.g. "upper service account key". */
  keyInputName?: string;
}

interface CachedToken {
  token: string;
  refreshAtMs: number;
}

interface Exchange {
  promise: Promise<string>;
  signal: AbortSignal | undefined;
}

export class ServiceAccountTokenSource implements TokenSource {
  private readonly key: KeyObject;
  private readonly endpoint: Endpoint;
  private readonly tokenUrl: string;
  private readonly scope: string;
  private readonly logger: Logger;
  private readonly policy: RetryPolicy;
  private readonly now: () => number;
  private readonly refreshMarginMs: number;
  private readonly issued: string[] = [];
  private cached: CachedToken | undefined;
  private inFlight: Exchange | undefined;

  constructor(private readonly options: ServiceAccountOptions) {
    if (options.accountId.trim() === "") throw new Error("service account id is empty");
    this.key = parsePrivateKey(options.privateKey, options.keyInputName ?? "service account key");
    const origin = new URL(options.baseUrl).origin;
    this.endpoint = { method: "POST", path: TOKEN_PATH, origin };
    this.tokenUrl = `${origin}${TOKEN_PATH}`;
    this.scope = options.scope ?? PROMOTION_SCOPE;
    this.logger = options.logger ?? silentLogger;
    this.policy = retryPolicy(options.retry);
    this.now = options.now ?? Date.now;
    this.refreshMarginMs = options.refreshMarginMs ?? 60_000;
  }

  async getToken(signal?: AbortSignal): Promise<string> {
    for (;;) {
      if (this.cached && this.now() < this.cached.refreshAtMs) return this.cached.token;
      signal?.throwIfAborted();
      const exchange = this.inFlight ?? this.startExchange(signal);
      try {
        return await untilAborted(exchange.promise, signal);
      } catch (error) {
        // Joined an exchange that its starter cancelled: ours is still wanted, start another.
        if (exchange.signal?.aborted && !signal?.aborted) continue;
        throw error;
      }
    }
  }

  invalidate(): void {
    this.cached = undefined;
  }

  secrets(): string[] {
    return [this.options.privateKey, ...this.issued];
  }

  private startExchange(signal: AbortSignal | undefined): Exchange {
    const promise = this.exchange(signal).finally(() => {
      if (this.inFlight?.promise === promise) this.inFlight = undefined;
    });
    this.inFlight = { promise, signal };
    return this.inFlight;
  }

  private async exchange(signal: AbortSignal | undefined): Promise<string> {
    const startedMs = this.now();
    const reply = await withRetries(() => this.attempt(signal), {
      policy: this.policy,
      logger: this.logger,
      signal,
    });
    const body = reply as { access_token?: unknown; expires_in?: unknown };
    if (typeof body.access_token !== "string" || body.access_token === "") {
      throw new AuthError(`${describeEndpoint(this.endpoint)} answered without an access_token`);
    }
    const token = body.access_token;
    this.issued.push(token);
    const expiresIn = Number(body.expires_in);
    const lifetimeMs =
      Number.isFinite(expiresIn) && expiresIn > 0 ? expiresIn * 1000 : ASSUMED_LIFETIME_MS;
    // A short-lived token would otherwise be re-minted on every call.
    const marginMs = Math.min(this.refreshMarginMs, lifetimeMs / 4);
    this.cached = { token, refreshAtMs: startedMs + lifetimeMs - marginMs };
    this.logger.debug(
      `minted an access token for ${this.endpoint.origin}, valid for ${formatDuration(lifetimeMs)}`,
    );
    return token;
  }

  private async attempt(
    signal: AbortSignal | undefined,
  ): Promise<Attempt<Record<string, unknown>>> {
    // A fresh assertion per attempt: its jti may have been spent by a request whose reply was lost.
    // Real time, not the injected clock: the server checks iat/exp against its own.
    const assertion = signJwt(assertionClaims(this.options.accountId, this.tokenUrl), this.key);
    this.issued.push(assertion);
    const form = new URLSearchParams({
      grant_type: JWT_BEARER,
      client_id: "service-account",
      scope: this.scope,
      assertion,
    });
    let reply: HttpReply;
    try {
      reply = await sendRequest({
        endpoint: this.endpoint,
        url: this.tokenUrl,
        method: "POST",
        headers: {
          accept: "application/json",
          "content-type": "application/x-www-form-urlencoded",
          "user-agent": `tenant-promote/${VERSION}`,
        },
        body: form.toString(),
        dispatcher: this.options.dispatcher,
        timeoutMs: this.options.requestTimeoutMs ?? 30_000,
        signal,
      });
    } catch (error) {
      if (!(error instanceof NetworkError)) throw error;
      return { error, retry: { what: error.message } };
    }
    const what = `${describeEndpoint(this.endpoint)} answered HTTP ${reply.status}`;
    const body = parseBody(reply.text);
    if (reply.status >= 200 && reply.status < 300) {
      if (body) return { value: body };
      return {
        error: new AuthError(`${what} with a reply that is not a JSON object`, reply.status),
      };
    }
    const error = new AuthError(`${what}${this.serverReason(body, assertion)}`, reply.status);
    if (reply.status === 429 || reply.status >= 500) {
      return {
        error,
        retry: { what, retryAfterMs: parseRetryAfter(reply.headers["retry-after"]) },
      };
    }
    if (reply.status >= 300 && reply.status < 400) {
      return { error: new AuthError(redirectError(this.endpoint, reply).message, reply.status) };
    }
    return {
      error: new AuthError(
        `${error.message}. Check the service account id, its key, and that the account has the ${this.scope} scope.`,
        reply.status,
      ),
    };
  }

  /** The server's `error: error_description`, scrubbed in case it echoes the assertion. */
  private serverReason(body: Record<string, unknown> | undefined, assertion: string): string {
    const parts = [body?.error, body?.error_description].filter(
      (part): part is string => typeof part === "string" && part !== "",
    );
    return parts.length > 0 ? `: ${redact(parts.join(": "), [assertion, ...this.secrets()])}` : "";
  }
}

function parseBody(text: string): Record<string, unknown> | undefined {
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === "object" && parsed !== null && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/** Waits for a shared promise, giving up with the signal's reason when it aborts. */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}
