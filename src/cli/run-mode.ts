import { writeFile } from "node:fs/promises";
import { runJson, runMarkdown, runText } from "../core/run/outcome.js";
import { defaultDescription, defaultPromoter } from "../core/run/provenance.js";
import type { ChangeCheck } from "../core/run/review.js";
import { describeHeld } from "../core/run/shell.js";
import type { Mode, RunResult } from "../core/run/types.js";
import type { Logger } from "../core/util/log.js";
import { capitalized } from "../core/util/text.js";
import { UsageError } from "../core/util/usage-error.js";
import { createGitHubIssues, type GitHubIssues } from "../faces/github-issues.js";
import {
  type FaceWording,
  givenSecrets,
  resolveRun,
  reviewedHashCheck,
  secretScrubber,
} from "../faces/resolve.js";
import { watchRun, withSignalHandlers } from "../faces/signals.js";
import {
  ISSUE_POLICIES,
  type IssuePolicy,
  issueModeRefusal,
  keepWatchIssue,
  promoteHint,
  watchName,
} from "../faces/watch-issue.js";
import { textInput } from "../platforms/common.js";
import type { Connection, Platform } from "../platforms/platform.js";
import { EXIT, exitCodeFor } from "./exit-codes.js";
import { chooseFormat, type Format, inCi } from "./format.js";
import { stderrLogger } from "./logger.js";
import type { ParsedCommandLine } from "./options.js";
import { checkOutputFile } from "./output-file.js";

type Env = Record<string, string | undefined>;

export function renderResult(result: RunResult, format: Format, environmentUrl?: string): string {
  if (format === "json") return runJson(result, environmentUrl);
  if (format === "text") return runText(result);
  return runMarkdown(result);
}

/** How the command line words a refusal: options by flag or variable, as they were given. */
function cliWording(parsed: ParsedCommandLine): FaceWording {
  const name = (option: string) => parsed.sources[option] ?? `--${option}`;
  return {
    name,
    unpaired: () =>
      `${name("config")} and ${name("target")} go together: the environments file and the target environment in it`,
    noSuchMode: (platform, mode) =>
      `${platform.title} has no ${mode} mode; its modes: ${platform.modes.join(", ")}`,
    // Another platform's option given as a flag is refused; from the environment it is left out,
    // since CI environments often export every platform's variables (PINGONE_CLIENT_ID and such).
    foreignInput: (spec, platform) => {
      const source = parsed.sources[spec.name] ?? "";
      return source.startsWith("--") && !source.endsWith("(default)")
        ? `${source} is an option of --platform ${spec.platforms.join(", ")}; this run is on ${platform.id}`
        : undefined;
    },
  };
}

/** Runs one mode from a parsed command line; returns the exit code. */
export async function runMode(mode: Mode, parsed: ParsedCommandLine, env: Env): Promise<number> {
  const output = textInput(parsed.values, "output");
  const format = chooseFormat({
    given: textInput(parsed.values, "format"),
    givenAs: parsed.sources.format ?? "--format",
    output,
    stdoutIsTerminal: process.stdout.isTTY === true,
    inCi: inCi(env),
  });
  if (output !== undefined) await checkOutputFile(output, parsed.sources.output ?? "--output");
  const wording = cliWording(parsed);
  const { name } = wording;
  const { platform, configured, raw } = await resolveRun(mode, parsed.values, wording);
  const issue = issuePolicy(parsed, mode, platform);
  const githubToken = issue === "pending" ? env.GITHUB_TOKEN?.trim() || undefined : undefined;
  const secrets = secretScrubber([
    ...givenSecrets(platform.inputs, (input) => raw[input]),
    ...(githubToken ? [githubToken] : []),
  ]);
  const { scrub } = secrets;
  const verbosity = parsed.values.quiet ? "quiet" : parsed.values.verbose ? "verbose" : "normal";
  const logger = stderrLogger(verbosity, scrub);
  try {
    const connection = secrets.connected(configured.connect(logger));
    const result = await runWithSignals(connection, logger, {
      promoter: configured.common.promoter ?? defaultPromoter(env),
      description: configured.common.description ?? defaultDescription(mode, env),
      mode,
      json: format === "json",
      scrub,
      beforeChange: reviewedHashCheck(configured.common, name),
    });
    const rendered = scrub(renderResult(result, format, configured.place.consoleUrl));
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
    if (issue === "pending") {
      const place = { ...configured.place, runUrl: runUrlOf(env), scrub };
      const configFile = textInput(parsed.values, "config");
      const target = textInput(parsed.values, "target");
      await keepWatchIssue(
        result,
        {
          ...place,
          name: watchName(target, place),
          promoteHint: promoteHint(platform, configFile, target),
        },
        githubIssuesOf(env, githubToken),
        logger,
      );
    }
    return exitCodeFor(result);
  } catch (error) {
    // Whatever escaped, its text is scrubbed like every other line this command writes.
    const message = scrub(error instanceof Error ? error.message : String(error));
    throw error instanceof UsageError ? new UsageError(message) : new Error(message);
  }
}

/** --issue, checked before any request: pending only with a read-only mode. */
function issuePolicy(parsed: ParsedCommandLine, mode: Mode, platform: Platform): IssuePolicy {
  const given = (textInput(parsed.values, "issue") ?? "off").trim();
  const name = parsed.sources.issue ?? "--issue";
  if (!(ISSUE_POLICIES as readonly string[]).includes(given))
    throw new UsageError(`${name} is "${given}"; use ${ISSUE_POLICIES.join(" or ")}`);
  const refusal = issueModeRefusal(given as IssuePolicy, mode, name, platform);
  if (refusal) throw new UsageError(refusal);
  return given as IssuePolicy;
}

/** The GitHub client of --issue pending; undefined without a token and repository (then it says what it would do). */
function githubIssuesOf(env: Env, token: string | undefined): GitHubIssues | undefined {
  const repository = env.GITHUB_REPOSITORY?.trim();
  if (!token || !repository) return undefined;
  return createGitHubIssues({ token, repository, apiUrl: env.GITHUB_API_URL });
}

/** The GitHub Actions run this command runs in, when it does. */
function runUrlOf(env: Env): string {
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repo, GITHUB_RUN_ID: id } = env;
  return server && repo && id ? `${server}/${repo}/actions/runs/${id}` : "";
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
  const watch = watchRun();
  const onSignal = (signal: NodeJS.Signals) => {
    const held = watch.held();
    const pastPointOfNoReturn = watch.pastPointOfNoReturn();
    if (watch.cancel.signal.aborted) {
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
          elapsedMs: Date.now() - watch.startedAt,
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
    watch.cancel.abort(new Error(`cancelled by ${signal}`));
  };
  return withSignalHandlers({ SIGINT: onSignal, SIGTERM: onSignal }, () =>
    connection.run({
      logger,
      promoter: notes.promoter,
      description: notes.description,
      beforeChange: notes.beforeChange,
      ...watch.hooks(),
    }),
  );
}
