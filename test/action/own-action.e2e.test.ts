// Each platform's own action (`uses: ./aic`, `./pingone`, `./arcgis`): the one bundle, run
// with that folder's action.yml, which sets the platform and its default mode; and a rollback
// gated on the reviewed preview's hash.
import { describe, expect } from "vitest";
import { it as arcgis } from "./arcgis/arcgis-action.js";
import { it as aic, DISPATCH, errors } from "./emulated-action.js";
import { it as pingone } from "./pingone/pingone-action.js";

describe.concurrent("uses: ./aic", () => {
  aic("runs a dry run when no mode is given", async ({ action }) => {
    const emulator = await action.emulate();
    const job = await action.job(DISPATCH, emulator, undefined, {}, "own-action");
    const run = await job.main({ comment: "never" });
    expect(run.code, run.stdout).toBe(0);
    expect(run.outputs).toMatchObject({ result: "succeeded", changes: "6" });
    expect(run.summary).toContain("tenant-promote dry-run: succeeded");
  });
});

describe.concurrent("no lock for nothing (AIC)", () => {
  aic(
    "a promote with nothing pending ends no-change without a lock request",
    async ({ action }) => {
      const emulator = await action.emulate();
      const job = await action.job(DISPATCH, emulator, undefined, {
        "lower-fqdn": emulator.lowerUrl,
        "lower-access-token": "emulator-lower-token",
        comment: "never",
      });
      const locks = () =>
        emulator.requests.filter(
          (r) => r.env === "upper" && r.method === "POST" && r.path.endsWith("/promotion/lock"),
        );
      expect((await job.main({ mode: "promote" })).outputs.result).toBe("succeeded");
      expect(locks()).toHaveLength(1);

      const again = await job.main({ mode: "promote" });
      expect(again.outputs, again.stdout).toMatchObject({ result: "no-change", changes: "0" });
      expect(again.summary).toContain("nothing was locked");
      expect(locks()).toHaveLength(1);
      expect((await job.post({ mode: "promote" })).stdout).toContain("nothing this run took");
    },
  );
});

describe.concurrent("uses: ./pingone", () => {
  pingone("rolls back only the report the preview showed", async ({ action }) => {
    const emulator = await action.emulate();
    const job = await action.job(DISPATCH, emulator, undefined, {}, "own-action");
    expect((await job.main({ mode: "promote" })).outputs.result).toBe("succeeded");
    const preview = await job.main({ mode: "rollback-preview" });
    const hash = preview.outputs["report-hash"] as string;

    const refused = await job.main({
      mode: "rollback",
      "reviewed-report-hash": "0123456789abcdef",
    });
    expect(refused.outputs).toMatchObject({ result: "failed", "failure-reason": "report-changed" });
    expect(errors(refused)).toContain(`reviewed-report-hash" set to ${hash}`);

    const rollback = await job.main({ mode: "rollback", "reviewed-report-hash": hash });
    expect(rollback.outputs, rollback.stdout).toMatchObject({
      result: "succeeded",
      "report-hash": hash,
    });
  });
});

describe.concurrent("uses: ./arcgis", () => {
  arcgis(
    "runs the read-only status when no mode is given, and a reviewed rollback",
    async ({ action }) => {
      const emulator = await action.emulate();
      const job = await action.job(DISPATCH, emulator, undefined, {}, "own-action");
      const status = await job.main({});
      expect(status.code, status.stdout).toBe(0);
      expect(status.summary).toContain("tenant-promote status: succeeded");

      const preview = await job.main({ mode: "rollback-preview" });
      const hash = preview.outputs["report-hash"] as string;
      const rollback = await job.main({
        mode: "rollback",
        "reviewed-report-hash": hash.slice(0, 12),
      });
      expect(rollback.outputs, rollback.stdout).toMatchObject({ result: "succeeded" });
    },
  );
});

describe.concurrent("step debug logging (RUNNER_DEBUG=1)", () => {
  arcgis("logs each HTTP request as a debug line, with no secret", async ({ action }) => {
    const emulator = await action.emulate();
    const job = await action.job(DISPATCH, emulator);
    const quiet = await job.main({ mode: "status" });
    expect(quiet.debug.filter((line) => / -> HTTP \d{3} \(\d+ ms\)$/.test(line))).toEqual([]);

    const debugJob = await action.job(DISPATCH, emulator);
    const run = await debugJob.main({ mode: "status" }, { RUNNER_DEBUG: "1" });
    const requests = run.debug.filter((line) => / -> HTTP \d{3} \(\d+ ms\)$/.test(line));
    expect(requests.length).toBeGreaterThan(0);
    expect(
      requests.some((line) => line.startsWith("POST ") && line.includes("generateToken")),
    ).toBe(true);
    // Nothing but the runner's own mask commands carries the password.
    const shown = run.stdout.split("\n").filter((line) => !line.startsWith("::add-mask::"));
    expect(shown.join("\n")).not.toContain(emulator.credentials.password);
  });
});
