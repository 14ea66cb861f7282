// A loopback AM token endpoint that verifies the JWT bearer assertion like AIC would.
import { generateKeyPairSync, type KeyObject } from "node:crypto";
import type { ServerResponse } from "node:http";
import { type JwtClaims, verifyJwt } from "../../../../src/platforms/aic/auth/jwt.js";
import {
  type Loopback,
  type RecordedRequest,
  sendJson,
  startLoopback,
} from "../../../core/http/loopback.js";

export const ACCOUNT_ID = "8c2b6b1e-0a3f-4b43-9d1c-acc0un7";

export interface TestKeys {
  publicKey: KeyObject;
  jwk: string;
  pkcs8Pem: string;
}

/** One RSA key pair for the whole test file: generating one takes a moment. */
export function generateKeys(): TestKeys {
  const { publicKey, privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  return {
    publicKey,
    jwk: JSON.stringify(privateKey.export({ format: "jwk" })),
    pkcs8Pem: privateKey.export({ format: "pem", type: "pkcs8" }).toString(),
  };
}

export interface Exchange {
  form: URLSearchParams;
  claims: JwtClaims;
}

export type TokenReply = (res: ServerResponse, index: number) => void | Promise<void>;

export interface TokenServer extends Loopback {
  exchanges: Exchange[];
}

/**
 * Checks grant type, client, scope and the assertion's signature and claims; a bad one
 * gets 400 invalid_grant. Good ones get `reply`, by default token-N valid 900 s.
 */
export async function startTokenServer(
  publicKey: KeyObject,
  reply?: TokenReply,
): Promise<TokenServer> {
  const exchanges: Exchange[] = [];
  let url = "";
  const server = await startLoopback(async (req: RecordedRequest, res) => {
    const problem = check(req, publicKey, `${url}/am/oauth2/access_token`);
    if (typeof problem === "string") {
      return sendJson(res, 400, { error: "invalid_grant", error_description: problem });
    }
    exchanges.push(problem);
    if (reply) return reply(res, exchanges.length - 1);
    sendJson(res, 200, {
      access_token: `access-token-${exchanges.length}-xyz`,
      token_type: "Bearer",
      expires_in: 900,
      scope: problem.form.get("scope"),
    });
  });
  url = server.url;
  return Object.assign(server, { exchanges });
}

function check(req: RecordedRequest, publicKey: KeyObject, audience: string): Exchange | string {
  if (req.method !== "POST" || req.url !== "/am/oauth2/access_token")
    return `unexpected ${req.method} ${req.url}`;
  if (req.headers["content-type"] !== "application/x-www-form-urlencoded") return "not a form";
  const form = new URLSearchParams(req.body);
  if (form.get("grant_type") !== "urn:ietf:params:oauth:grant-type:jwt-bearer")
    return "wrong grant";
  if (form.get("client_id") !== "service-account") return "wrong client";
  if (form.get("scope") !== "fr:idc:promotion:*") return "wrong scope";
  let claims: JwtClaims;
  try {
    claims = verifyJwt(form.get("assertion") ?? "", publicKey);
  } catch (error) {
    return (error as Error).message;
  }
  if (claims.iss !== ACCOUNT_ID || claims.sub !== ACCOUNT_ID) return "wrong issuer";
  if (claims.aud !== audience) return `wrong audience ${claims.aud}`;
  if (claims.exp * 1000 < Date.now()) return "expired";
  return { form, claims };
}
