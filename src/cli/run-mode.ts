import { writeFile } from "node:fs/promises";
import { redact } from "../core/auth/redact.js";
import { runJson, runMarkdown, runText } from "../core/run/outcome.js";
import { defaultDescription, defaultPromoter } from "../core/run/provenance.js";
import type { Mode, RunResult } from "../core/run/types.js";
import type { Logger } from "../core/util/log.js";
import { UsageError } from "../core/util/usage-error.js";
import { createEnvironmentApi, type EnvironmentApi } from "../platforms/aic/connect.js";
import {
  engineSettings,
  type RunConfig,
  type RunInputs,
  validateRunInputs,
} from "../platforms/aic/inputs.js";
import { runEngine } from "../platforms/aic/procedure.js";
import { unlockCommand } from "../platforms/aic/release.js";
import { EXIT, exitCodeFor } from "./exit-codes.js";
import { stderrLogger } from "./logger.js";
import type { ParsedCommandLine } from "./options.js";

type Env = Record<string, string | undefined>;

function str(values: ParsedCommandLine["values"], name: string): string | undefined {
  const value = values[name];
  return typeof value === "string" ? value : undefined;
}

export function inputsFromCommandLine(mode: Mode, values: ParsedCommandLine["values"]): RunInputs {
  return {
    mode,
    upperFqdn: str(values, "upper-fqdn"),
    lowerFqdn: str(values, "lower-fqdn"),
    upperAccessToken: str(values, "upper-access-token"),
    lowerAccessToken: str(values, "lower-access-token"),
    upperServiceAccountId: str(values, "upper-service-account-id"),
    upperServiceAccountKey: str(values, "upper-service-account-key"),
    lowerServiceAccountId: str(values, "lower-service-account-id"),
    lowerServiceAccountKey: str(values, "lower-service-account-key"),
    ignoreEncryptedSecrets: values["ignore-encrypted-secrets"] === true,
    allowReleaseUpgrade: values["allow-release-upgrade"] === true,
    promotionId: str(values, "promotion-id"),
    description: str(values, "description"),
    promoter: str(values, "promoter"),
    timeout: str(values, "timeout"),
    lockWait: str(values, "lock-wait"),
    requestTimeout: str(values, "request-timeout"),
    timeScale: str(values, "time-scale"),
  };
}

export function renderResult(result: RunResult, format: string): string {
  if (format === "json") return runJson(result);
  if (format === "text") return runText(result);
  return runMarkdown(result);
}

/** Runs one engine mode from a parsed command line; returns the exit code. */
export async function runMode(mode: Mode, parsed: ParsedCommandLine, env: Env): Promise<number> {
  const { values, sources } = parsed;
  const name = (option: string) => sources[option] ?? `--${option}`;
  const format = str(values, "format") ?? "markdown";
  if (!["markdown", "json", "text"].includes(format)) {
    throw new UsageError(`${name("format")} is "${format}"; use markdown, json or text`);
  }
  const inputs = inputsFromCommandLine(mode, values);
  const configFile = str(values, "config");
  const target = str(values, "target");
  if (!configFile !== !target)
    throw new UsageError(
      `${name("config")} and ${name("target")} go together: the environments file and the upper environment in it`,
    );
  if (configFile && target) {
    // Loaded on demand, like the emulator: the YAML parser is only needed with --config.
    const { applyTarget } = await import("../config/targets.js");
    await applyTarget(inputs, configFile, target, name);
  }
  const config = validateRunInputs(inputs, name);
  const given = [config.upper?.credentials, config.lower?.credentials].flatMap((c) => [
    c?.accessToken,
    c?.serviceAccountKey,
  ]);
  const apis: EnvironmentApi[] = [];
  const scrub = (text: string) =>
    redact(text, [
      ...given.filter((s): s is string => !!s),
      ...apis.flatMap((a) => a.tokens.secrets()),
    ]);
  const verbosity = values.quiet ? "quiet" : values.verbose ? "verbose" : "normal";
  const logger = stderrLogger(verbosity, scrub);
  try {
    return await execute({
      mode,
      config,
      format,
      output: str(values, "output"),
      env,
      logger,
      apis,
      scrub,
    });
  } catch (error) {
    // Whatever escaped, its text is scrubbed like every other line this command writes.
    const message = scrub(error instanceof Error ? error.message : String(error));
    throw error instanceof UsageError ? new UsageError(message) : new Error(message);
  }
}

/** What a run needs once its input is valid. `apis` collects the clients, so `scrub` sees their tokens. */
interface Execution {
  mode: Mode;
  config: RunConfig;
  format: string;
  output: string | undefined;
  env: Env;
  logger: Logger;
  apis: EnvironmentApi[];
  scrub: (text: string) => string;
}

async function execute({
  mode,
  config,
  format,
  output,
  env,
  logger,
  apis,
  scrub,
}: Execution): Promise<number> {
  const upper =
    config.upper && createEnvironmentApi(config.upper, "upper", logger, config.requestTimeoutMs);
  const lower =
    config.lower && createEnvironmentApi(config.lower, "lower", logger, config.requestTimeoutMs);
  for (const api of [upper, lower]) if (api) apis.push(api);
  const primary = upper ?? lower;
  if (!primary) throw new UsageError("no environment given");

  const cancel = new AbortController();
  let heldLock: string | undefined;
  const onSignal = (signal: NodeJS.Signals) => {
    if (cancel.signal.aborted) {
      logger.warn(
        heldLock
          ? `${signal} again: exiting without waiting. The lock may still be held; release it with: ${unlockCommand(primary.client.origin, heldLock)}`
          : `${signal} again: exiting.`,
      );
      process.exit(EXIT.cancelled);
    }
    logger.warn(
      `${signal} received: stopping${heldLock ? " and releasing the lock this run took (press Ctrl-C again to exit at once)" : ""}`,
    );
    cancel.abort(new Error(`cancelled by ${signal}`));
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  let result: RunResult;
  try {
    result = await runEngine({
      ...engineSettings(config),
      upper: primary.client,
      lower: lower?.client,
      logger,
      promoter: config.promoter ?? defaultPromoter(env),
      description: config.description ?? defaultDescription(mode, env),
      signal: cancel.signal,
      onLockAcquired: (id) => {
        heldLock = id;
      },
      onLockReleased: () => {
        heldLock = undefined;
      },
    });
  } finally {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  }
  const rendered = scrub(renderResult(result, format));
  if (output) {
    await writeFile(output, rendered);
    logger.info(`report written to ${output}`);
  } else {
    process.stdout.write(rendered);
  }
  const summary = [
    `${result.result}${result.reason ? ` (${result.reason})` : ""}: ${result.message}`,
    ...result.nextSteps.map((s) => `  next: ${s}`),
  ];
  for (const line of summary) (result.result === "failed" ? logger.warn : logger.info)(scrub(line));
  return exitCodeFor(result);
}
