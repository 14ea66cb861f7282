import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { loadPingOneScenarioFile } from "../../../../src/platforms/pingone/emulator/index.js";
import {
  type Api,
  api,
  DEVELOPMENT_ID,
  EXECUTE,
  executed,
  names,
  planned,
  STAGING_ID,
  start,
  startWith,
  waitForStatus,
  waitUntil,
} from "./helpers.js";

const shipped = (name: string) =>
  loadPingOneScenarioFile(
    fileURLToPath(new URL(`../../../../scenarios/pingone/${name}.yaml`, import.meta.url)),
  );

/** The request's outcome, or "dropped" when the connection closed without a reply. */
async function attempt(send: () => Promise<unknown>): Promise<unknown> {
  try {
    return await send();
  } catch {
    return "dropped";
  }
}

const create = (client: Api) =>
  client.send("POST", "/promotions", {
    body: { targetEnvironment: { id: STAGING_ID }, selectedResources: [DEVELOPMENT_ID] },
  });

describe("request faults", () => {
  it("http errors: 503 bursts, then a 429 with Retry-After, in the PingOne envelope", async () => {
    const emulator = await start({ scenario: shipped("http-errors") });
    const client = api(emulator);
    const { id } = (await create(client)).body;
    const read = async () => (await client.get(`/promotions/${id}/status`)).status;
    expect([await read(), await read(), await read()]).toEqual([503, 503, 200]);
    const unavailable = emulator.requests[1];
    expect(unavailable).toMatchObject({ status: 503, dropped: false });
    const limited = await client.get("/promotions");
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("2");
    expect(limited.body).toMatchObject({
      code: "REQUEST_LIMITED",
      details: [{ code: "LIMIT_EXCEEDED", innerError: { retryAfter: 2 } }],
    });
    expect((await client.get("/promotions")).status).toBe(200);
    const token = () =>
      fetch(emulator.tokenUrl, { method: "POST", body: "grant_type=client_credentials" });
    expect([(await token()).status, (await token()).status, (await token()).status]).toEqual([
      500, 500, 500,
    ]);
    const body = (await (await token()).json()) as { error?: string };
    expect(body.error).toBe("invalid_client"); // the burst is over; no credentials were sent
  });

  it("dropped connections: nothing happens, the log says so", async () => {
    const emulator = await startWith(
      "faults:\n  droppedConnections: [{ method: POST, path: /v1/environments/*/promotions }]",
    );
    const client = api(emulator);
    expect(await attempt(() => create(client))).toBe("dropped");
    expect((await client.get("/promotions")).body.count).toBe(0);
    expect(emulator.requests[0]).toMatchObject({
      method: "POST",
      path: `/v1/environments/${DEVELOPMENT_ID}/promotions`,
      contentType: "application/json",
      status: 0,
      dropped: true,
    });
    expect((await create(client)).status).toBe(201);
  });

  it("a lost create reply: the promotion exists although the client saw nothing", async () => {
    const emulator = await start({ scenario: shipped("lost-create-reply"), speed: 1000 });
    const client = api(emulator);
    expect(await attempt(() => create(client))).toBe("dropped");
    const list = (await client.get("/promotions")).body;
    expect(list.count).toBe(1);
    expect(emulator.requests[0]).toMatchObject({ status: 201, dropped: true });
  });

  it("a lost execute reply: the connection drops, yet the promotion is IN_PROGRESS", async () => {
    const emulator = await start({ scenario: shipped("lost-execute-reply"), speed: 200 });
    const client = api(emulator);
    const ready = await planned(client);
    const outcome = await attempt(() =>
      client.send("POST", `/promotions/${ready.id}`, { contentType: EXECUTE }),
    );
    expect(outcome).toBe("dropped");
    expect((await client.get(`/promotions/${ready.id}/status`)).body.status).toBe("IN_PROGRESS");
    expect(emulator.requests.find((r) => r.contentType === EXECUTE)).toMatchObject({
      status: 202,
      dropped: true,
    });
    // A second execute is refused: the first one took effect.
    expect(
      (await client.send("POST", `/promotions/${ready.id}`, { contentType: EXECUTE })).status,
    ).toBe(400);
    expect((await waitForStatus(client, ready.id, "COMPLETED")).status).toBe("COMPLETED");
  });

  it("slow replies take the delay in real milliseconds", async () => {
    const emulator = await startWith(
      "faults:\n  slowReplies: [{ method: GET, path: /v1/environments/*/promotions, delayMs: 150 }]",
    );
    const client = api(emulator);
    const started = Date.now();
    expect((await client.get("/promotions")).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    const again = Date.now();
    await client.get("/promotions");
    expect(Date.now() - again).toBeLessThan(140);
  });
});

describe("promotion faults", () => {
  it("validation errors: VALIDATION_FAILED with errors; executing fails those steps", async () => {
    const emulator = await start({ scenario: shipped("validation-failed") });
    const client = api(emulator);
    const failed = await planned(client);
    expect(failed.status).toBe("VALIDATION_FAILED");
    const partners = failed.promotionPlan?.steps?.find(
      (s) => s.sourceResource?.name === "Partners",
    );
    expect(failed.errors).toEqual([
      {
        code: "INVALID_VALUE",
        target: partners?.resourceUrl,
        message: expect.stringContaining("reserved name"),
      },
    ]);
    // Excluding the resource plans READY again.
    const patched = await client.send("PATCH", `/promotions/${failed.id}`, {
      body: { excludedResources: [partners?.sourceResource?.id] },
    });
    expect(patched.body.status).toBe("READY");
    expect(patched.body.errors).toBeUndefined();
    const other = await planned(client);
    const done = await executed(client, other.id);
    expect(done.status).toBe("ERROR");
    expect(done.errors?.map((e) => e.target)).toEqual([partners?.resourceUrl]);
    expect(names(emulator, STAGING_ID, "populations")).not.toContain("Partners");
  });

  it("step errors: ERROR with per-step errors; the other steps apply", async () => {
    const emulator = await start({ scenario: shipped("execution-error") });
    const client = api(emulator);
    const ready = await planned(client);
    const done = await executed(client, ready.id);
    expect(done.status).toBe("ERROR");
    const portal = ready.promotionPlan?.steps?.find(
      (s) => s.sourceResource?.name === "Partner Portal",
    );
    expect(done.errors).toEqual([
      {
        code: "REQUEST_FAILED",
        message: expect.stringContaining("redirect URI"),
        target: portal?.resourceUrl,
      },
    ]);
    const steps = (await client.get(`/promotions/${ready.id}/promotionSteps`)).body._embedded
      .promotionSteps;
    const failedStep = steps.find(
      (s: { sourceResource: { name: string } }) => s.sourceResource.name === "Partner Portal",
    );
    expect(failedStep).toMatchObject({
      status: "ERROR",
      error: { code: "REQUEST_FAILED", target: portal?.resourceUrl },
    });
    expect(steps.filter((s: { status: string }) => s.status === "COMPLETED")).toHaveLength(5);
    expect(names(emulator, STAGING_ID, "populations")).toContain("Partners");
    expect(names(emulator, STAGING_ID, "applications")).not.toContain("Partner Portal");
  });

  it("another promotion IN_PROGRESS to the target blocks execution until it ends", async () => {
    const emulator = await start({ scenario: shipped("promotion-in-progress"), speed: 2000 });
    const client = api(emulator);
    const running = await client.get(
      `/promotions?filter=${encodeURIComponent('status eq "IN_PROGRESS"')}`,
    );
    expect(running.body._embedded.promotions).toEqual([
      expect.objectContaining({
        id: "4a4a4a4a-0000-4000-8000-000000000001",
        targetEnvironmentId: STAGING_ID,
      }),
    ]);
    const ready = await planned(client);
    const refused = await client.send("POST", `/promotions/${ready.id}`, { contentType: EXECUTE });
    expect(refused.status).toBe(400);
    expect(refused.body.message).toMatch(/4a4a4a4a-0000-4000-8000-000000000001 .* IN_PROGRESS/);
    // 600 s at speed 2000: 300 ms.
    await waitForStatus(client, "4a4a4a4a-0000-4000-8000-000000000001", "COMPLETED");
    expect((await executed(client, ready.id)).status).toBe("COMPLETED");
  });

  it("promoteDeletions: resources only in the target get a DELETE step", async () => {
    const emulator = await start({ scenario: shipped("promote-deletions") });
    const client = api(emulator);
    const ready = await planned(client);
    expect(ready.promotionPlan?.steps?.at(-1)).toMatchObject({
      action: "DELETE",
      targetResource: { name: "Legacy Vendors" },
    });
    await executed(client, ready.id);
    expect(names(emulator, STAGING_ID, "populations")).not.toContain("Legacy Vendors");
    const back = await client.send("POST", `/promotions/${ready.id}`, {
      contentType: "application/vnd.pingidentity.promotion.rollback+json",
    });
    await executed(client, (await waitForStatus(client, back.body.id, "READY")).id);
    expect(names(emulator, STAGING_ID, "populations")).toContain("Legacy Vendors");
  });

  it("faults added at runtime apply from then on", async () => {
    const emulator = await start();
    const client = api(emulator);
    emulator.addFault({ kind: "httpError", status: 500, count: 1, method: "GET" });
    const failed = await client.get("/promotions");
    expect(failed.body).toMatchObject({ code: "UNEXPECTED_ERROR" });
    await waitUntil(async () => (await client.get("/promotions")).status === 200);
  });
});
