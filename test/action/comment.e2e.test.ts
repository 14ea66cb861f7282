// The bundled action on pull requests: the report as one PR comment per upper environment,
// updated in place; read-only fork tokens; reports too large for a comment.
import { readFileSync } from "node:fs";
import { describe, expect } from "vitest";
import { readMarker } from "../../src/faces/marker.js";
import { defaultScenario } from "../../src/platforms/aic/emulator/index.js";
import {
  errors,
  GITHUB_TOKEN,
  it,
  pullRequestEvent,
  unlocksOf,
  warnings,
} from "./emulated-action.js";

describe.concurrent("the action on a pull request", () => {
  it("dry-runs, comments the report once, and updates that same comment on the next run", async ({
    action,
  }) => {
    const emulator = await action.emulate();
    const github = await action.github();
    github.seedComment(7, "Looks good to me", "alice");
    const job = await action.job(pullRequestEvent(7), emulator, github);

    const first = await job.main();
    expect(first.code, first.stdout).toBe(0);
    expect(first.outputs).toMatchObject({
      result: "succeeded",
      "failure-reason": "",
      changes: "6",
    });
    expect(first.outputs["report-hash"]).toMatch(/^[0-9a-f]{64}$/);
    const promotionId = first.outputs["promotion-id"] as string;
    expect(unlocksOf(emulator, promotionId)).toBe(1);
    expect(emulator.upper.lockState().result).toBe("unlocked");
    expect(emulator.upper.history).toHaveLength(0);

    const comments = () => github.comments(7).filter((c) => c.user.type === "Bot");
    expect(comments()).toHaveLength(1);
    const body = comments()[0]?.body ?? "";
    expect(readMarker(body)).toEqual({
      upper: emulator.upperUrl,
      hash: first.outputs["report-hash"],
    });
    expect(body).toContain("tenant-promote dry-run: succeeded");
    // A dry run needs only the upper environment: the line names what the run knows.
    expect(body).toContain(`Environments: to \`${emulator.upperUrl}\``);
    expect(body).toContain("| AMConfig | Journeys | 1 | 1 | 1 |");
    expect(first.summary).toContain("Dry-run promotion report");
    expect(first.summary).toContain(`to \`${emulator.upperUrl}\``);
    const file = JSON.parse(readFileSync(first.outputs["report-file"] as string, "utf8"));
    expect(file).toMatchObject({ result: "succeeded", reportHash: first.outputs["report-hash"] });
    // The tenant's report names the PR and the run.
    expect(emulator.upper.reports.at(-1)?.promotionDescription).toContain(
      "PR #7: Add the progressive profile journey",
    );

    const second = await job.main();
    expect(second.code).toBe(0);
    expect(comments()).toHaveLength(1);
    expect(comments()[0]?.body).toContain(second.outputs["promotion-id"]);
    expect(github.requests.filter((r) => r.method === "PATCH")).toHaveLength(1);
    expect(github.requests.filter((r) => r.method === "POST")).toHaveLength(1);
    for (const request of github.requests) expect(request.authorization).toContain(GITHUB_TOKEN);
    // The secrets never reach the log, the summary or the comment.
    const logLines = first.stdout.split("\n").filter((l) => !l.startsWith("::add-mask::"));
    for (const text of [logLines.join("\n"), first.summary, body]) {
      expect(text).not.toContain("emulator-upper-token");
      expect(text).not.toContain(GITHUB_TOKEN);
    }
    // Post has nothing to do: main released its lock.
    const post = await job.post();
    expect(post.code).toBe(0);
    expect(post.stdout).toContain("nothing this run took is left to release");
  });

  it("on a fork's PR with a read-only token, warns that it cannot comment and still succeeds", async ({
    action,
  }) => {
    const emulator = await action.emulate();
    const github = await action.github({ readOnly: true });
    const job = await action.job(pullRequestEvent(8, { fork: true }), emulator, github);

    const run = await job.main();
    expect(run.code, run.stdout).toBe(0);
    expect(run.outputs.result).toBe("succeeded");
    expect(warnings(run)).toMatch(
      /could not comment on PR #8: .*Resource not accessible by integration/,
    );
    expect(github.comments(8)).toHaveLength(0);
    expect(run.summary).toContain("tenant-promote dry-run: succeeded");
  });

  it("without a github-token, warns that the report goes to the job summary only", async ({
    action,
  }) => {
    const emulator = await action.emulate();
    const github = await action.github();
    const job = await action.job(pullRequestEvent(7), emulator, github);
    const run = await job.main({ "github-token": "" });
    expect(run.code, run.stdout).toBe(0);
    expect(warnings(run)).toContain("no github-token: the report goes to the job summary only");
    expect(github.requests).toHaveLength(0);
    expect(run.summary).toContain("tenant-promote dry-run: succeeded");
    expect(emulator.upper.reports.at(-1)?.promotionDescription).toContain("PR #7");
  });

  it("refuses promote and rollback on a fork's PR before any request", async ({ action }) => {
    const emulator = await action.emulate();
    const github = await action.github({ readOnly: true });
    const job = await action.job(pullRequestEvent(8, { fork: true }), emulator, github);

    for (const mode of ["promote", "rollback"]) {
      const run = await job.main({ mode });
      expect(run.code).not.toBe(0);
      expect(run.outputs).toMatchObject({ result: "failed", "failure-reason": "usage" });
      expect(errors(run)).toContain(`${mode} refuses to run on a pull request from a fork`);
    }
    expect(emulator.requests).toHaveLength(0);
  });

  it("trims a report too large for a comment to 65,536 characters, pointing to the run", async ({
    action,
  }) => {
    const scenario = defaultScenario();
    const journeys = scenario.environments.lower.config.AMConfig?.Journeys ?? [];
    for (let i = 0; i < 1500; i++) {
      journeys.push({
        name: `Journey ${i} ${"x".repeat(60)}`,
        realm: "/alpha",
        uid: `j-${i}`,
        content: { i },
      });
    }
    const emulator = await action.emulate(scenario);
    const github = await action.github();
    const job = await action.job(pullRequestEvent(9), emulator, github);

    const run = await job.main();
    expect(run.code, run.stdout).toBe(0);
    expect(run.outputs.changes).toBe("1506");
    const body = github.comments(9)[0]?.body ?? "";
    // Untrimmed it is over 65,536 characters, which GitHub (and the fake) refuses.
    expect(body.length).toBeLessThanOrEqual(65_536);
    expect(body).toMatch(/\| AMConfig \| Journeys \| 1501 \| 1 \| 1 \|/);
    // The huge item shows its first entries, then how many more there are.
    expect(body).toContain("Journey 0 ");
    expect(body).toMatch(/… and 1\d\d\d more \(see the full JSON report\)/);
    expect(body).toContain("too long for a comment");
    expect(body).toContain("/actions/runs/");
    expect(readMarker(body)?.hash).toBe(run.outputs["report-hash"]);
  });
});

describe.concurrent("bad input", () => {
  it("names the offending input and sends nothing", async ({ action }) => {
    const emulator = await action.emulate();
    const job = await action.job(pullRequestEvent(7), emulator);
    const cases: [Record<string, string>, RegExp][] = [
      [{ mode: "deploy" }, /input "mode" is "deploy"; use one of preview, dry-run/],
      [{ "upper-fqdn": "http://staging.example.com" }, /input "upper-fqdn" uses http:\/\//],
      [{ timeout: "soon" }, /input "timeout": "soon" is not a duration/],
      [
        { "upper-access-token": "" },
        /no credentials for the upper environment: give input "upper-service-account-id"/,
      ],
      [{ mode: "unlock" }, /unlock needs input "promotion-id"/],
      [
        { "require-reviewed-report": "yes" },
        /input "require-reviewed-report" is "yes"; use true or false/,
      ],
      [{ comment: "sometimes" }, /input "comment" is "sometimes"; use auto, always or never/],
      [{ target: "staging" }, /input "target" is set but input "config" is not/],
      [{ config: "missing.yml", target: "staging" }, /input "config": no such file: missing\.yml/],
    ];
    for (const [inputs, message] of cases) {
      const run = await job.main(inputs);
      expect(run.code).not.toBe(0);
      expect(run.outputs["failure-reason"], `${JSON.stringify(inputs)}\n${run.stdout}`).toBe(
        "usage",
      );
      expect(errors(run)).toMatch(message);
    }
    expect(emulator.requests).toHaveLength(0);
  });
});
