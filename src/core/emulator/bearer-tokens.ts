// Bearer tokens an emulated API accepts: static ones from the scenario, which never expire,
// and minted ones, which expire like the platform's.
import { randomBytes } from "node:crypto";

export type TokenCheck = "valid" | "expired" | "unknown" | "missing";

export class BearerTokens {
  /** Minted token -> expiry (Date.now() ms); expired ones stay so they can be told apart. */
  private readonly minted = new Map<string, number>();

  constructor(private readonly staticTokens: readonly string[]) {}

  /** A new opaque token valid for `lifetimeMs` from `now`. */
  issue(lifetimeMs: number, now = Date.now()): string {
    const token = randomBytes(32).toString("base64url");
    this.minted.set(token, now + lifetimeMs);
    return token;
  }

  /** What the Authorization header carries at `now`. */
  check(authorization: string | undefined, now = Date.now()): TokenCheck {
    const token = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "")?.[1];
    if (!token) return "missing";
    if (this.staticTokens.includes(token)) return "valid";
    const expires = this.minted.get(token);
    if (expires === undefined) return "unknown";
    return expires > now ? "valid" : "expired";
  }

  accepts(authorization: string | undefined, now = Date.now()): boolean {
    return this.check(authorization, now) === "valid";
  }
}
