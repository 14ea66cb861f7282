// Ctrl-C and SIGTERM mid-run: before the promotion starts the run stops, releases the lock it
// took and exits 130; after, the promotion is followed to its end and reported as it ended.
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
    expect(run.stderr).toContain("SIGINT received: stopping and releasing the lock of promotion");
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

  it("a second Ctrl-C exits at once, prints the unlock command (which releases the lock) and still the JSON result", async ({
    e2e,
  }) => {
    const emulator = await e2e.emulate();
    const cli = e2e.start("promote", ["--format", "json"], ciEnv(emulator));
    await cli.waitForStderr(/\[promotion\] started/);
    cli.child.kill("SIGINT");
    await cli.waitForStderr(
      /SIGINT received: noted \(the promotion has started and cannot be stopped/,
    );
    cli.child.kill("SIGINT");
    const run = await cli.result;

    expect(run.code).toBe(130);
    expect(parseJson(run)).toMatchObject({
      result: "failed",
      reason: "cancelled",
      lockReleased: false,
      cancelRequested: true,
    });
    const command = /tenant-promote unlock --promotion-id (\S+) --upper-fqdn (\S+)/.exec(
      run.stderr,
    );
    expect(command, run.stderr).not.toBeNull();
    const [, id, fqdn] = command as unknown as [string, string, string];
    expect(fqdn).toBe(emulator.upperUrl);
    expect(run.stderr).toContain("SIGINT again: exited without waiting. The promotion goes on.");
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

describe.concurrent("a cancel after the point of no return", () => {
  it("SIGTERM mid-promotion: the promotion is followed to its end and reported as completed, exit 0", async ({
    e2e,
  }) => {
    const emulator = await e2e.emulate();
    const cli = e2e.start("promote", ["--format", "json"], ciEnv(emulator));
    await cli.waitForStderr(/\[promotion\] started/);
    cli.child.kill("SIGTERM");
    const run = await cli.result;

    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain(
      "SIGTERM received: noted (the promotion has started and cannot be stopped: following it to its end",
    );
    const json = parseJson(run);
    expect(json).toMatchObject({ result: "succeeded", lockReleased: true, cancelRequested: true });
    expect(json.reason).toBeNull();
    expect(json.message).toContain(
      "The cancel came after the promotion started and could not stop it",
    );
    // The real report and change count, not "0 changes".
    expect(json.changes).toBeGreaterThan(0);
    expect((json.report as { kind: string }).kind).toBe("promotion");
    const id = json.promotionId as string;
    const unlocks = unlocksOf(emulator, id);
    expect(unlocks).toHaveLength(1);
    const ends = emulator.events.filter((e) => e.kind === "promotion-finished");
    expect(ends).toHaveLength(2); // the dry run, then the promotion
    expect(unlocks[0]?.at).toBeGreaterThanOrEqual(ends[1]?.at as number);
    expect(lockNow(emulator).result).toBe("unlocked");
  });

  it("Ctrl-C during the dry run still cancels: nothing promoted, exit 130", async ({ e2e }) => {
    const emulator = await e2e.emulate();
    const before = structuredClone(emulator.upper.config);
    const cli = e2e.start("promote", ["--format", "json"], ciEnv(emulator));
    await cli.waitForStderr(/\[dry run\] started/);
    cli.child.kill("SIGINT");
    const run = await cli.result;

    expect(run.code).toBe(130);
    const json = parseJson(run);
    expect(json).toMatchObject({ result: "failed", reason: "cancelled", lockReleased: true });
    expect(json.cancelRequested).toBeUndefined();
    expect(upperCalls(emulator, "POST", PROMOTE)).toHaveLength(1);
    expect(emulator.upper.config).toEqual(before);
  });
});
