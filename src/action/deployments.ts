// GitHub deployments for `deployment-environment`: a promote or rollback that passes its point of
// no return shows on the repository's Environments page, with its status, run and console link.
// Nothing here ever fails a run: every GitHub error is a warning, and a refused token warns once.
import * as github from "@actions/github";
import type { ChangeCheck } from "../core/run/review.js";
import type { Held } from "../core/run/shell.js";
import type { RunResult } from "../core/run/types.js";
import type { Logger } from "../core/util/log.js";
import type { EventFacts } from "./event.js";
import { describeGitHubError } from "./github-api.js";
import { inputName } from "./inputs.js";
import type { PreparedRun } from "./setup.js";

export type DeploymentTask = "promote" | "rollback";
type StatusState = "in_progress" | "success" | "failure" | "error" | "inactive";

/** What a deployment records, saved in state (never a token) so that post can finish it. */
export interface DeploymentRecord {
  /** The GitHub environment, as the input gives it. */
  environment: string;
  task: DeploymentTask;
  platform: string;
  /** The run's target (origin, environment id, organization URL): the payload matches it. */
  target: string;
  /** The run's URL: each status links to it. */
  logUrl: string;
  /** The target's admin console: the Environments page links to it. */
  environmentUrl?: string;
  /** A rollback given the promotion it reverts (`promotion-id`): the deployment to retire. */
  reverts?: string;
}

/** A created deployment: the record and its id. */
export interface StartedDeployment extends DeploymentRecord {
  id: number;
}

export const PERMISSION_WARNING =
  "deployment-environment needs permissions: deployments: write (no deployment is shown for this run)";

/** GitHub refuses descriptions longer than 140 characters. */
const MAX_DESCRIPTION = 140;

/** The deployment calls, given one token and repository; every call may throw GitHub's error. */
export class Deployments {
  private readonly octokit;
  private readonly owner: string;
  private readonly repo: string;
  private refused = false;

  constructor(
    token: string,
    repository: string,
    private readonly logger: Logger,
  ) {
    this.octokit = github.getOctokit(token);
    [this.owner = "", this.repo = ""] = repository.split("/");
  }

  /** Created at the point of no return, and at once in progress. Undefined when GitHub refused. */
  async start(
    record: DeploymentRecord,
    sha: string,
    facts: { reportHash?: string; promotionId?: string },
  ): Promise<StartedDeployment | undefined> {
    const created = await this.attempt("create the deployment", async () => {
      const { data } = await this.octokit.rest.repos.createDeployment({
        owner: this.owner,
        repo: this.repo,
        ref: sha,
        task: record.task,
        environment: record.environment,
        auto_merge: false,
        required_contexts: [],
        payload: {
          platform: record.platform,
          target: record.target,
          reportHash: facts.reportHash ?? null,
          ...(facts.promotionId ? { promotionId: facts.promotionId } : {}),
        },
        production_environment: /^prod/i.test(record.environment),
        transient_environment: false,
        description: short(`tenant-promote ${record.task} of ${record.target}`),
      });
      // 202 answers a merge GitHub made instead: auto_merge false means it never should.
      if (!("id" in data)) throw new Error(data.message ?? "GitHub created no deployment");
      return data.id;
    });
    if (created === undefined) return undefined;
    const deployment = { ...record, id: created };
    await this.status(deployment, "in_progress", `${record.task} running`);
    return deployment;
  }

  /** The end: success or failure; a rollback's success retires the promotion it reverted. */
  async finish(deployment: StartedDeployment, state: StatusState, description: string) {
    await this.status(deployment, state, description);
    if (deployment.task === "rollback" && state === "success")
      await this.retireReverted(deployment);
  }

  private async status(deployment: StartedDeployment, state: StatusState, description: string) {
    await this.attempt(`set deployment ${deployment.id} to ${state}`, () =>
      this.octokit.rest.repos.createDeploymentStatus({
        owner: this.owner,
        repo: this.repo,
        deployment_id: deployment.id,
        state,
        log_url: deployment.logUrl,
        environment_url: deployment.environmentUrl ?? "",
        description: short(description),
      }),
    );
  }

  /** The latest promote to the same target still marked successful is no longer what runs. */
  private async retireReverted(rollback: StartedDeployment) {
    await this.attempt("mark the reverted promotion's deployment inactive", async () => {
      const promotes = await this.octokit.paginate(this.octokit.rest.repos.listDeployments, {
        owner: this.owner,
        repo: this.repo,
        environment: rollback.environment,
        task: "promote",
        per_page: 100,
      });
      for (const promote of promotes) {
        const payload = promote.payload as Record<string, unknown> | string;
        if (typeof payload !== "object" || payload.target !== rollback.target) continue;
        if (payload.platform !== rollback.platform) continue;
        if (rollback.reverts && payload.promotionId !== rollback.reverts) continue;
        const { data: statuses } = await this.octokit.rest.repos.listDeploymentStatuses({
          owner: this.owner,
          repo: this.repo,
          deployment_id: promote.id,
          per_page: 1,
        });
        if (statuses[0]?.state !== "success") continue;
        await this.status(
          { ...rollback, id: promote.id },
          "inactive",
          `rolled back by deployment ${rollback.id}`,
        );
        return;
      }
    });
  }

  /** Runs one call; a GitHub error is a warning, a refused token one warning for the run. */
  private async attempt<T>(what: string, call: () => Promise<T>): Promise<T | undefined> {
    if (this.refused) return undefined;
    try {
      return await call();
    } catch (error) {
      // GitHub's secondary rate limit answers 403 too: that is no missing permission.
      const rateLimited = /rate limit/i.test(describeGitHubError(error));
      if ((error as { status?: unknown }).status === 403 && !rateLimited) {
        this.refused = true;
        this.logger.warn(`[deployment] ${PERMISSION_WARNING}: ${describeGitHubError(error)}`);
      } else {
        this.logger.warn(`[deployment] could not ${what}: ${describeGitHubError(error)}`);
      }
      return undefined;
    }
  }
}

/** What main tells the deployment of its run; each call is a no-op when there is none. */
export interface DeploymentOfRun {
  /** Wraps the run's check of the report about to be applied, to record that report's hash. */
  beforeChange(check: ChangeCheck | undefined): ChangeCheck | undefined;
  /** A hook saw the work pass its point of no return (or start a job a cancel cannot stop). */
  pointOfNoReturn(): void;
  /** A follow-only hold is work already started for good (an ArcGIS job). */
  held(held: Held): void;
  /** The run's result: the final status, once the deployment exists. */
  finish(result: RunResult): Promise<void>;
}

const CHANGING_TASKS: readonly string[] = ["promote", "rollback"];

const NO_DEPLOYMENT: DeploymentOfRun = {
  beforeChange: (check) => check,
  pointOfNoReturn() {},
  held() {},
  finish: async () => {},
};

/** The deployment of this run per `deployment-environment`, or one doing nothing. */
export function deploymentOfRun(
  prepared: PreparedRun,
  facts: EventFacts,
  /** Each step goes to the state, for post. */
  save: { started(deployment: StartedDeployment): void; finished(id: number): void },
): DeploymentOfRun {
  const { inputs, logger, configured } = prepared;
  const environment = inputs.deploymentEnvironment;
  const target = configured.place.target;
  let reportHash: string | undefined;
  let promotionId: string | undefined;
  let starting: Promise<StartedDeployment | undefined> | undefined;
  if (!environment || !CHANGING_TASKS.includes(inputs.mode) || !target) return NO_DEPLOYMENT;
  if (!inputs.githubToken) {
    logger.warn(
      `[deployment] ${inputName("deployment-environment")} needs ${inputName("github-token")}: no deployment is shown for this run`,
    );
    return NO_DEPLOYMENT;
  }
  const deployments = new Deployments(inputs.githubToken, facts.repository, logger);
  const record: DeploymentRecord = {
    environment,
    task: inputs.mode as DeploymentTask,
    platform: prepared.platform.id,
    target,
    logUrl: facts.runUrl,
    environmentUrl: configured.place.consoleUrl,
    reverts: inputs.mode === "rollback" ? configured.common.promotionId : undefined,
  };
  const start = () => {
    starting ??= deployments
      .start(record, facts.sha, { reportHash, promotionId })
      .then((started) => {
        if (started) {
          save.started(started);
          logger.info(
            `[deployment] ${record.task} in environment ${environment}: deployment ${started.id}`,
          );
        }
        return started;
      });
  };
  return {
    beforeChange: (check) => async (report) => {
      reportHash = report.hash;
      await check?.(report);
    },
    pointOfNoReturn: start,
    held: (held) => {
      // On a platform with promotions, what a run gives back is its promotion (the AIC lock's
      // promotion, the PingOne promotion): its id goes in the payload, for a later rollback.
      if (held.release === "give-back" && prepared.platform.promotionIdForm !== "none")
        promotionId = held.id;
      if (held.release === "follow-only") start();
    },
    async finish(result) {
      const started = await starting;
      if (!started) return;
      const { state, description } = finalStatus(result);
      await deployments.finish(started, state, description);
      save.finished(started.id);
    },
  };
}

/** The status a finished run gives its deployment, and a few words for it. */
export function finalStatus(result: RunResult): { state: StatusState; description: string } {
  return result.result === "failed"
    ? { state: "failure", description: `${result.mode} failed (${result.reason ?? "failed"})` }
    : { state: "success", description: `${result.mode} ${result.result}` };
}

/** How post ends a deployment main left in progress, from how post saw the work end. */
export function statusAfterCancel(
  task: DeploymentTask,
  workSucceeded: boolean | undefined,
): { state: StatusState; description: string } {
  if (workSucceeded === true) return { state: "success", description: `${task} succeeded` };
  if (workSucceeded === false)
    return { state: "failure", description: `${task} failed (its job was cancelled meanwhile)` };
  return {
    state: "error",
    description: `job cancelled while the ${task} ran; see how it ended with mode: status`,
  };
}

function short(text: string): string {
  return text.length > MAX_DESCRIPTION ? `${text.slice(0, MAX_DESCRIPTION - 1)}…` : text;
}
