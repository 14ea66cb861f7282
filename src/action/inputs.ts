// Reads the action's inputs (shared by main and post), masking every secret before anything else.
import * as core from "@actions/core";
import { MODES, type Mode } from "../core/run/types.js";
import { UsageError } from "../core/util/usage-error.js";
import type { RunInputs } from "../platforms/aic/inputs.js";

export type CommentPolicy = "auto" | "always" | "never";

export interface ActionInputs {
  run: RunInputs;
  config?: string;
  target?: string;
  githubToken?: string;
  comment: CommentPolicy;
  requireReviewedReport: boolean;
}

const SECRET_INPUTS = [
  "upper-access-token",
  "lower-access-token",
  "upper-service-account-key",
  "lower-service-account-key",
  "github-token",
] as const;

/** How errors name an input, so the user knows which `with:` line to fix. */
export const inputName = (name: string) => `input "${name}"`;

function optional(name: string): string | undefined {
  return core.getInput(name) || undefined;
}

function flag(name: string): boolean {
  const value = core.getInput(name).trim().toLowerCase();
  if (value === "" || value === "false") return false;
  if (value === "true") return true;
  throw new UsageError(`${inputName(name)} is "${value}"; use true or false`);
}

/** Registers every secret input with the runner's log masker; a PEM is masked line by line too. */
export function maskSecretInputs(): string[] {
  const secrets: string[] = [];
  for (const name of SECRET_INPUTS) {
    const value = core.getInput(name, { trimWhitespace: false });
    if (!value.trim()) continue;
    secrets.push(value);
    core.setSecret(value);
    if (!value.includes("\n")) continue;
    for (const line of value.split(/\r?\n/)) {
      if (line.trim().length >= 6 && !line.startsWith("-----")) core.setSecret(line.trim());
    }
  }
  return secrets;
}

export function readActionInputs(): ActionInputs {
  const mode = (core.getInput("mode") || "dry-run").trim();
  if (!(MODES as readonly string[]).includes(mode)) {
    throw new UsageError(`${inputName("mode")} is "${mode}"; use one of ${MODES.join(", ")}`);
  }
  const comment = (core.getInput("comment") || "auto").trim();
  if (comment !== "auto" && comment !== "always" && comment !== "never") {
    throw new UsageError(`${inputName("comment")} is "${comment}"; use auto, always or never`);
  }
  const config = optional("config");
  const target = optional("target");
  if (target && !config)
    throw new UsageError(
      `${inputName("target")} is set but ${inputName("config")} is not: name the environments file`,
    );
  if (config && !target)
    throw new UsageError(
      `${inputName("config")} is set but ${inputName("target")} is not: name the upper environment, e.g. staging`,
    );
  return {
    run: {
      mode: mode as Mode,
      upperFqdn: optional("upper-fqdn"),
      lowerFqdn: optional("lower-fqdn"),
      upperAccessToken: optional("upper-access-token"),
      lowerAccessToken: optional("lower-access-token"),
      upperServiceAccountId: optional("upper-service-account-id"),
      upperServiceAccountKey: optional("upper-service-account-key"),
      lowerServiceAccountId: optional("lower-service-account-id"),
      lowerServiceAccountKey: optional("lower-service-account-key"),
      ignoreEncryptedSecrets: flag("ignore-encrypted-secrets"),
      allowReleaseUpgrade: flag("allow-release-upgrade"),
      promotionId: optional("promotion-id"),
      description: optional("description"),
      promoter: optional("promoter"),
      timeout: optional("timeout"),
      lockWait: optional("lock-wait"),
      timeScale: optional("time-scale"),
    },
    config,
    target,
    githubToken: optional("github-token"),
    comment,
    requireReviewedReport: flag("require-reviewed-report"),
  };
}
