// The PingOne scenarios' faults that decide a run's outcome: a plan that fails validation, an
// execution that ends ERROR, another promotion in progress, and replies lost after the server acted.
import { describe, expect } from "vitest";
import {
  creates,
  deletes,
  drafts,
  executes,
  it,
  names,
  onDefault,
  PROMOTIONS,
  parseJson,
  promotion,
  STAGING_ID,
  shippedScenario,
  stagingNow,
} from "./emulated.js";

const OTHER = "4a4a4a4a-0000-4000-8000-000000000001";

describe.concurrent("validation-failed", () => {
  it.for(["dry-run", "promote"])(
    "%s: exit 1, reason validation-failed, the reasons listed, nothing executed",
    async (mode, { e2e }) => {
      const emulator = await e2e.emulate(shippedScenario("validation-failed"));
      const before = stagingNow(emulator);
      const run = await e2e.run(emulator, mode, ["--format", "json"]);

      expect(run.code, run.stderr).toBe(1);
      const json = parseJson(run);
      expect(json).toMatchObject({ result: "failed", reason: "validation-failed" });
      expect(json.message).toContain(`PingOne could not validate promotion ${json.promotionId}`);
      expect(json.message).toContain(
        "INVALID_VALUE: population name conflicts with a reserved name in the target environment",
      );
      expect(json.nextSteps.join("\n")).toMatch(/exclude-resources/);
      // The draft: PingOne refuses to delete a VALIDATION_FAILED promotion; the run tried once
      // and says so, and nothing NEW or READY is left behind.
      const id = json.promotionId as string;
      expect(deletes(emulator).map((r) => [r.path, r.status])).toEqual([
        [`${PROMOTIONS}/${id}`, 400],
      ]);
      const release = run.stderr.split("\n").filter((l) => l.includes("[release]"));
      expect(release.join("\n")).toMatch(new RegExp(`promotion ${id} \\(VALIDATION_FAILED\\)`));
      expect(promotion(emulator, id)?.status).toBe("VALIDATION_FAILED");
      expect(drafts(emulator)).toEqual([]);
      expect(executes(emulator)).toEqual([]);
      expect(stagingNow(emulator)).toEqual(before);
    },
  );
});

describe.concurrent("execution-error", () => {
  it("exit 1, promotion-error, the failed step listed; the other steps applied", async ({
    e2e,
  }) => {
    const emulator = await e2e.emulate(shippedScenario("execution-error"));
    const run = await e2e.run(emulator, "promote", ["--format", "json"]);

    expect(run.code, run.stderr).toBe(1);
    const json = parseJson(run);
    expect(json).toMatchObject({ result: "failed", reason: "promotion-error" });
    expect(json.message).toContain("1 step(s) failed");
    expect(json.message).toContain(
      "REQUEST_FAILED: redirect URI https://partners.example.com/callback is not allowed in this environment",
    );
    expect(promotion(emulator, json.promotionId as string)?.status).toBe("ERROR");
    expect(executes(emulator)).toHaveLength(1);
    expect(names(emulator, STAGING_ID, "applications")).toEqual(["Employee Portal"]);
    expect(names(emulator, STAGING_ID, "populations")).toContain("Partners");
  });

  it("lists every failed step when several fail", async ({ e2e }) => {
    const emulator = await e2e.emulate(
      onDefault(`faults:
  stepErrors:
    - { type: applications, name: Partner Portal, code: REQUEST_FAILED, message: "redirect URI refused" }
    - { type: themes, name: Corporate, code: CONSTRAINT_VIOLATION, message: "theme is locked" }
    - { type: populations, name: Partners, message: "population quota reached" }`),
    );
    const run = await e2e.run(emulator, "promote", ["--format", "text"]);

    expect(run.code, run.stderr).toBe(1);
    expect(run.stdout).toContain("tenant-promote promote: failed (promotion-error)");
    expect(run.stdout).toContain("3 step(s) failed");
    for (const line of [
      "REQUEST_FAILED: redirect URI refused",
      "CONSTRAINT_VIOLATION: theme is locked",
      "REQUEST_FAILED: population quota reached",
    ])
      expect(run.stdout).toContain(line);
  });
});

describe.concurrent("promotion-in-progress", () => {
  it.for(["dry-run", "promote"])(
    "%s: exit 3 lock-conflict naming the other promotion; nothing created",
    async (mode, { e2e }) => {
      const emulator = await e2e.emulate(shippedScenario("promotion-in-progress"), 60);
      const run = await e2e.run(emulator, mode, ["--format", "json"]);

      expect(run.code, run.stderr).toBe(3);
      const json = parseJson(run);
      expect(json).toMatchObject({ result: "failed", reason: "lock-conflict", lockHolder: OTHER });
      expect(json.message).toContain(`Promotion ${OTHER} to ${STAGING_ID} is IN_PROGRESS`);
      expect(creates(emulator)).toEqual([]);
      expect(executes(emulator)).toEqual([]);
      expect(emulator.promotions().map((p) => [p.id, p.status])).toEqual([[OTHER, "IN_PROGRESS"]]);
    },
  );

  it("status flags the other promotion as in progress", async ({ e2e }) => {
    const emulator = await e2e.emulate(shippedScenario("promotion-in-progress"), 60);
    const run = await e2e.run(emulator, "status", ["--format", "text"]);

    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(`in progress: ${OTHER} (IN_PROGRESS)`);
    expect(run.stdout).toMatch(new RegExp(`${OTHER}: IN_PROGRESS · \\(in progress\\)`));
  });
});

describe.concurrent("replies lost after the server acted", () => {
  it("lost-create-reply: the promotion is found, not created twice; the run succeeds", async ({
    e2e,
  }) => {
    const emulator = await e2e.emulate(shippedScenario("lost-create-reply"));
    const run = await e2e.run(emulator, "promote", ["--format", "json"]);

    expect(run.code, run.stderr).toBe(0);
    const json = parseJson(run);
    expect(json.result).toBe("succeeded");
    expect(run.stderr).toContain(`[create] it was: promotion ${json.promotionId}`);
    expect(creates(emulator).map((r) => r.dropped)).toEqual([true]);
    expect(emulator.promotions().map((p) => [p.id, p.status])).toEqual([
      [json.promotionId, "COMPLETED"],
    ]);
    expect(executes(emulator)).toHaveLength(1);
  });

  it("lost-create-reply on a dry run: the draft it never heard of is still deleted", async ({
    e2e,
  }) => {
    const emulator = await e2e.emulate(shippedScenario("lost-create-reply"));
    const run = await e2e.run(emulator, "dry-run", ["--format", "json"]);

    expect(run.code, run.stderr).toBe(0);
    expect(creates(emulator)).toHaveLength(1);
    expect(deletes(emulator)).toHaveLength(1);
    expect(emulator.promotions()).toEqual([]);
  });

  it("lost-execute-reply: one execute accepted, none sent again; the run succeeds", async ({
    e2e,
  }) => {
    const emulator = await e2e.emulate(shippedScenario("lost-execute-reply"));
    const run = await e2e.run(emulator, "promote", ["--format", "json"]);

    expect(run.code, run.stderr).toBe(0);
    const json = parseJson(run);
    expect(json.result).toBe("succeeded");
    expect(executes(emulator).map((r) => [r.status, r.dropped])).toEqual([[202, true]]);
    expect(run.stderr).toContain(`[execute] it did: promotion ${json.promotionId}`);
    expect(promotion(emulator, json.promotionId as string)?.status).toBe("COMPLETED");
    expect(names(emulator, STAGING_ID, "applications")).toContain("Partner Portal");
  });
});
