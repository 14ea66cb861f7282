import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import {
  defaultPingOneScenario,
  formatPingOneEmulatorBanner,
  loadPingOneScenario,
  loadPingOneScenarioFile,
} from "../../../../src/platforms/pingone/emulator/index.js";
import { DEVELOPMENT_ID, start } from "./helpers.js";

const dir = fileURLToPath(new URL("../../../../scenarios/pingone/", import.meta.url));

describe("PingOne scenarios", () => {
  it("scenarios/pingone/default.yaml is the built-in default scenario", () => {
    expect(loadPingOneScenarioFile(`${dir}default.yaml`)).toEqual(defaultPingOneScenario());
  });

  it("every shipped scenario loads, and each but the default changes something", () => {
    const files = readdirSync(dir).filter((f) => f.endsWith(".yaml"));
    expect(files.length).toBeGreaterThanOrEqual(10);
    const base = defaultPingOneScenario();
    for (const file of files.filter((f) => f !== "default.yaml")) {
      const scenario = loadPingOneScenarioFile(`${dir}${file}`);
      expect(scenario, file).not.toEqual(base);
    }
  });

  it("the default scenario has fixed ids and credentials", () => {
    const scenario = defaultPingOneScenario();
    expect(scenario.environments.map((e) => [e.name, e.id])).toEqual([
      ["development", "11111111-1111-4111-8111-111111111111"],
      ["staging", "22222222-2222-4222-8222-222222222222"],
      ["production", "33333333-3333-4333-8333-333333333333"],
    ]);
    expect(scenario.workerApp).toEqual({
      environmentId: DEVELOPMENT_ID,
      clientId: "emulator-client",
      clientSecret: "emulator-secret",
      tokenEndpointAuthMethod: "CLIENT_SECRET_BASIC",
      tokenLifetimeSeconds: 3600,
    });
    expect(scenario.accessTokens).toEqual(["emulator-token"]);
  });

  it("resources without an id get a stable one; names are unique per type", () => {
    const yaml = (name: string) => `
environments:
  a: { id: aaaaaaaa-0000-4000-8000-000000000001, resources: { populations: [{ name: ${name} }] } }
  b: { id: bbbbbbbb-0000-4000-8000-000000000001 }
workerApp: { environment: a, clientId: c, clientSecret: s }`;
    const first = loadPingOneScenario(yaml("Staff")).environments[0]?.resources[0];
    expect(first?.id).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(loadPingOneScenario(yaml("Staff")).environments[0]?.resources[0]?.id).toBe(first?.id);
    expect(() =>
      loadPingOneScenario(
        "base: default\nenvironments: { staging: { resources: { themes: [{ name: A }, { name: A }] } } }",
      ),
    ).toThrow(/repeats the id or name/);
  });

  it.each([
    ["speeed: 2", /unknown field speeed/],
    [
      "base: default\nenvironments: { staging: { id: not-a-uuid } }",
      /environments.staging.id must be a UUID/,
    ],
    [
      "base: default\nworkerApp: { tokenEndpointAuthMethod: private_key_jwt }",
      /client_secret_basic or client_secret_post/,
    ],
    ["base: default\nworkerApp: { environment: qa }", /workerApp.environment names no environment/],
    [
      "base: default\nfaults: { stepErrors: [{ type: themes }] }",
      /faults.stepErrors\[0\].name must be a non-empty string/,
    ],
    [
      "base: default\nfaults: { stepErrors: [{ type: themes, name: A, action: PATCH }] }",
      /action must be POST, PUT or DELETE/,
    ],
    ["base: default\nfaults: { httpErrors: [{ status: 503, env: upper }] }", /env is not used/],
    [
      "base: default\nfaults: { promotionInProgress: { source: staging, target: staging } }",
      /must differ/,
    ],
    [
      "base: default\ntimings: { stepSeconds: -1 }",
      /timings.stepSeconds must be a number of at least 0/,
    ],
    ["speed: [", /not valid YAML/],
  ])("names the field in errors: %s", (yamlText, message) => {
    expect(() => loadPingOneScenario(yamlText)).toThrow(message);
  });

  it("the banner names the origin, the environments and the credentials", async () => {
    const emulator = await start();
    const banner = formatPingOneEmulatorBanner(emulator);
    expect(banner).toContain(`${emulator.origin}/v1`);
    expect(banner).toContain(`${emulator.origin}/${DEVELOPMENT_ID}/as/token`);
    expect(banner).toMatch(
      /client id emulator-client, secret emulator-secret \(client_secret_basic\), in development/,
    );
    expect(banner).toContain("emulator-token");
    expect(banner).toMatch(/production\s+33333333-3333-4333-8333-333333333333/);
  });
});
