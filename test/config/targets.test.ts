import { describe, expect, it } from "vitest";
import { listTargets, loadTarget, parseTargets, resolveTarget } from "../../src/config/targets.js";
import { UsageError } from "../../src/core/util/usage-error.js";

const GROUPS = `
groups:
  acme:
    environments:
      - { name: development, fqdn: openam-acme-dev.forgeblocks.com }
      - { name: staging, fqdn: openam-acme-staging.forgeblocks.com, promotesFrom: development }
      - { name: production, fqdn: openam-acme.forgeblocks.com, promotesFrom: staging }
  globex:
    environments:
      - { name: development, fqdn: openam-globex-dev.forgeblocks.com }
      - { name: staging, fqdn: openam-globex-staging.forgeblocks.com }
`;

function refused(source: string, target = "staging"): string {
  try {
    resolveTarget(parseTargets(source, "envs.yml"), target, "envs.yml");
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as Error).message;
  }
  throw new Error("expected a refusal");
}

describe("environments file", () => {
  it("resolves group/name to the environment and the one before it", () => {
    const target = resolveTarget(parseTargets(GROUPS, "envs.yml"), "acme/production", "envs.yml");
    expect(target).toEqual({
      id: "acme/production",
      platform: "aic",
      upper: { name: "production", fqdn: "openam-acme.forgeblocks.com" },
      lower: { name: "staging", fqdn: "openam-acme-staging.forgeblocks.com" },
    });
  });

  it("takes a bare name when only one group has it, and asks for group/name when several do", () => {
    const groups = parseTargets(GROUPS, "envs.yml");
    expect(resolveTarget(groups, "production", "envs.yml").upper.fqdn).toBe(
      "openam-acme.forgeblocks.com",
    );
    expect(refused(GROUPS, "staging")).toMatch(/several groups \(acme, globex\).*group\/staging/);
  });

  it("accepts a single top-level environments list, promotesFrom defaulting to the previous entry", () => {
    const source = `environments:\n  - { name: dev, fqdn: dev.example.com }\n  - { name: stage, fqdn: stage.example.com }\n`;
    const groups = parseTargets(source, "envs.yml");
    expect(listTargets(groups)).toEqual(["stage"]);
    expect(resolveTarget(groups, "stage", "envs.yml").lower?.name).toBe("dev");
  });

  it("lists every target of every group, for a workflow matrix", () => {
    expect(listTargets(parseTargets(GROUPS, "envs.yml"))).toEqual([
      "acme/staging",
      "acme/production",
      "globex/staging",
    ]);
  });

  it("refuses a non-sequential pair such as production promoting from development", () => {
    const source = `environments:
  - { name: development, fqdn: dev.example.com }
  - { name: staging, fqdn: staging.example.com }
  - { name: production, fqdn: prod.example.com, promotesFrom: development }
`;
    expect(refused(source, "production")).toMatch(
      /envs\.yml: .*"production" promotes from "development".*sequential.*"staging"/,
    );
  });

  it("refuses a target that promotes from nothing, an unknown target, and broken files", () => {
    expect(refused(GROUPS, "acme/development")).toMatch(/first environment.*nothing promotes/);
    expect(refused(GROUPS, "acme/qa")).toMatch(
      /target "acme\/qa" is not in the file; targets: acme\/staging, acme\/production, globex\/staging/,
    );
    expect(refused("environments: [{ name: a }]")).toMatch(/"a": fqdn is missing/);
    expect(refused("groups: [1, 2]")).toMatch(/groups must map/);
    expect(refused("{ not yaml")).toMatch(/not valid YAML/);
    expect(refused("")).toMatch(/no environments/);
  });
});

describe("a broken or missing environments file", () => {
  it("shows the file, line and column of a YAML error, and the line with a caret under the spot", () => {
    const source = "environments:\n  - { name: dev, fqdn: dev.example.com\n  - { name: stage }\n";
    const [where, line, caret, ...rest] = refused(source).split("\n");
    expect(where).toMatch(/^envs\.yml:3:3: not valid YAML: Flow map .*end with a \}$/);
    expect([line, caret, rest]).toEqual(["    - { name: stage }", "    ^", []]);
    expect(refused("environments:\n\t- name: dev\n")).toBe(
      "envs.yml:2:1: not valid YAML: Tabs are not allowed as indentation\n  \t- name: dev\n  ^",
    );
  });

  it("says no such file, naming how it was given", async () => {
    const missing = loadTarget("/nonexistent/envs.yml", "staging", "TENANT_PROMOTE_CONFIG");
    await expect(missing).rejects.toThrow(UsageError);
    await expect(missing).rejects.toThrow(
      /^TENANT_PROMOTE_CONFIG: no such file: \/nonexistent\/envs\.yml$/,
    );
  });
});

describe("environments file across platforms", () => {
  const MIXED = `
groups:
  acme:
    environments:
      - { name: development, fqdn: dev.example.com }
      - { name: staging, fqdn: staging.example.com }
  identity:
    platform: pingone
    environments:
      - { name: development, environmentId: 11111111-1111-4111-8111-111111111111 }
      - { name: staging, environmentId: 22222222-2222-4222-8222-222222222222 }
      - { name: production, environmentId: 33333333-3333-4333-8333-333333333333, promotesFrom: development }
  gis:
    platform: arcgis
    environments:
      - { name: staging, url: https://gis-staging.example.com/arcgis }
      - { name: production, url: https://gis.example.com/arcgis }
`;

  it("gives each target its group's platform; PingOne may promote from any earlier environment", () => {
    const groups = parseTargets(MIXED, "envs.yml");
    const pingone = resolveTarget(groups, "identity/production", "envs.yml");
    expect(pingone).toMatchObject({ platform: "pingone", lower: { name: "development" } });
    expect(resolveTarget(groups, "acme/staging", "envs.yml").platform).toBe("aic");
  });

  it("takes every ArcGIS organization as a target, the first one too: a rollback has no source", () => {
    const groups = parseTargets(MIXED, "envs.yml");
    expect(listTargets(groups)).toContain("gis/staging");
    const gis = resolveTarget(groups, "gis/staging", "envs.yml");
    expect(gis).toMatchObject({ platform: "arcgis", upper: { name: "staging" } });
    expect(gis.lower).toBeUndefined();
  });

  it("names the field a platform needs and an unknown platform", () => {
    expect(
      refused("groups: { g: { platform: pingone, environments: [{ name: a }] } }", "a"),
    ).toMatch(/"a": environmentId is missing/);
    expect(refused("groups: { g: { platform: vms, environments: [{ name: a }] } }", "a")).toMatch(
      /unknown platform "vms"; use one of aic, pingone, arcgis/,
    );
  });
});
