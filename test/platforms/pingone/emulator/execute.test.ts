import { describe, expect, it } from "vitest";
import {
  api,
  DEVELOPMENT_ID,
  EXECUTE,
  names,
  planned,
  STAGING_ID,
  start,
  waitForStatus,
} from "./helpers.js";

describe("execute", () => {
  it("runs IN_PROGRESS step by step, then COMPLETED with the target changed", async () => {
    const emulator = await start({ speed: 200 });
    const client = api(emulator);
    const ready = await planned(client);
    const reply = await client.send("POST", `/promotions/${ready.id}`, { contentType: EXECUTE });
    expect(reply.status).toBe(202);
    expect(reply.body.status).toBe("IN_PROGRESS");
    const done = await waitForStatus(client, ready.id, "COMPLETED", "ERROR");
    expect(done.status).toBe("COMPLETED");
    expect(done.errors).toBeUndefined();
    expect(names(emulator, STAGING_ID, "populations").sort()).toEqual([
      "Contractors",
      "Employees",
      "Legacy Vendors",
      "Partners",
    ]);
    expect(names(emulator, STAGING_ID, "applications")).toContain("Partner Portal");
    const staging = emulator.resources(STAGING_ID);
    const passphrase = staging.find((r) => r.name === "Passphrase");
    expect(staging.find((r) => r.name === "Contractors")?.fields).toEqual({
      description: "External contractors",
      passwordPolicy: { id: passphrase?.id },
    });
    const steps = (await client.get(`/promotions/${ready.id}/promotionSteps`)).body._embedded
      .promotionSteps;
    expect(steps.map((s: { status: string }) => s.status)).toEqual(Array(6).fill("COMPLETED"));
    // Planning the same pair again finds nothing left to do.
    expect((await planned(client)).promotionPlan?.steps).toEqual([]);
  });

  it("only READY or VALIDATION_FAILED promotions run, with 1 to 100 selected resources", async () => {
    const emulator = await start({ speed: 1 });
    const client = api(emulator);
    const created = await client.send("POST", "/promotions", {
      body: { targetEnvironment: { id: STAGING_ID }, selectedResources: [DEVELOPMENT_ID] },
    });
    const early = await client.send("POST", `/promotions/${created.body.id}`, {
      contentType: EXECUTE,
    });
    expect(early.status).toBe(400);
    expect(early.body).toMatchObject({
      code: "INVALID_REQUEST",
      message: expect.stringContaining("NEW"),
    });

    const fast = await start();
    const fastClient = api(fast);
    const created2 = await fastClient.send("POST", "/promotions", {
      body: { targetEnvironment: { id: STAGING_ID } },
    });
    const ready = await waitForStatus(fastClient, created2.body.id, "READY");
    const unselected = await fastClient.send("POST", `/promotions/${ready.id}`, {
      contentType: EXECUTE,
    });
    expect(unselected.status).toBe(400);
    expect(unselected.body.details[0]).toMatchObject({
      code: "CONSTRAINT_VIOLATION",
      target: "selectedResources",
    });
  });
});
