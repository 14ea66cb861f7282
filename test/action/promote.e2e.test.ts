// The bundled action promoting on a merge: the reviewed-report check, integrity failures,
// another holder's lock, and a cancelled job whose post step finishes the release.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect } from "vitest";
import { readMarker } from "../../src/faces/marker.js";
import { commentBody } from "../../src/faces/render.js";
import { scenarioOnDefault } from "../e2e/emulated.js";
import { DEFAULT_SHA } from "./action-env.js";
import { errors, it, pullRequestEvent, pushEvent, unlocksOf } from "./emulated-action.js";
import type { FakeGitHub } from "./fake-github.js";
import { dryRunReport, succeeded } from "./reports.js";
import { cancelLikeRunner } from "./runner.js";

const HOLDER = "7d3c9e2a-4b1f-4e8a-9c6d-2f5e8a1b3c4d";

/** PR #7, merged as the pushed commit. */
function mergedPullRequest(github: FakeGitHub): void {
  github.seedPull(
    { number: 7, state: "closed", merged_at: "2026-11-22T10:00:00Z" },
    { commits: [DEFAULT_SHA] },
  );
}

describe.concurrent("promote on a merge", () => {
  it("promotes when the fresh dry run matches the report reviewed on the merged PR", async ({
    action,
  }) => {
    const emulator = await action.emulate();
    const github = await action.github();
    mergedPullRequest(github);
    // The PR's dry run, as the PR workflow left it.
    const review = await (await action.job(pullRequestEvent(7), emulator, github)).main();
    expect(review.outputs.result).toBe("succeeded");

    const merge = await action.job(pushEvent(), emulator, github);
    const run = await merge.main({ mode: "promote", "require-reviewed-report": "true" });
    expect(run.code, run.stdout).toBe(0);
    expect(run.outputs).toMatchObject({ result: "succeeded", changes: "6" });
    expect(run.outputs["report-hash"]).toBe(review.outputs["report-hash"]);
    expect(run.stdout).toContain("[review] PR #7 reviewed report");
    expect(emulator.upper.history).toHaveLength(1);
    expect(emulator.upper.lockState().result).toBe("unlocked");
    // The merged PR's one comment now shows the promotion.
    const comments = github.comments(7);
    expect(comments).toHaveLength(1);
    expect(comments[0]?.body).toContain("tenant-promote promote: succeeded");
    expect(run.summary).toContain("Promotion report");
    expect((await merge.post()).stdout).toContain("nothing this run took is left to release");
  });

  it("refuses with report-changed and a diff when the dry run differs from the reviewed report", async ({
    action,
  }) => {
    const emulator = await action.emulate();
    const github = await action.github();
    mergedPullRequest(github);
    // The reviewer saw one journey; the lower environment now brings five changes.
    const reviewedReport = dryRunReport(["ProgressiveProfile"]);
    const reviewed = commentBody(succeeded(reviewedReport), {
      target: emulator.upperUrl,
      commentKey: emulator.upperUrl,
      runUrl: "https://github.com/acme/tenant-config/actions/runs/1",
      scrub: (t) => t,
    });
    github.seedComment(7, reviewed);

    const job = await action.job(pushEvent(), emulator, github);
    const run = await job.main({ mode: "promote", "require-reviewed-report": "true" });
    expect(run.code).not.toBe(0);
    expect(run.outputs).toMatchObject({ result: "failed", "failure-reason": "report-changed" });
    expect(errors(run)).toMatch(/other changes than the report reviewed on PR #7/);
    expect(run.summary).toContain("Changes since the reviewed report");
    expect(run.summary).toContain("+ only in new: AMConfig / Journeys / modified: Login (/alpha)");
    expect(run.summary).toContain("- only in old: AMConfig / Journeys / added: ProgressiveProfile");
    // The way forward: the PR's dry run again, or this very report approved by its hash.
    expect(errors(run)).toContain("re-run the dry run of PR #7");
    expect(errors(run)).toContain(`reviewed-report-hash: ${run.outputs["report-hash"]}`);
    expect(emulator.upper.history).toHaveLength(0);
    expect(emulator.upper.lockState().result).toBe("unlocked");
    // The comment shows the refusal but keeps the reviewed hash: a re-run cannot approve itself.
    const comment = github.comments(7)[0]?.body ?? "";
    expect(comment).toContain("report-changed");
    expect(readMarker(comment)?.hash).toBe(reviewedReport.hash);
    const again = await job.main({ mode: "promote", "require-reviewed-report": "true" });
    expect(again.outputs["failure-reason"]).toBe("report-changed");
    expect(emulator.upper.history).toHaveLength(0);
  });

  it("refuses with report-unreviewed, before locking, when the merged PR has no report", async ({
    action,
  }) => {
    const emulator = await action.emulate();
    const github = await action.github();
    mergedPullRequest(github);
    const run = await (await action.job(pushEvent(), emulator, github)).main({
      mode: "promote",
      "require-reviewed-report": "true",
    });
    expect(run.outputs["failure-reason"]).toBe("report-unreviewed");
    expect(errors(run)).toContain(`PR #7 has no tenant-promote report for ${emulator.upperUrl}`);
    expect(emulator.requests).toHaveLength(0);
  });

  it("stops on missing ESVs, listing each, and unlocks", async ({ action }) => {
    const emulator = await action.emulate(
      scenarioOnDefault("environments:\n  upper:\n    esvs: [esv-recaptcha-site-key]"),
    );
    const run = await (await action.job(pushEvent(), emulator)).main({
      mode: "promote",
      comment: "never",
    });
    expect(run.code).not.toBe(0);
    expect(run.outputs).toMatchObject({ result: "failed", "failure-reason": "missing-esvs" });
    expect(errors(run)).toMatch(/does not have:\n\s+- email.from\n/);
    expect(errors(run)).toContain("Create each ESV listed above");
    expect(run.summary).toContain("- email.from");
    expect(unlocksOf(emulator, run.outputs["promotion-id"] as string)).toBe(1);
    expect(emulator.upper.lockState().result).toBe("unlocked");
  });

  it("on a lock conflict names the holder, and neither main nor post touch that lock", async ({
    action,
  }) => {
    const emulator = await action.emulate(
      scenarioOnDefault(`faults:\n  lockHeldBy: { promotionId: ${HOLDER} }`),
    );
    const job = await action.job(pushEvent(), emulator);
    const run = await job.main({ mode: "promote", comment: "never" });
    expect(run.outputs).toMatchObject({ result: "failed", "failure-reason": "lock-conflict" });
    expect(errors(run)).toContain(`already locked by promotion ${HOLDER}`);
    expect(run.state["held-id"]).toBeUndefined();

    const post = await job.post();
    expect(post.code).toBe(0);
    expect(unlocksOf(emulator, HOLDER)).toBe(0);
    expect(emulator.upper.lockState()).toMatchObject({ result: "locked", promotionId: HOLDER });
  });

  it("cancelled mid-promotion (SIGINT, SIGTERM, SIGKILL), leaves the lock to post, which releases it", async ({
    action,
  }) => {
    // At 60x a promotion takes about 11 s: main cannot wait it out before SIGTERM.
    const emulator = await action.emulate(undefined, 60);
    const job = await action.job(pushEvent(), emulator);
    const main = await job.startMain({ mode: "promote", comment: "never" });
    await main.waitForStdout(/\[promotion\] started/);
    const killed = await cancelLikeRunner(main, 0.2);
    const promotionId = killed.state["held-id"] as string;
    expect(promotionId).toMatch(/^[0-9a-f-]{36}$/);
    expect(killed.state["held-released"], killed.stdout).toBeUndefined();
    expect(killed.stdout).toContain(
      `leaving the release of promotion ${promotionId} to the post step`,
    );
    expect(killed.stdout).toContain("[cancel] the promotion has started and cannot be stopped");
    expect(killed.outputs.result).toBeUndefined();
    expect(emulator.upper.lockState().result).toBe("locked");
    expect(unlocksOf(emulator, promotionId)).toBe(0);

    const post = await job.post({ mode: "promote", comment: "never" });
    expect(post.code, post.stdout).toBe(0);
    expect(post.stdout).toContain(`main left the lock of promotion ${promotionId} held`);
    expect(post.stdout).toContain(`environments unlocked (promotion ${promotionId})`);
    const truth =
      "The promotion that was running ended: Promotion completed. The cancel came after the promotion started and could not stop it.";
    expect(post.stdout).toContain(`::notice::${truth}`);
    expect(post.summary).toContain(truth);
    expect(emulator.upper.lockState().result).toBe("unlocked");
    expect(unlocksOf(emulator, promotionId)).toBe(1);
  }, 60_000);
});

describe.concurrent("a post step that cannot release what main left", () => {
  // The inputs now name another platform: post cannot connect, so it names the way by hand.
  const held = (extra: Record<string, string>) => ({
    "is-post": "true",
    platform: "aic",
    "held-id": HOLDER,
    "held-origin": "https://openam-x.example.com",
    "started-at": String(Date.now()),
    ...extra,
  });

  it("names the unlock inputs from the recovery main saved, whatever the held thing is called", async ({
    action,
  }) => {
    const job = await action.job(pushEvent(), await action.emulate());
    job.workspace.mainState = held({
      // No face knows a platform's kinds: a kind it never heard of is released the same way.
      "held-kind": "reservation",
      "held-release": "give-back",
      "held-recovery": JSON.stringify({ mode: "unlock", inputs: { "promotion-id": HOLDER } }),
    });
    const post = await job.post({ platform: "pingone" });
    expect(post.code).toBe(1);
    expect(post.stdout).toContain(`Release it with mode: unlock and promotion-id: ${HOLDER}.`);
  });

  it("offers no unlock for work only a status can follow", async ({ action }) => {
    const job = await action.job(pushEvent(), await action.emulate());
    job.workspace.mainState = held({ "held-kind": "rollback job", "held-release": "follow-only" });
    const post = await job.post({ platform: "pingone" });
    expect(post.code).toBe(1);
    expect(post.stdout).toContain("See it with mode: status.");
    expect(post.stdout).not.toContain("mode: unlock");
  });
});

describe.concurrent("the other modes", () => {
  it("previews, checks status, rolls back and unlocks, with a target from the environments file", async ({
    action,
  }) => {
    const emulator = await action.emulate();
    const job = await action.job({ name: "workflow_dispatch", payload: {} }, emulator);
    const config = join(job.workspace.githubWorkspace, "tenant-promote.yml");
    writeFileSync(
      config,
      `environments:\n  - { name: development, fqdn: "${emulator.lowerUrl}" }\n  - { name: staging, fqdn: "${emulator.upperUrl}" }\n`,
    );
    const common = {
      config,
      target: "staging",
      "upper-fqdn": "",
      "lower-access-token": "emulator-lower-token",
    };

    const preview = await job.main({ ...common, mode: "preview" });
    expect(preview.outputs, preview.stdout).toMatchObject({ result: "succeeded", changes: "6" });
    expect(preview.summary).toContain(`from \`${emulator.lowerUrl}\``);

    expect((await job.main({ ...common, mode: "promote" })).outputs.result).toBe("succeeded");
    const rollbackPreview = await job.main({ ...common, mode: "rollback-preview" });
    expect(rollbackPreview.outputs.changes).toBe("6");
    const rollback = await job.main({ ...common, mode: "rollback" });
    expect(rollback.outputs, rollback.stdout).toMatchObject({ result: "succeeded" });
    expect(emulator.upper.history).toHaveLength(0);

    const status = await job.main({ ...common, mode: "status" });
    expect(status.outputs.result).toBe("succeeded");
    expect(status.summary).toMatch(/\| Lock \| unlocked/);

    const lock = await fetch(`${emulator.upperUrl}/environment/promotion/lock`, {
      method: "POST",
      headers: {
        "Accept-API-Version": "resource=1.0",
        Authorization: "Bearer emulator-upper-token",
      },
    });
    const { promotionId } = (await lock.json()) as { promotionId: string };
    const unlock = await job.main({ ...common, mode: "unlock", "promotion-id": promotionId });
    expect(unlock.outputs, unlock.stdout).toMatchObject({
      result: "succeeded",
      "promotion-id": promotionId,
    });
    expect(emulator.upper.lockState().result).toBe("unlocked");
  });

  it("refuses a target whose lower environment contradicts lower-fqdn", async ({ action }) => {
    const emulator = await action.emulate();
    const job = await action.job({ name: "workflow_dispatch", payload: {} }, emulator);
    const config = join(job.workspace.githubWorkspace, "envs.yml");
    writeFileSync(
      config,
      `environments:\n  - { name: development, fqdn: "${emulator.lowerUrl}" }\n  - { name: staging, fqdn: "${emulator.upperUrl}" }\n`,
    );
    const run = await job.main({
      mode: "dry-run",
      config,
      target: "staging",
      "lower-fqdn": "openam-acme-prod.forgeblocks.com",
    });
    expect(run.outputs["failure-reason"]).toBe("usage");
    expect(errors(run)).toMatch(
      /input "lower-fqdn" \(openam-acme-prod.forgeblocks.com\) contradicts/,
    );
    expect(emulator.requests).toHaveLength(0);
  });
});
