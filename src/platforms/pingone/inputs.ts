// PingOne Platform's inputs and their validation, before any request.
import { UsageError } from "../../core/util/usage-error.js";
import { textInput } from "../common.js";
import type { CommonSettings, InputNamer, InputSpec, RawInputs } from "../platform.js";
import { defaultAuthOrigin, pingOneApiOrigin, regionApiUrl } from "./region.js";

export const PINGONE_INPUTS: readonly InputSpec[] = [
  {
    name: "source-environment-id",
    type: "string",
    env: ["TENANT_PROMOTE_SOURCE_ENVIRONMENT_ID"],
    placeholder: "ID",
    help: "The environment promoted from; its promotions are created, listed and rolled back there.",
  },
  {
    name: "target-environment-id",
    type: "string",
    env: ["TENANT_PROMOTE_TARGET_ENVIRONMENT_ID"],
    placeholder: "ID",
    help: "The environment promoted to.",
  },
  {
    name: "pingone-api-url",
    type: "string",
    env: ["TENANT_PROMOTE_PINGONE_API_URL"],
    placeholder: "URL",
    help: "API host (default https://api.pingone.com, or the region's host); http:// only for loopback (the emulator).",
  },
  {
    name: "pingone-region",
    type: "string",
    env: ["TENANT_PROMOTE_PINGONE_REGION", "PINGONE_REGION_CODE"],
    placeholder: "NA|EU|CA|AP|AU|SG",
    help: "The organization's region, when pingone-api-url is not given.",
  },
  {
    name: "pingone-auth-url",
    type: "string",
    env: ["TENANT_PROMOTE_PINGONE_AUTH_URL"],
    placeholder: "URL",
    help: "Token host (default auth.pingone.<tld> beside api.pingone.<tld>, else the API URL's origin).",
  },
  {
    name: "pingone-client-id",
    type: "string",
    env: ["TENANT_PROMOTE_PINGONE_CLIENT_ID", "PINGONE_CLIENT_ID"],
    placeholder: "ID",
    help: "Client id of a worker application with the Environment Admin role on source and target.",
  },
  {
    name: "pingone-client-secret",
    type: "string",
    secret: true,
    env: ["TENANT_PROMOTE_PINGONE_CLIENT_SECRET", "PINGONE_CLIENT_SECRET"],
    placeholder: "SECRET",
    help: "Its client secret. Prefer the environment variable: flags show in process lists.",
    actionHelp: "Its client secret. Pass it from a secret.",
  },
  {
    name: "pingone-client-environment-id",
    type: "string",
    env: ["TENANT_PROMOTE_PINGONE_CLIENT_ENVIRONMENT_ID", "PINGONE_ENVIRONMENT_ID"],
    placeholder: "ID",
    help: "The environment holding the worker application (default: the source environment).",
  },
  {
    name: "pingone-access-token",
    type: "string",
    secret: true,
    env: ["TENANT_PROMOTE_PINGONE_ACCESS_TOKEN"],
    placeholder: "TOKEN",
    help: "A ready-made access token, instead of the worker application's credentials.",
  },
  {
    name: "resources",
    type: "string",
    env: ["TENANT_PROMOTE_RESOURCES"],
    placeholder: "IDS",
    help: "Resource ids to promote, comma- or newline-separated (default: the whole source environment).",
  },
  {
    name: "exclude-resources",
    type: "string",
    env: ["TENANT_PROMOTE_EXCLUDE_RESOURCES"],
    placeholder: "IDS",
    help: "Resource ids to leave out, comma- or newline-separated.",
  },
];

export type PingOneCredentials =
  | { kind: "client"; clientId: string; clientSecret: string; environmentId: string }
  | { kind: "token"; accessToken: string };

export interface PingOneConfig extends CommonSettings {
  apiOrigin: string;
  authOrigin: string;
  sourceEnvironmentId: string;
  /** Absent only for unlock, which needs the source alone. */
  targetEnvironmentId?: string;
  credentials: PingOneCredentials;
  /** Selected resource ids; the source environment's own id selects all of it. */
  resources: string[];
  excludeResources: string[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function environmentId(raw: RawInputs, input: string, name: InputNamer, why: string): string {
  const value = textInput(raw, input);
  if (!value)
    throw new UsageError(
      `${name(input)} is required ${why}: the environment's id, as the console shows under Environment > Properties`,
    );
  if (!UUID.test(value))
    throw new UsageError(`${name(input)} "${value}" is not an environment id (a UUID)`);
  return value.toLowerCase();
}

function idList(raw: RawInputs, input: string, name: InputNamer): string[] {
  const ids = (textInput(raw, input) ?? "")
    .split(/[\s,]+/)
    .map((id) => id.trim())
    .filter(Boolean);
  const bad = ids.find((id) => !UUID.test(id));
  if (bad) throw new UsageError(`${name(input)}: "${bad}" is not a resource id (a UUID)`);
  return [...new Set(ids.map((id) => id.toLowerCase()))];
}

function credentials(raw: RawInputs, source: string, name: InputNamer): PingOneCredentials {
  const clientId = textInput(raw, "pingone-client-id");
  const clientSecret = textInput(raw, "pingone-client-secret");
  const accessToken = textInput(raw, "pingone-access-token");
  if (clientId && !clientSecret)
    throw new UsageError(
      `${name("pingone-client-id")} is set but ${name("pingone-client-secret")} is missing: give the worker application's secret`,
    );
  if (clientSecret && !clientId)
    throw new UsageError(
      `${name("pingone-client-secret")} is set but ${name("pingone-client-id")} is missing: give the worker application's client id`,
    );
  if (clientId && clientSecret) {
    const given = textInput(raw, "pingone-client-environment-id");
    const environmentId =
      given === undefined
        ? source
        : UUID.test(given)
          ? given.toLowerCase()
          : (() => {
              throw new UsageError(
                `${name("pingone-client-environment-id")} "${given}" is not an environment id (a UUID)`,
              );
            })();
    return { kind: "client", clientId, clientSecret, environmentId };
  }
  if (accessToken) return { kind: "token", accessToken };
  throw new UsageError(
    `no PingOne credentials: give ${name("pingone-client-id")} and ${name("pingone-client-secret")} (a worker application), or ${name("pingone-access-token")}`,
  );
}

/** Checks what the mode needs; throws UsageError naming the input and the fix. */
export function validatePingOne(
  raw: RawInputs,
  common: CommonSettings,
  name: InputNamer,
): PingOneConfig {
  const mode = common.mode;
  const apiGiven = textInput(raw, "pingone-api-url");
  const region = textInput(raw, "pingone-region");
  const apiOrigin = pingOneApiOrigin(
    apiGiven ?? (region ? regionApiUrl(region, name("pingone-region")) : "https://api.pingone.com"),
    name("pingone-api-url"),
  );
  const authGiven = textInput(raw, "pingone-auth-url");
  const authOrigin = authGiven
    ? pingOneApiOrigin(authGiven, name("pingone-auth-url"))
    : defaultAuthOrigin(apiOrigin);
  const sourceEnvironmentId = environmentId(
    raw,
    "source-environment-id",
    name,
    `for ${mode} (promotions live in the source environment)`,
  );
  const targetEnvironmentId =
    mode === "unlock" && !textInput(raw, "target-environment-id")
      ? undefined
      : environmentId(raw, "target-environment-id", name, `for ${mode}`);
  if (targetEnvironmentId === sourceEnvironmentId)
    throw new UsageError(
      `${name("target-environment-id")} is the source environment itself; name the environment promoted to`,
    );
  if (mode === "unlock" && !common.promotionId)
    throw new UsageError(
      `unlock needs ${name("promotion-id")}: the draft promotion to delete (tenant-promote status --platform pingone lists them)`,
    );
  const resources = idList(raw, "resources", name);
  return {
    ...common,
    apiOrigin,
    authOrigin,
    sourceEnvironmentId,
    targetEnvironmentId,
    credentials: credentials(raw, sourceEnvironmentId, name),
    resources: resources.length > 0 ? resources : [sourceEnvironmentId],
    excludeResources: idList(raw, "exclude-resources", name),
  };
}
