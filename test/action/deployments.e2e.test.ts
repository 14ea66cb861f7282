// `deployment-environment` through the bundled action and the fake GitHub: a promote or rollback
// that passes its point of no return is a deployment with its statuses on the Environments page;
// a run that changes nothing creates none; a refused token warns and the promotion goes on.
import { getOctokit } from "@actions/github";
import { describe, expect } from "vitest";
import { scenarioOnDefault } from "../e2e/emulated.js";
import { STAGING_ID } from "../e2e/pingone/emulated.js";
import { DEFAULT_SHA } from "./action-env.js";
import { it as arcgis } from "./arcgis/arcgis-action.js";
import { it as aic, DISPATCH, GITHUB_TOKEN, pushEvent, warnings } from "./emulated-action.js";
import type { FakeGitHub } from "./fake-github.js";
import { it as pingone } from "./pingone/pingone-action.js";
import { cancelLikeRunner } from "./runner.js";

const RUN_URL = "https://github.com/acme/tenant-config/actions/runs/9876543210";

/** The deployment calls the action made, in order, each with what it created or set. */
function deploymentCalls(github: FakeGitHub): string[] {
  return github.requests
    .filter((r) => r.path.includes("/deployments"))
    .map((r) => {
      const path = r.path.replace(/^\/repos\/acme\/tenant-config/, "");
      const body = (r.body ?? {}) as { task?: string; state?: string };
      const what = r.method === "POST" ? ` ${body.task ?? body.state}` : "";
      const query = r.query.task ? `?task=${r.query.task}` : "";
      return `${r.method} ${path}${query}${what}`;
    });
}

describe.concurrent("deployments on AIC (deployment-environment)", () => {
  aic(
    "promote: a deployment in progress at the point of no return, then success",
    async ({ action }) => {
      const emulator = await action.emulate();
      const github = await action.github();
      const job = await action.job(pushEvent(), emulator, github, { comment: "never" });
      const run = await job.main({ mode: "promote", "deployment-environment": "Production" });
      expect(run.code, run.stdout).toBe(0);
      const consoleUrl = `${emulator.upperUrl}/platform/`;
      expect(run.outputs).toMatchObject({ result: "succeeded", "environment-url": consoleUrl });

      const [deployment] = github.deployments();
      const id = deployment?.id;
      expect(deploymentCalls(github)).toEqual([
        "POST /deployments promote",
        `POST /deployments/${id}/statuses in_progress`,
        `POST /deployments/${id}/statuses success`,
      ]);
      expect(deployment).toMatchObject({
        ref: DEFAULT_SHA,
        task: "promote",
        environment: "Production",
        production_environment: true,
        transient_environment: false,
        payload: {
          platform: "aic",
          target: emulator.upperUrl,
          reportHash: run.outputs["report-hash"],
          promotionId: run.outputs["promotion-id"],
        },
      });
      for (const status of deployment?.statuses ?? [])
        expect(status).toMatchObject({ log_url: RUN_URL, environment_url: consoleUrl });
      expect(run.state.deployment).toContain(`"id":${id}`);
      expect(run.state["deployment-finished"]).toBe(String(id));
      // Post finds nothing left: no other call.
      await job.post({ mode: "promote" });
      expect(deploymentCalls(github)).toHaveLength(3);
    },
  );

  aic(
    "rollback: its own deployment, and the promotion it reverted marked inactive",
    async ({ action }) => {
      const emulator = await action.emulate();
      const github = await action.github();
      const job = await action.job(DISPATCH, emulator, github, {
        comment: "never",
        "deployment-environment": "production",
      });
      expect((await job.main({ mode: "promote" })).outputs.result).toBe("succeeded");
      const promoted = github.deployments()[0]?.id;
      github.requests.length = 0;

      const rollback = await job.main({ mode: "rollback" });
      expect(rollback.outputs, rollback.stdout).toMatchObject({ result: "succeeded" });
      const rolledBack = github.deployments()[0]?.id;
      expect(deploymentCalls(github)).toEqual([
        "POST /deployments rollback",
        `POST /deployments/${rolledBack}/statuses in_progress`,
        `POST /deployments/${rolledBack}/statuses success`,
        "GET /deployments?task=promote",
        `GET /deployments/${promoted}/statuses`,
        `POST /deployments/${promoted}/statuses inactive`,
      ]);
      expect(github.deployments().map((d) => [d.task, d.statuses[0]?.state])).toEqual([
        ["rollback", "success"],
        ["promote", "inactive"],
      ]);
    },
  );

  aic(
    "rollback given promotion-id: retires that promotion's deployment, not a later one",
    async ({ action }) => {
      const emulator = await action.emulate();
      const github = await action.github();
      const job = await action.job(DISPATCH, emulator, github, {
        comment: "never",
        "deployment-environment": "production",
      });
      const promote = await job.main({ mode: "promote" });
      const promotionId = promote.outputs["promotion-id"] as string;
      const reverted = github.deployments()[0]?.id;
      // A later deployment of another promotion to the same target, say from another workflow.
      const octokit = getOctokit(GITHUB_TOKEN, { baseUrl: github.url });
      const repo = { owner: "acme", repo: "tenant-config" };
      const { data } = await octokit.rest.repos.createDeployment({
        ...{ ...repo, ref: DEFAULT_SHA, task: "promote", environment: "production" },
        ...{ auto_merge: false, required_contexts: [] },
        payload: { platform: "aic", target: emulator.upperUrl, promotionId: "another-promotion" },
      });
      const later = (data as { id: number }).id;
      await octokit.rest.repos.createDeploymentStatus({
        ...{ ...repo, deployment_id: later, state: "success" },
      });

      const rollback = await job.main({ mode: "rollback", "promotion-id": promotionId });
      expect(rollback.outputs, rollback.stdout).toMatchObject({ result: "succeeded" });
      const state = (id: number | undefined) =>
        github.deployments().find((d) => d.id === id)?.statuses[0]?.state;
      expect(state(reverted)).toBe("inactive");
      expect(state(later)).toBe("success");
    },
  );

  aic("no-change: no deployment at all", async ({ action }) => {
    const emulator = await action.emulate();
    const github = await action.github();
    const job = await action.job(DISPATCH, emulator, github, {
      comment: "never",
      "deployment-environment": "production",
    });
    expect((await job.main({ mode: "promote" })).outputs.result).toBe("succeeded");
    github.requests.length = 0;
    const again = await job.main({ mode: "promote" });
    expect(again.outputs, again.stdout).toMatchObject({ result: "no-change" });
    expect(deploymentCalls(github)).toEqual([]);
    // A read-only mode with the input set creates none either.
    await job.main({ mode: "dry-run" });
    expect(deploymentCalls(github)).toEqual([]);
  });

  aic("a promotion failing after its point of no return: failure", async ({ action }) => {
    const emulator = await action.emulate(
      scenarioOnDefault("faults:\n  blockingError: { promotion: true }"),
    );
    const github = await action.github();
    const job = await action.job(pushEvent(), emulator, github, { comment: "never" });
    const run = await job.main({ mode: "promote", "deployment-environment": "staging" });
    expect(run.outputs).toMatchObject({ result: "failed", "failure-reason": "blocking-error" });
    expect(run.outputs["environment-url"]).toBe(`${emulator.upperUrl}/platform/`);
    const id = github.deployments()[0]?.id;
    expect(deploymentCalls(github)).toEqual([
      "POST /deployments promote",
      `POST /deployments/${id}/statuses in_progress`,
      `POST /deployments/${id}/statuses failure`,
    ]);
    expect(github.deployments()[0]?.production_environment).toBe(false);
  });

  aic(
    "cancelled after the point of no return: post gives the final status",
    async ({ action }) => {
      // At 60x a promotion takes about 11 s: main cannot wait it out before SIGTERM.
      const emulator = await action.emulate(undefined, 60);
      const github = await action.github();
      const job = await action.job(pushEvent(), emulator, github, {
        comment: "never",
        "deployment-environment": "production",
      });
      const main = await job.startMain({ mode: "promote" });
      await main.waitForStdout(/\[promotion\] started/);
      const killed = await cancelLikeRunner(main, 0.2);
      const id = github.deployments()[0]?.id;
      expect(killed.state.deployment).toContain(`"id":${id}`);
      expect(killed.state["deployment-finished"]).toBeUndefined();
      expect(deploymentCalls(github)).toEqual([
        "POST /deployments promote",
        `POST /deployments/${id}/statuses in_progress`,
      ]);

      const post = await job.post({ mode: "promote" });
      expect(post.code, post.stdout).toBe(0);
      expect(deploymentCalls(github)).toEqual([
        "POST /deployments promote",
        `POST /deployments/${id}/statuses in_progress`,
        `POST /deployments/${id}/statuses success`,
      ]);
      expect(github.deployments()[0]?.statuses[0]).toMatchObject({
        log_url: RUN_URL,
        environment_url: `${emulator.upperUrl}/platform/`,
      });
    },
    60_000,
  );

  aic("without deployments: write: one warning, and the promotion succeeds", async ({ action }) => {
    const emulator = await action.emulate();
    const github = await action.github({ readOnly: true });
    const job = await action.job(pushEvent(), emulator, github, { comment: "never" });
    const run = await job.main({ mode: "promote", "deployment-environment": "production" });
    expect(run.code, run.stdout).toBe(0);
    expect(run.outputs.result).toBe("succeeded");
    const warned = warnings(run)
      .split("\n")
      .filter((line) => line.includes("deployments: write"));
    expect(warned).toHaveLength(1);
    expect(warned[0]).toContain("deployment-environment needs permissions: deployments: write");
    expect(warned[0]).toContain("403 Resource not accessible by integration");
    expect(deploymentCalls(github)).toEqual(["POST /deployments promote"]);
  });

  aic(
    "a secondary rate limit is no missing permission: the next call is still made",
    async ({ action }) => {
      const emulator = await action.emulate();
      const github = await action.github();
      let limited = false;
      github.intercept = (request) => {
        if (limited || !request.path.endsWith("/deployments") || request.method !== "POST")
          return undefined;
        limited = true;
        return { status: 403, body: { message: "You have exceeded a secondary rate limit" } };
      };
      const job = await action.job(pushEvent(), emulator, github, { comment: "never" });
      const run = await job.main({ mode: "promote", "deployment-environment": "production" });
      expect(run.outputs.result).toBe("succeeded");
      expect(warnings(run)).toContain("secondary rate limit");
      expect(warnings(run)).not.toContain("deployments: write");
    },
  );
});

describe.concurrent("deployments on ArcGIS", () => {
  arcgis(
    "a rollback's job is its point of no return: in progress, then success",
    async ({ action }) => {
      const emulator = await action.emulate();
      const github = await action.github();
      const job = await action.job(DISPATCH, emulator, github);
      const run = await job.main({ mode: "rollback", "deployment-environment": "gis-prod" });
      expect(run.outputs, run.stdout).toMatchObject({
        result: "succeeded",
        "environment-url": `${emulator.orgUrl}/manager/`,
      });
      const [deployment] = github.deployments();
      expect(deploymentCalls(github).slice(0, 3)).toEqual([
        "POST /deployments rollback",
        `POST /deployments/${deployment?.id}/statuses in_progress`,
        `POST /deployments/${deployment?.id}/statuses success`,
      ]);
      expect(deployment?.payload).toMatchObject({ platform: "arcgis", target: emulator.orgUrl });
    },
  );
});

describe.concurrent("deployments on PingOne", () => {
  pingone(
    "promote then rollback: the execution is the point of no return; the promote retired",
    async ({ action }) => {
      const emulator = await action.emulate();
      const github = await action.github();
      const job = await action.job(DISPATCH, emulator, github, {
        comment: "never",
        "deployment-environment": "prod-eu",
      });
      const promote = await job.main({ mode: "promote" });
      // The emulator is its own console: a real API URL names the region's console instead.
      const consoleUrl = `${emulator.origin}/?env=${STAGING_ID}`;
      expect(promote.outputs, promote.stdout).toMatchObject({
        result: "succeeded",
        "environment-url": consoleUrl,
      });
      const rollback = await job.main({ mode: "rollback" });
      expect(rollback.outputs, rollback.stdout).toMatchObject({ result: "succeeded" });
      const [rolledBack, promoted] = github.deployments();
      expect(deploymentCalls(github)).toEqual([
        "POST /deployments promote",
        `POST /deployments/${promoted?.id}/statuses in_progress`,
        `POST /deployments/${promoted?.id}/statuses success`,
        "POST /deployments rollback",
        `POST /deployments/${rolledBack?.id}/statuses in_progress`,
        `POST /deployments/${rolledBack?.id}/statuses success`,
        "GET /deployments?task=promote",
        `GET /deployments/${promoted?.id}/statuses`,
        `POST /deployments/${promoted?.id}/statuses inactive`,
      ]);
      expect(promoted).toMatchObject({
        production_environment: true,
        payload: {
          platform: "pingone",
          target: STAGING_ID,
          reportHash: promote.outputs["report-hash"],
          promotionId: promote.outputs["promotion-id"],
        },
      });
      expect(rolledBack?.statuses[0]?.environment_url).toBe(consoleUrl);
    },
  );
});
