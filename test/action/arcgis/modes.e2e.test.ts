// The bundled action on ArcGIS: rollback-preview, rollback and status with their outputs, and
// inputs of the other platforms refused; the administrator's password shown nowhere.
import { existsSync, readFileSync } from "node:fs";
import { describe, expect } from "vitest";
import { CURRENT, onDefault, PREVIOUS, rollbacks } from "../../e2e/arcgis/emulated.js";
import { DISPATCH, errors, everythingShown, it } from "./arcgis-action.js";

const PASSWORD = "Gis-admin-Pa55word-Xq7r";
const withPassword = () => onDefault(`credentials: { password: ${PASSWORD} }`);

describe.concurrent("modes through the action", () => {
  it("rollback-preview, then rollback: outputs, report file, summary; one rollback POST", async ({
    action,
  }) => {
    const emulator = await action.emulate(withPassword());
    const job = await action.job(DISPATCH, emulator);

    const preview = await job.main({ mode: "rollback-preview" });
    expect(preview.code, preview.stdout).toBe(0);
    expect(preview.outputs).toMatchObject({
      result: "succeeded",
      "failure-reason": "",
      changes: "1",
      "promotion-id": "",
      "report-id": "",
    });
    const hash = preview.outputs["report-hash"] as string;
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    const file = preview.outputs["report-file"] as string;
    expect(existsSync(file)).toBe(true);
    expect(readFileSync(file, "utf8")).toContain(CURRENT);
    expect(preview.summary).toContain("Patch rollback preview");
    expect(preview.summary).toContain(`removes 1 patch (${CURRENT})`);
    expect(preview.summary).toContain(
      `| Can go back to | ${PREVIOUS} (11.5.0.6820): the default target |`,
    );
    expect(rollbacks(emulator)).toEqual([]);

    const rollback = await job.main({ mode: "rollback" });
    expect(rollback.code, rollback.stdout).toBe(0);
    expect(rollback.outputs).toMatchObject({
      result: "succeeded",
      "failure-reason": "",
      changes: "1",
      "report-hash": hash,
      "promotion-id": "",
      "report-id": "",
    });
    expect(existsSync(rollback.outputs["report-file"] as string)).toBe(true);
    expect(rollback.summary).toContain("tenant-promote rollback: succeeded");
    expect(rollback.summary).toContain("Job messages (19)");
    expect(rollback.stdout).toMatch(/\[read-only\] the organization is read-only from/);
    expect(emulator.state().current).toBe(PREVIOUS);
    expect(rollbacks(emulator)).toHaveLength(1);
    // The job ended with main: post has nothing to report.
    const post = await job.post({ mode: "rollback" });
    expect(post.code, post.stdout).toBe(0);
    expect(post.stdout).toContain("nothing this run took is left to release");

    const status = await job.main({ mode: "status" });
    expect(status.outputs).toMatchObject({ result: "succeeded", changes: "0", "report-hash": "" });
    expect(status.summary).toContain(`| Current version | ${PREVIOUS} (11.5.0.6820) |`);

    const shown = everythingShown(preview, rollback, post, status);
    expect(shown).not.toContain(PASSWORD);
    for (const step of [preview, rollback, status]) expect(step.masks).toContain(PASSWORD);
  }, 60_000);

  it("rollback-to not offered: failure-reason usage, nothing sent", async ({ action }) => {
    const emulator = await action.emulate();
    const job = await action.job(DISPATCH, emulator);
    const run = await job.main({ mode: "rollback", "rollback-to": "pat_04122025_6835" });
    expect(run.outputs).toMatchObject({ result: "failed", "failure-reason": "usage" });
    expect(errors(run)).toContain("rollback-to pat_04122025_6835 is not among the versions");
    expect(rollbacks(emulator)).toEqual([]);
  });

  it("a job that fails: failure-reason job-failed, its last messages in the summary", async ({
    action,
  }) => {
    const emulator = await action.emulate(
      onDefault('faults:\n  jobFailure: { reason: "pods did not become ready in time" }'),
    );
    const job = await action.job(DISPATCH, emulator);
    const run = await job.main({ mode: "rollback" });
    expect(run.code).toBe(1);
    expect(run.outputs).toMatchObject({ result: "failed", "failure-reason": "job-failed" });
    expect(run.summary).toContain("pods did not become ready in time");
    expect(emulator.state().current).toBe(CURRENT);
  });
});

describe.concurrent("inputs of other platforms with platform: arcgis", () => {
  it.for([
    ["upper-fqdn", "openam-acme-staging.forgeblocks.com"],
    ["pingone-client-id", "a1b2c3d4"],
    ["target-environment-id", "22222222-2222-4222-8222-222222222222"],
  ])("%s: usage, naming it; nothing sent", async ([input, value], { action }) => {
    const emulator = await action.emulate();
    const job = await action.job(DISPATCH, emulator);
    const run = await job.main({ mode: "rollback", [input as string]: value as string });
    expect(run.code).toBe(1);
    expect(run.outputs).toMatchObject({ result: "failed", "failure-reason": "usage" });
    expect(errors(run)).toContain(input as string);
    expect(errors(run)).toContain("arcgis");
    expect(emulator.requests).toEqual([]);
  });
});
