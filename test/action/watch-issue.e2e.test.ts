// issue: pending through the bundled action on AIC: a scheduled preview opens the target's watch
// issue, writes nothing while the report stays the same, updates it with a comment when the report
// changes, and closes it once in sync; a token that may not write issues only warns.
import { describe, expect } from "vitest";
import { readMarker } from "../../src/faces/marker.js";
import { LOWER_TOKEN } from "../e2e/emulated.js";
import { errors, everythingShown, GITHUB_TOKEN, it, warnings } from "./emulated-action.js";
import type { FakeGitHub } from "./fake-github.js";
import type { WorkflowEvent } from "./runner.js";

const SCHEDULE: WorkflowEvent = { name: "schedule", payload: { schedule: "0 6 * * *" } };

const writes = (github: FakeGitHub) => github.requests.filter((r) => r.method !== "GET");

describe.concurrent("the watch issue (issue: pending)", () => {
  it("opens it on pending changes, writes nothing for the same report, updates it when the report changes, closes it in sync", async ({
    action,
  }) => {
    const emulator = await action.emulate();
    const github = await action.github();
    const job = await action.job(SCHEDULE, emulator, github, {
      mode: "preview",
      "lower-fqdn": emulator.lowerUrl,
      "lower-access-token": LOWER_TOKEN,
      issue: "pending",
    });

    const first = await job.main();
    expect(first.code, first.stdout).toBe(0);
    expect(first.outputs.result).toBe("succeeded");
    const [issue] = github.issues.all();
    expect(github.issues.all()).toHaveLength(1);
    expect(issue?.state).toBe("open");
    expect(issue?.title).toBe(
      `tenant-promote: changes pending on ${new URL(emulator.upperUrl).host}`,
    );
    expect(issue?.labels.map((l) => l.name)).toEqual([
      "tenant-promote",
      new URL(emulator.upperUrl).host,
    ]);
    expect(readMarker(issue?.body ?? "")).toEqual({
      upper: emulator.upperUrl,
      hash: first.outputs["report-hash"],
    });
    expect(issue?.body).toMatch(/first seen \d{4}-\d\d-\d\dT[\d:]+Z · last changed/);
    expect(issue?.body).toContain("| AMConfig | Journeys | 1 | 1 | 1 |");
    expect(issue?.body).toContain("tenant-promote promote --platform aic");
    expect(issue?.body).not.toContain(LOWER_TOKEN);
    expect(first.stdout).toContain(`[issue] opened #${issue?.number}`);

    // A daily schedule with nothing new: no edit, no comment.
    const before = writes(github).length;
    const second = await job.main();
    expect(second.code, second.stdout).toBe(0);
    expect(writes(github)).toHaveLength(before);
    expect(second.stdout).toContain("[issue] nothing to write");

    // The journeys go up by hand: what is pending changes, so the body is rewritten and a
    // comment says what changed.
    const journeys = emulator.lower.config.AMConfig?.Journeys;
    if (emulator.upper.config.AMConfig && journeys)
      emulator.upper.config.AMConfig.Journeys = structuredClone(journeys);
    const third = await job.main();
    expect(third.code, third.stdout).toBe(0);
    const updated = github.issues.all()[0];
    expect(updated?.state).toBe("open");
    expect(readMarker(updated?.body ?? "")?.hash).toBe(third.outputs["report-hash"]);
    expect(third.outputs["report-hash"]).not.toBe(first.outputs["report-hash"]);
    expect(updated?.body).not.toContain("| AMConfig | Journeys |");
    const comments = github.comments(updated?.number ?? 0);
    expect(comments).toHaveLength(1);
    expect(comments[0]?.body).toContain("What is pending on");
    expect(comments[0]?.body).toMatch(/- only in old: AMConfig \/ Journeys/);
    // The first-seen date stays.
    expect(updated?.body.match(/first seen (\S+)/)?.[1]).toBe(
      issue?.body.match(/first seen (\S+)/)?.[1],
    );

    // In sync: closed, with a comment saying so.
    emulator.upper.config = structuredClone(emulator.lower.config);
    const fourth = await job.main();
    expect(fourth.code, fourth.stdout).toBe(0);
    expect(fourth.outputs.result).toBe("no-change");
    expect(github.issues.all()[0]).toMatchObject({ state: "closed", state_reason: "completed" });
    expect(github.comments(issue?.number ?? 0).at(-1)?.body).toMatch(/^In sync at \S+Z/);

    // Still in sync: a closed issue gets nothing.
    const closedWrites = writes(github).length;
    expect((await job.main()).code).toBe(0);
    expect(writes(github)).toHaveLength(closedWrites);
  });

  it("warns once that it needs issues: write when refused, and the run still succeeds", async ({
    action,
  }) => {
    const emulator = await action.emulate();
    const github = await action.github({ readOnly: true });
    const job = await action.job(SCHEDULE, emulator, github, {
      mode: "preview",
      "lower-fqdn": emulator.lowerUrl,
      "lower-access-token": LOWER_TOKEN,
      issue: "pending",
    });
    const run = await job.main();
    expect(run.code, run.stdout).toBe(0);
    expect(run.outputs.result).toBe("succeeded");
    expect(errors(run)).toBe("");
    const warned = warnings(run)
      .split("\n")
      .filter((w) => w.includes("[issue]"));
    expect(warned).toHaveLength(1);
    expect(warned[0]).toContain("403 Resource not accessible by integration");
    expect(warned[0]).toContain("permissions: issues: write");
    expect(everythingShown(run)).not.toContain(GITHUB_TOKEN);
    expect(github.issues.all()).toEqual([]);
  });

  it("refuses issue: pending with a mode that changes the target, before any request", async ({
    action,
  }) => {
    const emulator = await action.emulate();
    const github = await action.github();
    const job = await action.job(SCHEDULE, emulator, github, { mode: "promote", issue: "pending" });
    const run = await job.main();
    expect(run.code).toBe(1);
    expect(errors(run)).toContain(
      'input "issue" is pending, which on PingOne Advanced Identity Cloud only the read-only modes that tell what is pending use (preview, dry-run)',
    );
    expect(emulator.requests).toEqual([]);
    expect(github.requests).toEqual([]);
  });
});
