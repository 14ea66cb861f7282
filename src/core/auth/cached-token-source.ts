import type { Dispatcher } from "undici";
import type { RetryPolicy } from "../http/retry.js";
import type { Logger } from "../util/log.js";
// A token source that mints on demand and keeps the token until shortly before it expires:
// a promotion outlives one token, and the token endpoint should not see a request per call.
import type { TokenSource } from "./token-source.js";

export interface MintedToken {
  token: string;
  lifetimeMs: number;
}

export interface TokenCacheOptions {
  /** Clock for expiry bookkeeping (tests). */
  now?: () => number;
  /** Mint again at most this long before expiry (default 60 s)... */
  refreshMarginMs?: number;
  /** ...and at most this share of the lifetime, so a short-lived token is not re-minted per call. */
  refreshMarginFraction?: number;
}

/** What every token source that calls a token endpoint takes besides its credentials. */
export interface TokenEndpointOptions {
  logger?: Logger;
  dispatcher?: Dispatcher;
  requestTimeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  /** Clock for token expiry bookkeeping (tests). */
  now?: () => number;
  refreshMarginMs?: number;
}

interface CachedToken {
  token: string;
  refreshAtMs: number;
}

interface Mint {
  promise: Promise<string>;
  signal: AbortSignal | undefined;
}

export const DEFAULT_REFRESH_MARGIN_MS = 60_000;

export abstract class CachedTokenSource implements TokenSource {
  protected readonly now: () => number;
  private readonly refreshMarginMs: number;
  private readonly refreshMarginFraction: number;
  private readonly held: string[];
  private readonly issued: string[] = [];
  private cached: CachedToken | undefined;
  private inFlight: Mint | undefined;

  /** `heldSecrets`: what the source was given (key, client secret), scrubbed from outputs. */
  constructor(options: TokenCacheOptions, heldSecrets: string[]) {
    this.now = options.now ?? Date.now;
    this.refreshMarginMs = options.refreshMarginMs ?? DEFAULT_REFRESH_MARGIN_MS;
    this.refreshMarginFraction = options.refreshMarginFraction ?? 0.25;
    this.held = heldSecrets.filter((secret) => secret !== "");
  }

  /** Obtains a new token from the authorization server. */
  protected abstract mint(signal: AbortSignal | undefined): Promise<MintedToken>;

  async getToken(signal?: AbortSignal): Promise<string> {
    for (;;) {
      if (this.cached && this.now() < this.cached.refreshAtMs) return this.cached.token;
      signal?.throwIfAborted();
      const mint = this.inFlight ?? this.startMint(signal);
      try {
        return await untilAborted(mint.promise, signal);
      } catch (error) {
        // Joined a mint that its starter cancelled: ours is still wanted, start another.
        if (mint.signal?.aborted && !signal?.aborted) continue;
        throw error;
      }
    }
  }

  invalidate(): void {
    this.cached = undefined;
  }

  secrets(): string[] {
    return [...this.held, ...this.issued];
  }

  /** Records a secret made along the way (an assertion, an auth header) for scrubbing. */
  protected remember(secret: string): void {
    if (secret !== "" && !this.issued.includes(secret)) this.issued.push(secret);
  }

  private startMint(signal: AbortSignal | undefined): Mint {
    const promise = this.mintAndCache(signal).finally(() => {
      if (this.inFlight?.promise === promise) this.inFlight = undefined;
    });
    this.inFlight = { promise, signal };
    return this.inFlight;
  }

  private async mintAndCache(signal: AbortSignal | undefined): Promise<string> {
    // Counted from before the request: the server's clock started no later than that.
    const startedMs = this.now();
    const { token, lifetimeMs } = await this.mint(signal);
    this.remember(token);
    const marginMs = Math.min(this.refreshMarginMs, lifetimeMs * this.refreshMarginFraction);
    this.cached = { token, refreshAtMs: startedMs + lifetimeMs - marginMs };
    return token;
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
