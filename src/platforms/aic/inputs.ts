// Validates what a user gave (CLI flags, environment, or action inputs) before any network call.
import { environmentOrigin } from "../../core/http/origin.js";
import type { Mode } from "../../core/run/types.js";
import { UsageError } from "../../core/util/usage-error.js";
import type { CommonSettings, InputNamer, InputSpec, RawInputs } from "../platform.js";
import { CONTENT_DIFF_MODES, type ContentDiffMode } from "./content/collect.js";
import { type PreviousReport, readPreviousReport } from "./content/previous.js";
import type { AicRunOptions } from "./options.js";

export const AIC_INPUTS: readonly InputSpec[] = [
  {
    name: "upper-fqdn",
    type: "string",
    env: ["TENANT_PROMOTE_UPPER_FQDN", "TENANT_ENV_UPPER_FQDN"],
    placeholder: "HOST|URL",
    help: "Upper environment (the one promoted to): a host or an https:// URL; http:// only for loopback (the emulator).",
    actionHelp:
      "The upper environment (promoted to): a bare host or an https:// URL; http:// only for loopback hosts (the emulator). Required unless config and target give it.",
  },
  {
    name: "lower-fqdn",
    type: "string",
    env: ["TENANT_PROMOTE_LOWER_FQDN"],
    placeholder: "HOST|URL",
    help: "Lower environment (promoted from); needed by preview.",
  },
  {
    name: "upper-access-token",
    type: "string",
    secret: true,
    env: ["TENANT_PROMOTE_UPPER_ACCESS_TOKEN"],
    placeholder: "TOKEN",
    help: "Ready-made bearer token for the upper environment.",
  },
  {
    name: "lower-access-token",
    type: "string",
    secret: true,
    env: ["TENANT_PROMOTE_LOWER_ACCESS_TOKEN"],
    placeholder: "TOKEN",
    help: "Ready-made bearer token for the lower environment.",
  },
  {
    name: "upper-service-account-id",
    type: "string",
    env: ["TENANT_PROMOTE_UPPER_SERVICE_ACCOUNT_ID", "SERVICE_ACCOUNT_UPPER_ID"],
    placeholder: "ID",
    help: "Service account of the upper environment (preferred over a token).",
  },
  {
    name: "upper-service-account-key",
    type: "string",
    secret: true,
    env: ["TENANT_PROMOTE_UPPER_SERVICE_ACCOUNT_KEY", "SERVICE_ACCOUNT_UPPER_KEY"],
    placeholder: "JWK|PEM",
    help: "Its private key, JWK JSON or PEM. Prefer the environment variable: flags show in process lists.",
    actionHelp: "Its private key: JWK JSON or PKCS#8 PEM. Pass it from a secret.",
  },
  {
    name: "lower-service-account-id",
    type: "string",
    env: ["TENANT_PROMOTE_LOWER_SERVICE_ACCOUNT_ID"],
    placeholder: "ID",
    help: "Service account of the lower environment.",
  },
  {
    name: "lower-service-account-key",
    type: "string",
    secret: true,
    env: ["TENANT_PROMOTE_LOWER_SERVICE_ACCOUNT_KEY"],
    placeholder: "JWK|PEM",
    help: "Its private key, JWK JSON or PEM.",
    actionHelp: "Its private key: JWK JSON or PKCS#8 PEM. Pass it from a secret.",
  },
  {
    name: "ignore-encrypted-secrets",
    type: "boolean",
    env: ["TENANT_PROMOTE_IGNORE_ENCRYPTED_SECRETS"],
    help: "Promote even though the configuration holds encrypted values (ignoreEncryptedSecrets).",
  },
  {
    name: "allow-release-upgrade",
    type: "boolean",
    env: ["TENANT_PROMOTE_ALLOW_RELEASE_UPGRADE"],
    help: "Promote even when the promotion would trigger a release upgrade.",
  },
  {
    name: "skip-unchanged",
    type: "string",
    env: ["TENANT_PROMOTE_SKIP_UNCHANGED"],
    placeholder: "true|false",
    default: "true",
    help: "dry-run and promote, with the lower environment's credentials: read its provisional report first (no lock) and end no-change without locking when it lists nothing. false: always lock.",
  },
  {
    name: "content-diff",
    type: "string",
    env: ["TENANT_PROMOTE_CONTENT_DIFF"],
    placeholder: "auto|off|required",
    default: "auto",
    help: "preview, dry-run, promote: read each changed journey, script and IDM object from both environments and show what changes inside it (needs both environments' credentials with the fr:am:* and fr:idm:* scopes). auto: where readable; off: names only; required: fail when content cannot be read.",
  },
  {
    name: "previous-report",
    type: "string",
    env: ["TENANT_PROMOTE_PREVIOUS_REPORT"],
    placeholder: "FILE",
    help: "rollback-preview, rollback: the JSON report of the promotion being rolled back, as a promote run wrote it; its field diffs then show what the rollback restores.",
  },
];

/** Raw inputs, all optional strings/booleans, named as the user sees them. */
export interface RunInputs {
  mode: Mode;
  upperFqdn?: string;
  lowerFqdn?: string;
  upperAccessToken?: string;
  lowerAccessToken?: string;
  upperServiceAccountId?: string;
  upperServiceAccountKey?: string;
  lowerServiceAccountId?: string;
  lowerServiceAccountKey?: string;
  ignoreEncryptedSecrets?: boolean;
  allowReleaseUpgrade?: boolean;
  skipUnchanged?: string;
  contentDiff?: string;
  previousReport?: string;
  promotionId?: string;
  description?: string;
  promoter?: string;
  timeout?: string;
  lockWait?: string;
  requestTimeout?: string;
  timeScale?: string;
}

export interface Credentials {
  accessToken?: string;
  serviceAccountId?: string;
  serviceAccountKey?: string;
}

export interface EnvironmentConfig {
  origin: string;
  credentials: Credentials;
}

export interface RunConfig extends CommonSettings {
  upper?: EnvironmentConfig;
  lower?: EnvironmentConfig;
  ignoreEncryptedSecrets: boolean;
  allowReleaseUpgrade: boolean;
  /** dry-run and promote: end no-change without locking when the provisional report is empty. */
  skipUnchanged: boolean;
  contentDiff: ContentDiffMode;
  /** rollback-preview and rollback: the reverted promotion's report, read before any request. */
  previousReport?: PreviousReport;
}

function credentials(inputs: RunInputs, env: "upper" | "lower", name: InputNamer): Credentials {
  const token = env === "upper" ? inputs.upperAccessToken : inputs.lowerAccessToken;
  const id = env === "upper" ? inputs.upperServiceAccountId : inputs.lowerServiceAccountId;
  const key = env === "upper" ? inputs.upperServiceAccountKey : inputs.lowerServiceAccountKey;
  if (id && !key)
    throw new UsageError(
      `${name(`${env}-service-account-id`)} is set but ${name(`${env}-service-account-key`)} is missing: give the service account's private key (JWK JSON or PEM)`,
    );
  if (key && !id)
    throw new UsageError(
      `${name(`${env}-service-account-key`)} is set but ${name(`${env}-service-account-id`)} is missing: give the service account's id`,
    );
  if (!token && !id) {
    throw new UsageError(
      `no credentials for the ${env} environment: give ${name(`${env}-service-account-id`)} and ${name(`${env}-service-account-key`)}, or ${name(`${env}-access-token`)}`,
    );
  }
  return id && key ? { serviceAccountId: id, serviceAccountKey: key } : { accessToken: token };
}

/** The AIC inputs by their kebab-case names, as both faces give them. */
export function runInputsOf(mode: RunInputs["mode"], raw: RawInputs): RunInputs {
  const str = (key: string) => (typeof raw[key] === "string" ? (raw[key] as string) : undefined);
  return {
    mode,
    upperFqdn: str("upper-fqdn"),
    lowerFqdn: str("lower-fqdn"),
    upperAccessToken: str("upper-access-token"),
    lowerAccessToken: str("lower-access-token"),
    upperServiceAccountId: str("upper-service-account-id"),
    upperServiceAccountKey: str("upper-service-account-key"),
    lowerServiceAccountId: str("lower-service-account-id"),
    lowerServiceAccountKey: str("lower-service-account-key"),
    ignoreEncryptedSecrets: raw["ignore-encrypted-secrets"] === true,
    allowReleaseUpgrade: raw["allow-release-upgrade"] === true,
    skipUnchanged: str("skip-unchanged"),
    contentDiff: str("content-diff"),
    previousReport: str("previous-report"),
  };
}

/** Whether the lower environment's credentials were given at all (an id, a key or a token). */
function hasLowerCredentials(inputs: RunInputs): boolean {
  return hasCredentials(inputs, "lower");
}

function hasCredentials(inputs: RunInputs, side: "upper" | "lower"): boolean {
  return side === "lower"
    ? Boolean(
        inputs.lowerAccessToken || inputs.lowerServiceAccountId || inputs.lowerServiceAccountKey,
      )
    : Boolean(
        inputs.upperAccessToken || inputs.upperServiceAccountId || inputs.upperServiceAccountKey,
      );
}

function skipUnchanged(inputs: RunInputs, name: InputNamer): boolean {
  const value = (inputs.skipUnchanged ?? "true").trim().toLowerCase();
  if (value === "true" || value === "") return true;
  if (value === "false") return false;
  throw new UsageError(`${name("skip-unchanged")} is "${inputs.skipUnchanged}"; use true or false`);
}

function contentDiff(inputs: RunInputs, name: InputNamer): ContentDiffMode {
  const value = (inputs.contentDiff ?? "auto").trim().toLowerCase() || "auto";
  const mode = CONTENT_DIFF_MODES.find((known) => known === value);
  if (mode) return mode;
  throw new UsageError(
    `${name("content-diff")} is "${inputs.contentDiff}"; use ${CONTENT_DIFF_MODES.join(", ")}`,
  );
}

function previousReport(inputs: RunInputs, name: InputNamer): PreviousReport | undefined {
  const file = inputs.previousReport?.trim();
  if (!file) return undefined;
  if (inputs.mode !== "rollback" && inputs.mode !== "rollback-preview")
    throw new UsageError(
      `${name("previous-report")} is for rollback-preview and rollback (it shows what a rollback restores); drop it for ${inputs.mode}`,
    );
  return readPreviousReport(file, name("previous-report"));
}

/** Checks the environments and credentials the mode needs, after the common inputs. */
export function validateAic(
  inputs: RunInputs,
  common: CommonSettings,
  name: InputNamer,
): RunConfig {
  const needsUpper = inputs.mode !== "preview";
  const needsLower = inputs.mode === "preview";
  // dry-run and promote read the lower environment's provisional report and content when they can.
  const readsLower =
    (inputs.mode === "dry-run" || inputs.mode === "promote") &&
    Boolean(inputs.lowerFqdn) &&
    hasLowerCredentials(inputs);
  // preview compares content with the upper environment when it can read it.
  const readsUpper =
    inputs.mode === "preview" && Boolean(inputs.upperFqdn) && hasCredentials(inputs, "upper");
  let upper: EnvironmentConfig | undefined;
  let lower: EnvironmentConfig | undefined;
  if (needsUpper || readsUpper) {
    if (!inputs.upperFqdn)
      throw new UsageError(
        `${name("upper-fqdn")} is required for ${inputs.mode}: the environment promoted to, e.g. openam-acme-staging.forgeblocks.com`,
      );
    upper = {
      origin: environmentOrigin(inputs.upperFqdn, name("upper-fqdn")),
      credentials: credentials(inputs, "upper", name),
    };
  }
  if (needsLower || readsLower) {
    if (!inputs.lowerFqdn)
      throw new UsageError(
        `${name("lower-fqdn")} is required for preview: the environment promoted from, e.g. openam-acme-dev.forgeblocks.com`,
      );
    lower = {
      origin: environmentOrigin(inputs.lowerFqdn, name("lower-fqdn")),
      credentials: credentials(inputs, "lower", name),
    };
  }
  if (inputs.mode === "unlock" && !common.promotionId) {
    throw new UsageError(
      `unlock needs ${name("promotion-id")}: the id of the lock to release (tenant-promote status shows it)`,
    );
  }
  return {
    ...common,
    upper,
    lower,
    ignoreEncryptedSecrets: inputs.ignoreEncryptedSecrets ?? false,
    allowReleaseUpgrade: inputs.allowReleaseUpgrade ?? false,
    skipUnchanged: skipUnchanged(inputs, name),
    contentDiff: contentDiff(inputs, name),
    previousReport: previousReport(inputs, name),
  };
}

/** The engine options every face passes on unchanged from a validated config. */
export function aicRunSettings(
  config: RunConfig,
): Pick<
  AicRunOptions,
  | "mode"
  | "timeoutMs"
  | "lockWaitMs"
  | "allowReleaseUpgrade"
  | "skipUnchanged"
  | "ignoreEncryptedSecrets"
  | "promotionId"
  | "timeScale"
> {
  return {
    mode: config.mode,
    timeoutMs: config.timeoutMs,
    lockWaitMs: config.lockWaitMs,
    allowReleaseUpgrade: config.allowReleaseUpgrade,
    skipUnchanged: config.skipUnchanged,
    ignoreEncryptedSecrets: config.ignoreEncryptedSecrets,
    promotionId: config.promotionId,
    timeScale: config.timeScale,
  };
}
