// Access tokens for a service account: the JWT bearer grant at AM's token endpoint, cached
// and re-minted ahead of expiry by the core token cache.
import type { KeyObject } from "node:crypto";
import type { TokenEndpointOptions } from "../../../core/auth/cached-token-source.js";
import { CachedTokenSource, type MintedToken } from "../../../core/auth/cached-token-source.js";
import { requestToken } from "../../../core/auth/token-endpoint.js";
import type { Endpoint } from "../../../core/http/errors.js";
import { type RetryPolicy, retryPolicy } from "../../../core/http/retry.js";
import { formatDuration } from "../../../core/util/duration.js";
import { type Logger, silentLogger } from "../../../core/util/log.js";
import { assertionClaims, parsePrivateKey, signJwt } from "./jwt.js";

export const PROMOTION_SCOPE = "fr:idc:promotion:*";
const TOKEN_PATH = "/am/oauth2/access_token";
const JWT_BEARER = "urn:ietf:params:oauth:grant-type:jwt-bearer";
/** Used when the reply has no expires_in; AIC tokens live about 15 minutes. */
const ASSUMED_LIFETIME_MS = 15 * 60_000;

export interface ServiceAccountOptions extends TokenEndpointOptions {
  /** The environment's base URL; the token endpoint is under it. */
  baseUrl: string;
  accountId: string;
  /** JWK JSON or PEM text. */
  privateKey: string;
  scope?: string;
  /** How the key input is called in errors, e.g. "upper service account key". */
  keyInputName?: string;
}

export class ServiceAccountTokenSource extends CachedTokenSource {
  private readonly key: KeyObject;
  private readonly endpoint: Endpoint;
  private readonly tokenUrl: string;
  private readonly scope: string;
  private readonly logger: Logger;
  private readonly policy: RetryPolicy;

  constructor(private readonly options: ServiceAccountOptions) {
    // A quarter of the lifetime at most, so a short-lived token is not re-minted on every call.
    super(
      { now: options.now, refreshMarginMs: options.refreshMarginMs, refreshMarginFraction: 0.25 },
      [options.privateKey],
    );
    if (options.accountId.trim() === "") throw new Error("service account id is empty");
    this.key = parsePrivateKey(options.privateKey, options.keyInputName ?? "service account key");
    const origin = new URL(options.baseUrl).origin;
    this.endpoint = { method: "POST", path: TOKEN_PATH, origin };
    this.tokenUrl = `${origin}${TOKEN_PATH}`;
    this.scope = options.scope ?? PROMOTION_SCOPE;
    this.logger = options.logger ?? silentLogger;
    this.policy = retryPolicy(options.retry);
  }

  protected async mint(signal: AbortSignal | undefined): Promise<MintedToken> {
    const grant = await requestToken({
      endpoint: this.endpoint,
      url: this.tokenUrl,
      form: () => this.form(),
      secrets: () => this.secrets(),
      hint: `Check the service account id, its key, and that the account has the ${this.scope} scope.`,
      policy: this.policy,
      logger: this.logger,
      dispatcher: this.options.dispatcher,
      timeoutMs: this.options.requestTimeoutMs,
      signal,
    });
    const lifetimeMs = grant.lifetimeMs ?? ASSUMED_LIFETIME_MS;
    this.logger.debug(
      `minted an access token for ${this.endpoint.origin}, valid for ${formatDuration(lifetimeMs)}`,
    );
    return { token: grant.accessToken, lifetimeMs };
  }

  private form(): URLSearchParams {
    // A fresh assertion per attempt: its jti may have been spent by a request whose reply was lost.
    // Real time, not the injected clock: the server checks iat/exp against its own.
    const assertion = signJwt(assertionClaims(this.options.accountId, this.tokenUrl), this.key);
    this.remember(assertion);
    return new URLSearchParams({
      grant_type: JWT_BEARER,
      client_id: "service-account",
      scope: this.scope,
      assertion,
    });
  }
}
