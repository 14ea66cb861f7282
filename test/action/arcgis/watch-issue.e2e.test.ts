// issue: pending with ArcGIS status through the bundled action: a patch available to install opens
// the organization's watch issue (its report is the status, hashed as shown); the same status
// again writes nothing; nothing available and no failed job opens none.
import { describe, expect } from "vitest";
import { readMarker } from "../../../src/faces/marker.js";
import { onDefault } from "../../e2e/arcgis/emulated.js";
import { DISPATCH, it } from "./arcgis-action.js";

describe.concurrent("the ArcGIS watch issue", () => {
  it("status with a patch available opens the issue once, then writes nothing", async ({
    action,
  }) => {
    const emulator = await action.emulate();
    const github = await action.github();
    const job = await action.job(DISPATCH, emulator, github, { mode: "status", issue: "pending" });

    const first = await job.main();
    expect(first.code, first.stdout).toBe(0);
    const [issue] = github.issues.all();
    expect(github.issues.all()).toHaveLength(1);
    expect(issue?.state).toBe("open");
    expect(issue?.body).toContain("| Available to install | pat_04122025_6835");
    expect(issue?.body).toContain("tenant-promote does not promote on ArcGIS");
    expect(readMarker(issue?.body ?? "")).toMatchObject({ upper: `arcgis:${emulator.orgUrl}` });
    expect(issue?.body).not.toContain(emulator.credentials.password);

    const writes = github.requests.filter((r) => r.method !== "GET").length;
    const second = await job.main();
    expect(second.code, second.stdout).toBe(0);
    expect(github.requests.filter((r) => r.method !== "GET")).toHaveLength(writes);
  });

  it("nothing available and no failed job: no issue", async ({ action }) => {
    const emulator = await action.emulate(
      onDefault(
        "patches: { installed: [pat_12082025_6805, pat_11092025_6815, pat_07102025_6820, pat_23102025_6825], available: [] }",
      ),
    );
    const github = await action.github();
    const job = await action.job(DISPATCH, emulator, github, { mode: "status", issue: "pending" });
    const run = await job.main();
    expect(run.code, run.stdout).toBe(0);
    expect(run.stdout).toContain("[issue] nothing to write: nothing is pending");
    expect(github.requests.filter((r) => r.method !== "GET")).toEqual([]);
  });
});
