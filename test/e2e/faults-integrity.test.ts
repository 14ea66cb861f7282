// Promotions the tenant refuses (blocking error, missing ESVs, encrypted secrets): each fails
// with a message saying what and where, and the lock this run took is released.
import { describe, expect } from "vitest";
import {
  it,
  lockNow,
  PROMOTE,
  parseJson,
  scenarioOnDefault,
  shippedScenario,
  unlocksOf,
  upperCalls,
} from "./emulated.js";

describe.concurrent("a blocking error", () => {
  it("fails with exit 1 and reason blocking-error, points to support, and unlocks", async ({
    e2e,
  }) => {
    const emulator = await e2e.emulate(shippedScenario("blocking-error"));
    const before = structuredClone(emulator.upper.config);
    const run = await e2e.runAgainst(emulator, "promote", ["--format", "json"]);

    expect(run.code).toBe(1);
    const json = parseJson(run);
    expect(json).toMatchObject({ result: "failed", reason: "blocking-error", lockReleased: true });
    expect(json.message).toContain("blocking error");
    expect(json.message).toContain("Failed to promote config");
    expect(run.stderr).toMatch(/next: Open a support case with Ping Identity/);
    expect(emulator.upper.blocked).toBe(true);
    expect(emulator.upper.config).toEqual(before);
    expect(unlocksOf(emulator, json.promotionId as string)).toHaveLength(1);
    expect(lockNow(emulator).result).toBe("unlocked");
  });
});

describe.concurrent("missing ESVs", () => {
  // The upper environment has no ESV at all; the new items reference two.
  const scenario = () =>
    scenarioOnDefault(`
environments:
  upper:
    esvs: []
  lower:
    config:
      AMConfig:
        reCAPTCHA Nodes:
          - name: Captcha
            realm: /alpha
            uid: captcha-node-1
            content: { siteKey: "&{esv.recaptcha.site.key}" }
`);

  it("lists every missing ESV, fails with exit 1, changes nothing and unlocks", async ({ e2e }) => {
    const emulator = await e2e.emulate(scenario());
    const before = structuredClone(emulator.upper.config);
    const run = await e2e.runAgainst(emulator, "promote");

    expect(run.code).toBe(1);
    expect(run.stdout).toContain("tenant-promote promote: failed (missing-esvs)");
    expect(run.stdout).toContain(`ESVs that ${emulator.upperUrl} does not have`);
    for (const output of [run.stdout, run.stderr]) {
      expect(output).toMatch(/- email\.from/);
      expect(output).toMatch(/- recaptcha\.site\.key/);
    }
    expect(run.stderr).toContain("next: Create each ESV listed above in the upper environment");
    expect(emulator.upper.config).toEqual(before);
    // The dry run stopped it: no real promotion was sent.
    expect(upperCalls(emulator, "POST", PROMOTE)).toHaveLength(1);
    expect(lockNow(emulator).result).toBe("unlocked");
  });

  it("names them in the JSON result too (shipped scenario)", async ({ e2e }) => {
    const emulator = await e2e.emulate(shippedScenario("missing-esvs"));
    const run = await e2e.runAgainst(emulator, "dry-run", ["--format", "json"]);

    expect(run.code).toBe(1);
    const json = parseJson(run);
    expect(json).toMatchObject({
      result: "failed",
      reason: "missing-esvs",
      missingESVs: ["email.from"],
      lockReleased: true,
    });
    expect(lockNow(emulator).result).toBe("unlocked");
  });
});

describe.concurrent("encrypted secrets", () => {
  const FILE =
    "am/services/realm/root-alpha/persistentcookiedecisionnode/1.0/organizationconfig/default/dd35c42f-177e-4633-9107-373214858fa7.json";

  it("lists each file:line and unlocks; with --ignore-encrypted-secrets the promotion goes through", async ({
    e2e,
  }) => {
    const emulator = await e2e.emulate(shippedScenario("encrypted-secrets"));
    const before = structuredClone(emulator.upper.config);
    const refused = await e2e.runAgainst(emulator, "promote", ["--format", "json"]);

    expect(refused.code).toBe(1);
    const json = parseJson(refused);
    expect(json).toMatchObject({
      result: "failed",
      reason: "encrypted-secrets",
      encryptedSecrets: [expect.stringContaining(`${FILE}:7`)],
      lockReleased: true,
    });
    expect(refused.stderr).toContain(`- ${FILE}:7`);
    expect(refused.stderr).toContain("--ignore-encrypted-secrets");
    expect(emulator.upper.config).toEqual(before);
    expect(lockNow(emulator).result).toBe("unlocked");

    const ignored = await e2e.runAgainst(emulator, "promote", ["--ignore-encrypted-secrets"]);
    expect(ignored.code, ignored.stderr).toBe(0);
    expect(ignored.stdout).toContain("tenant-promote promote: succeeded");
    expect(emulator.upper.config.AMConfig?.["Persistent Cookie Nodes"]).toHaveLength(1);
    expect(emulator.upper.config).toEqual(emulator.lower.config);
    expect(lockNow(emulator).result).toBe("unlocked");
  });
});
