import { describe, expect, it } from "vitest";
import { LOCK_MS, UNLOCK_MS } from "../../../../src/platforms/aic/emulator/lock.js";
import {
  client,
  lockPair,
  runToEnd,
  sleep,
  start,
  startWith,
  unlockPair,
  waitUntil,
} from "./helpers.js";

const HOLDER = "7d3c9e2a-4b1f-4e8a-9c6d-2f5e8a1b3c4d";

describe("lock faults", () => {
  it("lockHeldBy: 409 naming the holder until it releases by itself", async () => {
    const speed = 100; // released 600 ms after start: time for the first requests
    const emulator = await startWith(
      `faults:\n  lockHeldBy: { promotionId: ${HOLDER}, releaseAfterSeconds: 60 }`,
      { speed },
    );
    const api = client(emulator);
    expect((await api.get("/lock/state")).body).toMatchObject({
      result: "locked",
      promotionId: HOLDER,
    });
    const refused = await api.post("/lock");
    expect(refused.status).toBe(409);
    expect(refused.body.message).toBe(`Environment is already locked for promotion ${HOLDER}`);
    await waitUntil(() => emulator.upper.lockState().result === "unlocked");
    const start = emulator.events.find((e) => e.kind === "locked")?.at ?? 0;
    const released = emulator.events.filter((e) => e.kind === "unlocked").at(-1)?.at ?? 0;
    expect(released - start).toBeCloseTo((60_000 + UNLOCK_MS.upper) / speed, 6);
    await lockPair(emulator);
  });

  it("maintenanceLock: 409 for maintenance; unlock refused", async () => {
    const emulator = await startWith("faults:\n  maintenanceLock: true");
    const api = client(emulator);
    const state = (await api.get("/lock/state")).body;
    expect(state.result).toBe("locked");
    expect(state.description).toMatch(/maintenance/);
    expect(state.promotionId).toBeUndefined();
    const refused = await api.post("/lock");
    expect(refused.status).toBe(409);
    expect(refused.body.message).toBe(
      "Environment is locked by Ping Identity for maintenance. Retry later.",
    );
    expect((await api.del("/lock/anything")).status).toBe(409);
    expect((await api.post("/promote", { dryRun: true })).status).toBe(409);
  });

  it("stuckLocking: stays locking, yet an unlock is accepted and completes", async () => {
    const speed = 1000;
    const emulator = await startWith("faults:\n  stuckLocking: true", { speed });
    const api = client(emulator);
    const lock = await api.post<{ promotionId: string }>("/lock");
    await sleep((LOCK_MS.upper / speed) * 3);
    expect(emulator.upper.lockState().result).toBe("locking");
    expect(emulator.events.filter((e) => e.kind === "locked").map((e) => e.env)).toEqual(["lower"]);
    const unlock = await api.del(`/lock/${lock.body.promotionId}`);
    expect(unlock.status).toBe(202);
    await waitUntil(() => emulator.upper.lockState().result === "unlocked");
    // Only the first lock was stuck.
    await lockPair(emulator);
  });
});

describe("blocking errors", () => {
  it("a failed promotion blocks further promotions and rollbacks, but not unlocking", async () => {
    const emulator = await startWith("faults:\n  blockingError: { promotion: true }");
    const id = await lockPair(emulator);
    const api = client(emulator);
    const dry = await runToEnd(emulator, "/promote", { dryRun: true });
    expect(dry.message).toBe("Promotion completed");
    const failed = await runToEnd(emulator, "/promote", { dryRun: false });
    expect(failed).toMatchObject({
      status: "ERROR",
      message: "Failed to promote config",
      blockingError: true,
    });
    const blocked = "Environment is blocked from a previous failed promotion or rollback";
    expect((await api.post("/promote", { dryRun: true })).body).toEqual({
      code: 409,
      message: blocked,
    });
    expect((await api.post("/rollback", {})).body.message).toBe(blocked);
    await unlockPair(emulator, id);
    // Still blocked under a new lock.
    await lockPair(emulator);
    expect((await api.get("/promote")).body).toMatchObject({
      status: "ERROR",
      blockingError: true,
    });
  });

  it("a failed rollback is blocking too", async () => {
    const emulator = await start();
    await lockPair(emulator);
    await runToEnd(emulator, "/promote", { dryRun: false });
    emulator.addFault({ kind: "blockingError", rollback: true });
    const failed = await runToEnd(emulator, "/rollback", {});
    expect(failed).toMatchObject({
      status: "ERROR",
      message: "Failed to rollback config",
      blockingError: true,
      type: "rollback",
    });
    expect((await client(emulator).post("/promote", { dryRun: true })).status).toBe(409);
  });
});

describe("release upgrade", () => {
  it("info says whether a promotion would trigger an upgrade", async () => {
    const plain = await start();
    expect((await client(plain).get("/info")).body).toEqual({
      promotionWouldTriggerReleaseUpgrade: false,
    });
    const emulator = await startWith("faults:\n  releaseUpgrade: true");
    const id = await lockPair(emulator);
    expect((await client(emulator).get("/info")).body).toEqual({
      activePromotionId: id,
      promotionWouldTriggerReleaseUpgrade: true,
    });
  });
});

describe("request faults", () => {
  it("httpErrors: a burst of 503s on one path, then normal replies", async () => {
    const emulator = await startWith(
      "faults:\n  httpErrors:\n    - { env: upper, method: GET, path: /environment/promotion/lock/state, status: 503, count: 3 }",
    );
    const api = client(emulator);
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await api.get("/lock/state")).status);
    expect(statuses).toEqual([503, 503, 503, 200]);
    expect((await client(emulator, "lower").get("/lock/state")).status).toBe(200);
    expect(emulator.requests.filter((r) => r.env === "upper").map((r) => r.status)).toEqual(
      statuses,
    );
  });

  it("httpErrors: 429 with Retry-After, 401 and 500, skipping the first matches", async () => {
    const emulator = await start();
    emulator.addFault({ kind: "httpError", status: 429, count: 1, retryAfterSeconds: 7 });
    emulator.addFault({
      kind: "httpError",
      status: 500,
      count: 1,
      after: 2,
      path: "/environment/*",
    });
    const api = client(emulator);
    const limited = await api.get("/info");
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("7");
    expect(limited.body).toEqual({ code: 429, message: "Too Many Requests" });
    expect((await api.get("/info")).status).toBe(200);
    expect((await api.get("/info")).status).toBe(500);
    emulator.addFault({ kind: "httpError", status: 401, count: 1 });
    const denied = await api.get("/info");
    expect(denied.status).toBe(401);
    expect(denied.body).toEqual({ code: 401, message: "unauthorized" });
  });

  it("droppedConnections: no reply; the request had no effect", async () => {
    const emulator = await start();
    emulator.addFault({
      kind: "dropConnection",
      count: 1,
      method: "POST",
      path: "/environment/promotion/lock",
    });
    await expect(client(emulator).post("/lock")).rejects.toThrow();
    expect(emulator.upper.lockState().result).toBe("unlocked");
    expect(emulator.requests.at(-1)).toMatchObject({ method: "POST", status: 0 });
  });

  it("droppedConnections afterProcessing: the lock is taken, its reply lost", async () => {
    const emulator = await startWith(
      "faults:\n  droppedConnections:\n    - { env: upper, method: POST, path: /environment/promotion/lock, afterProcessing: true }",
    );
    await expect(client(emulator).post("/lock")).rejects.toThrow();
    const state = emulator.upper.lockState();
    expect(["locking", "locked"]).toContain(state.result);
    expect(state.promotionId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("droppedConnections afterProcessing on POST /promote: the promotion runs", async () => {
    const emulator = await start();
    await lockPair(emulator);
    emulator.addFault({
      kind: "dropConnection",
      count: 1,
      method: "POST",
      path: "/environment/promotion/promote",
      afterProcessing: true,
    });
    await expect(client(emulator).post("/promote", { dryRun: false })).rejects.toThrow();
    await waitUntil(() => emulator.events.some((e) => e.kind === "promotion-finished"));
    expect(emulator.upper.promotionStatus().message).toBe("Promotion completed");
  });

  it("slowReplies: delays matching replies by delayMs", async () => {
    const emulator = await startWith(
      "faults:\n  slowReplies:\n    - { method: GET, path: /environment/promotion/promote, count: 1, delayMs: 150 }",
    );
    const api = client(emulator);
    const timed = async () => {
      const begin = Date.now();
      await api.get("/promote");
      return Date.now() - begin;
    };
    expect(await timed()).toBeGreaterThanOrEqual(145);
    expect(await timed()).toBeLessThan(145);
  });

  it("faults added mid-run apply at once", async () => {
    const emulator = await start({ speed: 500 });
    await lockPair(emulator);
    const api = client(emulator);
    expect((await api.post("/promote", { dryRun: false })).status).toBe(202);
    emulator.addFault({
      kind: "httpError",
      status: 503,
      count: 2,
      path: "/environment/promotion/promote",
    });
    expect((await api.get("/promote")).status).toBe(503);
    expect((await api.get("/promote")).status).toBe(503);
    expect((await api.get("/promote")).body.status).toBe("RUNNING");
  });
});
