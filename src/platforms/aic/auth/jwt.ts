// Compact RS256 JWTs with node:crypto: enough for the JWT bearer grant, nothing more.
import {
  createPrivateKey,
  createPublicKey,
  type KeyObject,
  randomUUID,
  sign,
  verify,
} from "node:crypto";

export interface JwtClaims {
  iss: string;
  sub: string;
  aud: string;
  exp: number;
  iat?: number;
  jti?: string;
  [claim: string]: unknown;
}

function base64url(data: Buffer | string): string {
  return Buffer.from(data).toString("base64url");
}

/**
 * Reads a private key given as JWK JSON text or a PEM (PKCS#8 or PKCS#1).
 * The error never echoes the key material.
 */
export function parsePrivateKey(keyText: string, inputName = "private key"): KeyObject {
  const trimmed = keyText.trim();
  try {
    if (trimmed.startsWith("{")) {
      return createPrivateKey({ key: JSON.parse(trimmed), format: "jwk" });
    }
    return createPrivateKey({ key: trimmed, format: "pem" });
  } catch {
    throw new Error(
      `${inputName} is neither a private JWK (JSON with "d") nor a PEM private key; paste the key of the service account as downloaded`,
    );
  }
}

/** Reads a public key given as JWK JSON text (or an object) or a PEM. */
export function parsePublicKey(key: string | object): KeyObject {
  if (typeof key === "object") return createPublicKey({ key: key as never, format: "jwk" });
  const trimmed = key.trim();
  if (trimmed.startsWith("{")) return createPublicKey({ key: JSON.parse(trimmed), format: "jwk" });
  return createPublicKey(trimmed);
}

export function signJwt(claims: JwtClaims, privateKey: KeyObject): string {
  const header = base64url(JSON.stringify({ alg: "RS256", typ: "JWT" }));
  const payload = base64url(JSON.stringify(claims));
  const signature = sign("RSA-SHA256", Buffer.from(`${header}.${payload}`), privateKey);
  return `${header}.${payload}.${base64url(signature)}`;
}

/** Claims for a service-account assertion: iss = sub = account id, short-lived, unique jti. */
export function assertionClaims(
  accountId: string,
  audience: string,
  nowMs = Date.now(),
): JwtClaims {
  const iat = Math.floor(nowMs / 1000);
  return { iss: accountId, sub: accountId, aud: audience, iat, exp: iat + 180, jti: randomUUID() };
}

/** Verifies an RS256 JWT; returns its claims or throws a short reason (never the token). */
export function verifyJwt(token: string, publicKey: KeyObject): JwtClaims {
  const parts = token.split(".");
  if (parts.length !== 3) throw new Error("malformed JWT");
  const [header, payload, signature] = parts as [string, string, string];
  const headerJson = JSON.parse(Buffer.from(header, "base64url").toString("utf8")) as {
    alg?: string;
  };
  if (headerJson.alg !== "RS256") throw new Error(`unsupported JWT alg ${String(headerJson.alg)}`);
  const ok = verify(
    "RSA-SHA256",
    Buffer.from(`${header}.${payload}`),
    publicKey,
    Buffer.from(signature, "base64url"),
  );
  if (!ok) throw new Error("JWT signature does not verify");
  return JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as JwtClaims;
}
