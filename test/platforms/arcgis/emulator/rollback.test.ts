import { describe, expect, it } from "vitest";
import type { JobMessage } from "../../../../src/platforms/arcgis/types.js";
import { admin, jobEnded, shipped, start, startWith, waitUntil } from "./helpers.js";

/** The codes of a successful rollback over the default scenario's three modules. */
const SUCCESS_CODES = [
  2072, 2168, 2165, 2270, 2287, 2288, 2271, 2293, 2177, 2293, 2177, 2293, 2177, 2166, 2179, 2183,
  2263, 2077, 2076,
];

describe("rollback", () => {
  it("starts a job whose reply carries the first message, then follows the documented sequence", async () => {
    const emulator = await start();
    const client = admin(emulator);
    const started = await client.rollback("pat_07102025_6820");
    expect(started.status).toBe(200);
    expect(started.body.status).toMatchObject({ state: "in_progress", code: 1 });
    expect(started.body.status.messages).toEqual([
      {
        code: 2072,
        message: "Starting the rollback process from 11.5.0.6825 to 11.5.0.6820.",
        when: expect.any(Number),
      },
    ]);
    expect((await client.get()).body.status.state).toBe("in_progress");
    await jobEnded(emulator);
    const { status } = (await client.get()).body;
    expect(status).toMatchObject({ state: "success", code: 3 });
    const messages: JobMessage[] = status.messages;
    expect(messages.map((m) => m.code)).toEqual(SUCCESS_CODES);
    const whens = messages.map((m) => Number(m.when));
    expect(whens).toEqual([...whens].sort((a, b) => a - b));
    expect(messages.map((m) => m.message)).toContain(
      "The rolling back of main core rest APIs has completed in 216900 millis (~ 3 minutes).",
    );
    // The modules take most of the time, as on a real deployment.
    const span = (code: number) => whens[SUCCESS_CODES.lastIndexOf(code)] ?? 0;
    expect(span(2166) - span(2271)).toBeGreaterThan((span(2076) - span(2072)) * 0.6);
    expect(messages.at(-2)?.message).toMatch(
      /^The rollback process from 11\.5\.0\.6825 to 11\.5\.0\.6820 has completed in 00hr:06min:5\dsec:\d{3}millisec\.$/,
    );
    expect(messages.at(-1)?.message).toBe(
      "The ArcGIS Enterprise on Kubernetes has been rolled-back from 11.5.0.6825 to 11.5.0.6820 successfully.",
    );
  });

  it("is read-only from 2165 to 2166 only", async () => {
    const emulator = await start({ speed: 200 });
    await admin(emulator).rollback("rel_24062025_6745");
    // Each snapshot is taken at one instant: read-only exactly when 2165 is there and 2166 not.
    const samples: { readOnly: boolean; codes: number[] }[] = [];
    await waitUntil(() => {
      const { readOnly, job } = emulator.state();
      samples.push({ readOnly, codes: (job.messages ?? []).map((m) => Number(m.code)) });
      return job.state !== "in_progress";
    });
    for (const { readOnly, codes } of samples)
      expect(readOnly).toBe(codes.includes(2165) && !codes.includes(2166));
    expect(samples.some((s) => s.readOnly)).toBe(true);
    expect(samples.at(-1)?.readOnly).toBe(false);
  });

  it("updates the current version, the installed and available lists, and the history", async () => {
    const emulator = await start();
    const client = admin(emulator);
    await client.rollback("pat_11092025_6815");
    const state = await jobEnded(emulator);
    expect(state).toMatchObject({
      currentVersion: "11.5.0.6815",
      installed: ["rel_24062025_6745", "pat_12082025_6805", "pat_11092025_6815"],
      available: ["pat_07102025_6820", "pat_23102025_6825", "pat_04122025_6835"],
    });
    expect((await client.get("/currentVersion")).body.id).toBe("pat_11092025_6815");
    const ids = (reply: { body: { updates: { id: string }[] } }) =>
      reply.body.updates.map((v) => v.id);
    expect(ids(await client.post("/checkRollback"))).toEqual([
      "pat_12082025_6805",
      "rel_24062025_6745",
    ]);
    expect(ids(await client.post("/available"))).toEqual(state.available);
    const history = (await client.get("/history")).body.history;
    expect(history.at(-1)).toEqual({
      type: "rollback",
      from: "11.5.0.6825",
      to: "11.5.0.6815",
      state: "success",
      start: expect.any(Number),
      end: expect.any(Number),
    });
  });

  it("refuses a version checkRollback does not offer, naming it", async () => {
    const client = admin(await start());
    for (const id of ["pat_04122025_6835", "pat_23102025_6825", "pat_01012020_1"]) {
      const refused = await client.rollback(id);
      expect(refused.status).toBe(200);
      expect(refused.body.error).toMatchObject({ code: 400, message: expect.stringContaining(id) });
    }
    const garbled = await client.post("/rollback", { versionManifest: "pat_07102025_6820" });
    expect(garbled.body.error.message).toMatch(/versionManifest/);
  });

  it("refuses a rollback, and the other operations, while a job is in progress", async () => {
    const emulator = await start({ speed: 100 });
    const client = admin(emulator);
    await client.rollback("pat_07102025_6820");
    const again = await client.rollback("pat_07102025_6820");
    expect(again.body.error).toMatchObject({
      code: 409,
      message: expect.stringMatching(/in progress/),
    });
    for (const op of ["/checkRollback", "/installed", "/available"])
      expect((await client.post(op)).body.error?.code, op).toBe(409);
    expect((await client.get("/history")).body.error?.code).toBe(409);
    expect((await client.get()).body.status.state).toBe("in_progress");
  });

  it("operationErrorForm status: refusals come as {status: error, messages, code}", async () => {
    const client = admin(await start({ scenario: shipped("status-error-replies") }));
    const refused = await client.rollback("pat_04122025_6835");
    expect(refused.body).toEqual({
      status: "error",
      messages: [expect.stringContaining("pat_04122025_6835")],
      code: 400,
    });
  });

  it("with no patch installed, checkRollback is empty and every rollback is refused", async () => {
    const client = admin(await start({ scenario: shipped("no-patch-installed") }));
    expect((await client.post("/checkRollback")).body).toEqual({ updates: [] });
    expect((await client.rollback("rel_24062025_6745")).body.error.code).toBe(400);
    expect((await client.post("/available")).body.updates).toHaveLength(5);
  });

  it("job timings come from the scenario", async () => {
    const emulator = await startWith(
      "timings: { launchSeconds: 1, preparationSeconds: 1, postUpgradeSeconds: 1, modules: [{ name: core, seconds: 2 }] }",
    );
    await admin(emulator).rollback("pat_07102025_6820");
    const { job } = await jobEnded(emulator);
    expect(job.messages?.filter((m) => m.code === 2293).map((m) => m.message)).toEqual([
      "Rollback of core module started.",
    ]);
  });
});
