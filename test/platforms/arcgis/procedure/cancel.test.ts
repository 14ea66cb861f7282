// A run stopped mid-job, by a cancel or by its timeout: nothing can stop the job, so the release
// says it still runs and how to follow it; and the status mode's read-only view.
import { describe, expect, it } from "vitest";
import { AuthError } from "../../../../src/core/http/errors.js";
import { ArcGisError } from "../../../../src/platforms/arcgis/errors.js";
import { FakeArcGis, full, jobMessages, revealing } from "./fake-arcgis.js";
import { lines, run } from "./run.js";

const STATUS_COMMAND =
  "tenant-promote status --platform arcgis --arcgis-url https://gis.example.com/arcgis";

/** A job that reveals its first five messages and then runs on for ever. */
function endless(api: FakeArcGis): void {
  api.plan = (to) => {
    const frames = revealing(jobMessages(full(api.current), full(to)).slice(0, 5), 1);
    const last = frames.at(-1);
    if (last) Object.assign(last, { state: "in_progress", code: 1 });
    return frames;
  };
}

describe("stopped mid-job", () => {
  it("cancelled: reason cancelled; the release reports the job still running, with the status command", async () => {
    const api = new FakeArcGis();
    endless(api);
    const cancel = new AbortController();
    api.before.upgrades = (n) => {
      if (n === 4) cancel.abort(new Error("cancelled"));
    };
    const ran = await run(api, "rollback", { signal: cancel.signal });
    expect(ran.r).toMatchObject({ result: "failed", reason: "cancelled" });
    // Nothing to give back, nothing left behind: a job still running is said, not an error.
    expect(ran.r.lockReleased).not.toBe(false);
    expect(ran.r.nextSteps.join("\n")).toContain(STATUS_COMMAND);
    expect(ran.r.promotionId).toBeUndefined();
    const report = lines(ran, "[job] the rollback to");
    expect(report).toHaveLength(1);
    // What the job said last: the read-only message, the third of the five.
    expect(report[0]).toMatch(
      /^\[job\] the rollback to pat_23102025_6825 is still running \(a cancel cannot stop it\): \d\d:\d\d:\d\d System is going into Read-Only mode\.+ Follow it with: /,
    );
    expect(report[0]?.endsWith(`Follow it with: ${STATUS_COMMAND}`)).toBe(true);
    expect(ran.log).toContain("warn: [job] the rollback to pat_23102025_6825 is still running");
    expect(ran.held.map((h) => h.id)).toEqual(["pat_23102025_6825"]);
    // Not given back while it runs: the action's post step reports on it again.
    expect(ran.released).toEqual([]);
    expect(api.count("rollback")).toBe(1);
    // One read after the cancel, the release's own.
    expect(api.calls.at(-1)).toBe("upgrades");
    expect(api.calls.slice(api.calls.lastIndexOf("rollback:pat_23102025_6825"))).not.toContain(
      "currentVersion",
    );
  });

  it("cancelled while the rollback's reply is on its way: the job it started is reported", async () => {
    const api = new FakeArcGis();
    endless(api);
    const cancel = new AbortController();
    // The organization took the rollback; the run is cancelled before the reply arrives.
    api.after.rollback = () => {
      cancel.abort(new Error("cancelled"));
      return cancel.signal.reason;
    };
    const ran = await run(api, "rollback", { signal: cancel.signal });
    expect(ran.r).toMatchObject({ result: "failed", reason: "cancelled" });
    expect(ran.held.map((h) => h.id)).toEqual(["pat_23102025_6825"]);
    expect(ran.released).toEqual([]);
    expect(lines(ran, "[job] the rollback to pat_23102025_6825 is still running")).toHaveLength(1);
    expect(api.count("rollback")).toBe(1);
  });

  it("cancelled before anything was sent: cancelled, no job to report", async () => {
    const api = new FakeArcGis();
    const cancel = new AbortController();
    api.before.checkRollback = () => {
      cancel.abort(new Error("cancelled"));
    };
    const ran = await run(api, "rollback", { signal: cancel.signal });
    expect(ran.r.reason).toBe("cancelled");
    expect(ran.held).toEqual([]);
    expect(api.count("rollback")).toBe(0);
    expect(lines(ran, "[job]")).toEqual([]);
  });

  it("timed out: reason timeout; the job reported still running", async () => {
    const api = new FakeArcGis();
    endless(api);
    const ran = await run(api, "rollback", { common: { timeoutMs: 300 } });
    expect(ran.r).toMatchObject({ result: "failed", reason: "timeout" });
    expect(ran.r.lockReleased).not.toBe(false);
    expect(ran.r.message).toContain("did not finish within the timeout");
    expect(lines(ran, "[job] the rollback to pat_23102025_6825 is still running")).toHaveLength(1);
    expect(ran.released).toEqual([]);
    expect(ran.log).toContain(`Follow it with: ${STATUS_COMMAND}`);
    expect(api.count("rollback")).toBe(1);
  });

  it("the job ended by the time the release reads it: said so, no warning", async () => {
    const api = new FakeArcGis();
    const cancel = new AbortController();
    api.before.upgrades = (n) => {
      if (n === 2) cancel.abort(new Error("cancelled"));
    };
    api.plan = (to) => revealing(jobMessages(full(api.current), full(to)), 100);
    const ran = await run(api, "rollback", { signal: cancel.signal });
    expect(ran.r.reason).toBe("cancelled");
    expect(ran.log).toMatch(/info: \[job\] the upgrades job is success: \d\d:\d\d:\d\d The ArcGIS/);
    expect(ran.log).not.toContain("still running");
    expect(ran.released).toEqual(ran.held);
  });
});

describe("status", () => {
  it("reads version, patches and the job; sends nothing", async () => {
    const api = new FakeArcGis();
    api.frames = revealing(jobMessages("11.5.0.6825", "11.5.0.6835"), 3).slice(0, 1);
    const { r } = await run(api, "status");
    expect(r).toMatchObject({ mode: "status", result: "succeeded" });
    expect(r.message).toBe(
      "https://gis.example.com/arcgis runs pat_04122025_6835 (11.5.0.6835); upgrades job: in_progress.",
    );
    const rows = Object.fromEntries(
      (r.status as { rows: [string, string][] }).rows.filter(([k]) => k !== "Message"),
    );
    expect(rows).toEqual({
      "Current version": "pat_04122025_6835 (11.5.0.6835)",
      "Installed patches":
        "pat_12082025_6805, pat_11092025_6815, pat_07102025_6820, pat_23102025_6825, pat_04122025_6835",
      "Available to install": "none",
      Job: "in_progress (the organization may be read-only)",
    });
    expect(api.calls.sort()).toEqual(["available", "currentVersion", "installed", "upgrades"]);
  });

  it("while a job runs, the refused version and patch reads show as unavailable", async () => {
    const api = new FakeArcGis();
    api.frames = revealing(jobMessages("11.5.0.6825", "11.5.0.6835"), 3).slice(0, 1);
    const refused = () =>
      new ArcGisError({
        operation: "installed",
        endpoint: { method: "POST", path: "/arcgis/admin/system/upgrades/installed", origin: "x" },
        status: 200,
        code: 409,
        message: "The upgrades operations are unavailable while a upgrade job is in progress.",
      });
    api.before.currentVersion = refused;
    api.before.installed = refused;
    const { r } = await run(api, "status");
    expect(r.result, r.message).toBe("succeeded");
    expect(r.message).toContain("upgrades job in_progress; its version is unavailable");
    const rows = (r.status as { rows: [string, string][] }).rows;
    expect(rows.slice(0, 2)).toEqual([
      ["Current version", "unavailable while the job runs"],
      ["Installed patches", "unavailable while the job runs"],
    ]);
  });

  it("no job running: a refused read fails the status", async () => {
    const api = new FakeArcGis();
    api.before.installed = () => new AuthError("refused");
    const { r } = await run(api, "status");
    expect(r).toMatchObject({ result: "failed", reason: "auth" });
  });
});
