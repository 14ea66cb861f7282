// PingOne Platform as the faces see it: its modes, inputs, environments-file fields, and a
// connection that runs the procedure or settles a promotion an earlier run left behind.

import { StaticTokenSource } from "../../core/auth/static-token.js";
import type { TokenSource } from "../../core/auth/token-source.js";
import { connectionFrom, modesOf } from "../../core/run/connection.js";
import type { Logger } from "../../core/util/log.js";
import { UsageError } from "../../core/util/usage-error.js";
import { asUsageError, checkTimeScale } from "../common.js";
import type { FileEnvironment, InputSpec, Platform, RawInputs } from "../platform.js";
import { ClientCredentialsTokenSource } from "./auth.js";
import { PingOneClient } from "./client.js";
import { PINGONE_INPUTS, type PingOneConfig, validatePingOne } from "./inputs.js";
import { PINGONE_MODE_WORK, pingOneProcedure } from "./procedure.js";
import { environmentConsoleUrl } from "./region.js";

const EMULATOR_INPUTS: readonly InputSpec[] = [
  {
    name: "pingone-port",
    type: "string",
    env: ["TENANT_PROMOTE_EMULATOR_PINGONE_PORT"],
    placeholder: "PORT",
    default: "8473",
    help: "emulator: port of the PingOne API and token endpoint.",
  },
];

function tokenSource(config: PingOneConfig, logger: Logger): TokenSource {
  const credentials = config.credentials;
  if (credentials.kind === "token")
    return new StaticTokenSource(credentials.accessToken, "PingOne access token");
  return new ClientCredentialsTokenSource({
    authOrigin: config.authOrigin,
    environmentId: credentials.environmentId,
    clientId: credentials.clientId,
    clientSecret: credentials.clientSecret,
    logger,
    requestTimeoutMs: config.requestTimeoutMs,
  });
}

function checkFileEnvironment(env: FileEnvironment): string | undefined {
  if (typeof env.environmentId !== "string" || env.environmentId.trim() === "")
    return "environmentId is missing";
  return undefined;
}

/** Fills the environment ids (and the API URL) from the file; a different id given is refused. */
function applyFileTarget(
  raw: RawInputs,
  target: FileEnvironment,
  source: FileEnvironment | undefined,
  name: (input: string) => string,
  describe: string,
): void {
  for (const [input, env] of [
    ["target-environment-id", target],
    ["source-environment-id", source],
  ] as const) {
    if (!env) continue;
    const fromFile = String(env.environmentId).trim();
    const given = raw[input];
    if (
      typeof given === "string" &&
      given.trim() !== "" &&
      given.trim().toLowerCase() !== fromFile.toLowerCase()
    )
      throw new UsageError(
        `${name(input)} (${given}) contradicts ${describe}, whose environment ${env.name} is ${fromFile}; drop ${name(input)} or fix the file`,
      );
    raw[input] = fromFile;
  }
  const apiUrl = typeof target.apiUrl === "string" ? target.apiUrl : undefined;
  if (apiUrl && !raw["pingone-api-url"]) raw["pingone-api-url"] = apiUrl;
}

export const pingOnePlatform: Platform = {
  id: "pingone",
  title: "PingOne Platform",
  modes: modesOf(PINGONE_MODE_WORK),
  modeHelp: {
    preview: "Create a promotion, wait for its plan, report it, delete it. Nothing runs.",
    "dry-run": "As preview, after checking no promotion to the target is in progress.",
    promote: "Create, plan, report, execute (unless the plan is empty), follow to COMPLETED.",
    "rollback-preview":
      "Ask for the rollback of the last executed promotion, report its plan, delete it. Nothing runs.",
    rollback: "Roll that promotion back: the rollback promotion is planned, executed, followed.",
    status: "The source environment's promotions to the target, newest first. Read only.",
    unlock: "Delete the draft promotion --promotion-id a crashed run left behind.",
  },
  inputs: PINGONE_INPUTS,
  promotionIdForm: "uuid",
  emulatorInputs: EMULATOR_INPUTS,
  needsSource: true,
  sequentialOnly: false,
  checkFileEnvironment,
  applyFileTarget,
  configure(raw, common, name) {
    const config = validatePingOne(raw, common, name);
    checkTimeScale(common, [config.apiOrigin, config.authOrigin], name);
    const target = config.targetEnvironmentId;
    return {
      common: config,
      place: {
        target,
        source: config.sourceEnvironmentId,
        commentKey: `pingone:${target ?? config.sourceEnvironmentId}`,
        consoleUrl: target && environmentConsoleUrl(config.apiOrigin, target),
      },
      connect(logger) {
        const tokens = asUsageError(() => tokenSource(config, logger));
        const api = new PingOneClient({
          apiUrl: config.apiOrigin,
          sourceEnvironmentId: config.sourceEnvironmentId,
          tokens,
          logger,
          requestTimeoutMs: config.requestTimeoutMs,
        });
        return connectionFrom(config, () => tokens.secrets(), pingOneProcedure(api, config));
      },
    };
  },
  emulator: async () => (await import("./emulator-entry.js")).pingOneEmulatorEntry,
};
