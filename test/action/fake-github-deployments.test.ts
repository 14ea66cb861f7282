// The fake GitHub's deployments API, driven by the same Octokit the action uses: as strict as
// GitHub on what the action sends.
import { getOctokit } from "@actions/github";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type FakeGitHub, startFakeGitHub } from "./fake-github.js";

const owner = "acme";
const repo = "tenant-config";
const ref = "5b1d0e6c2f4a8e9d3c7b1a0f6e5d4c3b2a190817";
const safe = { owner, repo, ref, auto_merge: false, required_contexts: [] };

describe("the fake GitHub deployments API", () => {
  let github: FakeGitHub;
  let octokit: ReturnType<typeof getOctokit>;

  beforeEach(async () => {
    github = await startFakeGitHub();
    octokit = getOctokit("t0k", { baseUrl: github.url });
  });
  afterEach(() => github.close());

  it("creates deployments and statuses, and lists them newest first by environment and task", async () => {
    const created = await octokit.rest.repos.createDeployment({
      ...safe,
      environment: "staging",
      task: "promote",
      payload: { target: "t" },
    });
    expect(created.status).toBe(201);
    const id = (created.data as { id: number }).id;
    await octokit.rest.repos.createDeployment({
      ...safe,
      environment: "staging",
      task: "rollback",
    });
    await octokit.rest.repos.createDeploymentStatus({
      owner,
      repo,
      deployment_id: id,
      state: "in_progress",
    });
    await octokit.rest.repos.createDeploymentStatus({
      owner,
      repo,
      deployment_id: id,
      state: "success",
    });
    const listed = await octokit.rest.repos.listDeployments({
      owner,
      repo,
      environment: "staging",
      task: "promote",
    });
    expect(listed.data.map((d) => [d.id, d.payload])).toEqual([[id, { target: "t" }]]);
    const statuses = await octokit.rest.repos.listDeploymentStatuses({
      owner,
      repo,
      deployment_id: id,
    });
    expect(statuses.data.map((s) => s.state)).toEqual(["success", "in_progress"]);
  });

  it("refuses what GitHub refuses: no ref, a state outside the enum, checks or a merge not turned off", async () => {
    const refused = (call: Promise<unknown>) =>
      call.then(
        () => 0,
        (e: { status: number }) => e.status,
      );
    expect(
      await refused(
        octokit.request("POST /repos/{owner}/{repo}/deployments", {
          owner,
          repo,
          task: "promote",
        } as never),
      ),
    ).toBe(422);
    expect(
      await refused(octokit.rest.repos.createDeployment({ ...safe, required_contexts: undefined })),
    ).toBe(409);
    const merged = await octokit.rest.repos.createDeployment({
      owner,
      repo,
      ref,
      required_contexts: [],
    });
    expect(merged.status).toBe(202);
    const { data } = await octokit.rest.repos.createDeployment(safe);
    const id = (data as { id: number }).id;
    const state = "done" as "success";
    expect(
      await refused(
        octokit.rest.repos.createDeploymentStatus({ owner, repo, deployment_id: id, state }),
      ),
    ).toBe(422);
    expect(
      await refused(
        octokit.rest.repos.createDeploymentStatus({
          owner,
          repo,
          deployment_id: 9,
          state: "success",
        }),
      ),
    ).toBe(404);
    expect(github.deployments()).toHaveLength(1);
  });

  it("answers 403 to a read-only token's writes", async () => {
    github.readOnly = true;
    const status = await octokit.rest.repos.createDeployment(safe).then(
      () => 0,
      (e: { status: number }) => e.status,
    );
    expect(status).toBe(403);
    expect(github.deployments()).toEqual([]);
  });
});
