// PingOne failures in the platform's words: what each means and how to get past it.
import { classifyError as classifyAny, EngineFailure } from "../../core/run/failure.js";
import type { Promotion, StepError } from "./types.js";

export function classifyError(error: unknown): EngineFailure {
  return classifyAny(error, {
    platform: "pingone",
    auth: [
      "Check the worker application's client id and secret (or the access token), and the environment that holds the app (pingone-client-environment-id).",
      "The worker application needs the Environment Admin role on both the source and the target environment.",
    ],
    unreachable: [
      "Check the API URL (pingone-api-url or pingone-region) and the environment ids, then run again.",
    ],
  });
}

/** Every error a promotion reports, from the promotion itself and from its failed steps. */
export function describeErrors(errors: StepError[]): string[] {
  return errors.map((e) => {
    const where = e.target ? ` (${e.target})` : "";
    const resource = typeof e.resource === "string" ? `${e.resource}: ` : "";
    return `${resource}${e.code ? `${e.code}: ` : ""}${e.message ?? "no message"}${where}`;
  });
}

function listed(lines: string[]): string {
  return lines.length > 0 ? lines.map((l) => `  - ${l}`).join("\n") : "  (PingOne gave no reason)";
}

export function validationFailure(promotion: Promotion, errors: StepError[]): EngineFailure {
  const reasons = describeErrors(errors);
  return new EngineFailure(
    "validation-failed",
    `PingOne could not validate promotion ${promotion.id}:\n${listed(reasons)}`,
    [
      "Fix the resources named above in the source environment (or leave them out with exclude-resources), then run again.",
    ],
    { extra: { validationErrors: errors } },
  );
}

export function executionFailure(
  promotion: Promotion,
  errors: StepError[],
  what: string,
): EngineFailure {
  const reasons = describeErrors(errors);
  return new EngineFailure(
    "promotion-error",
    `The ${what} ${promotion.id} ended in ERROR; ${reasons.length} step(s) failed:\n${listed(reasons)}`,
    [
      "The other steps were applied: check the target environment.",
      "Fix the cause and promote again, or roll this promotion back (mode rollback).",
    ],
    { extra: { stepErrors: errors } },
  );
}

/** `ownDraft`: the draft this run created before the conflict appeared (it is deleted). */
export function conflictFailure(
  other: Promotion,
  target: string,
  ownDraft?: string,
): EngineFailure {
  const ours = ownDraft
    ? `this run's draft ${ownDraft} is deleted, nothing was executed`
    : "this run created nothing";
  return new EngineFailure(
    "lock-conflict",
    `Promotion ${other.id} to ${target} is ${other.status}; ${ours}, and that promotion was left alone.`,
    [
      "Wait for it to finish, then run again (or pass lock-wait, e.g. 15m, to keep trying).",
      "See it with: tenant-promote status --platform pingone",
    ],
    { lockHolder: other.id },
  );
}
