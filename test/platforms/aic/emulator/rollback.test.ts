import { describe, expect, it } from "vitest";
import type { RawReport } from "../../../../src/platforms/aic/types.js";
import { changeNames, client, lockPair, runToEnd, start, unlockPair } from "./helpers.js";

describe("rollback", () => {
  it("has nothing to roll back before a promotion", async () => {
    const emulator = await start();
    await lockPair(emulator);
    const api = client(emulator);
    const provisional = await api.get("/report/provisional-rollback");
    expect(provisional.status).toBe(404);
    expect(provisional.body.code).toBe(404);
    const rollback = await api.post("/rollback", {});
    expect(rollback.status).toBe(409);
  });

  it("reverts the most recent promotion", async () => {
    const emulator = await start();
    const original = structuredClone(emulator.upper.config);
    const promotionId = await lockPair(emulator);
    await runToEnd(emulator, "/promote", { dryRun: false });
    const promoted = (await client(emulator).get<RawReport>("/report")).body;
    await unlockPair(emulator, promotionId);

    // A rollback runs under a lock of its own.
    const rollbackLock = await lockPair(emulator);
    const api = client(emulator);
    const provisional = (await api.get<RawReport>("/report/provisional-rollback")).body;
    expect(provisional.type).toBe("provisional-rollback");
    expect(provisional.promotionId).toBe(promotionId);
    expect(changeNames(provisional)).toEqual(changeNames(promoted));

    const final = await runToEnd(emulator, "/rollback", { promoter: "ci-bot" });
    expect(final).toMatchObject({
      status: "READY",
      message: "Rollback completed",
      type: "rollback",
      promotionId: rollbackLock,
    });
    expect(emulator.upper.config).toEqual(original);
    const report = (await api.get<RawReport>("/report")).body;
    expect(report).toMatchObject({ type: "rollback", dryRun: false, promoter: "ci-bot" });
    expect(changeNames(report)).toEqual(changeNames(promoted));
    const phases = emulator.events
      .filter((e) => e.kind === "phase" && e.detail?.startsWith("rollback"))
      .map((e) => e.detail);
    expect(phases).toEqual([
      "rollback: Prepare config",
      "rollback: Rollback configuration",
      "rollback: Restart workloads",
      "rollback: Waiting for workloads to restart",
    ]);
    // The promotion is gone: nothing left to roll back, and lower's changes are pending again.
    expect((await api.get("/report/provisional-rollback")).status).toBe(404);
    const pending = await client(emulator, "lower").get<RawReport>("/report/provisional");
    expect(changeNames(pending.body)).toEqual(changeNames(promoted));
  });

  it("stops on missing ESVs when restored configuration needs an ESV deleted since", async () => {
    const emulator = await start();
    // The upper journey LegacyLogin (deleted by the promotion) uses an ESV.
    const legacy = emulator.upper.config.AMConfig?.Journeys?.find((j) => j.name === "LegacyLogin");
    if (!legacy) throw new Error("default scenario changed");
    legacy.content = { ...(legacy.content as object), banner: "&{esv.legacy.banner}" };
    emulator.upper.esvs.add("esv-legacy-banner");
    await lockPair(emulator);
    await runToEnd(emulator, "/promote", { dryRun: false });
    emulator.upper.esvs.delete("esv-legacy-banner");
    const final = await runToEnd(emulator, "/rollback", {});
    expect(final).toMatchObject({
      status: "ERROR",
      message: "Missing ESVs",
      missingESVs: ["legacy.banner"],
      type: "rollback",
    });
  });
});
