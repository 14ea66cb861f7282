import { generateKeyPairSync } from "node:crypto";
import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import {
  defaultScenario,
  formatAicEmulatorBanner,
  loadScenario,
  loadScenarioFile,
} from "../../../../src/platforms/aic/emulator/index.js";
import { start } from "./helpers.js";

const scenariosDir = fileURLToPath(new URL("../../../../scenarios/", import.meta.url));

describe("scenarios", () => {
  it("scenarios/default.yaml is the built-in default scenario", () => {
    expect(loadScenarioFile(`${scenariosDir}default.yaml`)).toEqual(defaultScenario());
  });

  it("every shipped scenario loads, and fault scenarios carry their fault", () => {
    const files = readdirSync(scenariosDir).filter((f) => f.endsWith(".yaml"));
    expect(files.length).toBeGreaterThanOrEqual(9);
    const kinds = new Set<string>();
    for (const file of files) {
      const scenario = loadScenarioFile(`${scenariosDir}${file}`);
      for (const fault of scenario.faults) kinds.add(fault.kind);
    }
    expect([...kinds].sort()).toEqual([
      "blockingError",
      "dropConnection",
      "httpError",
      "lockHeldBy",
      "maintenanceLock",
      "releaseUpgrade",
      "slowReply",
      "stuckLocking",
    ]);
  });

  it("reads a complete scenario with defaults filled in", () => {
    const { publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
    const pem = publicKey.export({ format: "pem", type: "spki" }).toString();
    const scenario = loadScenario(`
speed: 600
environments:
  lower:
    esvs: [esv-a]
    config:
      IDMConfig:
        "Email > Templates":
          - { name: Welcome, uid: emailTemplate/welcome, content: { enabled: true } }
  upper:
    serviceAccount:
      id: account-1
      publicKey: |
${pem
  .trim()
  .split("\n")
  .map((line) => `        ${line}`)
  .join("\n")}
faults:
  blockingError: true
  httpErrors:
    - { status: 503, count: 2, method: get }
`);
    expect(scenario.speed).toBe(600);
    expect(scenario.tokenLifetimeSeconds).toBe(899);
    const allScopes = ["fr:idc:promotion:*", "fr:am:*", "fr:idm:*"];
    expect(scenario.environments.lower.accessTokens).toEqual([
      { token: "emulator-lower-token", scopes: allScopes },
    ]);
    expect(scenario.environments.upper.accessTokens).toEqual([
      { token: "emulator-upper-token", scopes: allScopes },
    ]);
    expect(scenario.environments.upper.serviceAccount?.id).toBe("account-1");
    expect(scenario.environments.lower.config.IDMConfig?.["Email > Templates"]?.[0]?.uid).toBe(
      "emailTemplate/welcome",
    );
    expect(scenario.faults).toEqual([
      { kind: "blockingError", promotion: true, dryRun: false, rollback: false },
      expect.objectContaining({ kind: "httpError", status: 503, count: 2, method: "GET" }),
    ]);
  });

  it("base: default merges mappings and replaces lists", () => {
    const scenario = loadScenario(`
base: default
environments:
  upper:
    esvs: []
  lower:
    config:
      AMConfig:
        Scripts: []
`);
    expect(scenario.environments.upper.esvs).toEqual([]);
    expect(scenario.environments.lower.config.AMConfig?.Scripts).toEqual([]);
    expect(scenario.environments.lower.config.AMConfig?.Journeys).toHaveLength(3);
    expect(scenario.environments.upper.config).toEqual(defaultScenario().environments.upper.config);
  });

  it.each([
    ["speed: 0", /speed must be a number greater than 0/],
    ["speeed: 2", /unknown field speeed/],
    ["base: other", /base must be "default"/],
    ["environments: { middle: {} }", /unknown field environments.middle/],
    [
      "environments: { lower: { esvs: [1] } }",
      /environments.lower.esvs\[0\] must be a non-empty string/,
    ],
    [
      "environments: { lower: { config: { AMConfig: { Journeys: [{ name: Login, content: {} }] } } } }",
      /environments.lower.config.AMConfig\["Journeys"\]\[0\].uid must be a non-empty string/,
    ],
    [
      "environments: { lower: { config: { AMConfig: { Journeys: [{ name: A, uid: x, content: 1 }, { name: B, uid: x, content: 2 }] } } } }",
      /lists uid "x" twice/,
    ],
    [
      "environments: { upper: { serviceAccount: { id: a, publicKey: not-a-key } } }",
      /environments.upper.serviceAccount.publicKey is not a readable public key/,
    ],
    [
      "faults: { httpErrors: [{ status: 503, env: middle }] }",
      /faults.httpErrors\[0\].env must be lower or upper/,
    ],
    ["faults: { slowReplies: [{ count: 1 }] }", /faults.slowReplies\[0\].delayMs must be a number/],
    ["faults: { lockHeldBy: {} }", /faults.lockHeldBy.promotionId must be a non-empty string/],
    ["faults: { surprise: true }", /unknown field faults.surprise/],
    ["speed: [", /not valid YAML/],
  ])("names the field in errors: %s", (yamlText, message) => {
    expect(() => loadScenario(yamlText)).toThrow(message);
  });
});

describe("banner", () => {
  it("names both URLs and their tokens", async () => {
    const emulator = await start();
    const banner = formatAicEmulatorBanner(emulator);
    expect(banner).toContain(emulator.lowerUrl);
    expect(banner).toContain(emulator.upperUrl);
    expect(banner).toContain("emulator-lower-token");
    expect(banner).toContain("emulator-upper-token");
  });
});
