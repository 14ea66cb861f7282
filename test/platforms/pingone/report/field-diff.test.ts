// The field-by-field diff of a modified resource, and the payload fingerprint in the hash.
import { describe, expect, it } from "vitest";
import { diffFields, payloadFingerprint } from "../../../../src/platforms/pingone/field-diff.js";

describe("diffFields", () => {
  it("gives nested paths, in path order, with values as text", () => {
    const current = {
      name: "Employees",
      length: { min: 8, max: 255 },
      lockout: { failureCount: 5, durationSeconds: 900 },
      enabled: true,
    };
    const payload = {
      name: "Employees",
      length: { min: 12, max: 255 },
      lockout: { failureCount: 3, durationSeconds: 900 },
      enabled: false,
    };
    expect(diffFields(current, payload)).toEqual([
      { path: "enabled", before: "true", after: "false" },
      { path: "length.min", before: "8", after: "12" },
      { path: "lockout.failureCount", before: "5", after: "3" },
    ]);
  });

  it("only fields the payload sets count: one the target has alone is no change", () => {
    const current = { name: "A", description: "kept by the target", extra: { deep: 1 } };
    expect(diffFields(current, { name: "A" })).toEqual([]);
  });

  it("a field the target lacks shows no before; arrays and objects compare whole", () => {
    const current = { name: "A", grantTypes: ["AUTHORIZATION_CODE"] };
    const payload = {
      name: "A",
      grantTypes: ["AUTHORIZATION_CODE", "REFRESH_TOKEN"],
      description: "new",
      nothing: null,
    };
    expect(diffFields(current, payload)).toEqual([
      { path: "description", before: undefined, after: "new" },
      {
        path: "grantTypes",
        before: '["AUTHORIZATION_CODE"]',
        after: '["AUTHORIZATION_CODE","REFRESH_TOKEN"]',
      },
      { path: "nothing", before: undefined, after: "null" },
    ]);
  });

  it("a scalar replaced by an object, and the other way round", () => {
    expect(diffFields({ theme: "dark" }, { theme: { mode: "dark" } })).toEqual([
      { path: "theme.mode", before: undefined, after: "dark" },
    ]);
    expect(diffFields({ theme: { mode: "dark" } }, { theme: "dark" })).toEqual([
      { path: "theme", before: undefined, after: "dark" },
    ]);
  });

  it.each([
    ["clientSecret"],
    ["password"],
    ["smtpPassword"],
    ["accessToken"],
    ["privateKeyPem"],
    ["credentials"],
    ["signingKey"],
    ["apiKey"],
  ])("masks the values of a secret-looking field: %s", (field) => {
    const changes = diffFields({ [field]: "old-value" }, { [field]: "new-value" });
    expect(changes).toEqual([{ path: field, before: "***", after: "***" }]);
  });

  it("masks a secret nested in an object, and one the target lacks", () => {
    const changes = diffFields(
      { idp: { clientId: "abc", clientSecret: "old" } },
      { idp: { clientId: "abd", clientSecret: "new" }, webhook: { authToken: "t" } },
    );
    expect(changes).toEqual([
      { path: "idp.clientId", before: "abc", after: "abd" },
      { path: "idp.clientSecret", before: "***", after: "***" },
      { path: "webhook.authToken", before: undefined, after: "***" },
    ]);
    expect(JSON.stringify(changes)).not.toMatch(/old|new|"t"/);
  });

  // Every segment counts, so a secret nested under a secret-looking key is masked too.
  it("masks every field under a secret-looking object, whatever the leaf is called", () => {
    const changes = diffFields(
      { privateKey: { pem: "-----BEGIN OLD-----" }, secrets: ["a"] },
      { privateKey: { pem: "-----BEGIN NEW-----" }, secrets: ["b"] },
    );
    expect(changes).toEqual([
      { path: "privateKey.pem", before: "***", after: "***" },
      { path: "secrets", before: "***", after: "***" },
    ]);
  });

  // Arrays of objects are walked item by item, so their secret members are masked too.
  it("masks a secret inside an array of objects", () => {
    const changes = diffFields(
      { signingKeys: [{ id: "k1", privateKey: "OLD-PRIVATE" }] },
      { signingKeys: [{ id: "k1", privateKey: "NEW-PRIVATE" }] },
    );
    expect(JSON.stringify(changes)).not.toMatch(/PRIVATE/);
  });

  it("a reference to a secret-sounding resource is no secret", () => {
    expect(diffFields({ passwordPolicy: { id: "a" } }, { passwordPolicy: { id: "b" } })).toEqual([
      { path: "passwordPolicy.id", before: "a", after: "b" },
    ]);
  });

  it("an unchanged secret is no change at all", () => {
    expect(diffFields({ clientSecret: "same" }, { clientSecret: "same" })).toEqual([]);
  });

  it("skips ids, links and timestamps set by the platform", () => {
    const current = {
      id: "target-id",
      _links: { self: { href: "https://api/x" } },
      _embedded: { x: 1 },
      environment: { id: "target-env" },
      createdAt: "2025-01-01T00:00:00Z",
      updatedAt: "2025-01-02T00:00:00Z",
      name: "A",
    };
    const payload = {
      id: "source-id",
      _links: { self: { href: "https://api/y" } },
      _embedded: { x: 2 },
      environment: { id: "source-env" },
      createdAt: "2026-01-01T00:00:00Z",
      updatedAt: "2026-01-02T00:00:00Z",
      name: "B",
    };
    expect(diffFields(current, payload)).toEqual([{ path: "name", before: "A", after: "B" }]);
  });

  it("a nested id is a reference, and does count", () => {
    expect(
      diffFields({ passwordPolicy: { id: "p-1" } }, { passwordPolicy: { id: "p-2" } }),
    ).toEqual([{ path: "passwordPolicy.id", before: "p-1", after: "p-2" }]);
  });

  it("a payload that is not an object is one field at the root", () => {
    expect(diffFields(undefined, { a: 1 })).toEqual([{ path: "a", before: undefined, after: "1" }]);
  });
});

describe("payloadFingerprint", () => {
  it("ignores key order and bookkeeping fields", () => {
    const a = payloadFingerprint({ name: "A", length: { min: 8, max: 255 }, id: "x" });
    const b = payloadFingerprint({
      length: { max: 255, min: 8 },
      name: "A",
      id: "y",
      _links: { self: { href: "z" } },
      updatedAt: "2026-01-01T00:00:00Z",
    });
    expect(a).toMatch(/^[0-9a-f]{16}$/);
    expect(b).toBe(a);
  });

  it("changes with any value the step writes", () => {
    const a = payloadFingerprint({ name: "A", length: { min: 8 } });
    expect(payloadFingerprint({ name: "A", length: { min: 9 } })).not.toBe(a);
    expect(payloadFingerprint({ name: "A", length: { min: "8" } })).not.toBe(a);
    expect(payloadFingerprint({ name: "A", length: { min: 8 }, more: true })).not.toBe(a);
  });

  it("no payload, no fingerprint", () => {
    expect(payloadFingerprint(undefined)).toBeUndefined();
    expect(payloadFingerprint(null)).toBeUndefined();
  });
});
