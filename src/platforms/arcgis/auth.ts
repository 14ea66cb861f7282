// Tokens for the ArcGIS Enterprise admin API from a username and password: generateToken under
// the organization URL, asked to last the whole run (a rollback restarts the pods that issue
// tokens), cached by the core token cache and asked again shortly before expiry or after a 498/499.
// Each is bound to a referer (client=referer): the client sends that referer as the Referer
// header of every request, or the organization answers 498.
import {
  CachedTokenSource,
  type MintedToken,
  type TokenEndpointOptions,
} from "../../core/auth/cached-token-source.js";
import { redact } from "../../core/auth/redact.js";
import { postTokenForm } from "../../core/auth/token-endpoint.js";
import { AuthError, describeEndpoint, type Endpoint } from "../../core/http/errors.js";
import type { HttpReply } from "../../core/http/exchange.js";
import {
  type Attempt,
  parseRetryAfter,
  type RetryPolicy,
  retryPolicy,
} from "../../core/http/retry.js";
import { formatDuration } from "../../core/util/duration.js";
import { parseJsonObject } from "../../core/util/json.js";
import { type Logger, silentLogger } from "../../core/util/log.js";
import { isHtmlPage, readErrorBody } from "./errors.js";
import { DEFAULT_REFERER } from "./inputs.js";
import { arcGisUrls } from "./url.js";

/** Portal's longest token. */
export const MAX_TOKEN_LIFETIME_MS = 14 * 24 * 60 * 60_000;
/** Asked when the caller does not say: what Esri's own automation asks for an update. */
export const DEFAULT_TOKEN_LIFETIME_MS = 12 * 60 * 60_000;
/** Error codes of generateToken that mean "not with these credentials". */
const CREDENTIALS_REFUSED = new Set([400, 401, 403]);

export interface GenerateTokenOptions extends TokenEndpointOptions {
  /** https://host/context; http:// only for loopback (the emulator). */
  orgUrl: string;
  username: string;
  password: string;
  /** What the token is bound to; every request using it must carry it as its Referer header. */
  referer?: string;
  /** How long the run may take, margin included; capped at 14 days. */
  lifetimeMs?: number;
}

/** The `expiration` asked, in whole minutes: at least 1, at most 14 days. */
export function expirationMinutes(lifetimeMs: number): number {
  const capped = Math.min(Math.max(lifetimeMs, 60_000), MAX_TOKEN_LIFETIME_MS);
  return Math.ceil(capped / 60_000);
}

export class GenerateTokenSource extends CachedTokenSource {
  readonly orgUrl: string;
  readonly tokenUrl: string;
  readonly username: string;
  readonly referer: string;
  /** Minutes asked of generateToken. */
  readonly expirationMinutes: number;
  private readonly endpoint: Endpoint;
  private readonly password: string;
  private readonly logger: Logger;
  private readonly policy: RetryPolicy;

  constructor(private readonly options: GenerateTokenOptions) {
    const form = new URLSearchParams([["", options.password]]).toString().slice(1);
    super({ now: options.now, refreshMarginMs: options.refreshMarginMs }, [options.password, form]);
    this.username = options.username.trim();
    this.password = options.password;
    if (this.username === "") throw new Error("ArcGIS username is empty");
    if (this.password === "") throw new Error(`ArcGIS password of ${this.username} is empty`);
    this.referer = options.referer ?? DEFAULT_REFERER;
    const urls = arcGisUrls(options.orgUrl);
    this.orgUrl = urls.orgUrl;
    this.tokenUrl = urls.tokenUrl;
    this.endpoint = { method: "POST", path: new URL(urls.tokenUrl).pathname, origin: urls.origin };
    this.expirationMinutes = expirationMinutes(options.lifetimeMs ?? DEFAULT_TOKEN_LIFETIME_MS);
    this.logger = options.logger ?? silentLogger;
    this.policy = retryPolicy(options.retry);
  }

  protected async mint(signal: AbortSignal | undefined): Promise<MintedToken> {
    const askedMs = this.expirationMinutes * 60_000;
    const body = await postTokenForm(
      {
        endpoint: this.endpoint,
        url: this.tokenUrl,
        form: () => this.form(),
        headers: { referer: this.referer },
        policy: this.policy,
        logger: this.logger,
        dispatcher: this.options.dispatcher,
        timeoutMs: this.options.requestTimeoutMs,
        signal,
      },
      (reply) => this.read(reply),
    );
    const token = typeof body.token === "string" ? body.token.trim() : "";
    if (token === "") throw this.refusal("answered without a token");
    const expires = Number(body.expires);
    const leftMs = Number.isFinite(expires) ? expires - this.now() : Number.NaN;
    // The server may cap what was asked; its clock may differ from ours: take the shorter.
    const lifetimeMs = leftMs > 0 ? Math.min(askedMs, leftMs) : askedMs;
    const short =
      lifetimeMs < askedMs - 60_000 ? `, shorter than the ${formatDuration(askedMs)} asked` : "";
    this.logger.debug(
      `obtained an ArcGIS token for ${this.username} at ${this.orgUrl}, valid for ${formatDuration(lifetimeMs)}${short}`,
    );
    return { token, lifetimeMs };
  }

  /** generateToken's answer: a token, or an error object even under HTTP 200. */
  private read(reply: HttpReply): Attempt<Record<string, unknown>> {
    const what = describeEndpoint(this.endpoint);
    const retryAfterMs = parseRetryAfter(reply.headers["retry-after"]);
    const status = `HTTP ${reply.status}`;
    if (isHtmlPage(reply)) {
      const error = this.refusal(`answered an HTML page (${status}), not JSON`, reply.status);
      if (reply.status < 500) return { error };
      return { error, retry: { what: `${what} answered an HTML page (${status})` } };
    }
    const body = parseJsonObject(reply.text);
    const fields = readErrorBody(body);
    if (reply.status < 300 && body && !fields) return { value: body };
    const code = fields?.code ?? reply.status;
    const answer = fields?.code === undefined ? status : `error ${code} (${status})`;
    const reason = [fields?.message, ...(fields?.details ?? [])].filter(Boolean).join(" ");
    const problem = body
      ? `answered ${answer}${reason ? `: ${reason}` : ""}`
      : `answered ${status} with a reply that is not JSON`;
    const error = this.refusal(problem, reply.status, fields?.code);
    if (code === 429 || code >= 500)
      return { error, retry: { what: `${what} answered ${answer}`, retryAfterMs } };
    return { error };
  }

  private form(): URLSearchParams {
    return new URLSearchParams({
      username: this.username,
      password: this.password,
      client: "referer",
      referer: this.referer,
      expiration: String(this.expirationMinutes),
      f: "json",
    });
  }

  /** Names the account and the organization, never the password (scrubbed if echoed). */
  private refusal(problem: string, status?: number, code?: number): AuthError {
    const credentials = code !== undefined && CREDENTIALS_REFUSED.has(code);
    const hint = credentials
      ? ` Check the username and password, and that ${this.username} is an administrator of the organization.`
      : "";
    const message = `ArcGIS could not issue a token for ${this.username} at ${this.orgUrl}: ${describeEndpoint(this.endpoint)} ${problem.replace(/\.$/, "")}.${hint}`;
    return new AuthError(redact(message, this.secrets()), status);
  }
}
