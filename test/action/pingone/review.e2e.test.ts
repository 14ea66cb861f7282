// The bundled action on PingOne, the review flow: a PR's dry run commented and summarised, the
// merge's promote checked against the reviewed report, and inputs of another platform refused.
import { existsSync, readFileSync } from "node:fs";
import { describe, expect } from "vitest";
import { readMarker } from "../../../src/faces/marker.js";
import {
  creates,
  DEVELOPMENT_ID,
  deletes,
  executes,
  NO_NEW_REFERENCES,
  ONE_MORE_POPULATION,
  onDefault,
  PROMOTIONS,
  STAGING_ID,
} from "../../e2e/pingone/emulated.js";
import { DEFAULT_SHA } from "../action-env.js";
import type { FakeGitHub } from "../fake-github.js";
import {
  errors,
  everythingShown,
  it,
  pullRequestEvent,
  pushEvent,
  warnings,
} from "./pingone-action.js";

const KEY = `pingone:${STAGING_ID}`;

/** PR #7, merged as the pushed commit. */
function mergedPullRequest(github: FakeGitHub): void {
  github.seedPull(
    { number: 7, state: "closed", merged_at: "2026-11-22T10:00:00Z" },
    { commits: [DEFAULT_SHA] },
  );
}

describe.concurrent("a PingOne dry run on a pull request", () => {
  it("comments the plan under the target's marker, writes the summary and outputs, leaves no draft", async ({
    action,
  }) => {
    const emulator = await action.emulate();
    const github = await action.github();
    const job = await action.job(pullRequestEvent(7), emulator, github);
    const run = await job.main({ mode: "dry-run" });

    expect(run.code, run.stdout).toBe(0);
    expect(run.outputs).toMatchObject({ result: "succeeded", "failure-reason": "", changes: "6" });
    const hash = run.outputs["report-hash"] as string;
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    const id = run.outputs["promotion-id"] as string;
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const file = run.outputs["report-file"] as string;
    expect(file.startsWith(job.workspace.runnerTemp)).toBe(true);
    expect(existsSync(file)).toBe(true);
    expect(JSON.parse(readFileSync(file, "utf8"))).toMatchObject({
      result: "succeeded",
      reportHash: hash,
      promotionId: id,
    });

    const comments = github.comments(7);
    expect(comments).toHaveLength(1);
    const body = comments[0]?.body ?? "";
    expect(readMarker(body)).toEqual({ upper: KEY, hash });
    expect(body).toContain("tenant-promote dry-run: succeeded");
    // The environments by their own ids: the marker's key is not the target's name.
    expect(body).toContain(`Environments: from \`${DEVELOPMENT_ID}\` to \`${STAGING_ID}\``);
    expect(body).not.toContain(`to \`${KEY}\``);
    expect(body).toContain("| Resources | populations | 1 | 1 | 0 |");
    expect(run.summary).toContain("tenant-promote dry-run: succeeded");
    expect(run.summary).toContain("Partner Portal");
    // The draft was deleted, nothing executed: post has nothing to do.
    expect(deletes(emulator).map((r) => r.path)).toEqual([`${PROMOTIONS}/${id}`]);
    expect(emulator.promotions()).toEqual([]);
    expect(executes(emulator)).toEqual([]);
    const post = await job.post({ mode: "dry-run" });
    expect(post.code).toBe(0);
    expect(post.stdout).toContain("nothing this run took is left to release");
    const secret = emulator.workerApp.clientSecret;
    expect(everythingShown(run, post)).not.toContain(secret);
    expect(body).not.toContain(secret);
  });

  it("the runner finds every PingOne input in action.yml (no 'Unexpected input' warning)", async ({
    action,
  }) => {
    const emulator = await action.emulate();
    const run = await (await action.job(pullRequestEvent(7), emulator)).main({
      mode: "preview",
      comment: "never",
    });
    expect(run.outputs.result, run.stdout).toBe("succeeded");
    expect(warnings(run)).not.toMatch(/Unexpected input/);
  });
});

describe.concurrent("promote on a merge with require-reviewed-report", () => {
  it("promotes when the merge's plan matches the one reviewed on the PR", async ({ action }) => {
    const emulator = await action.emulate(onDefault(NO_NEW_REFERENCES));
    const github = await action.github();
    mergedPullRequest(github);
    const review = await (await action.job(pullRequestEvent(7), emulator, github)).main();
    expect(review.outputs.result, review.stdout).toBe("succeeded");

    const merge = await action.job(pushEvent(), emulator, github);
    const run = await merge.main({ mode: "promote", "require-reviewed-report": "true" });
    expect(run.code, run.stdout).toBe(0);
    expect(run.outputs).toMatchObject({ result: "succeeded", changes: "6" });
    expect(run.outputs["report-hash"]).toBe(review.outputs["report-hash"]);
    expect(run.stdout).toContain("[review] PR #7 reviewed report");
    expect(executes(emulator)).toHaveLength(1);
    expect(emulator.promotions().map((p) => p.status)).toEqual(["COMPLETED"]);
    const comments = github.comments(7);
    expect(comments).toHaveLength(1);
    expect(comments[0]?.body).toContain("tenant-promote promote: succeeded");
    expect(readMarker(comments[0]?.body ?? "")?.hash).toBe(review.outputs["report-hash"]);
  });

  // The default plan refers to resources it creates by ids PingOne assigns per promotion; the
  // merge's fresh plan has other such ids than the PR's (see test/e2e/pingone/report-hash.test.ts).
  it("promotes the default environments after their reviewed dry run", async ({ action }) => {
    const emulator = await action.emulate();
    const github = await action.github();
    mergedPullRequest(github);
    const review = await (await action.job(pullRequestEvent(7), emulator, github)).main();
    const merge = await action.job(pushEvent(), emulator, github);
    const run = await merge.main({ mode: "promote", "require-reviewed-report": "true" });
    expect(run.outputs, run.summary).toMatchObject({ result: "succeeded" });
    expect(run.outputs["report-hash"]).toBe(review.outputs["report-hash"]);
  });

  it("a source changed since the review: report-changed, the draft deleted, nothing executed", async ({
    action,
  }) => {
    const github = await action.github();
    mergedPullRequest(github);
    // The PR's dry run saw the environments before Auditors was added to development.
    const before = await action.emulate(onDefault(NO_NEW_REFERENCES));
    const review = await (await action.job(pullRequestEvent(7), before, github)).main();
    expect(review.outputs.result, review.stdout).toBe("succeeded");

    const emulator = await action.emulate(onDefault(ONE_MORE_POPULATION));
    const merge = await action.job(pushEvent(), emulator, github);
    const run = await merge.main({ mode: "promote", "require-reviewed-report": "true" });
    expect(run.code).not.toBe(0);
    expect(run.outputs).toMatchObject({ result: "failed", "failure-reason": "report-changed" });
    expect(errors(run)).toMatch(/other changes than the report reviewed on PR #7/);
    expect(run.summary).toContain("+ only in new: Resources / populations / added: Auditors");
    expect(run.summary).not.toContain("only in old");
    expect(creates(emulator)).toHaveLength(1);
    expect(deletes(emulator)).toHaveLength(1);
    expect(emulator.promotions()).toEqual([]);
    expect(executes(emulator)).toEqual([]);
    const comment = github.comments(7)[0]?.body ?? "";
    expect(readMarker(comment)).toEqual({ upper: KEY, hash: review.outputs["report-hash"] });
    expect((await merge.post()).stdout).toContain("nothing this run took is left to release");
  });
});

describe.concurrent("inputs of another platform", () => {
  it.for([
    ["upper-fqdn", "openam-acme-staging.forgeblocks.com"],
    ["upper-access-token", "aic-token-not-for-pingone"],
  ])(
    "%s with platform: pingone is a usage failure naming it; nothing sent",
    async ([input, value], { action }) => {
      const emulator = await action.emulate();
      const run = await (await action.job(pushEvent(), emulator)).main({
        mode: "dry-run",
        comment: "never",
        [input as string]: value as string,
      });
      expect(run.code).not.toBe(0);
      expect(run.outputs).toMatchObject({ result: "failed", "failure-reason": "usage" });
      expect(errors(run)).toContain(
        `input "${input}" belongs to platform aic, but this run is on pingone`,
      );
      expect(emulator.requests).toEqual([]);
    },
  );
});
