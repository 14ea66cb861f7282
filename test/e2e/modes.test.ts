// Every mode of the real CLI against the emulator: what a user sees, and what the tenant ends up with.
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect } from "vitest";
import type { EnvironmentConfig } from "../../src/platforms/aic/emulator/index.js";
import {
  it,
  LOCK,
  lockAsCrashedRun,
  lockNow,
  PROMOTE,
  parseJson,
  ROLLBACK,
  unlocksOf,
  upperCalls,
} from "./emulated.js";

function journeyNames(config: EnvironmentConfig): string[] {
  return (config.AMConfig?.Journeys ?? []).map((item) => item.name).sort();
}

describe.concurrent("preview", () => {
  it("shows what the lower environment would promote, with reads only and no lock", async ({
    e2e,
  }) => {
    const emulator = await e2e.emulate();
    const run = await e2e.runAgainst(emulator, "preview");

    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain("tenant-promote preview: succeeded");
    expect(run.stdout).toContain("6 change(s): 3 added, 2 modified, 1 deleted");
    expect(run.stdout).toContain("ProgressiveProfile");
    expect(emulator.requests.length).toBeGreaterThan(0);
    // The upper environment is read for content diffs only, never its promotion endpoints.
    expect(emulator.requests.every((r) => r.method === "GET")).toBe(true);
    expect(
      emulator.requests.filter((r) => r.env === "upper" && r.path.startsWith("/environment/")),
    ).toEqual([]);
  });
});

describe.concurrent("dry-run", () => {
  it("locks, reports what would change, leaves the upper config alone and unlocks", async ({
    e2e,
  }) => {
    const emulator = await e2e.emulate();
    const before = structuredClone(emulator.upper.config);
    const run = await e2e.runAgainst(emulator, "dry-run");

    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain("tenant-promote dry-run: succeeded");
    expect(run.stdout).toContain("Dry run: 6 change(s): 3 added, 2 modified, 1 deleted");
    expect(run.stdout).toContain("LegacyLogin");
    expect(emulator.upper.config).toEqual(before);
    expect(upperCalls(emulator, "POST", LOCK)).toHaveLength(1);
    expect(upperCalls(emulator, "POST", PROMOTE)).toHaveLength(1);
    const id = emulator.upper.reports.at(-1)?.promotionId as string;
    expect(unlocksOf(emulator, id)).toHaveLength(1);
    expect(lockNow(emulator).result).toBe("unlocked");
  });
});

describe.concurrent("promote", () => {
  it("applies the changes to the upper environment, then finds nothing to promote the second time", async ({
    e2e,
  }) => {
    const emulator = await e2e.emulate();
    const first = await e2e.runAgainst(emulator, "promote");

    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain("tenant-promote promote: succeeded");
    expect(first.stdout).toMatch(/Promoted 6 change\(s\): 3 added, 2 modified, 1 deleted to http/);
    expect(emulator.upper.config).toEqual(emulator.lower.config);
    expect(journeyNames(emulator.upper.config)).toEqual([
      "Login",
      "ProgressiveProfile",
      "Registration",
    ]);
    expect(first.stderr).toContain("[unlock] environments unlocked");
    expect(lockNow(emulator).result).toBe("unlocked");
    // A dry run, then the promotion.
    expect(upperCalls(emulator, "POST", PROMOTE)).toHaveLength(2);

    const second = await e2e.runAgainst(emulator, "promote", ["--format", "json"]);
    expect(second.code, second.stderr).toBe(0);
    const json = parseJson(second);
    expect(json).toMatchObject({ result: "no-change", reason: null, changes: 0 });
    // The upper tenant's admin console, as the action's environment-url output gives it.
    expect(json.environmentUrl).toBe(`${emulator.upperUrl}/platform/`);
    expect(json.message).toMatch(/nothing to promote/i);
    expect(second.stderr).toMatch(/no-change: Nothing to promote/);
    // No lock for nothing: the lower environment's provisional report was empty, so neither a
    // lock nor a dry run was asked for.
    expect(json.message).toContain("lists no change, so no promotion ran and nothing was locked");
    expect(upperCalls(emulator, "POST", PROMOTE)).toHaveLength(2);
    expect(upperCalls(emulator, "POST", LOCK)).toHaveLength(1);
    expect(lockNow(emulator).result).toBe("unlocked");

    // skip-unchanged false: it locks and dry-runs to find out, as before.
    const locked = await e2e.runAgainst(emulator, "promote", ["--skip-unchanged", "false"]);
    expect(locked.code, locked.stderr).toBe(0);
    expect(locked.stderr).toMatch(/no-change: Nothing to promote: the dry run found no change/);
    expect(upperCalls(emulator, "POST", PROMOTE)).toHaveLength(3);
    expect(upperCalls(emulator, "POST", LOCK)).toHaveLength(2);
    expect(lockNow(emulator).result).toBe("unlocked");
  });

  it("with changes pending, the provisional report is read first and the run locks as ever", async ({
    e2e,
  }) => {
    const emulator = await e2e.emulate();
    const run = await e2e.runAgainst(emulator, "dry-run", ["--format", "json"]);
    expect(run.code, run.stderr).toBe(0);
    expect(parseJson(run)).toMatchObject({ result: "succeeded", changes: 6 });
    expect(run.stderr).toMatch(/\[report\] provisional report from .*: 6 change\(s\)/);
    expect(upperCalls(emulator, "POST", LOCK)).toHaveLength(1);
  });

  it("a provisional report that cannot be read is no failure: the run locks to find out", async ({
    e2e,
  }) => {
    const emulator = await e2e.emulate();
    const run = await e2e.runAgainst(emulator, "dry-run", [
      "--lower-access-token",
      "not-a-token-the-lower-environment-knows",
    ]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain("[skip-unchanged] could not read the provisional report");
    expect(upperCalls(emulator, "POST", LOCK)).toHaveLength(1);
  });
});

describe.concurrent("rollback-preview and rollback", () => {
  it("previews the revert without locking, then reverts the upper config to before the promotion", async ({
    e2e,
  }) => {
    const emulator = await e2e.emulate();
    const original = structuredClone(emulator.upper.config);
    const promoted = parseJson(await e2e.runAgainst(emulator, "promote", ["--format", "json"]));
    expect(promoted).toMatchObject({ result: "succeeded", changes: 6, lockReleased: true });
    // What was promoted is exactly what the dry run showed.
    expect(promoted.dryRunReport?.hash).toBe(promoted.reportHash);
    const promotionId = emulator.upper.history.at(-1)?.promotionId as string;
    expect(promoted.promotionId).toBe(promotionId);
    const promotedConfig = structuredClone(emulator.upper.config);
    const locksBefore = upperCalls(emulator, "POST", LOCK).length;

    const previewRun = await e2e.runAgainst(emulator, "rollback-preview", ["--format", "json"]);
    expect(previewRun.code, previewRun.stderr).toBe(0);
    const preview = parseJson(previewRun);
    expect(preview.result).toBe("succeeded");
    // What the rollback does to the target, not the promotion's own counts: it removes what the
    // promotion added and re-creates what it deleted.
    const { added, modified, deleted } = (promoted.report?.counts ?? {}) as Record<string, number>;
    const effect = (verbs: string[]) =>
      [`${verbs[0]} ${added} item`, `${verbs[1]} ${modified} item`, `${verbs[2]} ${deleted} item`]
        .filter((part) => !part.includes(" 0 item"))
        .map((part) => (part.endsWith(" 1 item") ? part : `${part}s`));
    const presentTense = effect(["removes", "restores", "re-creates"]);
    expect(preview.message).toContain(
      `Rolling back promotion ${promotionId} on ${emulator.upperUrl}`,
    );
    for (const part of presentTense) expect(preview.message).toContain(part);
    expect(JSON.stringify(preview.report)).toContain("ProgressiveProfile");
    expect(upperCalls(emulator, "POST", LOCK)).toHaveLength(locksBefore);
    expect(emulator.upper.config).toEqual(promotedConfig);

    const rollbackRun = await e2e.runAgainst(emulator, "rollback", [
      "--promotion-id",
      promotionId,
      "--format",
      "json",
    ]);
    expect(rollbackRun.code, rollbackRun.stderr).toBe(0);
    const rollback = parseJson(rollbackRun);
    expect(rollback.result).toBe("succeeded");
    expect(rollback.message).toContain(`Rolled back promotion ${promotionId}`);
    for (const part of effect(["removed", "restored", "re-created"]))
      expect(rollback.message).toContain(part);
    // Nothing changed in between: the reviewed preview's hash is the rollback's.
    expect(rollback.reportHash).toBe(preview.reportHash);
    expect(emulator.upper.config).toEqual(original);
    expect(upperCalls(emulator, "POST", ROLLBACK)).toHaveLength(1);
    expect(lockNow(emulator).result).toBe("unlocked");
  });

  it("with no promotion to revert, both say there is nothing to roll back, and rollback unlocks", async ({
    e2e,
  }) => {
    const emulator = await e2e.emulate();
    const preview = await e2e.runAgainst(emulator, "rollback-preview", ["--format", "json"]);
    expect(preview.code, preview.stderr).toBe(0);
    expect(parseJson(preview)).toMatchObject({ result: "no-change", changes: 0 });
    expect(parseJson(preview).message).toContain("Nothing to roll back");

    const rollback = await e2e.runAgainst(emulator, "rollback", ["--format", "json"]);
    expect(rollback.code, rollback.stderr).toBe(0);
    const json = parseJson(rollback);
    expect(json).toMatchObject({ result: "no-change", lockReleased: true });
    expect(upperCalls(emulator, "POST", ROLLBACK)).toEqual([]);
    expect(unlocksOf(emulator, json.promotionId as string)).toHaveLength(1);
    expect(lockNow(emulator).result).toBe("unlocked");
  });

  it("refuses to roll back when the most recent promotion is not the one named, and unlocks", async ({
    e2e,
  }) => {
    const emulator = await e2e.emulate();
    expect((await e2e.runAgainst(emulator, "promote")).code).toBe(0);
    const promotionId = emulator.upper.history.at(-1)?.promotionId as string;
    const promotedConfig = structuredClone(emulator.upper.config);

    const wrongId = "00000000-0000-4000-8000-000000000000";
    const refused = await e2e.runAgainst(emulator, "rollback", ["--promotion-id", wrongId]);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain("tenant-promote rollback: failed (promotion-mismatch)");
    expect(refused.stdout).toContain(
      `the most recent promotion on ${emulator.upperUrl} is ${promotionId}, not ${wrongId}`,
    );
    expect(emulator.upper.config).toEqual(promotedConfig);
    expect(upperCalls(emulator, "POST", ROLLBACK)).toHaveLength(0);
    expect(upperCalls(emulator, "POST", LOCK)).toHaveLength(2);
    expect(lockNow(emulator).result).toBe("unlocked");
  });
});

describe.concurrent("status", () => {
  it("reports the lock, the promotion status and the reports without changing anything", async ({
    e2e,
  }) => {
    const emulator = await e2e.emulate();
    const holder = await lockAsCrashedRun(emulator);
    const sentBefore = emulator.requests.length;

    const run = await e2e.runAgainst(emulator, "status", ["--format", "json"]);
    expect(run.code, run.stderr).toBe(0);
    const json = parseJson(run);
    expect(json.result).toBe("succeeded");
    expect(json.status?.lock.result).toBe("locked");
    expect(json.status?.lock.promotionId).toBe(holder);
    expect(json.message).toContain(`Lock: locked by promotion ${holder}`);
    const sent = emulator.requests.slice(sentBefore);
    expect(sent.length).toBeGreaterThan(0);
    expect(sent.filter((r) => r.method !== "GET")).toEqual([]);
    expect(lockNow(emulator)).toMatchObject({ result: "locked", promotionId: holder });
  });

  it("lists the reports in text, newest first, not only their count", async ({ e2e }) => {
    const emulator = await e2e.emulate();
    const promoted = parseJson(await e2e.runAgainst(emulator, "promote", ["--format", "json"]));
    const run = await e2e.runAgainst(emulator, "status", ["--format", "text"]);
    expect(run.code, run.stderr).toBe(0);
    const reportLines = run.stdout.split("\n").filter((l) => l.startsWith("Report "));
    // The dry run's report and the promotion's, each on its own line.
    expect(reportLines).toHaveLength(2);
    expect(reportLines[0]).toContain(`promotion ${promoted.promotionId}`);
    expect(reportLines[1]).toContain("(dry run)");
    expect(run.stdout).toContain("Reports: 2");
  });
});

describe.concurrent("unlock", () => {
  it("releases the lock a crashed run left behind", async ({ e2e }) => {
    const emulator = await e2e.emulate();
    const leftBehind = await lockAsCrashedRun(emulator);

    const run = await e2e.runAgainst(emulator, "unlock", ["--promotion-id", leftBehind]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain("tenant-promote unlock: succeeded");
    expect(run.stdout).toContain(`Released the lock of promotion ${leftBehind}`);
    expect(unlocksOf(emulator, leftBehind)).toHaveLength(1);
    expect(upperCalls(emulator, "POST")).toHaveLength(1); // the crashed run's lock only
    expect(lockNow(emulator).result).toBe("unlocked");
  });

  it("with nothing locked: no-change, nothing to release, no unlock sent", async ({ e2e }) => {
    const emulator = await e2e.emulate();
    const id = "0b6f4f57-8a0e-4d5b-9a55-2f6d1c1c9e01";
    const run = await e2e.runAgainst(emulator, "unlock", ["--promotion-id", id]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain("tenant-promote unlock: no-change");
    expect(run.stdout).toContain("are not locked: there is nothing to release");
    expect(run.stdout).not.toContain("Released the lock");
    expect(upperCalls(emulator, "DELETE")).toHaveLength(0);
  });

  it("with another promotion holding the lock: leaves it alone and names the holder", async ({
    e2e,
  }) => {
    const emulator = await e2e.emulate();
    const holder = await lockAsCrashedRun(emulator);
    const given = "0b6f4f57-8a0e-4d5b-9a55-2f6d1c1c9e01";
    const run = await e2e.runAgainst(emulator, "unlock", [
      "--promotion-id",
      given,
      "--format",
      "json",
    ]);
    expect(run.code, run.stderr).toBe(1);
    const json = parseJson(run);
    expect(json).toMatchObject({
      result: "failed",
      reason: "promotion-mismatch",
      lockHolder: holder,
    });
    expect(json.message).toContain(`locked by promotion ${holder}, not ${given}`);
    expect(json.nextSteps.join(" ")).toContain(`--promotion-id ${holder}`);
    expect(json.nextSteps.join(" ")).not.toContain(`--promotion-id ${given}`);
    expect(upperCalls(emulator, "DELETE")).toHaveLength(0);
    expect(lockNow(emulator)).toMatchObject({ result: "locked", promotionId: holder });
  });
});

describe.concurrent("machine-readable output", () => {
  it("--format json gives result, reason, promotionId, reportHash and changes", async ({ e2e }) => {
    const emulator = await e2e.emulate();
    const run = await e2e.runAgainst(emulator, "dry-run", ["--format", "json"]);

    expect(run.code, run.stderr).toBe(0);
    const json = parseJson(run);
    const lockedFor = emulator.events.find((e) => e.kind === "lock-requested")?.detail;
    expect(lockedFor).toBeDefined();
    expect(json).toMatchObject({
      mode: "dry-run",
      result: "succeeded",
      reason: null,
      promotionId: lockedFor,
      lockReleased: true,
      lockHolder: null,
      changes: 6,
      missingESVs: [],
      encryptedSecrets: [],
    });
    expect(json.reportHash).toMatch(/^[0-9a-f]{64}$/);
    expect(json.report?.kind).toBe("dry-run");
    expect(json.report?.hash).toBe(json.reportHash);
    expect(lockNow(emulator).result).toBe("unlocked");
  });

  it("--output FILE writes the report to the file and nothing to stdout", async ({ e2e }) => {
    const emulator = await e2e.emulate();
    const dir = await mkdtemp(join(tmpdir(), "tenant-promote-e2e-"));
    try {
      const file = join(dir, "dry-run.json");
      const run = await e2e.runAgainst(emulator, "dry-run", [], {
        TENANT_PROMOTE_FORMAT: "json",
        TENANT_PROMOTE_OUTPUT: file,
      });
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toBe("");
      expect(run.stderr).toContain(`report written to ${file}`);
      const json = JSON.parse(await readFile(file, "utf8"));
      expect(json).toMatchObject({ mode: "dry-run", result: "succeeded", changes: 6 });
      expect(json.reportHash).toMatch(/^[0-9a-f]{64}$/);
      expect(lockNow(emulator).result).toBe("unlocked");
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
