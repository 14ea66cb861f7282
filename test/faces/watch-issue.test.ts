// The watch issue's decisions (reopen, found among many issues, nothing to tell) and its REST
// client against the fake GitHub: pagination by Link header, labels, GitHub's refusals.
import { describe, expect, it, onTestFinished } from "vitest";
import { buildReport } from "../../src/core/report/build.js";
import type { RunResult } from "../../src/core/run/types.js";
import { MemoryLogger } from "../../src/core/util/log.js";
import { createGitHubIssues, nextLink } from "../../src/faces/github-issues.js";
import { markerLine } from "../../src/faces/marker.js";
import {
  issueModeRefusal,
  keepWatchIssue,
  planWatchIssue,
  type WatchPlace,
  watchedModes,
  watchName,
} from "../../src/faces/watch-issue.js";
import { aicPlatform } from "../../src/platforms/aic/index.js";
import { arcGisPlatform } from "../../src/platforms/arcgis/index.js";
import { pingOnePlatform } from "../../src/platforms/pingone/index.js";
import { startFakeGitHub } from "../action/fake-github.js";

const KEY = "https://openam-acme.forgeblocks.com";

function place(): WatchPlace {
  return {
    target: KEY,
    commentKey: KEY,
    runUrl: "https://github.com/acme/tenant-config/actions/runs/1",
    scrub: (text) => text,
    name: "acme/production",
    promoteHint: "To promote it: run the promotion workflow.",
  };
}

function preview(journeys: string[]): RunResult {
  const report = buildReport({
    kind: "provisional",
    title: "Provisional promotion report",
    areas: journeys.length
      ? [
          {
            name: "AMConfig",
            items: [
              {
                configItem: "Journeys",
                added: journeys.map((name) => ({ name })),
                modified: [],
                deleted: [],
              },
            ],
          },
        ]
      : [],
  });
  return {
    mode: "preview",
    result: journeys.length ? "succeeded" : "no-change",
    message: journeys.length ? "Changes would be promoted." : "Nothing would be promoted.",
    nextSteps: [],
    report,
    pending: journeys.length > 0,
    elapsedMs: 1,
  };
}

async function fakeGitHub() {
  const github = await startFakeGitHub({ token: "t0ken" });
  onTestFinished(() => github.close());
  const issues = createGitHubIssues({
    token: "t0ken",
    repository: "acme/tenant-config",
    apiUrl: github.url,
  });
  return { github, issues };
}

describe("planWatchIssue", () => {
  const now = new Date("2026-12-04T06:17:00.000Z");

  it("reopens the target's closed issue when something is pending again", () => {
    const closed = planWatchIssue(preview(["Login"]), place(), undefined, now);
    if (closed.action !== "open") throw new Error(closed.action);
    const plan = planWatchIssue(
      preview(["Login", "Register"]),
      place(),
      { number: 3, state: "closed", title: "t", body: closed.body, html_url: "" },
      now,
    );
    expect(plan.action).toBe("reopen");
    if (plan.action !== "reopen") return;
    expect(plan.comment).toContain("Pending again at 2026-12-04T06:17:00Z");
    expect(plan.body).toContain("first seen 2026-12-04T06:17:00Z");
  });

  it("leaves closed an issue someone closed while the same report was pending", () => {
    const opened = planWatchIssue(preview(["Login"]), place(), undefined, now);
    if (opened.action !== "open") throw new Error(opened.action);
    const closedByHand = {
      number: 3,
      state: "closed" as const,
      title: "t",
      body: opened.body,
      html_url: "",
    };
    expect(planWatchIssue(preview(["Login"]), place(), closedByHand, now)).toMatchObject({
      action: "none",
      why: expect.stringContaining("closed while report"),
    });
  });

  it("leaves the issue alone when the run failed: it could not tell what is pending", () => {
    const failed: RunResult = { ...preview([]), result: "failed", pending: undefined };
    expect(planWatchIssue(failed, place(), undefined, now)).toMatchObject({ action: "none" });
  });

  it("says the hashes changed when the old report cannot be read back", () => {
    const open = {
      number: 5,
      state: "open" as const,
      title: "t",
      body: `${markerLine({ upper: KEY, hash: "ab".repeat(32) })}\n<!-- tenant-promote-watch first-seen="2026-12-01T06:17:00Z" last-changed="2026-12-01T06:17:00Z" -->`,
      html_url: "",
    };
    const plan = planWatchIssue(preview(["Login"]), place(), open, now);
    expect(plan.action).toBe("update");
    if (plan.action !== "update") return;
    expect(plan.comment).toMatch(/report hash `abababababab` → `[0-9a-f]{12}`\)\.$/);
    expect(plan.body).toContain(
      "first seen 2026-12-01T06:17:00Z · last changed 2026-12-04T06:17:00Z",
    );
  });

  it("names the target by the environments file, else by its host", () => {
    expect(watchName("acme/production", place())).toBe("acme/production");
    expect(watchName(undefined, place())).toBe("openam-acme.forgeblocks.com");
    expect(watchName(undefined, { ...place(), target: "pingone:1234", commentKey: "x" })).toBe(
      "pingone:1234",
    );
  });
});

describe("the modes that keep a watch issue", () => {
  it("are those that tell what is pending on each platform; any other is refused before a request", () => {
    expect(watchedModes(aicPlatform)).toEqual(["preview", "dry-run"]);
    expect(watchedModes(pingOnePlatform)).toEqual(["preview", "dry-run"]);
    expect(watchedModes(arcGisPlatform)).toEqual(["rollback-preview", "status"]);
    // AIC status and rollback-preview cannot tell what waits to be promoted: never a silent no-op.
    for (const mode of ["status", "rollback-preview", "promote"] as const)
      expect(issueModeRefusal("pending", mode, "--issue", aicPlatform), mode).toContain(
        "on PingOne Advanced Identity Cloud only the read-only modes that tell what is pending use (preview, dry-run)",
      );
    expect(issueModeRefusal("pending", "status", "--issue", arcGisPlatform)).toBeUndefined();
    expect(issueModeRefusal("off", "status", "--issue", aicPlatform)).toBeUndefined();
  });
});

describe("the GitHub issues client", () => {
  it("finds the target's issue behind a page of others, through the Link header", async () => {
    const { github, issues } = await fakeGitHub();
    const plan = planWatchIssue(preview(["Login"]), place(), undefined, new Date());
    const ours = github.issues.seed({
      title: "tenant-promote: changes pending on acme/production",
      body: plan.action === "open" ? plan.body : "",
      labels: [{ name: "tenant-promote" }],
    });
    for (let i = 0; i < 120; i++)
      github.issues.seed({ title: `other ${i}`, labels: [{ name: "tenant-promote" }] });
    github.issues.seed({ title: "unlabeled" });
    const log = new MemoryLogger();
    expect(await keepWatchIssue(preview(["Login"]), place(), issues, log)).toBe("none");
    const lists = github.requests.filter((r) => r.method === "GET");
    expect(lists).toHaveLength(2);
    expect(lists[0]?.query).toMatchObject({ labels: "tenant-promote", state: "all" });
    expect(lists[1]?.query.page).toBe("2");
    expect(github.requests.filter((r) => r.method !== "GET")).toEqual([]);
    expect(github.issues.all().find((i) => i.number === ours.number)?.state).toBe("open");
  });

  it("closes the issue with a comment on that issue, then writes nothing more", async () => {
    const { github, issues } = await fakeGitHub();
    const log = new MemoryLogger();
    expect(await keepWatchIssue(preview(["Login"]), place(), issues, log)).toBe("open");
    const [opened] = github.issues.all();
    expect(opened?.labels.map((l) => l.name)).toEqual(["tenant-promote", "acme/production"]);
    expect(await keepWatchIssue(preview([]), place(), issues, log)).toBe("close");
    expect(github.issues.all()[0]).toMatchObject({ state: "closed", comments: 1 });
    expect(github.comments(opened?.number ?? 0)[0]?.body).toContain("In sync at");
    expect(await keepWatchIssue(preview([]), place(), issues, log)).toBe("none");
    // The same report pending again after the target was in sync reopens the issue.
    expect(await keepWatchIssue(preview(["Login"]), place(), issues, log)).toBe("reopen");
    expect(github.issues.all()[0]).toMatchObject({ state: "open" });
  });

  it("trims a report too long for an issue body, which GitHub then accepts", async () => {
    const { github, issues } = await fakeGitHub();
    const many = Array.from({ length: 3000 }, (_, i) => `Journey number ${i} ${"x".repeat(40)}`);
    expect(await keepWatchIssue(preview(many), place(), issues, new MemoryLogger())).toBe("open");
    const body = github.issues.all()[0]?.body ?? "";
    expect(body.length).toBeLessThanOrEqual(65_536);
    expect(body).toContain("was trimmed");
  });

  it("a bad token warns and changes nothing", async () => {
    const { github } = await fakeGitHub();
    const issues = createGitHubIssues({
      token: "wrong",
      repository: "acme/tenant-config",
      apiUrl: github.url,
    });
    const log = new MemoryLogger();
    expect(await keepWatchIssue(preview(["Login"]), place(), issues, log)).toBe("none");
    expect(log.lines.join("\n")).toContain("401 Bad credentials");
    expect(github.issues.all()).toEqual([]);
  });

  it("reads GitHub's Link header", () => {
    expect(
      nextLink(
        '<https://api.github.com/x?page=2>; rel="next", <https://api.github.com/x?page=5>; rel="last"',
      ),
    ).toBe("https://api.github.com/x?page=2");
    expect(nextLink('<https://api.github.com/x?page=1>; rel="prev"')).toBeUndefined();
  });
});
