// generateToken (the portal's token operation, form-encoded) and the check of tokens on admin
// calls. Lifetimes are real-platform minutes: they run `speed` times faster here, like jobs.
// A token minted with client=referer is bound to its referer: a request whose Referer header
// differs is refused as an invalid token, as the portal does. client=requestip (and ip) binds it
// to the caller's address instead, which on loopback is always the same: no header is checked.
// The scenario's static tokens are bound to its `tokenReferer`.
import { BearerTokens, type TokenCheck } from "../../../core/emulator/bearer-tokens.js";
import { ok, type Reply } from "../../../core/emulator/reply.js";
import { errorObject } from "./errors.js";
import type { ArcGisScenario } from "./scenario.js";

/** What the portal grants when `expiration` is not given. */
const DEFAULT_EXPIRATION_MINUTES = 120;
const CLIENTS = ["referer", "requestip", "ip"];

function unable(detail: string): Reply {
  return errorObject(400, "Unable to generate token.", [detail]);
}

export class ArcGisTokens {
  private readonly tokens: BearerTokens;
  /** Minted token -> the referer it is bound to; absent for client=requestip and ip. */
  private readonly referers = new Map<string, string>();

  constructor(
    private readonly scenario: Pick<
      ArcGisScenario,
      "credentials" | "accessTokens" | "maxTokenLifetimeMinutes" | "tokenReferer"
    >,
    private readonly speed: number,
  ) {
    this.tokens = new BearerTokens(scenario.accessTokens);
    for (const token of scenario.accessTokens) this.referers.set(token, scenario.tokenReferer);
  }

  /** POST <context>/sharing/rest/generateToken. */
  generate(form: URLSearchParams, now: number): Reply {
    const { username, password } = this.scenario.credentials;
    const givenUser = form.get("username");
    const givenPassword = form.get("password");
    if (!givenUser) return unable("'username' must be specified.");
    if (!givenPassword) return unable("'password' must be specified.");
    if (givenUser !== username || givenPassword !== password)
      return unable("Invalid username or password.");
    const client = form.get("client") || "requestip";
    if (!CLIENTS.includes(client)) return unable(`Invalid client type '${client}'.`);
    const referer = form.get("referer");
    if (client === "referer" && !referer) return unable("'referer' must be specified.");
    const asked = Number(form.get("expiration") || DEFAULT_EXPIRATION_MINUTES);
    if (!Number.isFinite(asked) || asked <= 0) return unable("Invalid expiration value.");
    const minutes = Math.min(asked, this.scenario.maxTokenLifetimeMinutes);
    const lifetimeMs = (minutes * 60_000) / this.speed;
    const token = this.tokens.issue(lifetimeMs, now);
    if (client === "referer" && referer) this.referers.set(token, referer);
    return ok({ token, expires: Math.floor(now + lifetimeMs), ssl: false });
  }

  /** A token bound to a referer is valid only on a request whose Referer header equals it. */
  check(token: string | undefined, refererHeader: string | undefined, now: number): TokenCheck {
    const check = this.tokens.check(token ? `Bearer ${token}` : undefined, now);
    if (check !== "valid" || token === undefined) return check;
    const bound = this.referers.get(token);
    return bound === undefined || bound === refererHeader ? "valid" : "unknown";
  }
}
