// ArcGIS Enterprise on Kubernetes as the faces see it: patch rollback (status, rollback-preview,
// rollback), its inputs, environments-file fields, and a connection that runs the procedure or
// reports on a job an earlier run started.
import { StaticTokenSource } from "../../core/auth/static-token.js";
import type { TokenSource } from "../../core/auth/token-source.js";
import { connectionFrom, modesOf } from "../../core/run/connection.js";
import type { Logger } from "../../core/util/log.js";
import { UsageError } from "../../core/util/usage-error.js";
import { asUsageError, checkTimeScale } from "../common.js";
import type { FileEnvironment, InputSpec, Platform, RawInputs } from "../platform.js";
import { GenerateTokenSource } from "./auth.js";
import { ArcGisClient } from "./client.js";
import { ARCGIS_INPUTS, type ArcGisConfig, validateArcGis } from "./inputs.js";
import { ARCGIS_MODE_WORK, arcGisProcedure } from "./procedure.js";
import { arcGisUrls } from "./url.js";

const EMULATOR_INPUTS: readonly InputSpec[] = [
  {
    name: "arcgis-port",
    type: "string",
    env: ["TENANT_PROMOTE_EMULATOR_ARCGIS_PORT"],
    placeholder: "PORT",
    default: "8474",
    help: "emulator: port of the ArcGIS organization.",
  },
];

/** The token must outlast the run: its timeout, plus an hour for the post step and slack. */
function tokenSource(config: ArcGisConfig, logger: Logger): TokenSource {
  const credentials = config.credentials;
  if (credentials.kind === "token") return new StaticTokenSource(credentials.token, "ArcGIS token");
  return new GenerateTokenSource({
    orgUrl: config.orgUrl,
    username: credentials.username,
    password: credentials.password,
    referer: config.referer,
    lifetimeMs: config.timeoutMs + 60 * 60_000,
    logger,
    requestTimeoutMs: config.requestTimeoutMs,
  });
}

function checkFileEnvironment(env: FileEnvironment): string | undefined {
  return typeof env.url === "string" && env.url.trim() !== "" ? undefined : "url is missing";
}

/** A rollback acts on one organization: the file's target names it. */
function applyFileTarget(
  raw: RawInputs,
  target: FileEnvironment,
  _source: FileEnvironment | undefined,
  name: (input: string) => string,
  describe: string,
): void {
  const fromFile = String(target.url).trim();
  const given = raw["arcgis-url"];
  if (
    typeof given === "string" &&
    given.trim() !== "" &&
    arcGisUrls(given, name("arcgis-url")).orgUrl !== arcGisUrls(fromFile, describe).orgUrl
  )
    throw new UsageError(
      `${name("arcgis-url")} (${given}) contradicts ${describe}, whose organization ${target.name} is ${fromFile}; drop ${name("arcgis-url")} or fix the file`,
    );
  raw["arcgis-url"] = fromFile;
}

export const arcGisPlatform: Platform = {
  id: "arcgis",
  title: "ArcGIS Enterprise on Kubernetes",
  modes: modesOf(ARCGIS_MODE_WORK),
  modeHelp: {
    "rollback-preview":
      "The versions checkRollback offers, and the patches going back to one removes.",
    rollback:
      "Roll back to --rollback-to (default the version before the current), follow the job to its end.",
    status:
      "Current version, installed patches, the upgrades job and its last messages. Read only.",
  },
  inputs: ARCGIS_INPUTS,
  promotionIdForm: "none",
  emulatorInputs: EMULATOR_INPUTS,
  needsSource: false,
  sequentialOnly: false,
  checkFileEnvironment,
  applyFileTarget,
  configure(raw, common, name) {
    const config = validateArcGis(raw, common, name);
    checkTimeScale(common, [config.orgUrl], name);
    return {
      common: config,
      place: {
        target: config.orgUrl,
        commentKey: `arcgis:${config.orgUrl}`,
        // Enterprise Manager, the organization's admin app.
        consoleUrl: `${config.orgUrl}/manager/`,
      },
      connect(logger) {
        const tokens = asUsageError(() => tokenSource(config, logger));
        const api = new ArcGisClient({
          orgUrl: config.orgUrl,
          referer: config.referer,
          tokens,
          logger,
          requestTimeoutMs: config.requestTimeoutMs,
        });
        return connectionFrom(config, () => tokens.secrets(), arcGisProcedure(api, config));
      },
    };
  },
  emulator: async () => (await import("./emulator-entry.js")).arcGisEmulatorEntry,
};
