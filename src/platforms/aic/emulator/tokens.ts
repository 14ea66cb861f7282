// Bearer tokens of one environment: static ones from the scenario, and tokens minted by the
// service-account JWT bearer grant at /am/oauth2/access_token.
import type { KeyObject } from "node:crypto";
import { BearerTokens } from "../../../core/emulator/bearer-tokens.js";
import { oauthError, ok, type Reply } from "../../../core/emulator/reply.js";
import { parsePublicKey, verifyJwt } from "../auth/jwt.js";
import type { AccessTokenScenario, ServiceAccountScenario } from "./scenario.js";
import { ALL_SCOPES } from "./scopes.js";

export const TOKEN_PATH = "/am/oauth2/access_token";
const JWT_BEARER = "urn:ietf:params:oauth:grant-type:jwt-bearer";
const LOOPBACK_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]", "::1"]);

/** What a request's token allows for the scope its path needs. */
export type TokenVerdict = "allowed" | "unauthorized" | "forbidden";

export class TokenIssuer {
  /** Real time, not scaled by speed: minted tokens expire as on a real tenant. */
  private readonly tokens: BearerTokens;
  private readonly publicKey: KeyObject | undefined;
  /** Token -> the scopes it carries (static ones from the scenario, minted ones as requested). */
  private readonly scopes = new Map<string, readonly string[]>();

  constructor(
    staticTokens: AccessTokenScenario[],
    private readonly account: ServiceAccountScenario | undefined,
    private readonly lifetimeSeconds: number,
  ) {
    this.tokens = new BearerTokens(staticTokens.map((t) => t.token));
    for (const t of staticTokens) this.scopes.set(t.token, t.scopes);
    this.publicKey = account ? parsePublicKey(account.publicKey) : undefined;
  }

  /** True when the Authorization header carries a token this environment accepts now. */
  accepts(authorization: string | undefined, now = Date.now()): boolean {
    return this.tokens.accepts(authorization, now);
  }

  /** Whether the Authorization header's token is valid now and carries `scope`. */
  authorize(authorization: string | undefined, scope: string, now = Date.now()): TokenVerdict {
    if (!this.accepts(authorization, now)) return "unauthorized";
    const token = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "")?.[1] ?? "";
    return this.scopes.get(token)?.includes(scope) ? "allowed" : "forbidden";
  }

  /**
   * POST /am/oauth2/access_token. `origin` is this environment's base URL; the assertion's
   * audience must be its token endpoint (any loopback spelling of the host is accepted).
   */
  mint(form: URLSearchParams, origin: string, now = Date.now()): Reply {
    if (form.get("grant_type") !== JWT_BEARER)
      return oauthError("unsupported_grant_type", `grant_type must be ${JWT_BEARER}`);
    if (form.get("client_id") !== "service-account")
      return oauthError("invalid_client", "client_id must be service-account");
    const scope = (form.get("scope") ?? "").trim();
    const requested = scope === "" ? [] : [...new Set(scope.split(/\s+/))];
    if (requested.length === 0) return oauthError("invalid_scope", "scope is required");
    const assertion = form.get("assertion");
    if (!assertion) return oauthError("invalid_request", "assertion is missing");
    if (!this.account || !this.publicKey)
      return oauthError("invalid_client", "no service account is configured for this environment");
    let claims: ReturnType<typeof verifyJwt>;
    try {
      claims = verifyJwt(assertion, this.publicKey);
    } catch (error) {
      // The reason only ("signature does not verify"); never the assertion itself.
      return oauthError("invalid_grant", `assertion rejected: ${(error as Error).message}`);
    }
    if (claims.iss !== this.account.id || claims.sub !== this.account.id)
      return oauthError("invalid_grant", "iss and sub must both be the service account id");
    if (!sameTokenEndpoint(claims.aud, origin))
      return oauthError("invalid_grant", `aud must be ${origin}${TOKEN_PATH}`);
    if (typeof claims.exp !== "number" || claims.exp * 1000 <= now)
      return oauthError("invalid_grant", "assertion has expired");
    // Checked once the assertion is verified: only the account learns what it may ask for.
    const allowed = this.account.scopes ?? ALL_SCOPES;
    const refused = requested.filter((s) => !allowed.includes(s));
    if (refused.length > 0)
      return oauthError(
        "invalid_scope",
        `the service account is not allowed the scope(s) ${refused.join(" ")}`,
      );
    const accessToken = this.tokens.issue(this.lifetimeSeconds * 1000, now);
    this.scopes.set(accessToken, requested);
    return ok({
      access_token: accessToken,
      token_type: "Bearer",
      expires_in: this.lifetimeSeconds,
      scope: requested.join(" "),
    });
  }
}

function sameTokenEndpoint(aud: unknown, origin: string): boolean {
  if (typeof aud !== "string") return false;
  if (aud === `${origin}${TOKEN_PATH}`) return true;
  try {
    const given = new URL(aud);
    const ours = new URL(origin);
    return (
      given.pathname === TOKEN_PATH &&
      given.protocol === ours.protocol &&
      given.port === ours.port &&
      (given.hostname === ours.hostname ||
        (LOOPBACK_HOSTS.has(given.hostname) && LOOPBACK_HOSTS.has(ours.hostname)))
    );
  } catch {
    return false;
  }
}
