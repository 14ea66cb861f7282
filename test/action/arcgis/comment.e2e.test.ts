// The bundled action on ArcGIS on a pull request: a rollback preview commented under the
// organization's marker, naming the organization itself.
import { describe, expect } from "vitest";
import { readMarker } from "../../../src/faces/marker.js";
import { DISPATCH, it, pullRequestEvent } from "./arcgis-action.js";

describe.concurrent("an ArcGIS rollback preview on a pull request", () => {
  it("comments with the organization as the target, not the comment's key", async ({ action }) => {
    const emulator = await action.emulate();
    const github = await action.github();
    const job = await action.job(pullRequestEvent(7), emulator, github);
    const run = await job.main({ mode: "rollback-preview", comment: "auto" });

    expect(run.code, run.stdout).toBe(0);
    const body = github.comments(7)[0]?.body ?? "";
    expect(readMarker(body)).toEqual({
      upper: `arcgis:${emulator.orgUrl}`,
      hash: run.outputs["report-hash"],
    });
    expect(body).toContain(`Environments: to \`${emulator.orgUrl}\``);
    expect(body).not.toContain("to `arcgis:");
  });
});

describe.concurrent("no mode given", () => {
  it("runs the read-only status on ArcGIS, which has no dry run", async ({ action }) => {
    const emulator = await action.emulate();
    const job = await action.job(DISPATCH, emulator);
    const run = await job.main({});

    expect(run.code, run.stdout).toBe(0);
    expect(run.outputs.result).toBe("succeeded");
    expect(run.summary).toContain("tenant-promote status: succeeded");
    expect(
      emulator.requests.filter((r) => r.method === "POST" && /rollback$/.test(r.path)),
    ).toEqual([]);
  });
});
