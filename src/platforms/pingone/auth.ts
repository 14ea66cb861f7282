// Access tokens for a PingOne worker application: the client credentials grant at
// <authOrigin>/<envId>/as/token, cached by the core token cache (no refresh token: ask again).
import {
  CachedTokenSource,
  type MintedToken,
  type TokenEndpointOptions,
} from "../../core/auth/cached-token-source.js";
import { requestToken } from "../../core/auth/token-endpoint.js";
import { AuthError, type Endpoint } from "../../core/http/errors.js";
import { environmentOrigin } from "../../core/http/origin.js";
import { type RetryPolicy, retryPolicy } from "../../core/http/retry.js";
import { formatDuration } from "../../core/util/duration.js";
import { type Logger, silentLogger } from "../../core/util/log.js";

/** How the worker app proves itself; set on the app, so we learn it by trying. */
export type ClientAuthMethod = "client_secret_basic" | "client_secret_post";

export interface ClientCredentialsOptions extends TokenEndpointOptions {
  /** https://auth.pingone.<tld> (see defaultAuthOrigin), or the emulator's origin. */
  authOrigin: string;
  /** The environment that holds the worker application; it may differ from source and target. */
  environmentId: string;
  clientId: string;
  clientSecret: string;
  /** The method tried first (default client_secret_basic). */
  authMethod?: ClientAuthMethod;
}

/** Used when the reply has no expires_in; PingOne's default is an hour. */
const ASSUMED_LIFETIME_MS = 60 * 60_000;
/** Answers that mean "not with these credentials", which the other method might fix. */
const CLIENT_REFUSED = new Set(["invalid_client", "unauthorized_client"]);

/** application/x-www-form-urlencoded, as RFC 6749 wants inside the Basic credentials. */
function formEncode(value: string): string {
  return new URLSearchParams([["", value]]).toString().slice(1);
}

function basicCredentials(clientId: string, clientSecret: string): string {
  return Buffer.from(`${formEncode(clientId)}:${formEncode(clientSecret)}`).toString("base64");
}

function isClientRefusal(error: unknown): error is AuthError {
  return (
    error instanceof AuthError &&
    (error.status === 400 || error.status === 401) &&
    CLIENT_REFUSED.has(error.oauthError ?? "")
  );
}

export class ClientCredentialsTokenSource extends CachedTokenSource {
  readonly tokenUrl: string;
  readonly environmentId: string;
  private readonly endpoint: Endpoint;
  private readonly clientId: string;
  private readonly clientSecret: string;
  private readonly logger: Logger;
  private readonly policy: RetryPolicy;
  private method: ClientAuthMethod;
  /** Once a method worked, a refusal means the credentials changed: no more guessing. */
  private methodProven = false;

  constructor(private readonly options: ClientCredentialsOptions) {
    const secret = options.clientSecret.trim();
    // The Basic credentials are the secret in another coat: scrub them too.
    super(
      { now: options.now, refreshMarginMs: options.refreshMarginMs, refreshMarginFraction: 0.1 },
      [
        options.clientSecret,
        secret,
        formEncode(secret),
        basicCredentials(options.clientId.trim(), secret),
      ],
    );
    this.clientId = options.clientId.trim();
    this.clientSecret = secret;
    if (this.clientId === "") throw new Error("PingOne client id is empty");
    if (this.clientSecret === "") throw new Error("PingOne client secret is empty");
    this.environmentId = options.environmentId.trim();
    if (!/^[\w-]+$/.test(this.environmentId)) {
      throw new Error(
        "PingOne environment id of the worker application is empty or not an id (letters, digits, -)",
      );
    }
    const origin = environmentOrigin(
      options.authOrigin,
      "PingOne auth URL",
      "https://auth.pingone.com",
    );
    const path = `/${this.environmentId}/as/token`;
    this.endpoint = { method: "POST", path, origin };
    this.tokenUrl = `${origin}${path}`;
    this.method = options.authMethod ?? "client_secret_basic";
    this.logger = options.logger ?? silentLogger;
    this.policy = retryPolicy(options.retry);
  }

  /** The method in use: the first one, or the one that worked. */
  get authMethod(): ClientAuthMethod {
    return this.method;
  }

  protected async mint(signal: AbortSignal | undefined): Promise<MintedToken> {
    const first = this.method;
    let firstRefusal: AuthError;
    try {
      return await this.mintWith(first, signal);
    } catch (error) {
      if (!isClientRefusal(error)) throw this.withHint(error);
      if (this.methodProven) throw this.refused([[first, error]]);
      firstRefusal = error;
    }
    const other = first === "client_secret_basic" ? "client_secret_post" : "client_secret_basic";
    this.logger.debug(`${this.tokenUrl} refused ${first}; trying ${other}`);
    try {
      const minted = await this.mintWith(other, signal);
      this.method = other;
      return minted;
    } catch (error) {
      // Both answers: one says the method is wrong, the other why the credentials are.
      if (isClientRefusal(error))
        throw this.refused([
          [first, firstRefusal],
          [other, error],
        ]);
      throw this.withHint(error);
    }
  }

  private async mintWith(
    method: ClientAuthMethod,
    signal: AbortSignal | undefined,
  ): Promise<MintedToken> {
    const basic = method === "client_secret_basic";
    const grant = await requestToken({
      endpoint: this.endpoint,
      url: this.tokenUrl,
      form: () => {
        const form = new URLSearchParams({ grant_type: "client_credentials" });
        if (!basic) {
          form.set("client_id", this.clientId);
          form.set("client_secret", this.clientSecret);
        }
        return form;
      },
      headers: basic
        ? { authorization: `Basic ${basicCredentials(this.clientId, this.clientSecret)}` }
        : undefined,
      secrets: () => this.secrets(),
      policy: this.policy,
      logger: this.logger,
      dispatcher: this.options.dispatcher,
      timeoutMs: this.options.requestTimeoutMs,
      signal,
    });
    this.methodProven = true;
    const lifetimeMs = grant.lifetimeMs ?? ASSUMED_LIFETIME_MS;
    this.logger.debug(
      `obtained an access token from ${this.tokenUrl} (${method}), valid for ${formatDuration(lifetimeMs)}`,
    );
    return { token: grant.accessToken, lifetimeMs };
  }

  /** error.message names the token URL and the server's reason, already scrubbed. */
  private refused(answers: Array<[ClientAuthMethod, AuthError]>): AuthError {
    const tried = answers.map(([method]) => method).join(" and ");
    const said = answers.map(([method, error]) => `${method}: ${error.message}`).join("; ");
    const last = (answers[answers.length - 1] as [ClientAuthMethod, AuthError])[1];
    return new AuthError(
      `PingOne refused the client id and secret of the worker application in environment ${this.environmentId} (tried ${tried}; ${said}). Check the client id and secret, and that the worker application lives in environment ${this.environmentId} (token URL ${this.tokenUrl}).`,
      last.status,
      last.oauthError,
    );
  }

  /** Other refusals (a 4xx such as unsupported_grant_type) get a pointer to what to check. */
  private withHint(error: unknown): unknown {
    if (!(error instanceof AuthError) || error.status === undefined) return error;
    if (error.status < 400 || error.status >= 500 || error.status === 429) return error;
    const hint =
      error.status === 404
        ? `Check the worker application's environment id (${this.environmentId}) and the auth URL.`
        : `Check that the worker application in environment ${this.environmentId} allows the client credentials grant.`;
    return new AuthError(`${error.message}. ${hint}`, error.status, error.oauthError);
  }
}
