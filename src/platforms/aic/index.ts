// The AIC platform as the faces see it: its modes, inputs, environments-file fields, and a
// connection that runs the procedure or releases a lock left behind.
import { environmentOrigin } from "../../core/http/origin.js";
import { connectionFrom, modesOf } from "../../core/run/connection.js";
import { UsageError } from "../../core/util/usage-error.js";
import { checkTimeScale, textInput } from "../common.js";
import type { Connection, FileEnvironment, InputSpec, Platform, RawInputs } from "../platform.js";
import { createEnvironmentApi, type EnvironmentApi } from "./connect.js";
import { AIC_INPUTS, aicRunSettings, runInputsOf, validateAic } from "./inputs.js";
import { AIC_MODE_WORK, aicProcedure } from "./procedure.js";

/** The emulator's own options: one port per environment. */
const EMULATOR_INPUTS: readonly InputSpec[] = [
  {
    name: "lower-port",
    type: "string",
    env: ["TENANT_PROMOTE_EMULATOR_LOWER_PORT"],
    placeholder: "PORT",
    default: "8471",
    help: "emulator: port of the lower environment.",
  },
  {
    name: "upper-port",
    type: "string",
    env: ["TENANT_PROMOTE_EMULATOR_UPPER_PORT"],
    placeholder: "PORT",
    default: "8472",
    help: "emulator: port of the upper environment.",
  },
];

function checkFileEnvironment(env: FileEnvironment): string | undefined {
  return typeof env.fqdn === "string" && env.fqdn.trim() !== "" ? undefined : "fqdn is missing";
}

/** Fills upper-fqdn and lower-fqdn from the file; a different one given directly is refused. */
function applyFileTarget(
  raw: RawInputs,
  upper: { name: string; fqdn?: unknown },
  lower: { name: string; fqdn?: unknown } | undefined,
  name: (input: string) => string,
  describe: string,
): void {
  for (const [side, env] of [
    ["upper", upper],
    ["lower", lower],
  ] as const) {
    if (!env) continue;
    const input = `${side}-fqdn`;
    const fromFile = String(env.fqdn);
    const given = raw[input];
    if (
      typeof given === "string" &&
      given.trim() !== "" &&
      environmentOrigin(given, name(input)) !== environmentOrigin(fromFile, describe)
    ) {
      throw new UsageError(
        `${name(input)} (${given}) contradicts ${describe}, whose ${side} environment is ${env.name} (${fromFile}); drop ${name(input)} or fix the file`,
      );
    }
    raw[input] = fromFile;
  }
}

/** Why content diffs cannot read one side: the inputs that would let them. */
function missingSide(
  upper: EnvironmentApi | undefined,
  lower: EnvironmentApi | undefined,
  name: (input: string) => string,
): string | undefined {
  const side = !lower ? "lower" : !upper ? "upper" : undefined;
  return side && `give ${name(`${side}-fqdn`)} and the ${side} environment's credentials`;
}

export const aicPlatform: Platform = {
  id: "aic",
  title: "PingOne Advanced Identity Cloud",
  modes: modesOf(AIC_MODE_WORK),
  modeHelp: {
    preview: "What the lower environment would promote (provisional report). No lock.",
    "dry-run": "Lock, dry-run promotion, report, unlock.",
    promote:
      "Release-upgrade check, lock, dry run, promote (unless nothing changed), report, unlock.",
    "rollback-preview": "What a rollback would revert (provisional rollback report). No lock.",
    rollback: "Lock, provisional rollback report, roll back the most recent promotion, unlock.",
    status: "Lock state, promotion status and the list of reports. Read only.",
    unlock: "Release the lock of --promotion-id (recovery after a crashed run).",
  },
  inputs: AIC_INPUTS,
  promotionIdForm: "uuid",
  needsSource: true,
  sequentialOnly: true,
  checkFileEnvironment,
  applyFileTarget,
  configure(raw, common, name) {
    const config = validateAic(runInputsOf(common.mode, raw), common, name);
    const upper = config.upper?.origin;
    const lower = config.lower?.origin;
    checkTimeScale(common, [upper, lower], name);
    const given = textInput(raw, "upper-fqdn");
    // preview reads the lower environment only; its comment is still keyed by the upper one.
    const target = upper ?? (given && environmentOrigin(given, name("upper-fqdn")));
    return {
      common: config,
      place: {
        target,
        source: lower ?? textInput(raw, "lower-fqdn"),
        commentKey: target ?? `from ${lower ?? ""}`,
        // The platform admin UI of the upper tenant.
        consoleUrl: target && `${target}/platform/`,
      },
      connect(logger): Connection {
        const apis: EnvironmentApi[] = [];
        const make = (side: "upper" | "lower") => {
          const env = config[side];
          const api = env && createEnvironmentApi(env, side, logger, config.requestTimeoutMs);
          if (api) apis.push(api);
          return api;
        };
        const upperApi = make("upper");
        const lowerApi = make("lower");
        // preview reads the lower environment only: it is then the one the run acts on.
        const primary = upperApi ?? lowerApi;
        if (!primary) throw new UsageError("no environment given");
        const procedure = aicProcedure({
          ...aicRunSettings(config),
          upper: primary.client,
          lower: lowerApi?.client,
          content: {
            mode: config.contentDiff,
            upper: upperApi?.content,
            lower: lowerApi?.content,
            missing: missingSide(upperApi, lowerApi, name),
            previous: config.previousReport,
            previousInput: name("previous-report"),
          },
        });
        const secrets = () =>
          apis.flatMap((a) => [...a.tokens.secrets(), ...a.contentTokens.secrets()]);
        return connectionFrom(config, secrets, {
          ...procedure,
          release: (held, releaseLogger, budgetMs) => {
            if (!upperApi) throw new UsageError("the upper environment's inputs are missing");
            return procedure.release(held, releaseLogger, budgetMs);
          },
        });
      },
    };
  },
  emulatorInputs: EMULATOR_INPUTS,
  emulator: async () => (await import("./emulator-entry.js")).aicEmulatorEntry,
};
