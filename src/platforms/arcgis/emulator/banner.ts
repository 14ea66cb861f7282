// The text printed when the ArcGIS emulator starts: where it listens, the credentials that work
// and the versions it holds.
import type { RunningArcGisEmulator } from "./types.js";

export function formatArcGisEmulatorBanner(running: RunningArcGisEmulator): string {
  const state = running.state();
  const { username, password } = running.credentials;
  const patches = state.installed.length - 1;
  return [
    `Emulated ArcGIS Enterprise on Kubernetes upgrades API (speed x${running.speed})`,
    `  organization:   ${running.orgUrl}`,
    `  generateToken:  ${running.orgUrl}/sharing/rest/generateToken`,
    `  upgrades:       ${running.orgUrl}/admin/system/upgrades`,
    `  administrator:  ${username} / ${password}`,
    `  static token:   ${running.accessTokens[0] ? `${running.accessTokens[0]} (referer ${running.scenario.tokenReferer})` : "(none: use generateToken)"}`,
    `  current:        ${state.currentVersion} (${state.current}), ${patches} patch(es) installed`,
    `  rollback to:    ${state.installed.slice(0, -1).reverse().join(", ") || "(nothing)"}`,
    `  available:      ${state.available.join(", ") || "(nothing)"}`,
  ].join("\n");
}
