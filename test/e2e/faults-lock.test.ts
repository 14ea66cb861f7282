// Lock faults through the real CLI: another holder's lock is named and left alone, this run's
// own lock is always released.
import { describe, expect } from "vitest";
import {
  ciEnv,
  INFO,
  it,
  LOCK,
  lockNow,
  parseJson,
  scenarioOnDefault,
  shippedScenario,
  unlocksOf,
  upperCalls,
} from "./emulated.js";

const HOLDER = "7d3c9e2a-4b1f-4e8a-9c6d-2f5e8a1b3c4d";

describe.concurrent("a lock held by another promotion", () => {
  it("fails with exit 3, names the holder and the unlock command, and leaves that lock alone", async ({
    e2e,
  }) => {
    const emulator = await e2e.emulate(
      scenarioOnDefault(`faults:\n  lockHeldBy: { promotionId: ${HOLDER} }`),
    );
    const run = await e2e.runAgainst(emulator, "promote", ["--format", "json"]);

    expect(run.code).toBe(3);
    const json = parseJson(run);
    expect(json).toMatchObject({ result: "failed", reason: "lock-conflict", lockHolder: HOLDER });
    // It took nothing, so nothing was released: the key is absent, as the README says.
    expect(json).not.toHaveProperty("lockReleased");
    expect(run.stderr).toContain(`already locked by promotion ${HOLDER}`);
    expect(run.stderr).toContain(
      `tenant-promote unlock --promotion-id ${HOLDER} --upper-fqdn ${emulator.upperUrl}`,
    );
    expect(lockNow(emulator)).toMatchObject({ result: "locked", promotionId: HOLDER });
    expect(upperCalls(emulator, "POST")).toEqual([]);
    expect(upperCalls(emulator, "DELETE")).toEqual([]);
  });

  it("with --lock-wait, waits until the holder releases it, then takes its own lock and unlocks", async ({
    e2e,
  }) => {
    const emulator = await e2e.emulate(
      scenarioOnDefault(`faults:\n  lockHeldBy: { promotionId: ${HOLDER} }`),
    );
    const cli = e2e.start("dry-run", ["--lock-wait", "30s", "--format", "json"], ciEnv(emulator));
    await cli.waitForStderr(new RegExp(`\\[lock wait\\] .* is held by promotion ${HOLDER}`));
    // The holder finishes now: its lock starts releasing at once (releaseAfterSeconds: 0).
    emulator.addFault({ kind: "lockHeldBy", promotionId: HOLDER, releaseAfterSeconds: 0 });
    const run = await cli.result;

    expect(run.code, run.stderr).toBe(0);
    const json = parseJson(run);
    expect(json.result).toBe("succeeded");
    expect(json.promotionId).not.toBe(HOLDER);
    expect(upperCalls(emulator, "POST", LOCK)).toHaveLength(1);
    expect(unlocksOf(emulator, HOLDER)).toEqual([]);
    expect(unlocksOf(emulator, json.promotionId as string)).toHaveLength(1);
    expect(lockNow(emulator).result).toBe("unlocked");
  });
});

describe.concurrent("a maintenance lock held by Ping Identity", () => {
  it("fails with exit 3, says so, and leaves the lock alone", async ({ e2e }) => {
    const emulator = await e2e.emulate(scenarioOnDefault("faults:\n  maintenanceLock: true"));
    const run = await e2e.runAgainst(emulator, "promote", ["--format", "json"]);

    expect(run.code).toBe(3);
    const json = parseJson(run);
    expect(json).toMatchObject({
      result: "failed",
      reason: "lock-conflict",
      lockHolder: "maintenance",
    });
    expect(run.stderr).toContain("is locked by Ping Identity for maintenance");
    expect(run.stderr).toMatch(/next: Wait until Ping Identity releases the lock/);
    expect(lockNow(emulator)).toMatchObject({
      result: "locked",
      description: expect.stringMatching(/maintenance/),
    });
    expect(upperCalls(emulator, "POST")).toEqual([]);
    expect(upperCalls(emulator, "DELETE")).toEqual([]);
  });
});

describe.concurrent("a lock stuck in locking", () => {
  it("fails with reason timeout and releases the lock it requested", async ({ e2e }) => {
    const emulator = await e2e.emulate(shippedScenario("stuck-locking"));
    const run = await e2e.runAgainst(emulator, "dry-run", ["--timeout", "3s", "--format", "json"]);

    expect(run.code).toBe(1);
    const json = parseJson(run);
    expect(json).toMatchObject({ result: "failed", reason: "timeout", lockReleased: true });
    expect(json.message).toMatch(/did not finish/);
    expect(run.stderr).toMatch(/failed \(timeout\)/);
    const id = json.promotionId as string;
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(upperCalls(emulator, "POST", LOCK)).toHaveLength(1);
    expect(unlocksOf(emulator, id)).toHaveLength(1);
    expect(run.stderr).toContain(`[unlock] environments unlocked (promotion ${id})`);
    expect(lockNow(emulator).result).toBe("unlocked");
  });
});

describe.concurrent("a lock that cannot be released within --timeout", () => {
  it("exits 4 and prints the unlock command, which then releases the lock", async ({ e2e }) => {
    const emulator = await e2e.emulate();
    // 1 s is over mid-promotion (about 1.5 s here); the API refuses to unlock until it ends.
    const run = await e2e.runAgainst(emulator, "promote", ["--timeout", "1s", "--format", "json"]);

    expect(run.code, run.stderr).toBe(4);
    const json = parseJson(run);
    expect(json).toMatchObject({ result: "failed", reason: "timeout", lockReleased: false });
    const id = json.promotionId as string;
    const command = `tenant-promote unlock --promotion-id ${id} --upper-fqdn ${emulator.upperUrl}`;
    expect(json.nextSteps).toContain(`Release the lock: ${command}`);
    expect(run.stderr).toContain(command);
    expect(lockNow(emulator)).toMatchObject({ promotionId: id });

    const unlock = await e2e.runAgainst(emulator, "unlock", ["--promotion-id", id]);
    expect(unlock.code, unlock.stderr).toBe(0);
    expect(unlocksOf(emulator, id)).toHaveLength(1);
    expect(lockNow(emulator).result).toBe("unlocked");
  });
});

describe.concurrent("a pending release upgrade", () => {
  it("refuses to promote before taking any lock, then promotes with --allow-release-upgrade", async ({
    e2e,
  }) => {
    const emulator = await e2e.emulate(shippedScenario("release-upgrade"));
    const before = structuredClone(emulator.upper.config);
    const refused = await e2e.runAgainst(emulator, "promote", ["--format", "json"]);

    expect(refused.code).toBe(1);
    const json = parseJson(refused);
    expect(json).toMatchObject({ result: "failed", reason: "release-upgrade" });
    expect(json.message).toContain("would trigger a release upgrade");
    expect(refused.stderr).toContain("--allow-release-upgrade");
    expect(upperCalls(emulator, "GET", INFO)).toHaveLength(1);
    expect(upperCalls(emulator, "POST")).toEqual([]);
    expect(upperCalls(emulator, "DELETE")).toEqual([]);
    expect(emulator.upper.config).toEqual(before);
    expect(lockNow(emulator).result).toBe("unlocked");

    const allowed = await e2e.runAgainst(emulator, "promote", [], {
      TENANT_PROMOTE_ALLOW_RELEASE_UPGRADE: "true",
    });
    expect(allowed.code, allowed.stderr).toBe(0);
    expect(allowed.stdout).toContain("tenant-promote promote: succeeded");
    expect(allowed.stderr).toContain("this promotion will trigger a release upgrade");
    expect(emulator.upper.config).toEqual(emulator.lower.config);
    expect(lockNow(emulator).result).toBe("unlocked");
  });
});
