// --time-scale below 1 exists for sped-up emulators: against a real environment it would poll up
// to 60 times too often, so every platform refuses it before any request.
import { describe, expect, it } from "vitest";
import type { Mode } from "../../src/core/run/types.js";
import { UsageError } from "../../src/core/util/usage-error.js";
import { validateCommon } from "../../src/platforms/common.js";
import type { RawInputs } from "../../src/platforms/platform.js";
import { platformById } from "../../src/platforms/registry.js";

const SOURCE = "11111111-1111-4111-8111-111111111111";
const TARGET = "22222222-2222-4222-8222-222222222222";

/** Each platform's inputs for a real environment and for its emulator on this machine. */
const PLACES: Record<string, { real: RawInputs; emulator: RawInputs; host: string }> = {
  aic: {
    real: { "upper-fqdn": "openam-acme-staging.forgeblocks.com", "upper-access-token": "t" },
    emulator: { "upper-fqdn": "http://127.0.0.1:8472", "upper-access-token": "t" },
    host: "openam-acme-staging.forgeblocks.com",
  },
  pingone: {
    real: {
      "source-environment-id": SOURCE,
      "target-environment-id": TARGET,
      "pingone-region": "EU",
      "pingone-access-token": "t",
    },
    emulator: {
      "source-environment-id": SOURCE,
      "target-environment-id": TARGET,
      "pingone-api-url": "http://127.0.0.1:8473",
      "pingone-auth-url": "http://localhost:8473",
      "pingone-access-token": "t",
    },
    host: "api.pingone.eu",
  },
  arcgis: {
    real: { "arcgis-url": "https://gis.example.com/arcgis", "arcgis-token": "t" },
    emulator: { "arcgis-url": "http://127.0.0.1:8474/arcgis", "arcgis-token": "t" },
    host: "gis.example.com",
  },
};

const mode: Record<string, Mode> = { aic: "dry-run", pingone: "dry-run", arcgis: "status" };
const flag = (input: string) => `--${input}`;

function configure(id: keyof typeof PLACES, inputs: RawInputs, timeScale: string) {
  const raw = { ...inputs, "time-scale": timeScale };
  const platform = platformById(id);
  const common = validateCommon(mode[id] ?? "status", raw, flag, platform.promotionIdForm);
  return platform.configure(raw, common, flag);
}

describe.each(Object.keys(PLACES) as (keyof typeof PLACES)[])("--time-scale on %s", (id) => {
  const place = PLACES[id] as (typeof PLACES)[string];

  it("below 1 is refused for a real environment, naming --time-scale and the host", () => {
    expect(() => configure(id, place.real, "0.05")).toThrow(UsageError);
    expect(() => configure(id, place.real, "0.05")).toThrow(
      `--time-scale is 0.05: below 1 is only for a local emulator, and ${place.host} is not one; leave it at 1 for a real environment`,
    );
  });

  it("below 1 is accepted for the emulator on this machine; 1 and above anywhere", () => {
    expect(configure(id, place.emulator, "0.05").common.timeScale).toBe(0.05);
    expect(configure(id, place.real, "1").common.timeScale).toBe(1);
    expect(configure(id, place.real, "2").common.timeScale).toBe(2);
  });
});
