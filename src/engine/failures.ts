import { ApiError, AuthError, NetworkError } from "../aic/errors.js";
import type { FailureReason } from "./types.js";

/** A failure the engine understands: a reason for machines, a message and next steps for humans. */
export class EngineFailure extends Error {
  override readonly name = "EngineFailure";
  constructor(
    readonly reason: FailureReason,
    message: string,
    readonly nextSteps: string[] = [],
    readonly details: {
      lockHolder?: string;
      missingESVs?: string[];
      encryptedSecrets?: string[];
      reportDiff?: string;
    } = {},
  ) {
    super(message);
  }
}

const SUPPORT_STEP =
  "Open a support case with Ping Identity (component: Self-Service Promotion) quoting the error; promotions stay blocked until support clears it.";

export function missingEsvsFailure(
  names: string[],
  upperOrigin: string,
  action: string,
): EngineFailure {
  const list =
    names.length > 0 ? names.map((n) => `  - ${n}`).join("\n") : "  (the tenant did not name them)";
  return new EngineFailure(
    "missing-esvs",
    `The ${action} stopped: configuration references ESVs that ${upperOrigin} does not have:\n${list}`,
    [
      `Create each ESV listed above in the upper environment (${upperOrigin}), with the value it needs there.`,
      "Run again; the lock this run took has been released.",
    ],
    { missingESVs: names },
  );
}

export function encryptedSecretsFailure(files: string[], action: string): EngineFailure {
  const list =
    files.length > 0
      ? files.map((f) => `  - ${f.replace(/^\*\s*/, "")}`).join("\n")
      : "  (the tenant did not name them)";
  return new EngineFailure(
    "encrypted-secrets",
    `The ${action} stopped: encrypted values were found in the configuration at:\n${list}`,
    [
      "If a value is there by accident: create an ESV secret holding it in every environment (development, staging, production), reference the ESV in the configuration, and run again.",
      "If the values are there on purpose: run again with --ignore-encrypted-secrets (action input ignore-encrypted-secrets: true).",
    ],
    { encryptedSecrets: files },
  );
}

export function blockingFailure(message: string | undefined, action: string): EngineFailure {
  return new EngineFailure(
    "blocking-error",
    `The ${action} failed with a blocking error${message ? ` ("${message}")` : ""}; the environment refuses further promotions and rollbacks.`,
    [SUPPORT_STEP],
  );
}

export function apiStepFailure(message: string | undefined, action: string): EngineFailure {
  return new EngineFailure(
    "api-error",
    `The ${action} ended in ERROR${message ? ` ("${message}")` : ""}.`,
    ["Read the status with `tenant-promote status`, fix the cause, and run again.", SUPPORT_STEP],
  );
}

/** Maps anything thrown during a run to a reason, keeping EngineFailures as they are. */
export function classifyError(error: unknown): EngineFailure {
  if (error instanceof EngineFailure) return error;
  if (
    error instanceof AuthError ||
    (error instanceof ApiError && (error.status === 401 || error.status === 403))
  ) {
    return new EngineFailure("auth", (error as Error).message, [
      "Check the access token, or the service account id and key, of the environment named above.",
      "The service account needs the fr:idc:promotion:* scope.",
    ]);
  }
  if (error instanceof ApiError || error instanceof NetworkError) {
    return new EngineFailure("api-error", error.message, [
      "Check that the environment URL is right and reachable, then run again.",
    ]);
  }
  const message = error instanceof Error ? error.message : String(error);
  return new EngineFailure("api-error", message);
}
