import { describe, expect, it } from "vitest";
import type { EventFacts } from "../../src/action/event.js";
import type { GitHubApi, IssueComment } from "../../src/action/github-api.js";
import { findReviewedReport, requireSameReport } from "../../src/action/reviewed.js";
import { EngineFailure } from "../../src/core/run/failure.js";
import { commentBody } from "../../src/faces/render.js";
import { dryRunReport, succeeded } from "./reports.js";

const UPPER = "https://openam-acme-staging.forgeblocks.com";
const facts: EventFacts = {
  name: "push",
  repository: "acme/cfg",
  pullRequestEvent: false,
  fromFork: false,
  sha: "0123456789abcdef",
  runUrl: "https://github.com/acme/cfg/actions/runs/9",
};

function githubWith(comments: IssueComment[], pr: number | undefined = 7): GitHubApi {
  return {
    listComments: async () => comments,
    createComment: async () => {},
    updateComment: async () => {},
    pullRequestOfCommit: async () => (pr === undefined ? undefined : { number: pr }),
  };
}

function reviewedComment(journeys: string[], byBot = true): IssueComment {
  const body = commentBody(succeeded(dryRunReport(journeys)), {
    target: UPPER,
    commentKey: UPPER,
    runUrl: facts.runUrl,
    scrub: (t) => t,
  });
  return { id: 1, body, byBot };
}

async function failureOf(promise: Promise<unknown>): Promise<EngineFailure> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(EngineFailure);
  return error as EngineFailure;
}

describe("reviewed report", () => {
  it("passes when the fresh dry run has the reviewed changes, whatever its ids", async () => {
    const reviewed = await findReviewedReport(
      githubWith([reviewedComment(["Login"])]),
      facts,
      UPPER,
    );
    expect(reviewed.pullRequest.number).toBe(7);
    const fresh = dryRunReport(["Login"], { reportId: "another", promotionId: "another" });
    expect(() => requireSameReport(reviewed)(fresh)).not.toThrow();
  });

  it("refuses with report-changed and a diff when the dry run shows other changes", async () => {
    const reviewed = await findReviewedReport(
      githubWith([reviewedComment(["Login"])]),
      facts,
      UPPER,
    );
    let failure: EngineFailure | undefined;
    try {
      requireSameReport(reviewed)(dryRunReport(["Login", "Backdoor"]));
    } catch (error) {
      failure = error as EngineFailure;
    }
    expect(failure?.reason).toBe("report-changed");
    expect(failure?.message).toMatch(/reviewed on PR #7/);
    expect(failure?.details.reportDiff).toBe(
      "+ only in new: AMConfig / Journeys / added: Backdoor",
    );
  });

  it("is unreviewed when the commit has no PR, or the PR has no bot comment for this environment", async () => {
    expect(
      (await failureOf(findReviewedReport(githubWith([], undefined), facts, UPPER))).reason,
    ).toBe("report-unreviewed");
    const forged = reviewedComment(["Login"], false);
    const other = {
      ...reviewedComment(["Login"]),
      body: reviewedComment(["Login"]).body.replace(UPPER, "https://other.example.com"),
    };
    const failure = await failureOf(findReviewedReport(githubWith([forged, other]), facts, UPPER));
    expect(failure.reason).toBe("report-unreviewed");
    expect(failure.message).toContain(`PR #7 has no tenant-promote report for ${UPPER}`);
  });
});
