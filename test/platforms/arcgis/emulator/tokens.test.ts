import { describe, expect, it } from "vitest";
import {
  admin,
  FAST,
  generateToken,
  get,
  post,
  REFERER,
  sleep,
  start,
  startWith,
  UPGRADES,
} from "./helpers.js";

const TOKEN_REQUIRED = {
  error: { code: 499, message: "Token Required.", messageCode: "GWM_0003", details: [] },
};
const INVALID_TOKEN = { error: { code: 498, message: "Invalid token.", details: [] } };

describe("generateToken", () => {
  it("grants a token for the administrator that POSTs (body) and GETs (query, Bearer) accept", async () => {
    const emulator = await start();
    const before = Date.now();
    const granted = await generateToken(emulator, { expiration: "60" });
    const after = Date.now();
    expect(granted.status).toBe(200);
    expect(granted.body).toEqual({
      token: expect.any(String),
      expires: expect.any(Number),
      ssl: false,
    });
    // 60 real minutes at speed FAST, counted from when the emulator answered.
    const lifetime = (60 * 60_000) / FAST;
    expect(granted.body.expires).toBeGreaterThanOrEqual(before + lifetime - 1);
    expect(granted.body.expires).toBeLessThanOrEqual(after + lifetime);
    const token: string = granted.body.token;
    expect((await admin(emulator, token).post("/checkRollback")).body.updates).toHaveLength(4);
    expect((await get(emulator, UPGRADES, { token })).body.status.state).toBe("success");
    const bearer = await get(emulator, UPGRADES, {}, { Authorization: `Bearer ${token}` });
    expect(bearer.body.status.state).toBe("success");
  });

  it("caps the lifetime at maxTokenLifetimeMinutes, and 120 minutes when none is asked", async () => {
    const emulator = await startWith("maxTokenLifetimeMinutes: 30", { speed: 60 });
    const capped = await generateToken(emulator, { expiration: "20160" });
    expect(capped.body.expires).toBeLessThanOrEqual(Date.now() + 30_000);
    const unbounded = await start({ speed: 60 });
    const before = Date.now();
    const asked = await generateToken(unbounded);
    expect(asked.body.expires).toBeGreaterThanOrEqual(before + 120_000 - 1);
    expect(asked.body.expires).toBeLessThanOrEqual(Date.now() + 120_000);
  });

  it("refuses bad credentials with an error object in a 200 reply", async () => {
    const emulator = await start();
    const refused = await generateToken(emulator, { password: "wrong" });
    expect(refused).toMatchObject({
      status: 200,
      body: {
        error: {
          code: 400,
          message: "Unable to generate token.",
          details: ["Invalid username or password."],
        },
      },
    });
    const noReferer = await generateToken(emulator, { referer: "" });
    expect(noReferer.body.error.details).toEqual(["'referer' must be specified."]);
  });
});

describe("tokens on admin calls", () => {
  it("no token: 499 Token Required inside a 200 reply", async () => {
    const emulator = await start();
    const missing = await post(emulator, `${UPGRADES}/checkRollback`);
    expect(missing).toMatchObject({ status: 200, body: TOKEN_REQUIRED });
    expect((await get(emulator, UPGRADES)).body).toEqual(TOKEN_REQUIRED);
  });

  it("a POST's token must be in the body: query and header tokens are not read", async () => {
    const emulator = await start();
    const inQuery = await post(
      emulator,
      `${UPGRADES}/checkRollback`,
      {},
      { query: "?token=emulator-token" },
    );
    expect(inQuery.body).toEqual(TOKEN_REQUIRED);
    const inHeader = await post(
      emulator,
      `${UPGRADES}/checkRollback`,
      {},
      { headers: { Authorization: "Bearer emulator-token" } },
    );
    expect(inHeader.body).toEqual(TOKEN_REQUIRED);
    expect(emulator.requests.map((r) => r.tokenInBody)).toEqual([false, false]);
  });

  it("unknown and expired tokens: 498 Invalid token inside a 200 reply", async () => {
    // One real minute lasts one second at speed 60: time enough to use the token first.
    const emulator = await startWith("maxTokenLifetimeMinutes: 1", { speed: 60 });
    expect((await admin(emulator, "forged").post("/installed")).body).toEqual(INVALID_TOKEN);
    const { token } = (await generateToken(emulator)).body;
    expect((await admin(emulator, token).post("/installed")).body.updates).toHaveLength(5);
    await sleep(1020);
    expect(await admin(emulator, token).post("/installed")).toMatchObject({
      status: 200,
      body: INVALID_TOKEN,
    });
  });

  it("tokenErrorsAsHttpStatus: 498 and 499 are also the HTTP status", async () => {
    const emulator = await startWith("tokenErrorsAsHttpStatus: true");
    expect(await post(emulator, `${UPGRADES}/installed`)).toMatchObject({
      status: 499,
      body: TOKEN_REQUIRED,
    });
    expect(await admin(emulator, "forged").get()).toMatchObject({
      status: 498,
      body: INVALID_TOKEN,
    });
  });
});

describe("referer-bound tokens", () => {
  const ELSEWHERE = "https://gis-admin.example.com/";

  it("client=referer: valid only with its referer as the Referer header, GET and POST", async () => {
    const emulator = await start();
    const { token } = (await generateToken(emulator, { referer: ELSEWHERE })).body;
    const as = (referer: string | undefined) => ({ Referer: referer });
    const postAs = (referer: string | undefined) =>
      post(emulator, `${UPGRADES}/installed`, { token }, { headers: as(referer) });
    const getAs = (referer: string | undefined) =>
      get(emulator, UPGRADES, {}, { Authorization: `Bearer ${token}`, ...as(referer) });
    expect((await postAs(ELSEWHERE)).body.updates).toHaveLength(5);
    expect((await getAs(ELSEWHERE)).body.status.state).toBe("success");
    for (const referer of [undefined, REFERER, `${ELSEWHERE}x`]) {
      expect(await postAs(referer)).toMatchObject({ status: 200, body: INVALID_TOKEN });
      expect((await getAs(referer)).body).toEqual(INVALID_TOKEN);
    }
    expect(emulator.requests.map((r) => r.referer)).toEqual([
      REFERER, // generateToken itself needs no header; the helper sends one anyway
      ELSEWHERE,
      ELSEWHERE,
      undefined,
      undefined,
      REFERER,
      REFERER,
      `${ELSEWHERE}x`,
      `${ELSEWHERE}x`,
    ]);
  });

  it("tokenErrorsAsHttpStatus: a token used without its referer is HTTP 498 too", async () => {
    const emulator = await startWith("tokenErrorsAsHttpStatus: true");
    const { token } = (await generateToken(emulator)).body;
    const elsewhere = await post(
      emulator,
      `${UPGRADES}/checkRollback`,
      { token },
      { headers: { Referer: ELSEWHERE } },
    );
    expect(elsewhere).toMatchObject({ status: 498, body: INVALID_TOKEN });
  });

  it.for(["requestip", "ip"])(
    "client=%s: bound to the caller's address, not to a header",
    async (client) => {
      const emulator = await start();
      const { token } = (await generateToken(emulator, { client, referer: "" })).body;
      for (const Referer of [undefined, REFERER, ELSEWHERE]) {
        const reply = await post(
          emulator,
          `${UPGRADES}/installed`,
          { token },
          { headers: { Referer } },
        );
        expect(reply.body.updates).toHaveLength(5);
      }
    },
  );

  it("static tokens are bound to tokenReferer (default tenant-promote)", async () => {
    const byDefault = await start();
    expect((await admin(byDefault).post("/installed")).body.updates).toHaveLength(5);
    const noHeader = await post(
      byDefault,
      `${UPGRADES}/installed`,
      { token: "emulator-token" },
      { headers: { Referer: undefined } },
    );
    expect(noHeader.body).toEqual(INVALID_TOKEN);

    const bound = await startWith(`tokenReferer: "${ELSEWHERE}"`);
    expect((await admin(bound).post("/installed")).body).toEqual(INVALID_TOKEN);
    const withIt = await post(
      bound,
      `${UPGRADES}/installed`,
      { token: "emulator-token" },
      { headers: { Referer: ELSEWHERE } },
    );
    expect(withIt.body.updates).toHaveLength(5);
  });

  it("GETs also take the token in X-Esri-Authorization: Bearer; POSTs only in the body", async () => {
    const emulator = await start();
    const header = { "X-Esri-Authorization": "Bearer emulator-token" };
    expect((await get(emulator, UPGRADES, {}, header)).body.status.state).toBe("success");
    const posted = await post(emulator, `${UPGRADES}/installed`, {}, { headers: header });
    expect(posted.body).toEqual(TOKEN_REQUIRED);
  });
});
