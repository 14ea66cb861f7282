// AIC failures in Ping Identity's words: what each means and how to get past it.
import { classifyError as classifyAny, EngineFailure } from "../../core/run/failure.js";

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
    { extra: { missingESVs: names } },
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
    { extra: { encryptedSecrets: files } },
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

/** Maps anything thrown during an AIC run to a reason, keeping EngineFailures as they are. */
export function classifyError(error: unknown): EngineFailure {
  return classifyAny(error, {
    platform: "aic",
    auth: [
      "Check the access token, or the service account id and key, of the environment named above.",
      "The service account needs the fr:idc:promotion:* scope.",
    ],
    unreachable: ["Check that the environment URL is right and reachable, then run again."],
  });
}
