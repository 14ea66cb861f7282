import { generateKeyPairSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import { StaticTokenSource } from "../../../../src/core/auth/static-token.js";
import { createTokenSource } from "../../../../src/platforms/aic/auth/factory.js";
import { ServiceAccountTokenSource } from "../../../../src/platforms/aic/auth/service-account.js";

const baseUrl = "https://openam-acme-staging.forgeblocks.com";
const key = generateKeyPairSync("rsa", { modulusLength: 2048 })
  .privateKey.export({ format: "pem", type: "pkcs8" })
  .toString();

function messageOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error("expected an error");
}

describe("createTokenSource", () => {
  it("prefers the service account when both it and a token are given", () => {
    const source = createTokenSource(
      {
        baseUrl,
        accessToken: "given-token-value",
        serviceAccountId: "sa-1",
        serviceAccountKey: key,
      },
      "upper",
    );
    expect(source).toBeInstanceOf(ServiceAccountTokenSource);
  });

  it("uses the access token alone", async () => {
    const source = createTokenSource({ baseUrl, accessToken: "given-token-value\n" }, "lower");
    expect(source).toBeInstanceOf(StaticTokenSource);
    expect(await source.getToken()).toBe("given-token-value");
  });

  it("names the environment when the key is missing", () => {
    const message = messageOf(() =>
      createTokenSource({ baseUrl, serviceAccountId: "sa-secret-id" }, "upper"),
    );
    expect(message).toMatch(/^upper service account id is set but its key is missing/);
    expect(message).not.toContain("sa-secret-id");
  });

  it("names the environment when the id is missing", () => {
    const message = messageOf(() =>
      createTokenSource({ baseUrl, serviceAccountKey: key, accessToken: "tok-abcdef" }, "lower"),
    );
    expect(message).toMatch(/^lower service account key is set but its id is missing/);
    expect(message).not.toContain("tok-abcdef");
    expect(message).not.toContain("PRIVATE KEY");
  });

  it("asks for credentials when none are given", () => {
    expect(messageOf(() => createTokenSource({ baseUrl, accessToken: "  " }, "lower"))).toMatch(
      /no credentials for the lower environment/,
    );
  });

  it("names the key input of the environment when the key is unreadable", () => {
    const message = messageOf(() =>
      createTokenSource(
        { baseUrl, serviceAccountId: "sa-1", serviceAccountKey: "{not json secret}" },
        "upper",
      ),
    );
    expect(message).toMatch(/^upper service account key is neither/);
    expect(message).not.toContain("not json secret");
  });
});

describe("StaticTokenSource", () => {
  it("returns the token, ignores invalidate and lists it as a secret", async () => {
    const source = new StaticTokenSource("abc.def.ghi");
    source.invalidate();
    expect(await source.getToken()).toBe("abc.def.ghi");
    expect(source.secrets()).toContain("abc.def.ghi");
  });

  it("rejects an empty token or one with inner whitespace", () => {
    expect(() => new StaticTokenSource(" ")).toThrow(/access token is empty/);
    expect(() => new StaticTokenSource("Bearer abc")).toThrow(/whitespace/);
  });
});
