// Ctrl-C and SIGTERM mid-run: the run stops, releases the lock it took, and exits 130.
import { describe, expect } from "vitest";
import { ciEnv, it, lockNow, PROMOTE, parseJson, unlocksOf, upperCalls } from "./emulated.js";

describe.concurrent("SIGINT mid-run", () => {
  it("stops after the lock was taken, releases it, and exits 130", async ({ e2e }) => {
    const emulator = await e2e.emulate();
    const before = structuredClone(emulator.upper.config);
    const cli = e2e.start("promote", ["--format", "json"], ciEnv(emulator));
    await cli.waitForStderr(/\[lock\] environments locked for promotion/);
    cli.child.kill("SIGINT");
    const run = await cli.result;

    expect(run.code).toBe(130);
    expect(run.stderr).toContain("SIGINT received: stopping and releasing the lock this run took");
    const json = parseJson(run);
    expect(json).toMatchObject({ result: "failed", reason: "cancelled", lockReleased: true });
    const id = json.promotionId as string;
    expect(run.stderr).toContain(`[unlock] environments unlocked (promotion ${id})`);
    expect(unlocksOf(emulator, id)).toHaveLength(1);
    expect(lockNow(emulator).result).toBe("unlocked");
    // Stopped before the real promotion: at most the dry run was sent, nothing was changed.
    expect(upperCalls(emulator, "POST", PROMOTE).length).toBeLessThanOrEqual(1);
    expect(emulator.upper.config).toEqual(before);
  });

  it("a second Ctrl-C exits at once and prints the unlock command, which releases the lock", async ({
    e2e,
  }) => {
    const emulator = await e2e.emulate();
    const cli = e2e.start("promote", [], ciEnv(emulator));
    await cli.waitForStderr(/\[promotion\] started/);
    cli.child.kill("SIGINT");
    await cli.waitForStderr(/SIGINT received/);
    cli.child.kill("SIGINT");
    const run = await cli.result;

    expect(run.code).toBe(130);
    const command = /tenant-promote unlock --promotion-id (\S+) --upper-fqdn (\S+)/.exec(
      run.stderr,
    );
    expect(command, run.stderr).not.toBeNull();
    const [, id, fqdn] = command as unknown as [string, string, string];
    expect(fqdn).toBe(emulator.upperUrl);
    expect(run.stderr).toContain("SIGINT again: exiting without waiting");
    expect(lockNow(emulator)).toMatchObject({ promotionId: id });
    expect(unlocksOf(emulator, id)).toEqual([]);

    // The printed command is the recovery: it waits for the running promotion, then unlocks.
    const unlock = await e2e.runAgainst(emulator, "unlock", [
      "--promotion-id",
      id,
      "--upper-fqdn",
      fqdn,
    ]);
    expect(unlock.code, unlock.stderr).toBe(0);
    expect(unlocksOf(emulator, id)).toHaveLength(1);
    expect(lockNow(emulator).result).toBe("unlocked");
  });
});

describe.concurrent("SIGTERM mid-promotion", () => {
  it("waits for the running promotion to end, then releases the lock and exits 130", async ({
    e2e,
  }) => {
    const emulator = await e2e.emulate();
    const cli = e2e.start("promote", ["--format", "json"], ciEnv(emulator));
    await cli.waitForStderr(/\[promotion\] started/);
    cli.child.kill("SIGTERM");
    const run = await cli.result;

    expect(run.code).toBe(130);
    expect(run.stderr).toContain("SIGTERM received: stopping and releasing the lock this run took");
    const json = parseJson(run);
    expect(json).toMatchObject({ result: "failed", reason: "cancelled", lockReleased: true });
    const id = json.promotionId as string;
    const unlocks = unlocksOf(emulator, id);
    expect(unlocks).toHaveLength(1);
    // The API refuses to unlock mid-promotion: the release came after the promotion ended.
    const ends = emulator.events.filter((e) => e.kind === "promotion-finished");
    expect(ends).toHaveLength(2); // the dry run, then the promotion
    expect(run.stderr).toContain("[unlock: waiting for the running step to finish]");
    expect(unlocks[0]?.at).toBeGreaterThanOrEqual(ends[1]?.at as number);
    expect(lockNow(emulator).result).toBe("unlocked");
  });
});
