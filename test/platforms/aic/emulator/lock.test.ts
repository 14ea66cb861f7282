import { describe, expect, it } from "vitest";
import { LOCK_MS, UNLOCK_MS } from "../../../../src/platforms/aic/emulator/lock.js";
import { client, lockPair, start, unlockPair, waitUntil } from "./helpers.js";

describe("lock", () => {
  it("goes unlocked -> locking -> locked on both environments, at the scheduled times", async () => {
    const speed = 100; // 150 ms to lock: long enough to see "locking"
    const emulator = await start({ speed });
    const upper = client(emulator);
    const lower = client(emulator, "lower");

    expect((await upper.get("/lock/state")).body).toEqual({
      description: "Environment unlocked",
      result: "unlocked",
      lowerEnv: { state: "unlocked" },
      upperEnv: { state: "unlocked" },
    });
    const lock = await upper.post<{ promotionId: string; result: string }>("/lock");
    expect(lock.status).toBe(202);
    expect(lock.body.result).toBe("locking");
    const id = lock.body.promotionId;
    expect(id).toMatch(/^[0-9a-f-]{36}$/);

    const locking = (await upper.get("/lock/state")).body;
    expect(locking).toMatchObject({ result: "locking", promotionId: id });
    expect(locking.upperEnv).toEqual({ promotionId: id, state: "locking" });

    await waitUntil(() => emulator.upper.lockState().result === "locked");
    // The lower environment reports the same pair-wide lock.
    expect((await lower.get("/lock/state")).body).toEqual({
      description: "Environment locked",
      result: "locked",
      promotionId: id,
      lowerEnv: { promotionId: id, state: "locked" },
      upperEnv: { promotionId: id, state: "locked" },
    });

    const requested = emulator.events.find((e) => e.kind === "lock-requested");
    const locked = emulator.events.filter((e) => e.kind === "locked");
    expect(requested?.env).toBe("upper");
    expect(locked.map((e) => e.env)).toEqual(["lower", "upper"]);
    expect((locked[1]?.at ?? 0) - (requested?.at ?? 0)).toBeCloseTo(LOCK_MS.upper / speed, 6);
    expect((locked[0]?.at ?? 0) - (requested?.at ?? 0)).toBeCloseTo(LOCK_MS.lower / speed, 6);
  });

  it("refuses a second lock with 409 naming the holder", async () => {
    const emulator = await start();
    const id = await lockPair(emulator);
    const second = await client(emulator).post("/lock");
    expect(second.status).toBe(409);
    expect(second.body).toEqual({
      code: 409,
      message: `Environment is already locked for promotion ${id}`,
    });
    // Through the lower environment too: the lock belongs to the pair.
    expect((await client(emulator, "lower").post("/lock")).status).toBe(409);
  });

  it("localLockOnly shows only the environment asked", async () => {
    const emulator = await start();
    const state = (await client(emulator, "lower").get("/lock/state?localLockOnly=true")).body;
    expect(state).toEqual({
      description: "Environment unlocked",
      result: "unlocked",
      lowerEnv: { state: "unlocked" },
    });
  });

  it("promotion status follows the lock: UNLOCKED, then READY and LOCKED", async () => {
    const emulator = await start();
    const api = client(emulator);
    expect((await api.get("/promote")).body).toMatchObject({ globalLock: "UNLOCKED" });
    const id = await lockPair(emulator);
    expect((await api.get("/promote")).body).toMatchObject({
      status: "READY",
      message: "Environment ready for promotion",
      blockingError: false,
      globalLock: "LOCKED",
      promotionId: id,
      type: "promotion",
    });
  });
});

describe("unlock", () => {
  it("unlocks with the holder's id, then answers 200 unlocked", async () => {
    const speed = 100;
    const emulator = await start({ speed });
    const api = client(emulator);
    const id = await lockPair(emulator);
    const reply = await api.del(`/lock/${id}`);
    expect(reply.status).toBe(202);
    expect(reply.body).toEqual({
      description: "Environment unlock in progress",
      promotionId: id,
      result: "unlocking",
    });
    expect((await api.get("/lock/state")).body.result).toBe("unlocking");
    const busy = await api.del(`/lock/${id}`);
    expect(busy.status).toBe(409);
    expect(busy.body.message).toMatch(/unlocking/);
    await waitUntil(() => emulator.upper.lockState().result === "unlocked");
    const again = await api.del(`/lock/${id}`);
    expect(again.status).toBe(200);
    expect(again.body.result).toBe("unlocked");

    const requested = emulator.events.find((e) => e.kind === "unlock-requested");
    const unlocked = emulator.events.filter((e) => e.kind === "unlocked");
    expect(unlocked.map((e) => e.env)).toEqual(["lower", "upper"]);
    expect((unlocked[1]?.at ?? 0) - (requested?.at ?? 0)).toBeCloseTo(UNLOCK_MS.upper / speed, 6);
    expect((await api.get("/promote")).body.globalLock).toBe("UNLOCKED");
  });

  it("refuses an id that is not the holder's, and an unlock while locking", async () => {
    const emulator = await start({ speed: 100 });
    const api = client(emulator);
    const lock = await api.post<{ promotionId: string }>("/lock");
    const id = lock.body.promotionId;
    const early = await api.del(`/lock/${id}`);
    expect(early.status).toBe(409);
    expect(early.body.message).toMatch(/locking/);
    await waitUntil(() => emulator.upper.lockState().result === "locked");
    const wrong = await api.del("/lock/not-the-holder");
    expect(wrong.status).toBe(409);
    expect(wrong.body.message).toBe(
      `Environment is locked for promotion ${id}, not not-the-holder`,
    );
    await unlockPair(emulator, id);
  });
});

describe("request checks", () => {
  it("answers 401 without a valid token, and only to the environment's own tokens", async () => {
    const emulator = await start();
    const none = await client(emulator).send("GET", "/lock/state", {
      headers: { Authorization: "" },
    });
    expect(none.status).toBe(401);
    expect(none.body).toEqual({ code: 401, message: "unauthorized" });
    const lowerTokenOnUpper = await client(emulator, "upper", "emulator-lower-token").get(
      "/lock/state",
    );
    expect(lowerTokenOnUpper.status).toBe(401);
  });

  it("wants Accept-API-Version with resource=1.0, leniently", async () => {
    const emulator = await start();
    const api = client(emulator);
    const missing = await api.send("GET", "/lock/state", {
      headers: { "Accept-API-Version": "" },
    });
    expect(missing.status).toBe(400);
    expect(missing.body).toMatchObject({ code: 400 });
    const wrong = await api.send("GET", "/lock/state", {
      headers: { "Accept-API-Version": "resource=2.0" },
    });
    expect(wrong.status).toBe(400);
    const both = await api.send("GET", "/lock/state", {
      headers: { "Accept-API-Version": "protocol=1.0,resource=1.0" },
    });
    expect(both.status).toBe(200);
  });

  it("answers 404 for unknown paths and 405 for wrong methods", async () => {
    const emulator = await start();
    const api = client(emulator);
    expect((await api.get("/nothing-here")).status).toBe(404);
    expect((await api.send("PUT", "/lock")).status).toBe(405);
  });
});
