// --reviewed-report-hash on every platform: a rollback (or promotion) is applied only when the
// report about to be applied is the one a reviewer saw in its preview; else nothing changes.
import { describe, expect } from "vitest";
import { it as arcgis, rollbacks as arcgisRollbacks } from "./arcgis/emulated.js";
import { it as aic, lockNow, parseJson, ROLLBACK, upperCalls } from "./emulated.js";
import {
  it as pingone,
  deletes as pingoneDeletes,
  executes as pingoneExecutes,
} from "./pingone/emulated.js";

const OTHER_HASH = "0123456789abcdef";

describe.concurrent("AIC", () => {
  aic(
    "rollback runs with the preview's short hash, and refuses another with nothing sent",
    async ({ e2e }) => {
      const emulator = await e2e.emulate();
      expect((await e2e.runAgainst(emulator, "promote")).code).toBe(0);
      const preview = parseJson(
        await e2e.runAgainst(emulator, "rollback-preview", ["--format", "json"]),
      );
      const reviewed = (preview.reportHash as string).slice(0, 12);

      const refused = await e2e.runAgainst(emulator, "rollback", [
        "--reviewed-report-hash",
        OTHER_HASH,
        "--format",
        "json",
      ]);
      expect(refused.code).toBe(1);
      const json = parseJson(refused);
      expect(json).toMatchObject({
        result: "failed",
        reason: "report-changed",
        lockReleased: true,
      });
      expect(json.message).toContain(`not the reviewed ${OTHER_HASH}`);
      expect(json.nextSteps.join(" ")).toContain(
        `--reviewed-report-hash set to ${preview.reportHash}`,
      );
      expect(upperCalls(emulator, "POST", ROLLBACK)).toEqual([]);
      expect(lockNow(emulator).result).toBe("unlocked");

      const run = await e2e.runAgainst(emulator, "rollback", ["--reviewed-report-hash", reviewed]);
      expect(run.code, run.stderr).toBe(0);
      expect(upperCalls(emulator, "POST", ROLLBACK)).toHaveLength(1);
    },
  );

  aic(
    "a malformed hash, or one given to a mode that changes nothing, is a usage error",
    async ({ e2e }) => {
      const emulator = await e2e.emulate();
      const malformed = await e2e.runAgainst(emulator, "promote", [
        "--reviewed-report-hash",
        "abc",
      ]);
      expect(malformed.code).toBe(2);
      expect(malformed.stderr).toContain('--reviewed-report-hash "abc" is not a report hash');
      const readOnly = await e2e.runAgainst(emulator, "dry-run", [
        "--reviewed-report-hash",
        OTHER_HASH,
      ]);
      expect(readOnly.code).toBe(2);
      expect(readOnly.stderr).toContain("gates promote and rollback only");
      expect(emulator.requests).toEqual([]);
    },
  );
});

describe.concurrent("PingOne", () => {
  pingone("a rollback refused for its hash deletes its draft unexecuted", async ({ e2e }) => {
    const emulator = await e2e.emulate();
    expect((await e2e.run(emulator, "promote")).code).toBe(0);
    const executed = pingoneExecutes(emulator).length;
    const preview = parseJson(await e2e.run(emulator, "rollback-preview", ["--format", "json"]));

    const refused = await e2e.run(emulator, "rollback", [
      "--reviewed-report-hash",
      OTHER_HASH,
      "--format",
      "json",
    ]);
    expect(refused.code).toBe(1);
    expect(parseJson(refused)).toMatchObject({ reason: "report-changed", lockReleased: true });
    expect(pingoneExecutes(emulator)).toHaveLength(executed);
    // The preview's draft rollback and the refused one, both deleted.
    expect(pingoneDeletes(emulator).map((r) => r.status)).toEqual([204, 204]);

    const run = await e2e.run(emulator, "rollback", [
      "--reviewed-report-hash",
      preview.reportHash as string,
    ]);
    expect(run.code, run.stderr).toBe(0);
    expect(pingoneExecutes(emulator)).toHaveLength(executed + 1);
  });
});

describe.concurrent("ArcGIS", () => {
  arcgis("a rollback refused for its hash sends no rollback", async ({ e2e }) => {
    const emulator = await e2e.emulate();
    const preview = parseJson(await e2e.run(emulator, "rollback-preview", ["--format", "json"]));
    const refused = await e2e.run(emulator, "rollback", ["--reviewed-report-hash", OTHER_HASH]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("report-changed");
    expect(arcgisRollbacks(emulator)).toEqual([]);

    const run = await e2e.run(emulator, "rollback", [
      "--reviewed-report-hash",
      (preview.reportHash as string).slice(0, 16),
    ]);
    expect(run.code, run.stderr).toBe(0);
    expect(arcgisRollbacks(emulator)).toHaveLength(1);
  });
});
