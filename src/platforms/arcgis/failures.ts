// ArcGIS failures in the platform's words: what each means and how to get past it.
import { classifyError as classifyAny, EngineFailure } from "../../core/run/failure.js";
import { ArcGisError } from "./errors.js";
import type { ArcGisConfig } from "./inputs.js";
import type { JobMessage, UpgradeStatus } from "./types.js";

const AUTH_HINTS = [
  "Check arcgis-username and arcgis-password (or arcgis-token).",
  "The account needs to be the default administrator, or hold the Security and infrastructure or the Servers administrative privilege.",
];
const INVALID_TOKEN = 498;

/** What a failure hint needs to know of the run: how it authenticates. */
export type AuthFacts = Pick<ArcGisConfig, "credentials" | "referer" | "orgUrl">;

export function classifyError(error: unknown, facts: AuthFacts): EngineFailure {
  // 498 after the client's fresh-token retry: a token was there, and refused on use.
  if (
    error instanceof ArcGisError &&
    (error.code === INVALID_TOKEN || error.status === INVALID_TOKEN)
  )
    return tokenRefused(error, facts);
  // 499 (token required) still there after that retry, and a refused privilege, which ArcGIS
  // answers with HTTP 200 and the code in the body.
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

/**
 * A token obtained or given, then refused (498): most often a referer-bound token used with
 * another Referer header than the one it was minted with. Not the password: generateToken took it.
 */
function tokenRefused(error: ArcGisError, facts: AuthFacts): EngineFailure {
  const { credentials, referer } = facts;
  const binding = `A token minted with client=referer is accepted only on requests whose Referer header equals its referer; this run sends Referer: ${referer} (arcgis-referer).`;
  if (credentials.kind === "token")
    return new EngineFailure(
      "auth",
      `${error.message} The organization refused the token given in arcgis-token. ${binding}`,
      [
        `Set arcgis-referer to the referer the token was minted with, or mint it again with client=referer&referer=${referer}.`,
        "A token minted with client=requestip works only from the IP address it was minted for, so not behind a proxy or NAT whose outgoing address varies.",
        "Check that the token has not expired: mint it for at least the run's timeout plus an hour.",
      ],
    );
  return new EngineFailure(
    "auth",
    `${error.message} The organization refused a token it had just issued to ${credentials.username} for the referer ${referer}, a fresh one too. ${binding}`,
    [
      `Check that nothing between here and ${facts.orgUrl} (a proxy, a gateway) drops or rewrites the Referer header; it must reach the organization as ${referer}.`,
      "Then run again; the password was accepted, so it is not the cause.",
    ],
  );
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
