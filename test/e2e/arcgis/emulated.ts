// The CLI's end-to-end tests on ArcGIS: ../platform-cli.ts with the ArcGIS emulator and
// `--platform arcgis`, the administrator in CI-style variables; and what ArcGIS tests check with.
import {
  type ArcGisRequestRecord,
  type ArcGisScenario,
  defaultArcGisScenario,
  loadArcGisScenario,
  loadArcGisScenarioFile,
  type RunningArcGisEmulator,
  startArcGisEmulator,
} from "../../../src/platforms/arcgis/emulator/index.js";
import { type PlatformCli, platformCli, platformScenarios } from "../platform-cli.js";

export { allOutput, parseJson } from "../emulated.js";

/** A rollback (about 417 real seconds) takes about 0.7 s at this speed. */
export const SPEED = 600;
export const UPGRADES = "/arcgis/admin/system/upgrades";
export const ROLLBACK = `${UPGRADES}/rollback`;
export const TOKEN_PATH = "/arcgis/sharing/rest/generateToken";
/** The default scenario: 11.5.0.6825 current, 6820 the newest version to go back to. */
export const CURRENT = "pat_23102025_6825";
export const PREVIOUS = "pat_07102025_6820";

export type ArcGisE2e = PlatformCli<RunningArcGisEmulator, ArcGisScenario>;

export const it = platformCli({
  platform: "arcgis",
  defaultScenario: defaultArcGisScenario,
  speed: SPEED,
  start: (scenario, speed) => startArcGisEmulator({ scenario, speed }),
  ciEnv,
});

const scenarios = platformScenarios("arcgis/", loadArcGisScenario, loadArcGisScenarioFile);
/** One of scenarios/arcgis/*.yaml. */
export const shippedScenario = scenarios.shipped;
/** A scenario built on the default one. */
export const onDefault = scenarios.onDefault;

/** What a CI job would set: the organization and its administrator. */
export function ciEnv(emulator: RunningArcGisEmulator): Record<string, string> {
  return {
    TENANT_PROMOTE_ARCGIS_URL: emulator.orgUrl,
    TENANT_PROMOTE_ARCGIS_USERNAME: emulator.credentials.username,
    TENANT_PROMOTE_ARCGIS_PASSWORD: emulator.credentials.password,
  };
}

/** Requests by method and path below the organization's upgrades resource ("" for itself). */
export function calls(
  emulator: RunningArcGisEmulator,
  method: string,
  below?: string,
): ArcGisRequestRecord[] {
  const path = below === undefined ? undefined : below === "" ? UPGRADES : `${UPGRADES}/${below}`;
  return emulator.requests.filter(
    (r) => r.method === method && (path === undefined || r.path === path),
  );
}

/** Every rollback POST that reached the emulator (answered or not). */
export const rollbacks = (emulator: RunningArcGisEmulator) => calls(emulator, "POST", "rollback");
export const tokens = (emulator: RunningArcGisEmulator) =>
  emulator.requests.filter((r) => r.path === TOKEN_PATH);

/** The job messages the CLI logged ("[job] HH:MM:SS <message>"), in order, trimmed. */
export function loggedMessages(stderr: string): string[] {
  return stderr
    .split("\n")
    .map((line) => /\[job\] \d\d:\d\d:\d\d (.*)$/.exec(line)?.[1]?.trim())
    .filter((m): m is string => m !== undefined);
}

/** The job's messages as the emulator holds them, trimmed. */
export function jobMessages(emulator: RunningArcGisEmulator): string[] {
  return (emulator.state().job.messages ?? []).map((m) => m.message.trim());
}
