import { describe, expect, it } from "vitest";
import { admin, get, post, shipped, start, startWith } from "./helpers.js";

const CHAIN = [
  "rel_24062025_6745",
  "pat_12082025_6805",
  "pat_11092025_6815",
  "pat_07102025_6820",
  "pat_23102025_6825",
];

describe("upgrades operations", () => {
  it("the upgrades resource: success after installed patches, no_upgrade without any", async () => {
    expect((await admin(await start()).get()).body).toEqual({
      status: { state: "success", code: 3, messages: [] },
    });
    const bare = await start({ scenario: shipped("no-patch-installed") });
    expect((await admin(bare).get()).body).toEqual({
      status: { state: "no_upgrade", code: 0, messages: [] },
    });
  });

  it("installed: the release and its patches in install order, each a full version object", async () => {
    const { body } = await admin(await start()).post("/installed");
    expect(body.updates.map((v: { id: string }) => v.id)).toEqual(CHAIN);
    expect(body.updates[0]).toMatchObject({
      type: "release",
      version: "11.5.0",
      build: "6745",
      previousVersion: "",
      releaseBuild: "6745",
      released: Date.UTC(2025, 5, 24),
    });
    expect(body.updates[2]).toEqual({
      id: "pat_11092025_6815",
      name: expect.any(String),
      description: expect.any(String),
      type: "patch",
      version: "11.5.0",
      build: "6815",
      previousVersion: "11.5.0",
      previousBuild: "6805",
      releaseBuild: "6745",
      released: Date.UTC(2025, 8, 11),
      newLicensesRequired: false,
      containers: [],
    });
  });

  it("checkRollback: the installed versions before the current one, newest first", async () => {
    const { body } = await admin(await start()).post("/checkRollback");
    expect(body.updates.map((v: { id: string }) => v.id)).toEqual(CHAIN.slice(0, -1).reverse());
  });

  it.for([
    [
      "newest-first",
      ["pat_07102025_6820", "pat_11092025_6815", "pat_12082025_6805", "rel_24062025_6745"],
    ],
    [
      "oldest-first",
      ["rel_24062025_6745", "pat_12082025_6805", "pat_11092025_6815", "pat_07102025_6820"],
    ],
    // Fixed: the newest in the middle, neither end.
    [
      "shuffled",
      ["pat_12082025_6805", "rel_24062025_6745", "pat_07102025_6820", "pat_11092025_6815"],
    ],
  ] as const)("checkRollbackOrder %s: the same options in that order", async ([order, ids]) => {
    const emulator = await startWith(`checkRollbackOrder: ${order}`);
    const { body } = await admin(emulator).post("/checkRollback");
    expect(body.updates.map((v: { id: string }) => v.id)).toEqual(ids);
    // The order is checkRollback's only: a rollback to any option is taken.
    expect((await admin(emulator).rollback("pat_12082025_6805")).body.status.state).toBe(
      "in_progress",
    );
  });

  it("available: the patches not installed; currentVersion: the current one and the last job", async () => {
    const client = admin(await start());
    const available = (await client.post("/available")).body;
    expect(available.updates.map((v: { id: string }) => v.id)).toEqual(["pat_04122025_6835"]);
    expect(available.updates[0]).toMatchObject({ previousBuild: "6825", build: "6835" });
    const current = (await client.get("/currentVersion")).body;
    expect(current).toMatchObject({
      id: "pat_23102025_6825",
      version: "11.5.0",
      build: "6825",
      status: { state: "success", code: 3 },
    });
  });

  it("history: one upgrade per installed patch, versions as version.build", async () => {
    const { body } = await admin(await start()).get("/history");
    expect(body.history).toHaveLength(4);
    expect(body.history[3]).toEqual({
      type: "upgrade",
      from: "11.5.0.6820",
      to: "11.5.0.6825",
      state: "success",
      start: expect.any(Number),
      end: expect.any(Number),
    });
  });

  it("refuses a GET of a POST operation, other formats than json, and unknown resources", async () => {
    const emulator = await start();
    const asGet = await get(emulator, "/admin/system/upgrades/checkRollback", {
      token: "emulator-token",
    });
    expect(asGet.body.error).toMatchObject({ code: 405 });
    const html = await post(emulator, "/admin/system/upgrades/installed", {
      f: "html",
      token: "emulator-token",
    });
    expect(html.body.error.message).toMatch(/Unsupported format 'html'/);
    const unknown = await admin(emulator).post("/upgrade");
    expect(unknown).toMatchObject({ status: 200, body: { error: { code: 404 } } });
    const outside = await fetch(`${emulator.origin}/portal/sharing/rest/generateToken`);
    expect(outside.status).toBe(404);
  });

  it("logs each request: method, path, status, arrival, Referer, and a POST's token in the body", async () => {
    const emulator = await start();
    const client = admin(emulator);
    await client.post("/installed");
    await client.get();
    expect(emulator.requests).toEqual([
      expect.objectContaining({
        method: "POST",
        path: "/arcgis/admin/system/upgrades/installed",
        status: 200,
        dropped: false,
        at: expect.any(Number),
        tokenInBody: true,
        referer: "tenant-promote",
      }),
      expect.not.objectContaining({ tokenInBody: expect.anything() }),
    ]);
  });
});
