// ArcGIS failures in the platform's words: what each means and how to get past it.
import { classifyError as classifyAny, EngineFailure } from "../../core/run/failure.js";
import { ArcGisError } from "./errors.js";
import type { JobMessage, UpgradeStatus } from "./types.js";

const AUTH_HINTS = [
  "Check arcgis-username and arcgis-password (or arcgis-token).",
  "The account needs to be the default administrator, or hold the Security and infrastructure or the Servers administrative privilege.",
];

export function classifyError(error: unknown): EngineFailure {
  // 498/499 (invalid or missing token) still there after the client's fresh-token retry, and a
  // refused privilege, which ArcGIS answers with HTTP 200 and the code in the body.
  if (
    error instanceof ArcGisError &&
    (error.authExpired || error.code === 401 || error.code === 403)
  )
    return new EngineFailure("auth", error.message, AUTH_HINTS);
  return classifyAny(error, {
    platform: "arcgis",
    auth: AUTH_HINTS,
    unreachable: [
      "Check arcgis-url (https://<host>/<context>) and that the organization is up, then run again.",
    ],
  });
}

export function lastMessages(status: UpgradeStatus | undefined, count = 5): string[] {
  return (status?.messages ?? []).slice(-count).map(messageLine);
}

/** HH:MM:SS (UTC) of an epoch-milliseconds time, as job lines show it. */
export function clock(ms: number): string {
  return new Date(ms).toISOString().slice(11, 19);
}

export function messageLine(m: JobMessage): string {
  const at = m.when === undefined ? "" : `${clock(m.when)} `;
  return `${at}${m.message}`;
}

export function jobFailed(
  status: UpgradeStatus | undefined,
  what: string,
  statusCommand: string,
): EngineFailure {
  const lines = lastMessages(status);
  return new EngineFailure(
    "job-failed",
    `${what}; the last messages:\n${lines.length > 0 ? lines.map((l) => `  - ${l}`).join("\n") : "  (none)"}`,
    [
      `Read the job's state with: ${statusCommand}`,
      "Esri advises contacting Technical Support before trying the rollback again.",
    ],
    { extra: { jobState: status?.state ?? null, lastMessages: lines } },
  );
}

export function jobInProgress(status: UpgradeStatus, orgUrl: string): EngineFailure {
  const follow = `tenant-promote status --platform arcgis --arcgis-url ${orgUrl}`;
  const lines = lastMessages(status, 2);
  return new EngineFailure(
    "lock-conflict",
    `An upgrade or rollback job is in progress on ${orgUrl}${lines.length > 0 ? ` (${lines.join("; ")})` : ""}; nothing was sent.`,
    [
      "Wait for it to end, then run again (or pass lock-wait, e.g. 60m, to keep trying).",
      `Follow it with: ${follow}`,
    ],
    { lockHolder: "upgrades job" },
  );
}
