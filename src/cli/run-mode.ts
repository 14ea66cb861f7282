import { writeFile } from "node:fs/promises";
import { redact } from "../core/auth/redact.js";
import { runJson, runMarkdown, runText } from "../core/run/outcome.js";
import { defaultDescription, defaultPromoter } from "../core/run/provenance.js";
import { type ChangeCheck, requireReviewedHash } from "../core/run/review.js";
import { describeHeld, type Held } from "../core/run/shell.js";
import type { Mode, RunResult } from "../core/run/types.js";
import type { Logger } from "../core/util/log.js";
import { UsageError } from "../core/util/usage-error.js";
import { validateCommon } from "../platforms/common.js";
import type { Connection, Platform, RawInputs } from "../platforms/platform.js";
import { DEFAULT_PLATFORM, platformById, platformInputs } from "../platforms/registry.js";
import { EXIT, exitCodeFor } from "./exit-codes.js";
import { chooseFormat, type Format, inCi } from "./format.js";
import { stderrLogger } from "./logger.js";
import type { ParsedCommandLine } from "./options.js";
import { checkOutputFile } from "./output-file.js";

type Env = Record<string, string | undefined>;

function str(values: ParsedCommandLine["values"], name: string): string | undefined {
  const value = values[name];
  return typeof value === "string" ? value : undefined;
}

export function renderResult(result: RunResult, format: Format): string {
  if (format === "json") return runJson(result);
  if (format === "text") return runText(result);
  return runMarkdown(result);
}

/**
 * Another platform's option given as a flag is refused; from the environment it is ignored,
 * since CI environments often export every platform's variables (PINGONE_CLIENT_ID and such).
 */
function ownInputsOnly(platform: Platform, parsed: ParsedCommandLine): RawInputs {
  const raw: RawInputs = { ...parsed.values };
  const own = new Set(platform.inputs.map((s) => s.name));
  for (const spec of platformInputs()) {
    if (own.has(spec.name) || raw[spec.name] === undefined) continue;
    const source = parsed.sources[spec.name] ?? "";
    if (source.startsWith("--") && !source.endsWith("(default)"))
      throw new UsageError(
        `${source} is an option of --platform ${spec.platforms.join(", ")}; this run is on ${platform.id}`,
      );
    delete raw[spec.name];
  }
  return raw;
}

/** The platform and its validated run, from flags, variables and the environments file. */
async function configure(mode: Mode, parsed: ParsedCommandLine) {
  const { values, sources } = parsed;
  const name = (option: string) => sources[option] ?? `--${option}`;
  const configFile = str(values, "config");
  const target = str(values, "target");
  if (!configFile !== !target)
    throw new UsageError(
      `${name("config")} and ${name("target")} go together: the environments file and the target environment in it`,
    );
  const fromFile: RawInputs = { ...values };
  if (configFile && target) {
    // Loaded on demand: the YAML parser is only needed with --config.
    const { applyTarget } = await import("../config/targets.js");
    await applyTarget(fromFile, configFile, target, name);
  }
  const platform = platformById(str(fromFile, "platform") ?? DEFAULT_PLATFORM);
  if (!platform.modes.includes(mode))
    throw new UsageError(
      `${platform.title} has no ${mode} mode; its modes: ${platform.modes.join(", ")}`,
    );
  const raw = { ...ownInputsOnly(platform, { ...parsed, values: fromFile }) };
  const configured = platform.configure(
    raw,
    validateCommon(mode, raw, name, platform.promotionIdForm),
    name,
  );
  const given = platform.inputs
    .filter((s) => s.secret)
    .map((s) => raw[s.name])
    .filter((v): v is string => typeof v === "string" && v !== "");
  return { platform, configured, given, name };
}

/** Runs one mode from a parsed command line; returns the exit code. */
export async function runMode(mode: Mode, parsed: ParsedCommandLine, env: Env): Promise<number> {
  const output = str(parsed.values, "output");
  const format = chooseFormat({
    given: str(parsed.values, "format"),
    givenAs: parsed.sources.format ?? "--format",
    output,
    stdoutIsTerminal: process.stdout.isTTY === true,
    inCi: inCi(env),
  });
  if (output !== undefined) await checkOutputFile(output, parsed.sources.output ?? "--output");
  const { configured, given, name } = await configure(mode, parsed);
  let connection: Connection | undefined;
  const scrub = (text: string) => redact(text, [...given, ...(connection?.secrets() ?? [])]);
  const verbosity = parsed.values.quiet ? "quiet" : parsed.values.verbose ? "verbose" : "normal";
  const logger = stderrLogger(verbosity, scrub);
  try {
    connection = configured.connect(logger);
    const result = await runWithSignals(connection, logger, {
      promoter: configured.common.promoter ?? defaultPromoter(env),
      description: configured.common.description ?? defaultDescription(mode, env),
      mode,
      json: format === "json",
      scrub,
      beforeChange:
        configured.common.reviewedReportHash === undefined
          ? undefined
          : requireReviewedHash(
              configured.common.reviewedReportHash,
              mode,
              name("reviewed-report-hash"),
            ),
    });
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
    for (const line of summary)
      (result.result === "failed" ? logger.warn : logger.info)(scrub(line));
    return exitCodeFor(result);
  } catch (error) {
    // Whatever escaped, its text is scrubbed like every other line this command writes.
    const message = scrub(error instanceof Error ? error.message : String(error));
    throw error instanceof UsageError ? new UsageError(message) : new Error(message);
  }
}

/**
 * Ctrl-C stops the run and still releases what it took; after the point of no return it only
 * notes the cancel and the run follows the work to its end. A second one exits at once, still
 * printing a JSON result when JSON was asked for (scripts parse stdout).
 */
async function runWithSignals(
  connection: Connection,
  logger: Logger,
  notes: {
    promoter?: string;
    description?: string;
    mode: Mode;
    json: boolean;
    scrub: (text: string) => string;
    beforeChange?: ChangeCheck;
  },
): Promise<RunResult> {
  const cancel = new AbortController();
  let held: Held | undefined;
  let pastPointOfNoReturn: string | undefined;
  const started = Date.now();
  const onSignal = (signal: NodeJS.Signals) => {
    if (cancel.signal.aborted) {
      const running = pastPointOfNoReturn ? ` ${capitalized(pastPointOfNoReturn)} goes on.` : "";
      const left = held ? ` ${capitalized(describeHeld(held))} may still be held.` : "";
      const message = `${signal} again: exited without waiting.${running}${left}`;
      const nextSteps = held
        ? [
            `${held.release === "follow-only" ? "Follow" : "Release"} it with: ${connection.releaseCommand(held)}`,
          ]
        : [];
      logger.warn(`${message} ${nextSteps.join(" ")}`.trim());
      if (notes.json) {
        const result: RunResult = {
          mode: notes.mode,
          result: "failed",
          reason: "cancelled",
          message,
          nextSteps,
          lockReleased: held && held.release === "give-back" ? false : undefined,
          cancelRequested: pastPointOfNoReturn ? true : undefined,
          elapsedMs: Date.now() - started,
        };
        process.stdout.write(notes.scrub(runJson(result)));
      }
      process.exit(EXIT.cancelled);
    }
    const after = pastPointOfNoReturn
      ? ` (${pastPointOfNoReturn} has started and cannot be stopped: following it to its end; press Ctrl-C again to exit without waiting)`
      : !held
        ? ""
        : held.release === "follow-only"
          ? ` (${describeHeld(held)} goes on: a cancel cannot stop it)`
          : ` and releasing ${describeHeld(held)} (press Ctrl-C again to exit at once)`;
    logger.warn(`${signal} received: ${pastPointOfNoReturn ? "noted" : "stopping"}${after}`);
    cancel.abort(new Error(`cancelled by ${signal}`));
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  try {
    return await connection.run({
      logger,
      signal: cancel.signal,
      promoter: notes.promoter,
      description: notes.description,
      beforeChange: notes.beforeChange,
      onHeld: (taken) => {
        held = taken;
      },
      onReleased: () => {
        held = undefined;
      },
      onPointOfNoReturn: (what) => {
        pastPointOfNoReturn = what;
      },
    });
  } finally {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  }
}

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
