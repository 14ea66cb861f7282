// The rollback itself: never beside another job, one POST after a fresh checkRollback, success
// only once the organization runs the target, a lost reply settled by reading the job.
import { describe, expect, it } from "vitest";
import {
  FakeArcGis,
  full,
  installedChain,
  jobMessages,
  lostRollbackReply,
  revealing,
  transient,
} from "./fake-arcgis.js";
import { run } from "./run.js";

const STATUS_COMMAND =
  "tenant-promote status --platform arcgis --arcgis-url https://gis.example.com/arcgis";

/** An upgrade someone else started, still running for `reads` reads of the upgrades resource. */
function busy(api: FakeArcGis, reads: number): void {
  const upgrade = jobMessages("11.5.0.6825", "11.5.0.6835").map((m) => ({
    ...m,
    message: m.message.replace("rollback", "upgrade"),
  }));
  api.frames = [
    ...Array.from({ length: reads }, () => ({
      state: "in_progress",
      messages: upgrade.slice(0, 3),
    })),
    { state: "success", messages: upgrade },
  ];
}

describe("another job in progress", () => {
  it("refused with lock-conflict at once (lock-wait 0); nothing sent", async () => {
    const api = new FakeArcGis();
    busy(api, 100);
    const { r, held } = await run(api, "rollback");
    expect(r).toMatchObject({
      result: "failed",
      reason: "lock-conflict",
      lockHolder: "upgrades job",
    });
    expect(r.message).toContain(
      "An upgrade or rollback job is in progress on https://gis.example.com/arcgis",
    );
    expect(r.message).toContain("System is going into Read-Only mode.");
    expect(r.nextSteps.join("\n")).toMatch(/lock-wait/);
    expect(api.calls).toEqual(["upgrades"]);
    expect(held).toEqual([]);
  });

  it("waited for with lock-wait, then one fresh checkRollback and the rollback", async () => {
    const api = new FakeArcGis();
    busy(api, 3);
    const { r, log } = await run(api, "rollback", { common: { lockWaitMs: 60 * 60_000 } });
    expect(r.result, r.message).toBe("succeeded");
    expect(log).toMatch(/\[wait\] a job is in progress .*waiting \(lock-wait\)/);
    const firstRollback = api.calls.indexOf("rollback:pat_23102025_6825");
    expect(api.calls.slice(0, 4)).toEqual(["upgrades", "upgrades", "upgrades", "upgrades"]);
    expect(api.calls.indexOf("checkRollback")).toBeGreaterThan(3);
    expect(api.calls.indexOf("checkRollback")).toBeLessThan(firstRollback);
    expect(api.count("rollback")).toBe(1);
  });

  it("lock-wait that runs out: lock-conflict, nothing sent", async () => {
    const api = new FakeArcGis();
    busy(api, 10_000);
    const { r } = await run(api, "rollback", { common: { lockWaitMs: 30 } });
    expect(r.reason).toBe("lock-conflict");
    expect(api.count("rollback")).toBe(0);
    expect(api.count("checkRollback")).toBe(0);
  });
});

describe("a rollback that runs", () => {
  it("one rollback call, right after a fresh checkRollback; succeeds on the target version", async () => {
    const api = new FakeArcGis();
    const { r, held, released, log } = await run(api, "rollback");
    expect(r).toMatchObject({ mode: "rollback", result: "succeeded" });
    expect(r.lockReleased).not.toBe(false);
    expect(r.nextSteps).toEqual([]);
    expect(r.promotionId).toBeUndefined();
    expect(r.message).toBe(
      "Rolled back https://gis.example.com/arcgis from 11.5.0.6835 to 11.5.0.6825: removed 1 patch (pat_04122025_6835).",
    );
    const rollbackAt = api.calls.indexOf("rollback:pat_23102025_6825");
    expect(api.calls.slice(0, rollbackAt)).toContain("checkRollback");
    expect(api.calls.filter((c) => c.startsWith("rollback:"))).toEqual([
      "rollback:pat_23102025_6825",
    ]);
    expect(api.calls.slice(rollbackAt + 1)).not.toContain("checkRollback");
    expect(api.calls.at(-2)).toBe("currentVersion"); // the version read after the job
    expect(held).toMatchObject([
      { kind: "rollback job", id: "pat_23102025_6825", origin: api.orgUrl },
    ]);
    expect(released).toEqual(held);
    expect(r.report?.timeline?.map((t) => t.text)).toHaveLength(9);
    expect(log).toContain("[rollback] from pat_04122025_6835 (11.5.0.6835) to pat_23102025_6825");
  });

  it("job success but another version current afterwards: job-failed, with the last messages", async () => {
    const api = new FakeArcGis();
    api.landsOn = () => installedChain().at(-1) as typeof api.current;
    const { r } = await run(api, "rollback");
    expect(r).toMatchObject({ result: "failed", reason: "job-failed" });
    expect(r.message).toContain(
      "The rollback to pat_23102025_6825 (11.5.0.6825) reported success, but https://gis.example.com/arcgis now runs pat_04122025_6835 (11.5.0.6835)",
    );
    expect(r.message).toMatch(/the last messages:\n {2}- \d\d:\d\d:\d\d Rollback of apps/);
    expect(r.message).toMatch(/\n {2}- \d\d:\d\d:\d\d The ArcGIS Enterprise .* successfully\.$/);
    expect(r.nextSteps.join("\n")).toContain(STATUS_COMMAND);
    expect(r.report?.timeline).toHaveLength(9);
  });

  it("a job that ends failed: job-failed with its last five messages, version unchanged", async () => {
    const api = new FakeArcGis();
    api.plan = (to) => {
      const messages = jobMessages(full(api.current), full(to)).slice(0, 6);
      messages.push({
        code: 2078,
        message: "The rollback process failed: pods did not become ready",
        when: Date.now(),
      });
      return revealing(messages, 2, "failed");
    };
    const { r } = await run(api, "rollback");
    expect(r).toMatchObject({ result: "failed", reason: "job-failed" });
    expect(r.message).toContain("The rollback to pat_23102025_6825 (11.5.0.6825) ended failed");
    const listed = r.message.split("\n").filter((l) => l.startsWith("  - "));
    expect(listed).toHaveLength(5);
    expect(listed.at(-1)).toContain("pods did not become ready");
    expect(r.details).toMatchObject({ jobState: "failed" });
    expect(r.nextSteps.join("\n")).toMatch(/Technical Support/);
    expect(api.current.id).toBe("pat_04122025_6835");
  });
});

describe("a lost rollback reply: the job is read, the rollback never sent again", () => {
  it("the job started: followed to its end", async () => {
    const api = new FakeArcGis();
    api.after.rollback = () => lostRollbackReply();
    const { r, log } = await run(api, "rollback");
    expect(r.result, r.message).toBe("succeeded");
    expect(log).toContain("[rollback] the reply was lost; reading the upgrades job");
    expect(log).toContain("[rollback] it did: in_progress");
    expect(api.count("rollback")).toBe(1);
  });

  it("the job started, its first reads away: still followed", async () => {
    const api = new FakeArcGis();
    api.after.rollback = () => lostRollbackReply();
    // The first read is the check for another job; the next three, right after the lost reply.
    api.before.upgrades = (n) => (n >= 2 && n <= 4 ? transient.http(503) : undefined);
    const { r } = await run(api, "rollback");
    expect(r.result, r.message).toBe("succeeded");
    expect(api.count("rollback")).toBe(1);
  });

  it("the job did not start: api-error, not re-sent", async () => {
    const api = new FakeArcGis();
    api.startsJob = false;
    api.after.rollback = () => lostRollbackReply();
    const { r, held, released, log } = await run(api, "rollback");
    expect(r).toMatchObject({ result: "failed", reason: "api-error" });
    expect(r.message).toContain("reply was lost and the job did not start (state success)");
    expect(r.message).toContain("it was not sent again");
    expect(r.nextSteps.join("\n")).toContain(STATUS_COMMAND);
    expect(api.count("rollback")).toBe(1);
    // Held from the moment it was sent; the release found no job running and gave it back.
    expect(held.map((h) => h.id)).toEqual(["pat_23102025_6825"]);
    expect(released).toEqual(held);
    expect(log).toContain("[job] the upgrades job is success");
  });
});
