// The AIC platform as the faces see it: its modes, inputs, environments-file fields, and a
// connection that runs the procedure or releases a lock left behind.
import { environmentOrigin } from "../../core/http/origin.js";
import { UsageError } from "../../core/util/usage-error.js";
import type { Connection, FileEnvironment, InputSpec, Platform, RawInputs } from "../platform.js";
import { createEnvironmentApi, type EnvironmentApi } from "./connect.js";
import { engineSettings, runInputsOf, validateAic } from "./inputs.js";
import { AIC_MODES } from "./options.js";
import { runEngine } from "./procedure.js";
import { releaseLock, unlockCommand } from "./release.js";

export const AIC_INPUTS: readonly InputSpec[] = [
  {
    name: "upper-fqdn",
    type: "string",
    env: ["TENANT_PROMOTE_UPPER_FQDN", "TENANT_ENV_UPPER_FQDN"],
    placeholder: "HOST|URL",
    help: "Upper environment (the one promoted to): a host or an https:// URL; http:// only for loopback (the emulator).",
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
];

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

export const aicPlatform: Platform = {
  id: "aic",
  title: "PingOne Advanced Identity Cloud",
  modes: AIC_MODES,
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
  needsSource: true,
  sequentialOnly: true,
  checkFileEnvironment,
  applyFileTarget,
  configure(raw, common, name) {
    const config = validateAic(runInputsOf(common.mode, raw), common, name);
    const upper = config.upper?.origin;
    const lower = config.lower?.origin;
    const given = stringInput(raw, "upper-fqdn");
    // preview reads the lower environment only; its comment is still keyed by the upper one.
    const target = upper ?? (given && environmentOrigin(given, name("upper-fqdn")));
    return {
      common: config,
      place: {
        target,
        source: lower ?? stringInput(raw, "lower-fqdn"),
        commentKey: target ?? `from ${lower ?? ""}`,
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
        return {
          secrets: () => apis.flatMap((a) => a.tokens.secrets()),
          run: (hooks) => {
            const primary = upperApi ?? lowerApi;
            if (!primary) throw new UsageError("no environment given");
            return runEngine({
              ...engineSettings(config),
              upper: primary.client,
              lower: lowerApi?.client,
              logger: hooks.logger,
              promoter: hooks.promoter,
              description: hooks.description,
              signal: hooks.signal,
              beforePromote: hooks.beforePromote,
              onLockAcquired: (id) =>
                hooks.onHeld?.({ kind: "lock", id, origin: primary.client.origin }),
              onLockReleased: (id) =>
                hooks.onReleased?.({ kind: "lock", id, origin: primary.client.origin }),
            });
          },
          release: (held, releaseLogger, budgetMs) => {
            if (!upperApi) throw new UsageError("the upper environment's inputs are missing");
            if (upperApi.client.origin !== held.origin)
              throw new UsageError(
                `the inputs now name ${upperApi.client.origin}, but the lock was taken on ${held.origin}`,
              );
            return releaseLock(upperApi.client, held.id, releaseLogger, budgetMs, config.timeScale);
          },
          releaseCommand: (held) => unlockCommand(held.origin, held.id),
        };
      },
    };
  },
  emulatorInputs: EMULATOR_INPUTS,
  emulator: async () => (await import("./emulator-entry.js")).aicEmulatorEntry,
};

function stringInput(raw: RawInputs, name: string): string | undefined {
  const value = raw[name];
  return typeof value === "string" && value.trim() !== "" ? value : undefined;
}
