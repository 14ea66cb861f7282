// The text printed when the PingOne emulator starts: where it listens, which environments it
// holds and the credentials that work.
import type { RunningPingOneEmulator } from "./types.js";

export function formatPingOneEmulatorBanner(running: RunningPingOneEmulator): string {
  const app = running.workerApp;
  const width = Math.max(...running.environments.map((e) => e.name.length));
  const home =
    running.environments.find((e) => e.id === app.environmentId)?.name ?? app.environmentId;
  const method = app.tokenEndpointAuthMethod.toLowerCase();
  return [
    `Emulated PingOne Platform promotions API (speed x${running.speed})`,
    `  API:            ${running.apiUrl}`,
    `  token endpoint: ${running.tokenUrl}`,
    `  worker app:     client id ${app.clientId}, secret ${app.clientSecret} (${method}), in ${home}`,
    `  static token:   ${running.accessTokens[0] ?? "(none: use the worker app)"}`,
    "  environments:",
    ...running.environments.map((e) => `    ${e.name.padEnd(width)}  ${e.id}`),
  ].join("\n");
}
