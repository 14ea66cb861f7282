// Faults of the job itself: one already running, one that fails midway.
import { describe, expect, it } from "vitest";
import { admin, jobEnded, shipped, start } from "./helpers.js";

describe("job faults", () => {
  it("a job already in progress: an upgrade, seeded part-way, refusing rollbacks until it ends", async () => {
    const before = Date.now();
    const emulator = await start({ scenario: shipped("job-in-progress"), speed: 200 });
    const client = admin(emulator);
    const { status } = (await client.get()).body;
    expect(status.state).toBe("in_progress");
    // Started 60 real seconds (300 ms at speed 200) before the emulator: read-only already.
    expect(status.messages[0].when).toBeGreaterThanOrEqual(before - 301);
    expect(status.messages[0].when).toBeLessThanOrEqual(Date.now() - 300);
    expect(status.messages.slice(0, 3).map((m: { code: number }) => m.code)).toEqual([
      2072, 2168, 2165,
    ]);
    expect(status.messages[0].message).toBe(
      "Starting the upgrade process from 11.5.0.6825 to 11.5.0.6835.",
    );
    expect((await client.rollback("pat_07102025_6820")).body.error.code).toBe(409);
    const state = await jobEnded(emulator);
    expect(state).toMatchObject({ currentVersion: "11.5.0.6835", available: [] });
    expect(state.job.messages?.at(-1)?.message).toMatch(/has been upgraded from 11\.5\.0\.6825/);
    expect((await client.post("/checkRollback")).body.updates[0].id).toBe("pat_23102025_6825");
  });

  it("a job that fails midway ends failed, leaves the version, and a second one succeeds", async () => {
    const emulator = await start({ scenario: shipped("job-fails") });
    const client = admin(emulator);
    await client.rollback("pat_07102025_6820");
    const failed = await jobEnded(emulator);
    expect(failed.job).toMatchObject({ state: "failed", code: 2 });
    const codes = failed.job.messages?.map((m) => m.code);
    expect(codes?.slice(-3)).toEqual([2293, 2166, 2078]);
    expect(failed.job.messages?.at(-1)?.message).toBe(
      "The rollback process from 11.5.0.6825 to 11.5.0.6820 failed: pods did not become ready in time",
    );
    expect(failed.currentVersion).toBe("11.5.0.6825");
    expect((await client.get("/history")).body.history.at(-1)).toMatchObject({ state: "failed" });
    await client.rollback("pat_07102025_6820");
    expect((await jobEnded(emulator)).currentVersion).toBe("11.5.0.6820");
  });
});
