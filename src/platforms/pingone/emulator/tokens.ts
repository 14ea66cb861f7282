// The worker application's token endpoint (POST /{envId}/as/token, client credentials) and the
// check of bearer tokens on API calls.
import type { IncomingHttpHeaders } from "node:http";
import { BearerTokens } from "../../../core/emulator/bearer-tokens.js";
import { oauthError, ok, type Reply } from "../../../core/emulator/reply.js";
import { forbidden, invalidToken, notFound } from "./errors.js";
import type { WorkerAppScenario } from "./scenario.js";

const AUTH_FAILED = "client authentication failed";
const METHOD_REFUSED = "the client authentication method is not allowed for this application";

interface Credentials {
  method: WorkerAppScenario["tokenEndpointAuthMethod"];
  clientId: string;
  secret: string;
}

function formDecode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, " "));
  } catch {
    return text;
  }
}

/** HTTP Basic (form-encoded id and secret, RFC 6749 2.3.1) or client_id/client_secret in the form. */
function credentials(headers: IncomingHttpHeaders, form: URLSearchParams): Credentials | undefined {
  const basic = /^Basic\s+(\S+)\s*$/i.exec(headers.authorization ?? "")?.[1];
  if (basic) {
    const decoded = Buffer.from(basic, "base64").toString("utf8");
    const colon = decoded.indexOf(":");
    if (colon < 0) return undefined;
    return {
      method: "CLIENT_SECRET_BASIC",
      clientId: formDecode(decoded.slice(0, colon)),
      secret: formDecode(decoded.slice(colon + 1)),
    };
  }
  const clientId = form.get("client_id");
  const secret = form.get("client_secret");
  if (clientId === null || secret === null) return undefined;
  return { method: "CLIENT_SECRET_POST", clientId, secret };
}

export class TokenService {
  private readonly tokens: BearerTokens;
  private readonly staticTokens: Set<string>;

  constructor(
    private readonly app: WorkerAppScenario,
    staticTokens: string[],
    private readonly speed: number,
    private readonly knownEnvironment: (id: string) => boolean,
  ) {
    this.tokens = new BearerTokens(staticTokens);
    this.staticTokens = new Set(staticTokens);
  }

  /** POST /{envId}/as/token. */
  mint(envId: string, headers: IncomingHttpHeaders, body: string, now: number): Reply {
    if (!this.knownEnvironment(envId)) return notFound(`Environment ${envId} not found`);
    const form = new URLSearchParams(body);
    if (form.get("grant_type") !== "client_credentials")
      return oauthError("unsupported_grant_type", "grant_type must be client_credentials");
    const given = credentials(headers, form);
    const challenge = { "WWW-Authenticate": 'Basic realm="PingOne"' };
    if (!given || given.clientId !== this.app.clientId || envId !== this.app.environmentId)
      return oauthError("invalid_client", AUTH_FAILED, 401, challenge);
    if (given.method !== this.app.tokenEndpointAuthMethod)
      return oauthError("invalid_client", METHOD_REFUSED, 401, challenge);
    if (given.secret !== this.app.clientSecret)
      return oauthError("invalid_client", AUTH_FAILED, 401, challenge);
    const lifetime = this.app.tokenLifetimeSeconds;
    // The lifetime is real-platform seconds: it runs `speed` times faster here, like the rest.
    const accessToken = this.tokens.issue((lifetime * 1000) / this.speed, now);
    return ok({ access_token: accessToken, token_type: "Bearer", expires_in: lifetime });
  }

  /** undefined when the call may act on every environment in `envIds`, else the 401/403 reply. */
  authorize(authorization: string | undefined, envIds: string[], now: number): Reply | undefined {
    const check = this.tokens.check(authorization, now);
    if (check === "expired") return invalidToken("The access token has expired");
    if (check === "missing") return invalidToken("The request has no bearer access token");
    if (check === "unknown") return invalidToken("The access token is invalid");
    const token = /^Bearer\s+(\S+)/i.exec(authorization ?? "")?.[1] ?? "";
    if (this.staticTokens.has(token)) return undefined;
    const outside = envIds.find((id) => this.app.administers && !this.app.administers.includes(id));
    return outside === undefined
      ? undefined
      : forbidden(`The worker application has no Environment Admin role on ${outside}`);
  }
}
