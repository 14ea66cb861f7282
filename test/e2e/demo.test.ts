// `tenant-promote demo`: the first thing a new user runs, with its own emulator.
import { describe, expect, it } from "vitest";
import { runCli } from "./cli-harness.js";

describe("demo", () => {
  it("runs a locked dry run and a promotion against its own emulator and prints both reports", async () => {
    const run = await runCli(["demo", "--speed", "600"]);

    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(
      /lower environment: http:\/\/127\.0\.0\.1:\d+[\s\S]*upper environment: http:\/\/127\.0\.0\.1:\d+/,
    );
    expect(run.stderr).toContain("=== tenant-promote dry-run ===");
    expect(run.stderr).toContain("=== tenant-promote promote ===");
    expect(run.stderr.match(/\[unlock\] environments unlocked/g)).toHaveLength(2);

    const promoteAt = run.stdout.indexOf("tenant-promote promote: succeeded");
    const dryRun = run.stdout.slice(0, promoteAt);
    const promotion = run.stdout.slice(promoteAt);
    expect(dryRun).toContain("tenant-promote dry-run: succeeded");
    expect(dryRun).toContain("## Dry-run promotion report");
    expect(dryRun).toContain("Dry run: 6 change(s): 3 added, 2 modified, 1 deleted");
    expect(promoteAt).toBeGreaterThan(0);
    expect(promotion).toContain("## Promotion report");
    expect(promotion).toContain("Promoted 6 change(s): 3 added, 2 modified, 1 deleted");
    expect(promotion).toMatch(/\| \*\*Total\*\* \| \| \*\*3\*\* \| \*\*2\*\* \| \*\*1\*\* \|/);
  });
});
