import { describe, expect, it } from "vitest";
import { ApiError, NetworkError } from "../../../../src/core/http/errors.js";
import { MemoryLogger } from "../../../../src/core/util/log.js";
import type { AicRunOptions } from "../../../../src/platforms/aic/options.js";
import { runAic } from "../../../../src/platforms/aic/procedure.js";
import { errorScript, FakeApi } from "./fake-api.js";

const endpoint = {
  method: "POST",
  path: "/environment/promotion/lock",
  origin: "https://upper.example.com",
};

function run(api: FakeApi, options: Partial<AicRunOptions> = {}) {
  const logger = new MemoryLogger();
  const acquired: string[] = [];
  const released: string[] = [];
  const result = runAic({
    mode: "dry-run",
    upper: api,
    logger,
    timeScale: 0.001,
    onLockAcquired: (id) => acquired.push(id),
    onLockReleased: (id) => released.push(id),
    ...options,
  });
  return { result, logger, acquired, released };
}

describe("locking modes always release the lock they took", () => {
  it("dry-run: lock, ready, dry run, report, unlock", async () => {
    const api = new FakeApi();
    const { result, acquired, released } = run(api);
    const r = await result;
    expect(r.result).toBe("succeeded");
    expect(r.report?.counts.total).toBe(2);
    expect(r.promotionId).toBe("p-ours");
    expect(r.lockReleased).toBe(true);
    expect(acquired).toEqual(["p-ours"]);
    expect(released).toEqual(["p-ours"]);
    expect(api.count("promote:dry")).toBe(1);
    expect(api.count("promote:real")).toBe(0);
    expect(api.lockState.result).toBe("unlocked");
    const order = api.calls.filter((c) => !c.startsWith("get"));
    expect(order).toEqual(["lock", "promote:dry", "unlock:p-ours"]);
  });

  it("promote: info check, dry run, then the real promotion with promoter and description", async () => {
    const api = new FakeApi();
    const bodies: unknown[] = [];
    const original = api.promote.bind(api);
    api.promote = async (body) => {
      bodies.push(body);
      return original(body);
    };
    const r = await run(api, { mode: "promote", promoter: "ci-bot", description: "run 42" }).result;
    expect(r.result).toBe("succeeded");
    expect(api.calls[0]).toBe("getInfo");
    expect(bodies).toEqual([
      expect.objectContaining({ dryRun: true, promoter: "ci-bot", promotionDescription: "run 42" }),
      expect.objectContaining({
        dryRun: false,
        promoter: "ci-bot",
        promotionDescription: "run 42",
      }),
    ]);
    expect(r.report?.kind).toBe("promotion");
    expect(r.dryRunReport?.kind).toBe("dry-run");
    expect(api.lockState.result).toBe("unlocked");
  });

  it("promote stops with no-change when the dry run finds nothing", async () => {
    const api = new FakeApi();
    api.report = { reportId: "r-2", report: {} };
    api.scripts = [
      [
        { status: "RUNNING", message: "Prepare config" },
        { status: "READY", message: "Promotion completed (no change)" },
      ],
    ];
    const r = await run(api, { mode: "promote" }).result;
    expect(r.result).toBe("no-change");
    expect(r.message).toMatch(/nothing to promote/i);
    expect(api.count("promote:real")).toBe(0);
    expect(r.lockReleased).toBe(true);
  });

  it("refuses a promotion that would trigger a release upgrade, before locking", async () => {
    const api = new FakeApi();
    api.info = { promotionWouldTriggerReleaseUpgrade: true };
    const r = await run(api, { mode: "promote" }).result;
    expect(r).toMatchObject({ result: "failed", reason: "release-upgrade" });
    expect(api.count("lock")).toBe(0);
    const allowed = await run(new FakeApi(), { mode: "promote", allowReleaseUpgrade: true }).result;
    expect(allowed.result).toBe("succeeded");
  });

  it("missing ESVs: names each one, gives the next step, unlocks", async () => {
    const api = new FakeApi();
    api.scripts = [
      errorScript({ message: "Missing ESVs", missingESVs: ["esv-email-from", "esv-api-key"] }),
    ];
    const r = await run(api).result;
    expect(r).toMatchObject({
      result: "failed",
      reason: "missing-esvs",
      details: { missingESVs: ["esv-email-from", "esv-api-key"] },
    });
    expect(r.message).toContain("esv-email-from");
    expect(r.message).toContain("esv-api-key");
    expect(r.nextSteps.join(" ")).toMatch(/Create each ESV/);
    expect(r.lockReleased).toBe(true);
    expect(api.lockState.result).toBe("unlocked");
  });

  it("encrypted secrets: lists file:line and how to bypass", async () => {
    const api = new FakeApi();
    const file = "* am/services/realm/root-alpha/node/1.0/organizationconfig/default/dd35.json:10";
    api.scripts = [
      errorScript({
        message: "Found encrypted values in the AM/IDM configuration",
        encryptedSecrets: [file],
      }),
    ];
    const r = await run(api).result;
    expect(r).toMatchObject({ result: "failed", reason: "encrypted-secrets" });
    expect(r.message).toContain(
      "am/services/realm/root-alpha/node/1.0/organizationconfig/default/dd35.json:10",
    );
    expect(r.nextSteps.join(" ")).toContain("--ignore-encrypted-secrets");
    expect(r.lockReleased).toBe(true);
  });

  it("blocking error: support case, still unlocks", async () => {
    const api = new FakeApi();
    api.scripts = [errorScript({ message: "Failed to promote config", blockingError: true })];
    const r = await run(api).result;
    expect(r).toMatchObject({ result: "failed", reason: "blocking-error", lockReleased: true });
    expect(r.nextSteps.join(" ")).toMatch(/support case/);
  });

  it("an exception mid-run still unlocks", async () => {
    const api = new FakeApi();
    api.failures.getReport = () =>
      new ApiError(
        { ...endpoint, method: "GET", path: "/environment/promotion/report" },
        500,
        500,
        "boom",
      );
    const r = await run(api).result;
    expect(r).toMatchObject({ result: "failed", reason: "api-error", lockReleased: true });
    expect(r.message).toContain("HTTP 500");
  });

  it("times out and still unlocks", async () => {
    const api = new FakeApi();
    api.scripts = [
      Array.from({ length: 10_000 }, () => ({
        status: "RUNNING",
        message: "Waiting for workloads to restart",
      })),
    ];
    api.status = { status: "READY", message: "Environment ready for promotion" };
    const r = await run(api, { timeoutMs: 300 }).result;
    expect(r).toMatchObject({ result: "failed", reason: "timeout" });
    // The promotion was still RUNNING, so the unlock could not go through within the budget.
    expect(r.nextSteps.join(" ")).toContain("tenant-promote unlock --promotion-id p-ours");
  });

  it("cancel (SIGINT) stops polling and unlocks", async () => {
    const api = new FakeApi();
    api.lockingReads = 1_000_000;
    const controller = new AbortController();
    const pending = run(api, { signal: controller.signal });
    setTimeout(() => controller.abort(new Error("SIGINT")), 50);
    const r = await pending.result;
    expect(r).toMatchObject({ result: "failed", reason: "cancelled", lockReleased: true });
    expect(api.count("unlock:p-ours")).toBe(1);
    expect(pending.released).toEqual(["p-ours"]);
  });

  it("cancel while the lock request is in flight still learns the id and unlocks", async () => {
    const api = new FakeApi();
    const controller = new AbortController();
    const original = api.lock.bind(api);
    // Like the real client, a request given an aborted signal is cut off, its outcome unknown.
    api.lock = async (signal?: AbortSignal) => {
      controller.abort(new Error("SIGINT"));
      await new Promise((resolve) => setTimeout(resolve, 20));
      const reply = await original();
      if (signal?.aborted) throw signal.reason;
      return reply;
    };
    const r = await run(api, { signal: controller.signal }).result;
    expect(r).toMatchObject({ reason: "cancelled", promotionId: "p-ours", lockReleased: true });
    expect(api.lockState.result).toBe("unlocked");
  });

  it("unlock waits for a running promotion before releasing", async () => {
    const api = new FakeApi();
    api.lockState = { result: "locked", promotionId: "p-crashed" };
    api.scripts = [];
    api.status = { status: "RUNNING", message: "Restart workloads" };
    let reads = 0;
    const original = api.getPromotionStatus.bind(api);
    api.getPromotionStatus = async () => {
      if (++reads === 3) api.status = { status: "READY", message: "Promotion completed" };
      return original();
    };
    const r = await run(api, { mode: "unlock", promotionId: "p-crashed" }).result;
    expect(r).toMatchObject({ result: "succeeded", lockReleased: true });
    expect(reads).toBeGreaterThanOrEqual(3);
    expect(api.calls.indexOf("unlock:p-crashed")).toBeGreaterThan(
      api.calls.lastIndexOf("getPromotionStatus") - 1,
    );
  });
});

describe("another holder's lock is never released", () => {
  it("409 names the holder and leaves it alone", async () => {
    const api = new FakeApi();
    api.failures.lock = () =>
      new ApiError(
        endpoint,
        409,
        409,
        "Environment is already locked for promotion 791eb03a-7ec1-42ae-ae84-ed142cf52688",
      );
    const { result, acquired } = run(api);
    const r = await result;
    expect(r).toMatchObject({
      result: "failed",
      reason: "lock-conflict",
      lockHolder: "791eb03a-7ec1-42ae-ae84-ed142cf52688",
    });
    expect(r.nextSteps.join(" ")).toContain(
      "tenant-promote unlock --promotion-id 791eb03a-7ec1-42ae-ae84-ed142cf52688",
    );
    expect(acquired).toEqual([]);
    expect(api.calls.some((c) => c.startsWith("unlock"))).toBe(false);
  });

  it("a lock already shown in the lock state is not requested at all", async () => {
    const api = new FakeApi();
    api.lockState = { result: "locked", promotionId: "p-other" };
    const r = await run(api).result;
    expect(r).toMatchObject({ reason: "lock-conflict", lockHolder: "p-other" });
    expect(api.count("lock")).toBe(0);
    expect(api.calls.some((c) => c.startsWith("unlock"))).toBe(false);
  });

  it("maintenance lock says to wait for Ping Identity", async () => {
    const api = new FakeApi();
    api.failures.lock = () =>
      new ApiError(
        endpoint,
        409,
        409,
        "Environment is locked by Ping Identity for maintenance. Retry later.",
      );
    const r = await run(api).result;
    expect(r).toMatchObject({ reason: "lock-conflict", lockHolder: "maintenance" });
    expect(r.message).toMatch(/maintenance/);
  });

  it("lock wait keeps trying until the other holder is gone", async () => {
    const api = new FakeApi();
    api.lockState = { result: "locked", promotionId: "p-other" };
    let reads = 0;
    const original = api.getLockState.bind(api);
    api.getLockState = async () => {
      if (++reads === 4) api.lockState = { result: "unlocked" };
      return original();
    };
    const r = await run(api, { lockWaitMs: 60_000 }).result;
    expect(r.result).toBe("succeeded");
    expect(r.promotionId).toBe("p-ours");
  });

  it("rollback refuses when the most recent promotion is not the expected one", async () => {
    const api = new FakeApi();
    const r = await run(api, { mode: "rollback", promotionId: "p-expected" }).result;
    expect(r).toMatchObject({ result: "failed", reason: "promotion-mismatch", lockReleased: true });
    expect(r.message).toContain("p-previous");
    expect(api.count("rollback")).toBe(0);
  });
});

describe("unknown outcomes are reconciled, not re-sent", () => {
  it("a lost lock reply: the lock state shows ours, no second POST", async () => {
    const api = new FakeApi();
    const original = api.lock.bind(api);
    api.lock = async () => {
      await original();
      throw new NetworkError(endpoint, "socket hang up", true);
    };
    const r = await run(api).result;
    expect(r.result).toBe("succeeded");
    expect(api.count("lock")).toBe(1);
    expect(r.lockReleased).toBe(true);
  });

  it("a lost promote reply: the status shows it running, not re-sent", async () => {
    const api = new FakeApi();
    const original = api.promote.bind(api);
    api.promote = async (body) => {
      await original(body);
      throw new ApiError(
        { ...endpoint, path: "/environment/promotion/promote" },
        502,
        undefined,
        undefined,
        true,
      );
    };
    const r = await run(api).result;
    expect(r.result).toBe("succeeded");
    expect(api.count("promote:dry")).toBe(1);
  });
});

describe("read-only modes", () => {
  it("status reads lock, promotion status and reports, and changes nothing", async () => {
    const api = new FakeApi();
    api.lockState = { result: "locked", promotionId: "p-x" };
    const r = await run(api, { mode: "status" }).result;
    expect(r.result).toBe("succeeded");
    expect(r.status?.data.lock).toMatchObject({ promotionId: "p-x" });
    expect(r.message).toContain("locked by promotion p-x");
    expect(api.calls.every((c) => c.startsWith("get") || c === "listReports")).toBe(true);
  });

  it("rollback-preview returns the provisional rollback report without locking", async () => {
    const api = new FakeApi();
    const r = await run(api, { mode: "rollback-preview" }).result;
    expect(r.report?.kind).toBe("provisional-rollback");
    expect(api.count("lock")).toBe(0);
  });

  it("auth failure is reported as auth", async () => {
    const api = new FakeApi();
    api.failures.getLockState = () =>
      new ApiError({ ...endpoint, method: "GET" }, 401, 401, "unauthorized");
    const r = await run(api).result;
    expect(r).toMatchObject({ result: "failed", reason: "auth" });
  });
});

describe("pending: what the watch issue opens on", () => {
  it("preview and dry-run are pending when the report lists changes, not when it is empty", async () => {
    const lower = new FakeApi();
    expect((await run(new FakeApi(), { mode: "preview", lower }).result).pending).toBe(true);
    expect((await run(new FakeApi(), { mode: "dry-run" }).result).pending).toBe(true);
    const empty = new FakeApi();
    empty.report = { reportId: "r-2", report: {} };
    expect((await run(new FakeApi(), { mode: "preview", lower: empty }).result).pending).toBe(
      false,
    );
    // A mode that changes the target says nothing about what is pending.
    expect((await run(new FakeApi(), { mode: "rollback-preview" }).result).pending).toBe(undefined);
  });
});
