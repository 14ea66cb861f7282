import { describe, expect, it } from "vitest";
import {
  api,
  DEVELOPMENT_ID,
  EXECUTE,
  executed,
  planned,
  ROLLBACK,
  STAGING_ID,
  start,
  startWith,
  waitForStatus,
} from "./helpers.js";

describe("rollback", () => {
  it("creates ROLLBACK_NEW; once executed the target is restored and the original ROLLED_BACK", async () => {
    const emulator = await start();
    const client = api(emulator);
    const before = emulator.resources(STAGING_ID);
    const promotion = await planned(client);
    expect((await executed(client, promotion.id)).status).toBe("COMPLETED");
    expect(emulator.resources(STAGING_ID)).not.toEqual(before);

    const asked = await client.send("POST", `/promotions/${promotion.id}`, {
      contentType: ROLLBACK,
    });
    expect(asked.status).toBe(202);
    expect(asked.body).toMatchObject({
      status: "ROLLBACK_NEW",
      previousPromotion: { id: promotion.id },
      sourceEnvironmentId: DEVELOPMENT_ID,
      targetEnvironmentId: STAGING_ID,
      resourceMapping: {},
      description: "Rolling back promotion.",
    });
    expect(asked.body._links.previousPromotion.href).toMatch(
      new RegExp(`/promotions/${promotion.id}$`),
    );
    const again = await client.send("POST", `/promotions/${promotion.id}`, {
      contentType: ROLLBACK,
    });
    expect(again.body.message).toMatch(/already exists/);

    const ready = await waitForStatus(client, asked.body.id, "READY");
    // Newest change first: the application created last is deleted first.
    expect(
      ready.promotionPlan?.steps?.map(
        (s) => `${s.action} ${s.targetResource?.name ?? s.sourceResource?.name}`,
      ),
    ).toEqual([
      "DELETE Partner Portal",
      "DELETE Partner MFA",
      "PUT themes:22222222-0301-4000-8000-000000000301",
      "DELETE Partners",
      "PUT Contractors",
      "DELETE Passphrase",
    ]);
    expect((await executed(client, ready.id)).status).toBe("COMPLETED");
    expect(emulator.resources(STAGING_ID)).toEqual(before);
    expect((await client.get(`/promotions/${promotion.id}`)).body.status).toBe("ROLLED_BACK");

    // Neither the rolled back promotion nor the rollback can be rolled back.
    const twice = await client.send("POST", `/promotions/${promotion.id}`, {
      contentType: ROLLBACK,
    });
    expect(twice).toMatchObject({
      status: 400,
      body: { code: "INVALID_REQUEST", message: expect.stringMatching(/already rolled back/) },
    });
    const ofRollback = await client.send("POST", `/promotions/${ready.id}`, {
      contentType: ROLLBACK,
    });
    expect(ofRollback.body.message).toMatch(/rollback promotion cannot itself be rolled back/);
  });

  it("only the last executed promotion of the pair, once it has ended", async () => {
    const emulator = await start();
    const client = api(emulator);
    const first = await planned(client, {
      selectedResources: [
        "11111111-0203-4000-8000-000000000203",
        "11111111-0102-4000-8000-000000000102",
      ],
    });
    await executed(client, first.id);
    const second = await planned(client);
    const notRun = await client.send("POST", `/promotions/${second.id}`, { contentType: ROLLBACK });
    expect(notRun.body.message).toMatch(
      /READY; only a COMPLETED or ERROR promotion can be rolled back/,
    );
    await executed(client, second.id);
    const older = await client.send("POST", `/promotions/${first.id}`, { contentType: ROLLBACK });
    expect(older.status).toBe(400);
    expect(older.body.message).toMatch(/Only the last executed promotion/);
    expect(
      (await client.send("POST", `/promotions/${second.id}`, { contentType: ROLLBACK })).status,
    ).toBe(202);
  });

  it("after an ERROR, reverts only the steps that applied", async () => {
    const emulator = await startWith("faults:\n  stepErrors: [{ type: themes, name: Corporate }]");
    const client = api(emulator);
    const before = emulator.resources(STAGING_ID);
    const promotion = await planned(client);
    expect((await executed(client, promotion.id)).status).toBe("ERROR");
    const asked = await client.send("POST", `/promotions/${promotion.id}`, {
      contentType: ROLLBACK,
    });
    const ready = await waitForStatus(client, asked.body.id, "READY");
    expect(ready.promotionPlan?.steps).toHaveLength(5);
    await executed(client, ready.id);
    expect(emulator.resources(STAGING_ID)).toEqual(before);
  });
});

describe("delete and media types", () => {
  it("deletes NEW or READY promotions only", async () => {
    const emulator = await start();
    const client = api(emulator);
    const ready = await planned(client);
    expect((await client.send("DELETE", `/promotions/${ready.id}`)).status).toBe(204);
    expect((await client.get(`/promotions/${ready.id}`)).status).toBe(404);
    const done = await planned(client);
    await executed(client, done.id);
    const refused = await client.send("DELETE", `/promotions/${done.id}`);
    expect(refused.status).toBe(400);
    expect(refused.body.message).toMatch(/only NEW or READY/);
    // In real time a new promotion stays NEW for two seconds: time to delete it.
    const slow = api(await start({ speed: 1 }));
    const fresh = await slow.send("POST", "/promotions", {
      body: { targetEnvironment: { id: STAGING_ID } },
    });
    expect(fresh.body.status).toBe("NEW");
    expect((await slow.send("DELETE", `/promotions/${fresh.body.id}`)).status).toBe(204);
    expect((await slow.get("/promotions")).body.count).toBe(0);
  });

  it("POST /promotions/{id} needs the execute or rollback media type", async () => {
    const emulator = await start();
    const client = api(emulator);
    const ready = await planned(client);
    for (const contentType of ["application/json", "text/plain", undefined]) {
      const reply = await client.send(
        "POST",
        `/promotions/${ready.id}`,
        contentType ? { contentType } : {},
      );
      expect(reply.status, String(contentType)).toBe(415);
      expect(reply.body.code).toBe("INVALID_REQUEST");
    }
    const withCharset = await client.send("POST", `/promotions/${ready.id}`, {
      contentType: `${EXECUTE}; charset=utf-8`,
    });
    expect(withCharset.status).toBe(202);
    const unknown = await client.send("POST", "/promotions/5b1f0e3a-0000-4000-8000-000000000000", {
      contentType: EXECUTE,
    });
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe("NOT_FOUND");
  });
});
