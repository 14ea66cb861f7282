import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import {
  defaultArcGisScenario,
  formatArcGisEmulatorBanner,
  loadArcGisScenario,
  loadArcGisScenarioFile,
} from "../../../../src/platforms/arcgis/emulator/index.js";
import { start } from "./helpers.js";

const dir = fileURLToPath(new URL("../../../../scenarios/arcgis/", import.meta.url));

describe("ArcGIS scenarios", () => {
  it("scenarios/arcgis/default.yaml is the built-in default scenario", () => {
    expect(loadArcGisScenarioFile(`${dir}default.yaml`)).toEqual(defaultArcGisScenario());
  });

  it("every shipped scenario loads, and each but the default changes something", () => {
    const files = readdirSync(dir).filter((f) => f.endsWith(".yaml"));
    expect(files.length).toBeGreaterThanOrEqual(12);
    const base = defaultArcGisScenario();
    for (const file of files.filter((f) => f !== "default.yaml"))
      expect(loadArcGisScenarioFile(`${dir}${file}`), file).not.toEqual(base);
  });

  it("the default: context, administrator, static token, speed and the 11.5 chain", () => {
    const scenario = defaultArcGisScenario();
    expect(scenario).toMatchObject({
      speed: 60,
      context: "arcgis",
      credentials: { username: "admin", password: "emulator-password" },
      accessTokens: ["emulator-token"],
      tokenReferer: "tenant-promote",
      maxTokenLifetimeMinutes: 20160,
      tokenErrorsAsHttpStatus: false,
      checkRollbackOrder: "newest-first",
    });
    const { release, patches, installedCount } = scenario.versions;
    expect([release.id, release.version, release.build]).toEqual([
      "rel_24062025_6745",
      "11.5.0",
      "6745",
    ]);
    expect(patches.map((p) => p.id)).toEqual([
      "pat_12082025_6805",
      "pat_11092025_6815",
      "pat_07102025_6820",
      "pat_23102025_6825",
      "pat_04122025_6835",
    ]);
    expect(installedCount).toBe(4);
    const { launchSeconds, preparationSeconds, postUpgradeSeconds, modules } = scenario.timings;
    const total = launchSeconds + preparationSeconds + postUpgradeSeconds;
    const seconds = total + modules.reduce((sum, m) => sum + m.seconds, 0);
    expect(seconds / 60).toBeCloseTo(7, 0);
  });

  it.each([
    ["speeed: 2", /unknown field speeed/],
    ["base: default\nrelease: { id: pat_24062025_6745 }", /release.id must look like rel_/],
    ['base: default\nrelease: { version: "11.5" }', /release.version must look like 11.5.0/],
    [
      "base: default\npatches: { installed: [pat_31022025_6900] }",
      /patches.installed\[0\] must look like pat_/,
    ],
    [
      "base: default\npatches: { installed: [pat_12082025_6805, pat_12082025_6805] }",
      /patches.installed\[1\] repeats pat_12082025_6805/,
    ],
    [
      "base: default\npatches: { installed: [pat_12082025_6815, pat_11092025_6805] }",
      /build 6805 must be above the build before it \(6815\)/,
    ],
    ["base: default\ncontext: a/b", /context must be one path segment/],
    ["base: default\noperationErrorForm: html", /operationErrorForm must be error or status/],
    [
      "base: default\ncheckRollbackOrder: random",
      /checkRollbackOrder must be one of newest-first, oldest-first, shuffled, got random/,
    ],
    ['base: default\ntokenReferer: ""', /tokenReferer must be a non-empty string/],
    ["base: default\ntimings: { modules: [] }", /timings.modules must name at least one module/],
    [
      "base: default\nfaults: { podRestarts: [{ reply: html }] }",
      /forSeconds must be a number greater than 0/,
    ],
    [
      "base: default\nfaults: { podRestarts: [{ forSeconds: 1, reply: page }] }",
      /reply must be html, json, refuse/,
    ],
    [
      "base: default\nfaults: { jobFailure: { module: db } }",
      /faults.jobFailure.module must be one of: apps/,
    ],
    [
      "base: default\nfaults: { jobInProgress: { to: pat_07102025_6820 } }",
      /pat_07102025_6820 is not a version to upgrade to/,
    ],
    ["base: default\nfaults: { httpErrors: [{ status: 503, env: admin }] }", /env is not used/],
    ["speed: [", /not valid YAML/],
  ])("names the field in errors: %s", (yamlText, message) => {
    expect(() => loadArcGisScenario(yamlText)).toThrow(message);
  });

  it("the banner names the URLs, the credentials and the versions", async () => {
    const emulator = await start();
    const banner = formatArcGisEmulatorBanner(emulator);
    expect(emulator.orgUrl).toBe(`${emulator.origin}/arcgis`);
    expect(banner).toContain(`${emulator.orgUrl}/sharing/rest/generateToken`);
    expect(banner).toContain(`${emulator.orgUrl}/admin/system/upgrades`);
    expect(banner).toContain("admin / emulator-password");
    expect(banner).toContain("emulator-token (referer tenant-promote)");
    expect(banner).toMatch(/11\.5\.0\.6825 \(pat_23102025_6825\)/);
    expect(banner).toMatch(/rollback to: +pat_07102025_6820, pat_11092025_6815/);
  });
});
