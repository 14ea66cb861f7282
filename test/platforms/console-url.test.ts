// Each platform's admin console for its target: the action's `environment-url` output, which
// workflows hand to `environment.url` so that the Environments page links to the tenant.
import { describe, expect, it } from "vitest";
import type { Mode } from "../../src/core/run/types.js";
import { validateCommon } from "../../src/platforms/common.js";
import type { RawInputs } from "../../src/platforms/platform.js";
import { platformById } from "../../src/platforms/registry.js";

const SOURCE = "11111111-1111-4111-8111-111111111111";
const TARGET = "22222222-2222-4222-8222-222222222222";
const flag = (input: string) => `--${input}`;

function consoleUrl(id: string, mode: Mode, raw: RawInputs): string | undefined {
  const platform = platformById(id);
  const common = validateCommon(mode, raw, flag, platform.promotionIdForm);
  return platform.configure(raw, common, flag).place.consoleUrl;
}

const pingOne = (more: RawInputs) =>
  consoleUrl("pingone", "promote", {
    "source-environment-id": SOURCE,
    "target-environment-id": TARGET,
    "pingone-access-token": "t",
    ...more,
  });

describe("the target's admin console", () => {
  it("AIC: the upper tenant's platform admin UI", () => {
    const raw = { "upper-fqdn": "openam-acme-prod.forgeblocks.com", "upper-access-token": "t" };
    expect(consoleUrl("aic", "promote", raw)).toBe(
      "https://openam-acme-prod.forgeblocks.com/platform/",
    );
  });

  it("AIC: none when the run names no upper tenant (preview reads the lower one only)", () => {
    const raw = { "lower-fqdn": "openam-acme-dev.forgeblocks.com", "lower-access-token": "t" };
    expect(consoleUrl("aic", "preview", raw)).toBeUndefined();
  });

  it.each([
    ["NA", "https://console.pingone.com"],
    ["EU", "https://console.pingone.eu"],
    ["CA", "https://console.pingone.ca"],
    ["AP", "https://console.pingone.asia"],
    ["AU", "https://console.pingone.com.au"],
    ["SG", "https://console.pingone.sg"],
  ])("PingOne in region %s: the target environment in %s", (region, host) => {
    expect(pingOne({ "pingone-region": region })).toBe(`${host}/?env=${TARGET}`);
  });

  it("PingOne behind another API URL (the emulator): that origin", () => {
    const url = pingOne({
      "pingone-api-url": "http://127.0.0.1:8473",
      "pingone-auth-url": "http://127.0.0.1:8473",
    });
    expect(url).toBe(`http://127.0.0.1:8473/?env=${TARGET}`);
  });

  it("ArcGIS: the organization's Enterprise Manager", () => {
    const raw = { "arcgis-url": "https://gis.example.com/arcgis/", "arcgis-token": "t" };
    expect(consoleUrl("arcgis", "rollback", raw)).toBe("https://gis.example.com/arcgis/manager/");
  });
});
