import { describe, expect, it } from "vitest";
import { api, DEVELOPMENT_ID, executed, planned, STAGING_ID, start } from "./helpers.js";

describe("read all promotions", () => {
  it("pages newest first with limit and cursor, as HAL", async () => {
    const emulator = await start();
    const client = api(emulator);
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await planned(client, { description: `p${i}` })).id);
    const first = await client.get("/promotions?limit=2");
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      count: 5,
      size: 2,
      _links: {
        self: { href: `${emulator.apiUrl}/environments/${DEVELOPMENT_ID}/promotions?limit=2` },
      },
    });
    const seen = first.body._embedded.promotions.map((p: { id: string }) => p.id);
    let next: string | undefined = first.body._links.next?.href;
    while (next) {
      const more = await client.send("GET", next);
      seen.push(...more.body._embedded.promotions.map((p: { id: string }) => p.id));
      next = more.body._links.next?.href;
    }
    expect(seen).toEqual([...ids].reverse());
    // A promotion created meanwhile does not shift the pages after a cursor.
    const cursorPage = await client.get("/promotions?limit=2");
    await planned(client);
    const after = await client.send("GET", cursorPage.body._links.next.href);
    expect(after.body._embedded.promotions.map((p: { id: string }) => p.id)).toEqual([
      ids[2],
      ids[1],
    ]);
    expect((await client.get("/promotions?limit=0")).status).toBe(400);
    expect((await client.get("/promotions?cursor=bogus")).body.details[0].target).toBe("cursor");
  });

  it("filters on status", async () => {
    const emulator = await start();
    const client = api(emulator);
    const done = await planned(client);
    await executed(client, done.id);
    const ready = await planned(client);
    const only = await client.get(`/promotions?filter=${encodeURIComponent('status eq "READY"')}`);
    expect(only.body._embedded.promotions.map((p: { id: string }) => p.id)).toEqual([ready.id]);
    const both = await client.get(
      `/promotions?filter=${encodeURIComponent('status eq "READY" or status eq "COMPLETED"')}`,
    );
    expect(both.body.count).toBe(2);
    const bad = await client.get(`/promotions?filter=${encodeURIComponent('description sw "x"')}`);
    expect(bad.status).toBe(400);
    expect(bad.body.details[0].target).toBe("filter");
    // Promotions live in their source environment.
    expect((await api(emulator, "emulator-token", STAGING_ID).get("/promotions")).body.count).toBe(
      0,
    );
  });

  it("status and promotionSteps endpoints", async () => {
    const emulator = await start();
    const client = api(emulator);
    const ready = await planned(client);
    expect((await client.get(`/promotions/${ready.id}/status`)).body).toEqual({
      id: ready.id,
      status: "READY",
    });
    const page = await client.get(`/promotions/${ready.id}/promotionSteps?limit=4`);
    expect(page.body).toMatchObject({ count: 6, size: 4 });
    const rest = await client.send("GET", page.body._links.next.href);
    expect(rest.body.size).toBe(2);
    expect(rest.body._links.next).toBeUndefined();
  });
});

describe("update", () => {
  it("PATCH changes the description and selection and recomputes the plan", async () => {
    const emulator = await start();
    const client = api(emulator);
    const ready = await planned(client);
    const theme = "11111111-0301-4000-8000-000000000301";
    const patched = await client.send("PATCH", `/promotions/${ready.id}`, {
      body: { description: "theme only", selectedResources: [theme] },
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({
      description: "theme only",
      selectedResources: [theme],
      status: "READY",
    });
    expect(patched.body.promotionPlan.steps.map((s: { action: string }) => s.action)).toEqual([
      "PUT",
    ]);
    const refused = await client.send("PATCH", `/promotions/${ready.id}`, {
      body: { targetEnvironment: { id: STAGING_ID } },
    });
    expect(refused.status).toBe(400);
    expect(refused.body.details[0].target).toBe("targetEnvironment");
    await executed(client, ready.id);
    const late = await client.send("PATCH", `/promotions/${ready.id}`, {
      body: { description: "x" },
    });
    expect(late.body.message).toMatch(/can no longer be changed/);
  });
});
