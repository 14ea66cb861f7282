// How the CLI's emulator options reach an emulator that serves one origin (PingOne, ArcGIS).
import { describe, expect, it } from "vitest";
import { oneOriginEmulatorOptions } from "../../src/platforms/common.js";

const load = (path: string) => ({ from: path });

describe("oneOriginEmulatorOptions", () => {
  it("takes the port option, the speed and the scenario file", () => {
    const options = oneOriginEmulatorOptions(
      { raw: { "pingone-port": "9400" }, scenarioFile: "s.yaml", speed: 60 },
      "pingone-port",
      load,
    );
    expect(options).toEqual({
      port: 9400,
      speed: 60,
      logger: undefined,
      scenario: { from: "s.yaml" },
    });
  });

  it("picks a free port for the demo or without a port option, and the built-in scenario without a file", () => {
    const demo = { raw: { "arcgis-port": "9400" }, ephemeralPorts: true };
    expect(oneOriginEmulatorOptions(demo, "arcgis-port", load)).toMatchObject({ port: 0 });
    expect(oneOriginEmulatorOptions({ raw: {} }, "arcgis-port", load)).toMatchObject({
      port: 0,
      scenario: undefined,
    });
  });

  it("refuses a port that is not one", () => {
    expect(() =>
      oneOriginEmulatorOptions({ raw: { "arcgis-port": "70000" } }, "arcgis-port", load),
    ).toThrow('--arcgis-port must be a port number (0 for any free one), got "70000"');
  });
});
