// AIC content diffs through the real CLI against the emulator: what changes inside a journey and
// a script, an edit after review refused, credentials without the AM/IDM scopes, and rollbacks.
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect } from "vitest";
import { it, lockNow, PROMOTE, parseJson, shippedScenario, upperCalls } from "./emulated.js";

type Json = Record<string, unknown>;
interface Entry {
  name: string;
  fields?: Array<{ path: string; before?: string; after?: string; diff?: string }>;
  fingerprint?: string;
}

function modified(report: unknown, configItem: string): Entry | undefined {
  const areas = ((report as Json).areas ?? []) as Array<{ items: Json[] }>;
  const item = areas.flatMap((a) => a.items).find((i) => i.configItem === configItem);
  return (item?.modified as Entry[] | undefined)?.[0];
}

function notes(report: unknown): string[] {
  return ((report as Json).contentDiffNotes ?? []) as string[];
}

describe.concurrent("AIC content diffs", () => {
  it("a dry run shows the journey's nodes and the script's lines that change", async ({ e2e }) => {
    const emulator = await e2e.emulate();
    const run = await e2e.runAgainst(emulator, "dry-run", ["--format", "json"]);
    expect(run.code, run.stderr).toBe(0);
    const report = parseJson(run).report;
    expect(modified(report, "Journeys")?.fields).toEqual(
      expect.arrayContaining([
        { path: 'node "Increment Login Count"', after: "added (IncrementLoginCountNode)" },
        {
          path: 'node "Data Store Decision".connections.true',
          before: "Success",
          after: "Increment Login Count",
        },
      ]),
    );
    const script = modified(report, "Scripts")?.fields?.find((f) => f.path === "script");
    expect(script?.diff).toContain('+var locked = nodeState.get("accountLocked");');
    expect(notes(report)).toEqual([]);

    const text = await e2e.runAgainst(emulator, "dry-run", ["--format", "text"]);
    expect(text.stdout).toContain(
      'node "Data Store Decision".connections.true: Success -> Increment Login Count',
    );
    expect(text.stdout).toContain('+var locked = nodeState.get("accountLocked");');
  });

  it("a promote refuses a journey edited after its dry run was reviewed", async ({ e2e }) => {
    const emulator = await e2e.emulate(shippedScenario("edited-after-review"));
    const reviewed = parseJson(await e2e.runAgainst(emulator, "dry-run", ["--format", "json"]));
    expect(reviewed.result).toBe("succeeded");
    const refused = await e2e.runAgainst(emulator, "promote", [
      "--reviewed-report-hash",
      reviewed.reportHash as string,
      "--format",
      "json",
    ]);
    const json = parseJson(refused);
    expect(json).toMatchObject({ result: "failed", reason: "report-changed", lockReleased: true });
    // The names are the same as reviewed: only the journey's content changed.
    expect(json.report?.counts).toEqual(reviewed.report?.counts);
    expect(upperCalls(emulator, "POST", PROMOTE)).toHaveLength(2); // the two dry runs only
    expect(lockNow(emulator).result).toBe("unlocked");
  });

  it("credentials without the AM/IDM scopes still promote, with names and one line why", async ({
    e2e,
  }) => {
    const emulator = await e2e.emulate(shippedScenario("no-content-scopes"));
    const run = await e2e.runAgainst(emulator, "promote", ["--format", "json"]);
    expect(run.code, run.stderr).toBe(0);
    const json = parseJson(run);
    expect(json.result).toBe("succeeded");
    expect(modified(json.report, "Journeys")?.fields).toBeUndefined();
    expect(notes(json.report)).toEqual([
      expect.stringMatching(
        /^Content diffs need the fr:am:\* fr:idm:\* scopes, which the \w+ environment's credentials lack/,
      ),
    ]);
  });

  it("content-diff required fails when content cannot be read, and releases the lock", async ({
    e2e,
  }) => {
    const emulator = await e2e.emulate(shippedScenario("no-content-scopes"));
    const run = await e2e.runAgainst(emulator, "dry-run", [
      "--content-diff",
      "required",
      "--format",
      "json",
    ]);
    expect(run.code).toBe(1);
    expect(parseJson(run)).toMatchObject({ reason: "content-unreadable", lockReleased: true });
    expect(lockNow(emulator).result).toBe("unlocked");
  });

  it("the promotion's report keeps the diffs, and a rollback shows what it restores from it", async ({
    e2e,
  }) => {
    const emulator = await e2e.emulate();
    const file = join(mkdtempSync(join(tmpdir(), "content-")), "promote.json");
    const promote = await e2e.runAgainst(emulator, "promote", ["--output", file]);
    expect(promote.code, promote.stderr).toBe(0);
    const promoted = JSON.parse(readFileSync(file, "utf8")) as Json;
    // Upper now equals lower, yet the promotion's report says what changed inside each item.
    expect(modified(promoted.report, "Journeys")?.fields?.length).toBeGreaterThan(0);

    const without = parseJson(
      await e2e.runAgainst(emulator, "rollback-preview", ["--format", "json"]),
    );
    expect(notes(without.report)[0]).toMatch(
      /can no longer be read from the tenant; give --previous-report/,
    );

    const preview = parseJson(
      await e2e.runAgainst(emulator, "rollback-preview", [
        "--previous-report",
        file,
        "--format",
        "json",
      ]),
    );
    expect(modified(preview.report, "Journeys")?.fields).toContainEqual({
      path: 'node "Data Store Decision".connections.true',
      before: "Increment Login Count",
      after: "Success",
    });
    expect(preview.reportHash).toBe(without.reportHash);
  });
});
