// What a reviewer reads in a plan: each resource by its own name, though PingOne's plan names
// themes `themes:<id>` (seed 003), and every step, the ones PingOne adds for what a selected
// resource refers to marked as such.
import { describe, expect } from "vitest";
import { it, parseJson } from "./emulated.js";

const THEME = "11111111-0301-4000-8000-000000000301";
const PARTNERS = "11111111-0203-4000-8000-000000000203";

describe.concurrent("names and dependencies in the report", () => {
  it("a theme the plan names by type and id shows its own name", async ({ e2e }) => {
    const emulator = await e2e.emulate();
    const run = await e2e.run(emulator, "dry-run", ["--format", "text"]);

    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/ {2}themes: 1 modified\n {4}~ Corporate\n/);
    expect(run.stdout).toContain("configuration.buttonColor: #2996cc -> #1a4d8f");
    expect(run.stdout).not.toMatch(/themes:[0-9a-f]{8}-/);
    expect(run.stderr).not.toContain("<type>:<id>");
  });

  it("one population selected: its password policy and theme are listed too, as dependencies", async ({
    e2e,
  }) => {
    const emulator = await e2e.emulate();
    const text = await e2e.run(emulator, "dry-run", ["--format", "text", "--resources", PARTNERS]);

    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toContain("3 step(s): 2 added, 1 modified, 0 deleted");
    const dependency =
      "dependency: not selected; PingOne plans it because a selected resource refers to it";
    expect(text.stdout).toContain(`+ Passphrase — ${dependency}`);
    expect(text.stdout).toContain(`~ Corporate — ${dependency}`);
    expect(text.stdout).toMatch(/\+ Partners\n/);

    const json = parseJson(
      await e2e.run(emulator, "dry-run", ["--format", "json", "--resources", PARTNERS]),
    );
    const entries = (json.report as unknown as ReportJson).areas.flatMap((a) =>
      a.items.flatMap((i) => [...i.added, ...i.modified, ...i.deleted]),
    );
    expect(entries.map((e) => [e.name, e.uid, e.extra?.dependency ?? null])).toEqual([
      ["Passphrase", "11111111-0102-4000-8000-000000000102", dependency.slice(12)],
      ["Partners", PARTNERS, null],
      ["Corporate", THEME, dependency.slice(12)],
    ]);

    const markdown = await e2e.run(emulator, "dry-run", [
      "--format",
      "markdown",
      "--resources",
      PARTNERS,
    ]);
    expect(markdown.stdout).toMatch(/Corporate — dependency: not selected/);
  });
});

interface ReportJson {
  areas: {
    items: {
      added: EntryJson[];
      modified: EntryJson[];
      deleted: EntryJson[];
    }[];
  }[];
}

interface EntryJson {
  name: string;
  uid?: string;
  extra?: { dependency?: string };
}
