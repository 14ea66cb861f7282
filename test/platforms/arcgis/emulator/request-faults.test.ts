// Faults on the wire and of authentication, each from its shipped scenario.
import { describe, expect, it } from "vitest";
import {
  admin,
  attempt,
  generateToken,
  jobEnded,
  shipped,
  start,
  UPGRADES,
  waitUntil,
} from "./helpers.js";

describe("request and authentication faults", () => {
  it("short token lifetime: 498 once the token's lifetime passes mid-job; a new token works", async () => {
    const emulator = await start({ scenario: shipped("short-token-lifetime"), speed: 200 });
    const { token } = (await generateToken(emulator, { expiration: "720" })).body;
    const client = admin(emulator, token);
    expect((await client.rollback("pat_07102025_6820")).body.status.state).toBe("in_progress");
    let refused: unknown;
    await waitUntil(async () => {
      const reply = await client.get();
      refused = reply.body.error;
      return refused !== undefined;
    });
    expect(refused).toEqual({ code: 498, message: "Invalid token.", details: [] });
    expect(emulator.state().job.state).toBe("in_progress");
    const renewed = (await generateToken(emulator, { expiration: "720" })).body.token;
    expect((await admin(emulator, renewed).get()).body.status.state).toBe("in_progress");
  });

  it("rejected password: generateToken refuses the old one, accepts the scenario's", async () => {
    const emulator = await start({ scenario: shipped("rejected-password") });
    const refused = await generateToken(emulator, { password: "emulator-password" });
    expect(refused.body.error.details).toEqual(["Invalid username or password."]);
    expect((await generateToken(emulator)).body.token).toEqual(expect.any(String));
    expect(emulator.credentials.password).toBe("rotated-password");
  });

  it("dropped connections: before handling, so nothing happens and a retry works", async () => {
    const emulator = await start({ scenario: shipped("dropped-connections") });
    const client = admin(emulator);
    expect(await attempt(() => client.get())).toBe("dropped");
    expect(await attempt(() => client.get())).toBe("dropped");
    expect((await client.get()).status).toBe(200);
    expect(await attempt(() => client.post("/checkRollback"))).toBe("dropped");
    expect((await client.post("/checkRollback")).body.updates).toHaveLength(4);
    expect(emulator.requests.map((r) => [r.status, r.dropped])).toEqual([
      [0, true],
      [0, true],
      [200, false],
      [0, true],
      [200, false],
    ]);
  });

  it("a lost rollback reply: the job started though the socket dropped; sending again is refused", async () => {
    const emulator = await start({ scenario: shipped("lost-rollback-reply"), speed: 200 });
    const client = admin(emulator);
    expect(await attempt(() => client.rollback("pat_07102025_6820"))).toBe("dropped");
    expect(emulator.requests.at(-1)).toMatchObject({
      method: "POST",
      path: `/arcgis${UPGRADES}/rollback`,
      status: 200,
      dropped: true,
      tokenInBody: true,
    });
    const { status } = (await client.get()).body;
    expect(status.state).toBe("in_progress");
    expect(status.messages[0].message).toMatch(/to 11\.5\.0\.6820\.$/);
    expect((await client.rollback("pat_07102025_6820")).body.error.code).toBe(409);
    expect((await jobEnded(emulator)).currentVersion).toBe("11.5.0.6820");
  });

  it("slow replies: the upgrades resource answers after the delay", async () => {
    const emulator = await start({ scenario: shipped("slow-replies") });
    const began = Date.now();
    expect((await admin(emulator).get()).status).toBe(200);
    expect(Date.now() - began).toBeGreaterThanOrEqual(1450);
  });

  it("http errors: 503 with Retry-After and an error object, then a 500 from generateToken", async () => {
    const emulator = await start({ scenario: shipped("http-errors") });
    const client = admin(emulator);
    const unavailable = await client.get();
    expect(unavailable.status).toBe(503);
    expect(unavailable.headers.get("retry-after")).toBe("5");
    expect(unavailable.body).toEqual({
      error: { code: 503, message: "Service Unavailable", details: [] },
    });
    expect((await client.get()).status).toBe(503);
    expect((await client.get()).status).toBe(200);
    expect((await generateToken(emulator)).status).toBe(500);
    expect((await generateToken(emulator)).status).toBe(200);
  });
});
