// The fake GitHub API, driven by the same Octokit the action uses.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { getOctokit } from "@actions/github";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type FakeGitHub, MAX_COMMENT_LENGTH, startFakeGitHub } from "./fake-github.js";
import { createWorkspace, runActionStep } from "./runner.js";

const owner = "acme";
const repo = "tenant-config";

describe("the fake GitHub API", () => {
  let github: FakeGitHub;
  let octokit: ReturnType<typeof getOctokit>;

  beforeEach(async () => {
    github = await startFakeGitHub();
    octokit = getOctokit("t0k", { baseUrl: github.url });
  });
  afterEach(() => github.close());

  it("paginates comments with Link headers Octokit follows", async () => {
    for (let i = 0; i < 250; i++)
      github.seedComment(12, `comment ${i}`, i % 2 ? "octocat" : undefined);
    const all = await octokit.paginate(octokit.rest.issues.listComments, {
      ...{ owner, repo, issue_number: 12, per_page: 100 },
    });
    expect(all.map((c) => c.body)).toEqual(github.comments(12).map((c) => c.body));
    expect(all).toHaveLength(250);
    expect(all[0]?.user).toMatchObject({ login: "github-actions[bot]", type: "Bot" });
    expect(all[1]?.user).toMatchObject({ login: "octocat", type: "User" });
    expect(github.requests.map((r) => r.query.page ?? "1")).toEqual(["1", "2", "3"]);
    expect(github.requests.every((r) => r.authorization === "token t0k")).toBe(true);

    const first = await octokit.rest.issues.listComments({ owner, repo, issue_number: 12 });
    expect(first.data).toHaveLength(30); // GitHub's default page size
    expect(first.headers.link).toContain('page=9>; rel="last"');
  });

  it("creates and updates comments as github-actions[bot]", async () => {
    const created = await octokit.rest.issues.createComment({
      owner,
      repo,
      issue_number: 5,
      body: "a",
    });
    expect(created.status).toBe(201);
    expect(created.data).toMatchObject({
      body: "a",
      user: { login: "github-actions[bot]", type: "Bot" },
    });
    expect(created.data.html_url).toMatch(/\/issues\/5#issuecomment-\d+$/);
    const updated = await octokit.rest.issues.updateComment({
      ...{ owner, repo, comment_id: created.data.id, body: "b" },
    });
    expect(updated.status).toBe(200);
    expect(github.comments(5).map((c) => c.body)).toEqual(["b"]);
    expect(github.requests.at(-1)).toMatchObject({ method: "PATCH", body: { body: "b" } });
    await expect(
      octokit.rest.issues.updateComment({ owner, repo, comment_id: 1, body: "x" }),
    ).rejects.toMatchObject({ status: 404 });
  });

  it("lists the pull requests of a commit and gets one", async () => {
    github.seedPull(
      { number: 3, title: "Tune journeys", merged_at: "2026-01-02T03:04:05Z" },
      {
        commits: ["abc123"],
      },
    );
    const { data } = await octokit.rest.repos.listPullRequestsAssociatedWithCommit({
      ...{ owner, repo, commit_sha: "abc123" },
    });
    expect(data).toMatchObject([{ number: 3, title: "Tune journeys", base: { ref: "main" } }]);
    const none = await octokit.rest.repos.listPullRequestsAssociatedWithCommit({
      ...{ owner, repo, commit_sha: "fff" },
    });
    expect(none.data).toEqual([]);
    const pull = await octokit.rest.pulls.get({ owner, repo, pull_number: 3 });
    expect(pull.data.head.sha).toBe("abc123");
  });

  it("refuses writes in read-only mode with GitHub's 403", async () => {
    github.readOnly = true;
    await expect(
      octokit.rest.issues.createComment({ owner, repo, issue_number: 5, body: "a" }),
    ).rejects.toMatchObject({
      status: 403,
      message: expect.stringContaining("Resource not accessible by integration"),
    });
    expect(github.comments(5)).toEqual([]);
    const list = await octokit.rest.issues.listComments({ owner, repo, issue_number: 5 });
    expect(list.status).toBe(200);
  });

  it("rejects bodies over 65,536 characters with 422", async () => {
    const longest = "é".repeat(MAX_COMMENT_LENGTH);
    await octokit.rest.issues.createComment({ owner, repo, issue_number: 5, body: longest });
    const error = await octokit.rest.issues
      .createComment({ owner, repo, issue_number: 5, body: `${longest}!` })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 422 });
    expect(JSON.stringify((error as { response: { data: unknown } }).response.data)).toContain(
      "Body is too long (maximum is 65536 characters)",
    );
    expect(github.comments(5)).toHaveLength(1);
  });

  it("answers 401 without a token and 404 for another repository", async () => {
    const response = await fetch(`${github.url}/repos/${owner}/${repo}/issues/1/comments`);
    expect(response.status).toBe(401);
    expect(github.requests[0]?.authorization).toBeUndefined();
    await expect(
      octokit.rest.issues.listComments({ owner, repo: "other", issue_number: 1 }),
    ).rejects.toMatchObject({ status: 404 });
  });

  it("serves a step run by the runner, which finds it through GITHUB_API_URL", async () => {
    const lib = (pkg: string) =>
      new URL(`../../node_modules/@actions/${pkg}`, import.meta.url).href;
    const dir = await mkdtemp(join(tmpdir(), "action-scripts-"));
    const scriptPath = join(dir, "comment.mjs");
    await writeFile(
      scriptPath,
      `import * as core from "${lib("core/lib/core.js")}";
      import * as github from "${lib("github/lib/github.js")}";
      const octokit = github.getOctokit(core.getInput("github-token"));
      await octokit.rest.issues.createComment({ ...github.context.repo, issue_number: github.context.issue.number, body: "from the step" });`,
    );
    const workspace = await createWorkspace({
      name: "pull_request",
      payload: { pull_request: { number: 8 } },
    });
    const result = await runActionStep({
      ...{ script: "main", scriptPath, workspace, githubToken: "ghs_job" },
      env: { GITHUB_API_URL: github.url },
    });
    await Promise.all([workspace.cleanup(), rm(dir, { recursive: true })]);
    expect(result.stderr).toBe("");
    expect(github.comments(8).map((c) => c.body)).toEqual(["from the step"]);
    expect(github.requests[0]?.authorization).toBe("token ghs_job");
  });

  it("lets a test answer in the fake's stead", async () => {
    github.intercept = (req) => (req.method === "POST" ? { status: 502 } : undefined);
    await expect(
      octokit.rest.issues.createComment({ owner, repo, issue_number: 5, body: "a" }),
    ).rejects.toMatchObject({ status: 502 });
    expect((await octokit.rest.issues.listComments({ owner, repo, issue_number: 5 })).data).toEqual(
      [],
    );
  });
});
