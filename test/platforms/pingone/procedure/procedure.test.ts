// runPingOne against an in-memory PingOneApi: every transition of every mode, and the rule that
// a run deletes or executes only the promotions it created.
import { describe, expect, it } from "vitest";
import { ApiError } from "../../../../src/core/http/errors.js";
import { EngineFailure } from "../../../../src/core/run/failure.js";
import type { Held } from "../../../../src/core/run/shell.js";
import type { Mode } from "../../../../src/core/run/types.js";
import { MemoryLogger } from "../../../../src/core/util/log.js";
import { validatePingOne } from "../../../../src/platforms/pingone/inputs.js";
import { type PingOneRunOptions, runPingOne } from "../../../../src/platforms/pingone/procedure.js";
import type { CommonSettings, RawInputs } from "../../../../src/platforms/platform.js";
import {
  FakePingOne,
  hangUntilAborted,
  lostConnection,
  lostReply,
  OTHER_TARGET,
  SOURCE,
  TARGET,
  THEME_ID,
} from "./fake-pingone.js";

interface RunSpec {
  raw?: RawInputs;
  common?: Partial<CommonSettings>;
  signal?: AbortSignal;
  beforeChange?: PingOneRunOptions["beforeChange"];
}

function configFor(mode: Mode, spec: RunSpec = {}) {
  return validatePingOne(
    {
      "source-environment-id": SOURCE,
      "target-environment-id": TARGET,
      "pingone-access-token": "test-token",
      ...spec.raw,
    },
    {
      mode,
      timeoutMs: 60_000,
      lockWaitMs: 0,
      requestTimeoutMs: 30_000,
      timeScale: 0.001,
      ...spec.common,
    },
    (input) => `--${input}`,
  );
}

async function run(api: FakePingOne, mode: Mode, spec: RunSpec = {}) {
  const logger = new MemoryLogger();
  const held: Held[] = [];
  const released: Held[] = [];
  const r = await runPingOne({
    config: configFor(mode, spec),
    api,
    logger,
    signal: spec.signal,
    description: "PR #7",
    beforeChange: spec.beforeChange,
    onHeld: (h) => held.push(h),
    onReleased: (h) => released.push(h),
  });
  // Whatever happened, nothing this run did not create was deleted or executed.
  if (mode !== "unlock") expect(api.foreignWrites()).toEqual([]);
  return { r, logger, held, released, log: logger.lines.join("\n") };
}

const kinds = (held: Held[]) => held.map((h) => `${h.kind} ${h.id}`);

describe("preview and dry-run: a draft is created, planned, reported and deleted", () => {
  it("preview: create, wait for the plan, report it with field changes, delete the draft", async () => {
    const api = new FakePingOne();
    const { r, held, released, log } = await run(api, "preview");
    expect(r).toMatchObject({ mode: "preview", result: "succeeded", promotionId: "p-1" });
    expect(r.message).toMatch(/nothing was executed/);
    expect(r.lockReleased).toBe(true);
    expect(api.writes()).toEqual(["create", "delete:p-1"]);
    expect(api.promotions.has("p-1")).toBe(false);
    // Preview does not look for a running promotion.
    expect(api.count("list")).toBe(0);
    expect(kinds(held)).toEqual(["draft promotion p-1"]);
    expect(kinds(released)).toEqual(["draft promotion p-1"]);

    expect(api.createBodies).toEqual([
      {
        targetEnvironment: { id: TARGET },
        selectedResources: [SOURCE],
        description: expect.stringMatching(/^PR #7 \(tenant-promote run [0-9a-f]{12}\)$/),
      },
    ]);
    const report = r.report;
    expect(report?.kind).toBe("plan");
    expect(r.dryRunReport).toEqual(report);
    expect(report?.counts).toEqual({ added: 1, modified: 1, deleted: 1, total: 3 });
    const items = report?.areas[0]?.items ?? [];
    expect(items.map((i) => i.configItem)).toEqual(["populations", "signOnPolicies", "themes"]);
    const theme = items.find((i) => i.configItem === "themes")?.modified[0];
    expect(theme).toMatchObject({
      name: "Brand",
      // Named and identified by the source resource the PUT writes from.
      uid: "src-theme",
      fields: [
        {
          path: "configuration.logoUrl",
          before: "https://old.example/logo.png",
          after: "https://new.example/logo.png",
        },
      ],
    });
    expect(theme?.fingerprint).toMatch(/^[0-9a-f]{16}$/);
    // Only the PUT's target resource is read.
    expect(api.count("read")).toBe(1);
    expect(log).toContain("[create] promotion p-1 (NEW)");
    expect(log).toMatch(/\[plan\] PREPARING/);
    expect(log).toMatch(/\[plan\] READY \(3 step\(s\) planned\)/);
    expect(log).toContain("[release] deleted draft promotion p-1 (READY)");
  });

  it("dry-run: the same, after checking that no promotion to the target is running", async () => {
    const api = new FakePingOne();
    const { r } = await run(api, "dry-run");
    expect(r).toMatchObject({ result: "succeeded", lockReleased: true });
    expect(api.calls.slice(0, 2)).toEqual([`environment:${TARGET}`, "list:IN_PROGRESS"]);
    expect(api.writes()).toEqual(["create", "delete:p-1"]);
  });

  it("dry-run refuses while another promotion to the target runs, creating nothing", async () => {
    const api = new FakePingOne();
    api.seed({ id: "p-theirs", status: "IN_PROGRESS" });
    const { r } = await run(api, "dry-run");
    expect(r).toMatchObject({ result: "failed", reason: "lock-conflict", lockHolder: "p-theirs" });
    expect(api.writes()).toEqual([]);
  });

  it("an empty plan is no-change, and the draft is still deleted", async () => {
    const api = new FakePingOne();
    api.steps = [];
    const { r } = await run(api, "preview");
    expect(r).toMatchObject({ result: "no-change", lockReleased: true, promotionId: "p-1" });
    expect(r.report?.counts.total).toBe(0);
    expect(api.writes()).toEqual(["create", "delete:p-1"]);
  });

  it("VALIDATION_FAILED: validation-failed with every reason; PingOne keeps the record", async () => {
    const api = new FakePingOne();
    api.planScript = ["NEW", "PREPARING", "VALIDATION_FAILED"];
    api.validationErrors = [
      { code: "INVALID_VALUE", message: "Population references a missing password policy" },
    ];
    api.stepErrors.set("s-2", { code: "NOT_FOUND", message: "Theme image missing" });
    const { r, log } = await run(api, "preview");
    expect(r).toMatchObject({ result: "failed", reason: "validation-failed", promotionId: "p-1" });
    expect(r.message).toContain("INVALID_VALUE: Population references a missing password policy");
    expect(r.message).toContain("NOT_FOUND: Theme image missing");
    expect(r.message).toContain(`/themes/${THEME_ID}`);
    expect(r.details?.validationErrors).toHaveLength(2);
    expect(r.nextSteps.join(" ")).toMatch(/exclude-resources/);
    // The delete was tried; PingOne's 400 for a VALIDATION_FAILED promotion counts as settled.
    expect(api.writes()).toEqual(["create", "delete:p-1"]);
    expect(api.status("p-1")).toBe("VALIDATION_FAILED");
    expect(r.lockReleased).toBe(true);
    expect(log).toMatch(/warn: \[release\] .*promotion p-1 \(VALIDATION_FAILED\)/);
  });

  it("VALIDATION_FAILED: where the API does delete it, the draft is gone", async () => {
    const api = new FakePingOne();
    api.planScript = ["VALIDATION_FAILED"];
    api.deletableStatuses.add("VALIDATION_FAILED");
    const { r } = await run(api, "dry-run");
    expect(r).toMatchObject({ reason: "validation-failed", lockReleased: true });
    expect(r.message).toContain("(PingOne gave no reason)");
    expect(api.promotions.has("p-1")).toBe(false);
  });

  it("a planning ERROR fails with promotion-error and its reasons; the record is left", async () => {
    const api = new FakePingOne();
    api.planScript = ["NEW", "PREPARING", "ERROR"];
    api.promotionErrors = [{ code: "UNEXPECTED_ERROR", message: "Snapshot failed" }];
    const { r, log } = await run(api, "preview");
    expect(r).toMatchObject({ result: "failed", reason: "promotion-error", lockReleased: true });
    expect(r.message).toContain("promotion plan p-1 ended in ERROR");
    expect(r.message).toContain("UNEXPECTED_ERROR: Snapshot failed");
    expect(api.writes()).toEqual(["create"]);
    expect(log).toContain("[release] promotion p-1 is ERROR: nothing to release");
  });

  it("steps that cannot be read: the report names the plan's resources only", async () => {
    const api = new FakePingOne();
    api.before.listPromotionSteps = () => lostConnection("GET", "/promotionSteps");
    const { r, log } = await run(api, "preview");
    expect(r).toMatchObject({ result: "succeeded", lockReleased: true });
    expect(r.report?.counts.total).toBe(3);
    expect(r.report?.areas[0]?.items.some((i) => i.modified.some((e) => e.fields))).toBe(false);
    expect(log).toMatch(/could not read the steps' payloads/);
  });
});

describe("promote", () => {
  it("plans, executes the draft it made, follows it to COMPLETED", async () => {
    const api = new FakePingOne();
    let reviewed: string | undefined;
    const { r, held, released, log } = await run(api, "promote", {
      beforeChange: (report) => {
        reviewed = report.hash;
      },
    });
    expect(r).toMatchObject({ result: "succeeded", promotionId: "p-1", lockReleased: true });
    expect(r.message).toMatch(/^Promoted 3 step\(s\)/);
    expect(r.report?.kind).toBe("promotion");
    expect(r.dryRunReport?.kind).toBe("plan");
    expect(reviewed).toBe(r.dryRunReport?.hash);
    expect(api.writes()).toEqual(["create", "execute:p-1"]);
    expect(api.status("p-1")).toBe("COMPLETED");
    // Checked for a running promotion before creating and again before executing.
    expect(api.calls.filter((c) => c === "list:IN_PROGRESS")).toHaveLength(2);
    expect(api.calls.indexOf("execute:p-1")).toBeGreaterThan(
      api.calls.lastIndexOf("list:IN_PROGRESS"),
    );
    expect(kinds(held)).toEqual(["draft promotion p-1", "running promotion p-1"]);
    expect(kinds(released)).toEqual(["running promotion p-1"]);
    expect(log).toMatch(/\[execute\] promotion p-1: 3 step\(s\): 1 added, 1 modified, 1 deleted/);
    expect(log).toMatch(/\[promotion\] IN_PROGRESS/);
    expect(log).toMatch(/\[promotion\] COMPLETED/);
  });

  it("an empty plan is no-change: nothing executed, the draft deleted", async () => {
    const api = new FakePingOne();
    api.steps = [];
    let asked = false;
    const { r } = await run(api, "promote", {
      beforeChange: () => {
        asked = true;
      },
    });
    expect(r).toMatchObject({ result: "no-change", lockReleased: true });
    expect(r.message).toMatch(/Nothing to promote/);
    expect(asked).toBe(false);
    expect(api.count("execute")).toBe(0);
    expect(api.writes()).toEqual(["create", "delete:p-1"]);
  });

  it("beforeChange throwing stops the run with its reason; the draft is deleted", async () => {
    const api = new FakePingOne();
    const { r } = await run(api, "promote", {
      beforeChange: () => {
        throw new EngineFailure("report-unreviewed", "The plan was not approved.", ["Review it"]);
      },
    });
    expect(r).toMatchObject({
      result: "failed",
      reason: "report-unreviewed",
      message: "The plan was not approved.",
      nextSteps: ["Review it"],
      lockReleased: true,
      promotionId: "p-1",
    });
    expect(r.dryRunReport?.counts.total).toBe(3);
    expect(api.count("execute")).toBe(0);
    expect(api.writes()).toEqual(["create", "delete:p-1"]);
  });

  it("ERROR: promotion-error listing every step error, from the promotion and its steps, once each", async () => {
    const api = new FakePingOne();
    api.executeScript = ["IN_PROGRESS", "ERROR"];
    const duplicate = {
      code: "UNIQUENESS_VIOLATION",
      message: "A population named Contractors already exists",
      target: "https://api.pingone.example/v1/environments/x/populations",
    };
    api.promotionErrors = [duplicate, { code: "QUOTA", message: "Too many sign-on policies" }];
    api.stepErrors.set("s-1", { ...duplicate });
    api.stepErrors.set("s-2", { code: "INVALID_DATA", message: "logoUrl is not https" });
    api.stepErrors.set("s-3", { message: "Policy in use" });
    const { r } = await run(api, "promote");
    expect(r).toMatchObject({ result: "failed", reason: "promotion-error", promotionId: "p-1" });
    expect(r.message).toContain("The promotion p-1 ended in ERROR; 4 step(s) failed");
    for (const text of [
      "UNIQUENESS_VIOLATION: A population named Contractors already exists",
      "QUOTA: Too many sign-on policies",
      "INVALID_DATA: logoUrl is not https",
      "Policy in use",
    ])
      expect(r.message).toContain(text);
    expect(r.message.match(/UNIQUENESS_VIOLATION/g)).toHaveLength(1);
    expect(r.details?.stepErrors).toHaveLength(4);
    // Executed, so nothing to delete: the release only looks.
    expect(api.writes()).toEqual(["create", "execute:p-1"]);
    expect(r.lockReleased).toBe(true);
  });

  it("a promotion running to the target: lock-conflict naming it, nothing created", async () => {
    const api = new FakePingOne();
    api.seed({ id: "p-theirs", status: "IN_PROGRESS" });
    const { r, held } = await run(api, "promote");
    expect(r).toMatchObject({
      result: "failed",
      reason: "lock-conflict",
      lockHolder: "p-theirs",
    });
    expect(r.message).toContain("p-theirs");
    expect(r.lockReleased).toBeUndefined();
    expect(held).toEqual([]);
    expect(api.writes()).toEqual([]);
    expect(api.status("p-theirs")).toBe("IN_PROGRESS");
  });

  it("one running to another target, or one merely planned, is no conflict", async () => {
    const api = new FakePingOne();
    api.seed({ id: "p-elsewhere", status: "IN_PROGRESS", targetEnvironmentId: OTHER_TARGET });
    api.seed({ id: "p-draft", status: "READY" });
    const { r } = await run(api, "promote");
    expect(r.result).toBe("succeeded");
    expect(api.writes()).toEqual(["create", "execute:p-1"]);
  });

  it("a conflict appearing before execute: lock-conflict, the draft deleted, nothing executed", async () => {
    const api = new FakePingOne();
    api.before.listPromotions = (attempt) => {
      if (attempt === 2) api.seed({ id: "p-theirs", status: "IN_PROGRESS" });
    };
    const { r } = await run(api, "promote");
    expect(r).toMatchObject({
      result: "failed",
      reason: "lock-conflict",
      lockHolder: "p-theirs",
      lockReleased: true,
    });
    expect(api.writes()).toEqual(["create", "delete:p-1"]);
    expect(api.status("p-theirs")).toBe("IN_PROGRESS");
  });

  it("lock-wait: waits while another promotion runs, then proceeds", async () => {
    const api = new FakePingOne();
    const theirs = api.seed({ id: "p-theirs", status: "IN_PROGRESS" });
    api.before.listPromotions = (attempt) => {
      if (attempt === 3) theirs.status = "COMPLETED";
    };
    const { r, log } = await run(api, "promote", { common: { lockWaitMs: 60_000 } });
    expect(r).toMatchObject({ result: "succeeded", promotionId: "p-1" });
    expect(api.calls.slice(0, 4)).toEqual([
      `environment:${TARGET}`,
      "list:IN_PROGRESS",
      "list:IN_PROGRESS",
      "list:IN_PROGRESS",
    ]);
    expect(log.match(/\[wait\] promotion p-theirs/g)).toHaveLength(2);
    expect(api.writes()).toEqual(["create", "execute:p-1"]);
  });

  it("lock-wait runs out: lock-conflict, nothing created", async () => {
    const api = new FakePingOne();
    api.seed({ id: "p-theirs", status: "IN_PROGRESS" });
    const { r } = await run(api, "promote", { common: { lockWaitMs: 30 } });
    expect(r).toMatchObject({ reason: "lock-conflict", lockHolder: "p-theirs" });
    expect(api.count("list")).toBeGreaterThan(1);
    expect(api.writes()).toEqual([]);
  });
});

describe("lost replies are settled by reading, never by blindly sending again", () => {
  it("a lost create reply, found by the run's tag in the description: adopted, not sent again", async () => {
    const api = new FakePingOne();
    api.seed({ id: "p-other-run", status: "READY", description: "tenant-promote run abcdef" });
    api.after.createPromotion = (attempt) => (attempt === 1 ? lostReply() : undefined);
    const { r, held, log } = await run(api, "preview");
    expect(r).toMatchObject({ result: "succeeded", promotionId: "p-1", lockReleased: true });
    expect(api.count("create")).toBe(1);
    expect(api.writes()).toEqual(["create", "delete:p-1"]);
    expect(api.status("p-other-run")).toBe("READY");
    expect(kinds(held)).toEqual(["draft promotion p-1"]);
    expect(log).toMatch(/\[create\] the reply was lost/);
    expect(log).toContain("[create] it was: promotion p-1");
  });

  it("a lost create reply that did not take effect: sent exactly once more", async () => {
    const api = new FakePingOne();
    api.before.createPromotion = (attempt) => (attempt === 1 ? lostConnection() : undefined);
    const { r, log } = await run(api, "promote");
    expect(r).toMatchObject({ result: "succeeded", promotionId: "p-1" });
    expect(api.count("create")).toBe(2);
    expect(api.created.size).toBe(1);
    expect(api.calls.indexOf("list")).toBeLessThan(api.calls.lastIndexOf("create"));
    expect(log).toContain("[create] it was not; sending it once more");
  });

  it("a second lost create reply fails the run without a third POST", async () => {
    const api = new FakePingOne();
    api.before.createPromotion = () => lostReply();
    const { r } = await run(api, "preview");
    expect(r).toMatchObject({ result: "failed", reason: "api-error" });
    expect(api.count("create")).toBe(2);
    expect(api.created.size).toBe(0);
  });

  it("a create refused outright is not sent again", async () => {
    const api = new FakePingOne();
    api.before.createPromotion = () =>
      Object.assign(lostReply(), { outcomeUnknown: false }) as Error;
    const { r } = await run(api, "preview");
    expect(r).toMatchObject({ result: "failed", reason: "api-error" });
    expect(api.count("create")).toBe(1);
    expect(api.count("list")).toBe(0);
  });

  it("a lost execute reply, the promotion already running: not sent again", async () => {
    const api = new FakePingOne();
    api.after.executePromotion = (attempt) => (attempt === 1 ? lostReply() : undefined);
    const { r, log } = await run(api, "promote");
    expect(r).toMatchObject({ result: "succeeded", lockReleased: true });
    expect(api.count("execute")).toBe(1);
    expect(api.status("p-1")).toBe("COMPLETED");
    expect(log).toMatch(/\[execute\] it did: promotion p-1 is IN_PROGRESS/);
  });

  it("a lost execute reply, the promotion still READY: sent exactly once more", async () => {
    const api = new FakePingOne();
    api.before.executePromotion = (attempt) =>
      attempt === 1 ? lostConnection("POST", "/promotions/p-1") : undefined;
    const { r, log } = await run(api, "promote");
    expect(r).toMatchObject({ result: "succeeded" });
    expect(api.count("execute")).toBe(2);
    expect(api.status("p-1")).toBe("COMPLETED");
    expect(log).toMatch(/\[execute\] it did not \(READY\); sending it once more/);
  });

  it("a lost rollback reply: the rollback naming the original is adopted, not requested again", async () => {
    const api = new FakePingOne();
    api.seed({ id: "p-done", status: "COMPLETED", steps: [] });
    api.after.rollbackPromotion = (attempt) => (attempt === 1 ? lostReply() : undefined);
    const { r } = await run(api, "rollback");
    expect(r).toMatchObject({ result: "succeeded", promotionId: "rb-1" });
    expect(api.count("rollback")).toBe(1);
  });
});

/** p-old and p-last completed to the target; a newer one to another target; a newer draft. */
function history(api: FakePingOne) {
  api.seed({ id: "p-old", status: "COMPLETED", steps: [] });
  api.seed({
    id: "p-last",
    status: "COMPLETED",
    steps: [
      {
        action: "POST",
        resourceUrl: "https://api.pingone.example/v1/environments/t/populations",
        sourceResource: { id: "pop", name: "Contractors" },
        payload: { name: "Contractors" },
      },
    ],
  });
  api.seed({ id: "p-elsewhere", status: "COMPLETED", targetEnvironmentId: OTHER_TARGET });
  api.seed({ id: "p-draft", status: "READY" });
}

describe("rollback-preview", () => {
  it("asks for the rollback, reports its plan with field diffs, deletes it: nothing executed", async () => {
    const api = new FakePingOne();
    history(api);
    const { r, held, released, log } = await run(api, "rollback-preview");
    expect(r).toMatchObject({ result: "succeeded", promotionId: "p-last", lockReleased: true });
    expect(r.message).toMatch(
      /^Rolling back promotion p-last \(COMPLETED\) on \S+ (removes|restores|re-creates) /,
    );
    // What the rollback does, in the shared wording: its 3 steps, each counted once.
    const said = [...r.message.matchAll(/(\d+) items?/g)].map((m) => Number(m[1]));
    expect(said.reduce((a, b) => a + b, 0)).toBe(3);
    expect(r.report?.kind).toBe("rollback-plan");
    expect(r.report?.promotionId).toBe("rb-1"); // the rollback promotion's own plan
    const theme = r.report?.areas[0]?.items.find((i) => i.configItem === "themes");
    expect(theme?.modified[0]?.fields).toEqual([
      {
        path: "configuration.logoUrl",
        before: "https://old.example/logo.png",
        after: "https://new.example/logo.png",
      },
    ]);
    expect(api.writes()).toEqual(["rollback:p-last", "delete:rb-1"]);
    expect(kinds(held)).toEqual(["draft promotion rb-1"]);
    expect(kinds(released)).toEqual(["draft promotion rb-1"]);
    expect(api.status("p-last")).toBe("COMPLETED");
    expect(api.promotions.has("rb-1")).toBe(false);
    expect(log).toContain("[release] deleted draft promotion rb-1 (READY)");
  });

  it("its report hash is the rollback's, so a reviewed rollback can be checked", async () => {
    const api = new FakePingOne();
    history(api);
    const preview = (await run(api, "rollback-preview")).r;
    const rollback = (await run(api, "rollback")).r;
    expect(rollback).toMatchObject({ result: "succeeded", promotionId: "rb-2" });
    expect(rollback.report?.hash).toBe(preview.report?.hash);
    expect(api.writes()).toEqual([
      "rollback:p-last",
      "delete:rb-1",
      "rollback:p-last",
      "execute:rb-2",
    ]);
  });

  it("an ERROR promotion is executed too, and can be the candidate", async () => {
    const api = new FakePingOne();
    history(api);
    api.seed({ id: "p-failed", status: "ERROR", steps: [] });
    api.rollbackSteps = [];
    const { r } = await run(api, "rollback-preview");
    expect(r).toMatchObject({ result: "no-change", promotionId: "p-failed" });
    expect(api.writes()).toEqual(["rollback:p-failed", "delete:rb-1"]);
  });

  it("the most recent one is a rollback: nothing to roll back", async () => {
    const api = new FakePingOne();
    history(api);
    api.seed({ id: "rb-x", status: "COMPLETED", previousPromotion: { id: "p-old" } });
    const { r } = await run(api, "rollback-preview");
    expect(r).toMatchObject({ result: "no-change" });
    expect(r.message).toMatch(/Nothing to roll back/);
    expect(r.promotionId).toBeUndefined();
  });

  it("the most recent one was rolled back: nothing to roll back", async () => {
    const api = new FakePingOne();
    history(api);
    api.seed({ id: "p-reverted", status: "ROLLED_BACK" });
    const { r } = await run(api, "rollback-preview");
    expect(r).toMatchObject({ result: "no-change" });
    expect(r.message).toMatch(/Nothing to roll back/);
  });

  it("no promotion to the target at all: nothing to roll back", async () => {
    const api = new FakePingOne();
    api.seed({ id: "p-elsewhere", status: "COMPLETED", targetEnvironmentId: OTHER_TARGET });
    const { r } = await run(api, "rollback-preview");
    expect(r).toMatchObject({ result: "no-change" });
  });
});

describe("rollback", () => {
  it("refuses before any POST when the candidate is not the promotion named", async () => {
    const api = new FakePingOne();
    history(api);
    const { r } = await run(api, "rollback", { common: { promotionId: "p-old" } });
    expect(r).toMatchObject({ result: "failed", reason: "promotion-mismatch" });
    expect(r.message).toContain("p-last, not p-old");
    expect(api.writes()).toEqual([]);
  });

  it("requests the rollback, plans, executes and follows it; the original ends ROLLED_BACK", async () => {
    const api = new FakePingOne();
    history(api);
    const { r, held, released, log } = await run(api, "rollback", {
      common: { promotionId: "p-last" },
    });
    expect(r).toMatchObject({ result: "succeeded", promotionId: "rb-1", lockReleased: true });
    expect(r.message).toMatch(
      /^Rolled back promotion p-last on \S+: (removed|restored|re-created) \d+ items?/,
    );
    expect(r.report?.promotionId).toBe("rb-1"); // the rollback promotion's own plan
    expect(r.report?.kind).toBe("rollback");
    expect(api.writes()).toEqual(["rollback:p-last", "execute:rb-1"]);
    expect(api.status("rb-1")).toBe("COMPLETED");
    expect(api.status("p-last")).toBe("ROLLED_BACK");
    expect(api.status("p-old")).toBe("COMPLETED");
    expect(kinds(held)).toEqual(["draft promotion rb-1", "running promotion rb-1"]);
    expect(kinds(released)).toEqual(["running promotion rb-1"]);
    expect(log).toMatch(/\[plan\] ROLLBACK_PREPARING/);
    expect(log).toMatch(/\[rollback\] COMPLETED/);
    // The run checked for a running promotion before requesting and before executing.
    const writes = api.calls.indexOf("rollback:p-last");
    expect(api.calls.slice(0, writes)).toContain("list:IN_PROGRESS");
    expect(api.calls.slice(writes, api.calls.indexOf("execute:rb-1"))).toContain(
      "list:IN_PROGRESS",
    );
  });

  it("the original not ROLLED_BACK afterwards: failed", async () => {
    const api = new FakePingOne();
    history(api);
    api.rollbackMarksOriginal = false;
    const { r } = await run(api, "rollback");
    expect(r).toMatchObject({ result: "failed", reason: "api-error", promotionId: "rb-1" });
    expect(r.message).toContain("promotion p-last is COMPLETED, not ROLLED_BACK");
  });

  it("a rollback that ends in ERROR fails with its errors", async () => {
    const api = new FakePingOne();
    history(api);
    api.executeScript = ["IN_PROGRESS", "ERROR"];
    api.promotionErrors = [{ code: "NOT_FOUND", message: "Population already gone" }];
    const { r } = await run(api, "rollback");
    expect(r).toMatchObject({ result: "failed", reason: "promotion-error" });
    expect(r.message).toContain("The rollback rb-1 ended in ERROR");
    expect(r.message).toContain("NOT_FOUND: Population already gone");
  });

  it("nothing to roll back: no-change, nothing requested", async () => {
    const api = new FakePingOne();
    const { r } = await run(api, "rollback");
    expect(r).toMatchObject({ result: "no-change" });
    expect(api.writes()).toEqual([]);
  });
});

describe("status", () => {
  it("lists the target's promotions newest first, flags those in progress, changes nothing", async () => {
    const api = new FakePingOne();
    api.seed({ id: "p-old", status: "COMPLETED" });
    api.seed({ id: "p-elsewhere", status: "IN_PROGRESS", targetEnvironmentId: OTHER_TARGET });
    api.seed({ id: "rb-old", status: "COMPLETED", previousPromotion: { id: "p-old" } });
    api.seed({ id: "p-running", status: "IN_PROGRESS", description: "PR #9" });
    api.seed({ id: "p-draft", status: "READY" });
    const { r } = await run(api, "status");
    expect(r.result).toBe("succeeded");
    const rows = r.status?.rows ?? [];
    expect(rows.map(([id]) => id)).toEqual(["p-draft", "p-running", "rb-old", "p-old"]);
    expect(rows[0]?.[1]).toMatch(/^READY · \(in progress\)/);
    expect(rows[1]?.[1]).toMatch(/^IN_PROGRESS · \(in progress\) · .* · PR #9$/);
    expect(rows[2]?.[1]).toMatch(/^COMPLETED · rollback of p-old/);
    expect(rows[3]?.[1]).not.toContain("in progress");
    expect(r.message).toContain("4 promotion(s)");
    expect(r.message).toContain("in progress: p-draft (READY), p-running (IN_PROGRESS)");
    expect(api.writes()).toEqual([]);
  });

  it("says when none is in progress", async () => {
    const api = new FakePingOne();
    api.seed({ id: "p-old", status: "COMPLETED" });
    const { r } = await run(api, "status");
    expect(r.message).toMatch(/none in progress/);
  });
});

describe("a target environment PingOne does not show", () => {
  it.for(["status", "dry-run", "promote", "rollback-preview", "rollback", "unlock"] as Mode[])(
    "%s: unknown-environment naming it and the role, before anything else",
    async (mode) => {
      const api = new FakePingOne();
      api.environments.delete(TARGET);
      api.seed({ id: "p-old", status: "COMPLETED" });
      const { r } = await run(api, mode, { common: { promotionId: "p-old" } });
      expect(r).toMatchObject({ result: "failed", reason: "unknown-environment" });
      expect(r.message).toContain(
        `target environment ${TARGET} is not known to the organization or not visible to the worker application`,
      );
      expect(r.nextSteps.join(" ")).toContain("Environment Admin role");
      expect(api.calls).toEqual([`environment:${TARGET}`]);
    },
  );

  it("403: auth, naming the target and the role", async () => {
    const api = new FakePingOne();
    api.before.readEnvironment = () =>
      new ApiError(
        { method: "GET", path: `/v1/environments/${TARGET}`, origin: api.origin },
        403,
        "ACCESS_FAILED",
        "You do not have access to this resource.",
      );
    const { r } = await run(api, "status");
    expect(r).toMatchObject({ result: "failed", reason: "auth" });
    expect(r.message).toContain(`may not read the target environment ${TARGET}`);
    expect(r.nextSteps.join(" ")).toContain(`Environment Admin role on ${TARGET}`);
    expect(api.calls).toEqual([`environment:${TARGET}`]);
  });
});

describe("unlock", () => {
  it("deletes the named draft", async () => {
    const api = new FakePingOne();
    api.seed({ id: "p-left", status: "READY" });
    const { r } = await run(api, "unlock", { common: { promotionId: "p-left" } });
    expect(r).toMatchObject({ result: "succeeded", lockReleased: true, promotionId: "p-left" });
    expect(api.writes()).toEqual(["delete:p-left"]);
    expect(api.promotions.has("p-left")).toBe(false);
  });

  it("waits for a draft still planning, then deletes it; the target may be left out", async () => {
    const api = new FakePingOne();
    const left = api.seed({ id: "p-left", status: "PREPARING" });
    left.script = ["PREPARING", "PREPARING", "READY"];
    const { r } = await run(api, "unlock", {
      common: { promotionId: "p-left" },
      raw: { "target-environment-id": undefined },
    });
    expect(r).toMatchObject({ result: "succeeded", lockReleased: true });
    expect(api.writes()).toEqual(["delete:p-left"]);
  });

  it("refuses a COMPLETED promotion and leaves it untouched", async () => {
    const api = new FakePingOne();
    api.seed({ id: "p-done", status: "COMPLETED" });
    const { r } = await run(api, "unlock", { common: { promotionId: "p-done" } });
    expect(r).toMatchObject({ result: "failed", reason: "api-error" });
    expect(r.message).toContain("is COMPLETED, not a draft");
    expect(api.writes()).toEqual([]);
    expect(api.status("p-done")).toBe("COMPLETED");
  });

  it("refuses a draft to another target and leaves it untouched", async () => {
    const api = new FakePingOne();
    api.seed({ id: "p-theirs", status: "READY", targetEnvironmentId: OTHER_TARGET });
    const { r } = await run(api, "unlock", { common: { promotionId: "p-theirs" } });
    expect(r).toMatchObject({ result: "failed", reason: "promotion-mismatch" });
    expect(r.message).toContain(OTHER_TARGET);
    expect(api.writes()).toEqual([]);
  });
});

describe("cancel and timeout still delete the draft", () => {
  it("cancel during planning: cancelled, the draft deleted once planned", async () => {
    const api = new FakePingOne();
    api.planScript = ["NEW", "PREPARING", "PREPARING", "PREPARING", "PREPARING", "READY"];
    const controller = new AbortController();
    api.before.getPromotion = (attempt) => {
      if (attempt === 2) controller.abort(new Error("SIGINT"));
    };
    const { r, released } = await run(api, "promote", { signal: controller.signal });
    expect(r).toMatchObject({ result: "failed", reason: "cancelled", lockReleased: true });
    expect(api.writes()).toEqual(["create", "delete:p-1"]);
    expect(api.count("execute")).toBe(0);
    expect(kinds(released)).toEqual(["draft promotion p-1"]);
  });

  it("cancel while the create request is in flight: the draft it made is still deleted", async () => {
    const api = new FakePingOne();
    const controller = new AbortController();
    // Like the real client: a request given the run's signal is cut off when it aborts, its
    // reply lost even though PingOne created the promotion.
    api.after.createPromotion = (_attempt, _args, signal) => {
      controller.abort(new Error("SIGINT"));
      return signal?.aborted ? signal.reason : undefined;
    };
    const { r, released } = await run(api, "preview", { signal: controller.signal });
    expect(r).toMatchObject({ result: "failed", reason: "cancelled", lockReleased: true });
    expect(api.created.size).toBe(1);
    expect(api.writes()).toEqual(["create", "delete:p-1"]);
    expect(kinds(released)).toEqual(["draft promotion p-1"]);
  });

  it("cancel while the rollback request is in flight: the rollback promotion is still deleted", async () => {
    const api = new FakePingOne();
    history(api);
    const controller = new AbortController();
    api.after.rollbackPromotion = (_attempt, _args, signal) => {
      controller.abort(new Error("SIGINT"));
      return signal?.aborted ? signal.reason : undefined;
    };
    const { r } = await run(api, "rollback", { signal: controller.signal });
    expect(r).toMatchObject({ result: "failed", reason: "cancelled", lockReleased: true });
    expect(api.writes()).toEqual(["rollback:p-last", "delete:rb-1"]);
    expect(api.count("execute")).toBe(0);
  });

  it("cancel while the plan's steps are read: cancelled, not a names-only success", async () => {
    const api = new FakePingOne();
    const controller = new AbortController();
    api.before.listPromotionSteps = () => {
      controller.abort(new Error("SIGINT"));
    };
    const { r } = await run(api, "preview", { signal: controller.signal });
    expect(r).toMatchObject({ result: "failed", reason: "cancelled", lockReleased: true });
    expect(api.writes()).toEqual(["create", "delete:p-1"]);
  });

  it("cancel during execution: the execution is followed to its end and reported as completed", async () => {
    const api = new FakePingOne();
    api.executeScript = ["IN_PROGRESS", "IN_PROGRESS", "IN_PROGRESS", "COMPLETED"];
    const controller = new AbortController();
    api.after.executePromotion = () => {
      controller.abort(new Error("SIGINT"));
    };
    const { r, log } = await run(api, "promote", { signal: controller.signal });
    expect(r).toMatchObject({
      result: "succeeded",
      cancelRequested: true,
      lockReleased: true,
      promotionId: "p-1",
    });
    expect(r.reason).toBeUndefined();
    expect(r.report?.counts.total).toBeGreaterThan(0);
    expect(r.message).toContain(
      "The cancel came after the promotion's execution started and could not stop it",
    );
    expect(api.writes()).toEqual(["create", "execute:p-1"]);
    expect(api.status("p-1")).toBe("COMPLETED");
    expect(log).toMatch(
      /\[cancel\] the promotion's execution has started and a cancel cannot stop it/,
    );
  });

  it("cancel during an execution that then fails: the failure is reported, not a cancel", async () => {
    const api = new FakePingOne();
    api.executeScript = ["IN_PROGRESS", "IN_PROGRESS", "ERROR"];
    const controller = new AbortController();
    api.after.executePromotion = () => {
      controller.abort(new Error("SIGINT"));
    };
    const { r } = await run(api, "promote", { signal: controller.signal });
    expect(r).toMatchObject({ result: "failed", cancelRequested: true });
    expect(r.reason).not.toBe("cancelled");
  });

  it("timeout while planning: timeout, the draft deleted", async () => {
    const api = new FakePingOne();
    api.planScript = ["NEW", "PREPARING", "PREPARING", "READY"];
    api.before.getPromotion = (attempt, _args, signal) =>
      attempt === 2 ? hangUntilAborted(signal) : undefined;
    const { r } = await run(api, "promote", { common: { timeoutMs: 300 } });
    expect(r).toMatchObject({ result: "failed", reason: "timeout", lockReleased: true });
    expect(r.message).toMatch(/did not finish within the timeout/);
    expect(api.writes()).toEqual(["create", "delete:p-1"]);
  });

  it("a plan that never comes: the plan phase's bound fails with timeout; the stuck draft is named", async () => {
    const api = new FakePingOne();
    api.planScript = ["NEW", ...Array.from({ length: 100_000 }, () => "PREPARING")];
    // The plan phase's 15 real minutes are 180 ms at this scale; the release gets the rest of 1 s.
    const { r, log, released } = await run(api, "preview", {
      common: { timeScale: 0.0002, timeoutMs: 1000 },
    });
    expect(r).toMatchObject({ result: "failed", reason: "timeout", lockReleased: false });
    expect(r.message).toMatch(/^\[plan\] did not finish within 180ms: last state "PREPARING"/);
    expect(log).toContain(
      "[release] could not settle promotion p-1: the time to release it ran out",
    );
    expect(released).toEqual([]);
    expect(r.nextSteps).toContain(
      `Release the draft promotion: tenant-promote unlock --platform pingone --source-environment-id ${SOURCE} --promotion-id p-1`,
    );
    expect(api.writes()).toEqual(["create"]);
  });
});

describe("pending: what the watch issue opens on", () => {
  it("a plan with steps is pending; an empty plan is not", async () => {
    expect((await run(new FakePingOne(), "preview")).r.pending).toBe(true);
    expect((await run(new FakePingOne(), "dry-run")).r.pending).toBe(true);
    const empty = new FakePingOne();
    empty.steps = [];
    expect((await run(empty, "dry-run")).r.pending).toBe(false);
  });
});
