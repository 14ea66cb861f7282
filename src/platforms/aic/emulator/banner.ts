// The text `tenant-promote emulator` prints on start: where the environments are and how to call them.
import type { RunningAicEmulator } from "./running.js";

export function formatAicEmulatorBanner(running: RunningAicEmulator): string {
  const token = (list: string[]) => list[0] ?? "(none: use a service account)";
  const timeScale = Number((1 / running.speed).toPrecision(3));
  return [
    `Emulated AIC promotions API (speed x${running.speed})`,
    `  lower environment: ${running.lowerUrl}   token: ${token(running.accessTokens.lower)}`,
    `  upper environment: ${running.upperUrl}   token: ${token(running.accessTokens.upper)}`,
    "Try (time-scale matches the emulator's speed):",
    `  tenant-promote dry-run --upper-fqdn ${running.upperUrl} --upper-access-token ${token(running.accessTokens.upper)} --time-scale ${timeScale}`,
  ].join("\n");
}
