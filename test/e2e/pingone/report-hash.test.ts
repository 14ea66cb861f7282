// The report hash is what require-reviewed-report compares between a PR's dry run and the
// merge's promote: the same environments must give the same hash, a changed source another.
import { describe, expect } from "vitest";
import type { RunningPingOneEmulator } from "../../../src/platforms/pingone/emulator/index.js";
import {
  it,
  NO_NEW_REFERENCES,
  ONE_MORE_POPULATION,
  onDefault,
  type PingOneE2e,
  parseJson,
  withStrictPolicy,
} from "./emulated.js";

async function dryRunHash(e2e: PingOneE2e, emulator: RunningPingOneEmulator): Promise<string> {
  const run = await e2e.run(emulator, "dry-run", ["--format", "json"]);
  expect(run.code, run.stderr).toBe(0);
  return parseJson(run).reportHash as string;
}

describe.concurrent("report hash", () => {
  // The plan's payloads refer to resources the promotion will create by ids PingOne assigns
  // per promotion: the step fingerprints must not hash those.
  it("two dry runs of the unchanged default environments give the same hash", async ({ e2e }) => {
    const emulator = await e2e.emulate();
    const first = await dryRunHash(e2e, emulator);
    const second = await dryRunHash(e2e, emulator);
    expect(second).toBe(first);
  });

  it("without references to created resources, two dry runs give the same hash", async ({
    e2e,
  }) => {
    const emulator = await e2e.emulate(onDefault(NO_NEW_REFERENCES));
    const first = await dryRunHash(e2e, emulator);
    expect(await dryRunHash(e2e, emulator)).toBe(first);
  });

  it("a resource added to the source changes the hash", async ({ e2e }) => {
    const before = await dryRunHash(e2e, await e2e.emulate(onDefault(NO_NEW_REFERENCES)));
    const emulator = await e2e.emulate(onDefault(ONE_MORE_POPULATION));
    const run = await e2e.run(emulator, "dry-run", ["--format", "text"]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain("+ Auditors");
    expect(await dryRunHash(e2e, emulator)).not.toBe(before);
  });

  it("a reference moved to another existing resource changes the hash", async ({ e2e }) => {
    const standard = await e2e.emulate(onDefault(withStrictPolicy("Standard")));
    const strict = await e2e.emulate(onDefault(withStrictPolicy("Strict")));
    const run = await e2e.run(strict, "dry-run", ["--format", "text"]);
    expect(run.code, run.stderr).toBe(0);
    // The reviewer sees the move in the field diff...
    expect(run.stdout).toContain(
      "passwordPolicy.id: 22222222-0101-4000-8000-000000000101 -> 22222222-0103-4000-8000-000000000103",
    );
    // ...so a merge whose plan moves it elsewhere must not pass as the reviewed report.
    expect(await dryRunHash(e2e, strict)).not.toBe(await dryRunHash(e2e, standard));
  });
});
