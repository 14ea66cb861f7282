// The action's main step: validate, run the engine once, then publish outputs, report file,
// job summary and PR comment. The lock id goes to state the moment it exists, for post.
import * as core from "@actions/core";
import * as github from "@actions/github";
import { EngineFailure } from "../core/run/failure.js";
import { defaultPromoter } from "../core/run/provenance.js";
import { allChecks } from "../core/run/review.js";
import { describeHeld } from "../core/run/shell.js";
import type { Mode, RunResult } from "../core/run/types.js";
import { UsageError } from "../core/util/usage-error.js";
import { createGitHubIssues } from "../faces/github-issues.js";
import { reviewedHashCheck } from "../faces/resolve.js";
import { watchRun, withSignalHandlers } from "../faces/signals.js";
import { issueModeRefusal, keepWatchIssue, promoteHint, watchName } from "../faces/watch-issue.js";
import { deploymentOfRun } from "./deployments.js";
import { describeRun, type EventFacts, eventFacts, type PullRequestRef } from "./event.js";
import { createGitHubApi, describeGitHubError, type GitHubApi } from "./github-api.js";
import { type CommentPolicy, inputName } from "./inputs.js";
import {
  failureText,
  setEnvironmentUrl,
  setRunOutputs,
  setUsageFailure,
  writeReportFile,
} from "./outputs.js";
import { publishResult } from "./publish.js";
import { findReviewedReport, type ReviewedReport, requireSameReport } from "./reviewed.js";
import { type PreparedRun, prepareRun } from "./setup.js";
import {
  saveDeployment,
  saveDeploymentFinished,
  saveHeld,
  savePointOfNoReturn,
  saveReleased,
} from "./state.js";

const CHANGING_MODES: readonly Mode[] = ["promote", "rollback"];
const COMMENTED_MODES: readonly Mode[] = [
  "preview",
  "dry-run",
  "promote",
  "rollback-preview",
  "rollback",
];

/** The PR to comment on, per the `comment` input; undefined when none applies or none is found. */
async function commentTarget(
  policy: CommentPolicy,
  facts: EventFacts,
  api: GitHubApi | undefined,
  prepared: PreparedRun,
): Promise<PullRequestRef | undefined> {
  if (policy === "never" || !COMMENTED_MODES.includes(prepared.inputs.mode)) return undefined;
  if (policy === "auto" && !facts.pullRequest && facts.name !== "push") return undefined;
  if (!api) {
    prepared.logger.warn("[comment] no github-token: the report goes to the job summary only");
    return undefined;
  }
  if (facts.pullRequest) return facts.pullRequest;
  try {
    return await api.pullRequestOfCommit(facts.sha);
  } catch (error) {
    prepared.logger.warn(
      `[comment] could not find the pull request of ${facts.sha.slice(0, 12)}: ${describeGitHubError(error)}`,
    );
    return undefined;
  }
}

/** A failure found before the engine ran (nothing was locked): shaped like any other result. */
function earlyFailure(mode: Mode, failure: EngineFailure): RunResult {
  return {
    mode,
    result: "failed",
    reason: failure.reason,
    message: failure.message,
    nextSteps: failure.nextSteps,
    elapsedMs: 0,
  };
}

async function run(prepared: PreparedRun): Promise<RunResult> {
  const { inputs, logger } = prepared;
  const mode = inputs.mode;
  const facts = eventFacts(github.context);
  setEnvironmentUrl(prepared.configured.place.consoleUrl);
  if (CHANGING_MODES.includes(mode) && facts.fromFork) {
    throw new UsageError(
      `${mode} refuses to run on a pull request from a fork: its changes are not reviewed code of this repository. Promote from a push or workflow_dispatch on the base repository.`,
    );
  }
  const issueRefusal = issueModeRefusal(inputs.issue, mode, inputName("issue"), prepared.platform);
  if (issueRefusal) throw new UsageError(issueRefusal);
  const api = inputs.githubToken
    ? createGitHubApi(inputs.githubToken, facts.repository)
    : undefined;
  if (inputs.requireReviewedReport && mode === "promote" && !api) {
    throw new UsageError(
      `${inputName("require-reviewed-report")} needs ${inputName("github-token")} to read the merged PR's comment`,
    );
  }
  const key = prepared.configured.place.commentKey;
  const pullRequest = await commentTarget(inputs.comment, facts, api, prepared);
  let reviewed: ReviewedReport | undefined;
  if (inputs.requireReviewedReport && mode === "promote" && api) {
    try {
      reviewed = await findReviewedReport(api, facts, key);
      logger.info(
        `[review] PR #${reviewed.pullRequest.number} reviewed report ${reviewed.hash.slice(0, 12)}`,
      );
    } catch (error) {
      if (!(error instanceof EngineFailure)) throw error;
      return publish(prepared, earlyFailure(mode, error), facts, pullRequest, api, key);
    }
  }
  const connection = prepared.connect();
  const deployment = deploymentOfRun(prepared, facts, {
    started: saveDeployment,
    finished: saveDeploymentFinished,
  });
  const watch = watchRun();
  const onInterrupt = () => {
    const held = watch.held();
    const pastPointOfNoReturn = watch.pastPointOfNoReturn();
    logger.warn(
      pastPointOfNoReturn
        ? `[cancel] ${pastPointOfNoReturn} has started and cannot be stopped: following it to its end (the post step does it if this step is stopped first)`
        : `[cancel] stopping${held ? `; releasing ${describeHeld(held)} (the post step does it if this step is stopped first)` : ""}`,
    );
    watch.cancel.abort(new Error("cancelled"));
  };
  const onTerminate = () => {
    const held = watch.held();
    const pastPointOfNoReturn = watch.pastPointOfNoReturn();
    // The runner kills this step 2.5 s after SIGTERM: leave the release to post rather than half-do it.
    if (held)
      logger.warn(
        held.release === "follow-only"
          ? `[cancel] ${describeHeld(held)} goes on (a cancel cannot stop it); the post step says how it stands`
          : `[cancel] leaving the release of promotion ${held.id} to the post step`,
      );
    if (pastPointOfNoReturn) {
      // Its outcome is not known yet: no output claims one; post follows it and says how it ended.
      logger.warn(
        `[cancel] ${pastPointOfNoReturn} is still running; the post step follows it and reports how it ended`,
      );
    } else {
      core.setOutput("result", "failed");
      core.setOutput("failure-reason", "cancelled");
    }
    process.exit(1);
  };
  const common = prepared.configured.common;
  // Publishing stays under the handlers: a SIGTERM then still sets the outputs.
  return withSignalHandlers({ SIGINT: onInterrupt, SIGTERM: onTerminate }, async () => {
    const result = await connection.run({
      logger,
      promoter: common.promoter ?? defaultPromoter(process.env),
      description:
        common.description ??
        describeRun(mode, { ...facts, pullRequest: pullRequest ?? facts.pullRequest }),
      beforeChange: deployment.beforeChange(
        allChecks(reviewed && requireSameReport(reviewed), reviewedHashCheck(common, inputName)),
      ),
      ...watch.hooks({
        onHeld: (taken) => {
          saveHeld(prepared.platform.id, taken, watch.startedAt);
          deployment.held(taken);
        },
        onReleased: saveReleased,
        onPointOfNoReturn: (what) => {
          savePointOfNoReturn(what);
          deployment.pointOfNoReturn();
        },
      }),
    });
    await deployment.finish(result);
    return await publish(prepared, result, facts, pullRequest, api, key);
  });
}

async function publish(
  prepared: PreparedRun,
  result: RunResult,
  facts: EventFacts,
  pullRequest: PullRequestRef | undefined,
  api: GitHubApi | undefined,
  key: string,
): Promise<RunResult> {
  const reportFile = await writeReportFile(
    result,
    prepared.scrub,
    prepared.configured.place.consoleUrl,
  );
  setRunOutputs(result, reportFile);
  await publishResult(result, {
    place: {
      target: prepared.configured.place.target,
      source: prepared.configured.place.source,
      commentKey: key,
      runUrl: facts.runUrl,
      pullRequestUrl: pullRequest?.url,
      reportFile,
      scrub: prepared.scrub,
    },
    pullRequest,
    api,
    reviewRun: facts.pullRequestEvent,
    logger: prepared.logger,
  });
  if (prepared.inputs.issue === "pending") await keepIssue(prepared, result, facts, reportFile);
  return result;
}

/** issue: pending, after the summary and the comment: the target's watch issue. */
async function keepIssue(
  prepared: PreparedRun,
  result: RunResult,
  facts: EventFacts,
  reportFile: string | undefined,
): Promise<void> {
  const { inputs, configured, platform, logger } = prepared;
  if (!inputs.githubToken) {
    logger.warn("[issue] no github-token: the watch issue is left as it is");
    return;
  }
  const place = {
    ...configured.place,
    runUrl: facts.runUrl,
    reportFile,
    scrub: prepared.scrub,
  };
  const issues = createGitHubIssues({
    token: inputs.githubToken,
    repository: facts.repository,
    apiUrl: process.env.GITHUB_API_URL,
  });
  await keepWatchIssue(
    result,
    {
      ...place,
      name: watchName(inputs.target, place),
      promoteHint: promoteHint(platform, inputs.config, inputs.target),
    },
    issues,
    logger,
  );
}

export async function main(): Promise<void> {
  let scrub = (text: string) => text;
  try {
    const prepared = await prepareRun();
    scrub = prepared.scrub;
    const result = await run(prepared);
    if (result.result === "failed") core.setFailed(scrub(failureText(result)));
  } catch (error) {
    const message = scrub(error instanceof Error ? error.message : String(error));
    if (error instanceof UsageError) setUsageFailure(message);
    else core.setFailed(`tenant-promote: unexpected error: ${message}`);
  }
}
