// Reads the action's inputs (shared by main and post), masking every secret before anything else.
// Every platform's inputs are read; those of a platform other than the chosen one must be empty.
import * as core from "@actions/core";
import { MODES, type Mode } from "../core/run/types.js";
import { UsageError } from "../core/util/usage-error.js";
import { ISSUE_POLICIES, type IssuePolicy } from "../faces/watch-issue.js";
import { COMMON_INPUTS } from "../platforms/common.js";
import type { InputSpec, RawInputs } from "../platforms/platform.js";
import { platformInputs } from "../platforms/registry.js";

export type CommentPolicy = "auto" | "always" | "never";

export interface ActionInputs {
  /** Absent when not given: then the platform's default mode. */
  mode?: Mode;
  /** As given; the environments file may name it instead. */
  platform?: string;
  raw: RawInputs;
  config?: string;
  target?: string;
  githubToken?: string;
  comment: CommentPolicy;
  /** pending: a read-only run keeps the target's watch issue. */
  issue: IssuePolicy;
  requireReviewedReport: boolean;
  /** promote and rollback: the GitHub environment their deployments go to; empty: none. */
  deploymentEnvironment?: string;
}

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

function read(spec: InputSpec): string | boolean | undefined {
  return spec.type === "boolean" ? flag(spec.name) : optional(spec.name);
}

/** Registers every secret input with the runner's log masker; a PEM is masked line by line too. */
export function maskSecretInputs(): string[] {
  const names = [
    ...platformInputs()
      .filter((s) => s.secret)
      .map((s) => s.name),
    "github-token",
  ];
  const secrets: string[] = [];
  for (const name of names) {
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
  // Empty: the platform's default mode, chosen once the platform is known.
  const mode = core.getInput("mode").trim() || undefined;
  if (mode !== undefined && !(MODES as readonly string[]).includes(mode)) {
    throw new UsageError(`${inputName("mode")} is "${mode}"; use one of ${MODES.join(", ")}`);
  }
  const comment = (core.getInput("comment") || "auto").trim();
  if (comment !== "auto" && comment !== "always" && comment !== "never") {
    throw new UsageError(`${inputName("comment")} is "${comment}"; use auto, always or never`);
  }
  const issue = (core.getInput("issue") || "off").trim();
  if (!(ISSUE_POLICIES as readonly string[]).includes(issue)) {
    throw new UsageError(`${inputName("issue")} is "${issue}"; use ${ISSUE_POLICIES.join(" or ")}`);
  }
  const raw: RawInputs = {};
  for (const spec of [...COMMON_INPUTS, ...platformInputs()]) raw[spec.name] = read(spec);
  return {
    mode: mode as Mode | undefined,
    platform: optional("platform")?.trim(),
    raw,
    config: optional("config"),
    target: optional("target"),
    githubToken: optional("github-token"),
    comment,
    issue: issue as IssuePolicy,
    requireReviewedReport: flag("require-reviewed-report"),
    deploymentEnvironment: optional("deployment-environment")?.trim() || undefined,
  };
}
