import { generateKeyPairSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import { redact } from "../../../src/core/auth/redact.js";

const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
const pem = privateKey.export({ format: "pem", type: "pkcs8" }).toString();
const jwk = privateKey.export({ format: "jwk" });
const jwkText = JSON.stringify(jwk, null, 2);

describe("redact", () => {
  it("replaces every occurrence of each secret", () => {
    expect(
      redact("token abc123xyz then abc123xyz, key k3y-value", ["abc123xyz", "k3y-value"]),
    ).toBe("token *** then ***, key ***");
  });

  it("ignores secrets shorter than 6 characters", () => {
    expect(redact("a short one: abcde", ["abcde", ""])).toBe("a short one: abcde");
  });

  it("replaces the longest secret first", () => {
    expect(redact("secret-long-value", ["secret", "secret-long-value"])).toBe("***");
  });

  it("scrubs a PEM whole and line by line, keeping its armour", () => {
    const lines = pem.trim().split("\n");
    const oneBodyLine = lines[3] ?? "";
    expect(redact(`whole: ${pem}`, [pem])).not.toMatch(/[A-Za-z0-9+/]{40,}/);
    const reflowed = JSON.stringify(pem); // newlines escaped as \n
    expect(redact(reflowed, [pem])).not.toContain(oneBodyLine);
    expect(redact(`line: ${oneBodyLine}`, [pem])).toBe("line: ***");
    expect(redact("-----BEGIN PRIVATE KEY-----", [pem])).toBe("-----BEGIN PRIVATE KEY-----");
  });

  it("scrubs the private members of a JWK seen on their own", () => {
    const text = `d=${jwk.d} p=${jwk.p} q=${jwk.q} dp=${jwk.dp} dq=${jwk.dq} qi=${jwk.qi} n=${jwk.n}`;
    expect(redact(text, [jwkText])).toBe(`d=*** p=*** q=*** dp=*** dq=*** qi=*** n=${jwk.n}`);
  });

  it("scrubs a JWK inside a JWKS", () => {
    expect(redact(`d is ${jwk.d}`, [JSON.stringify({ keys: [jwk] })])).toBe("d is ***");
  });

  it("leaves text without secrets alone", () => {
    expect(redact("nothing here", [pem, jwkText])).toBe("nothing here");
  });
});
