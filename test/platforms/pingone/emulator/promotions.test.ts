import { describe, expect, it } from "vitest";
import { PRODUCTION_ID } from "../../../../src/platforms/pingone/emulator/index.js";
import {
  api,
  DEVELOPMENT_ID,
  executed,
  planned,
  STAGING_ID,
  start,
  waitForStatus,
} from "./helpers.js";

const step = (action: string, type: string, name: string) =>
  expect.objectContaining({
    action,
    resourceUrl: expect.stringContaining(`/environments/${STAGING_ID}/${type}/`),
    sourceResource: expect.objectContaining({ name }),
  });

describe("create and plan", () => {
  it("answers 201 NEW with flat and nested references, then plans the differences", async () => {
    const emulator = await start();
    const client = api(emulator);
    const created = await client.send("POST", "/promotions", {
      body: {
        targetEnvironment: { id: STAGING_ID },
        selectedResources: [DEVELOPMENT_ID],
        description: "release 7",
      },
    });
    expect(created.status).toBe(201);
    const promotion = created.body;
    expect(promotion).toMatchObject({
      status: "NEW",
      sourceEnvironmentId: DEVELOPMENT_ID,
      sourceEnvironment: { id: DEVELOPMENT_ID },
      targetEnvironmentId: STAGING_ID,
      targetEnvironment: { id: STAGING_ID },
      rootResourceId: DEVELOPMENT_ID,
      selectedResources: [DEVELOPMENT_ID],
      description: "release 7",
      resourceMapping: {},
    });
    expect(promotion.sourceSnapshot).toEqual({ id: promotion.sourceSnapshotId });
    expect(promotion.targetSnapshot).toEqual({ id: promotion.targetSnapshotId });
    expect(promotion.promotionPlan).toBeUndefined();
    const self = `${emulator.apiUrl}/environments/${DEVELOPMENT_ID}/promotions/${promotion.id}`;
    expect(promotion._links).toMatchObject({
      self: { href: self },
      environment: { href: `${emulator.apiUrl}/environments/${DEVELOPMENT_ID}` },
      targetEnvironment: { href: `${emulator.apiUrl}/environments/${STAGING_ID}` },
      promotionSteps: { href: `${self}/promotionSteps` },
    });
    expect(Date.parse(promotion.createdAt)).toBeGreaterThan(0);

    const statuses = new Set<string>();
    const ready = await waitForStatus(
      {
        ...client,
        get: async (p) => {
          const a = await client.get(p);
          statuses.add(a.body.status);
          return a;
        },
      },
      promotion.id,
      "READY",
    );
    expect(
      [...statuses].filter((s) => s !== "READY").every((s) => s === "NEW" || s === "PREPARING"),
    ).toBe(true);
    expect(ready.promotionPlan?.steps).toEqual([
      step("POST", "passwordPolicies", "Passphrase"),
      step("PUT", "populations", "Contractors"),
      step("POST", "populations", "Partners"),
      // As in seed 003, a theme is named by type and id: it has no top-level name.
      step("PUT", "themes", "themes:11111111-0301-4000-8000-000000000301"),
      step("POST", "signOnPolicies", "Partner MFA"),
      step("POST", "applications", "Partner Portal"),
    ]);
    const put = ready.promotionPlan?.steps?.[1];
    expect(put?.targetResource?.name).toBe("Contractors");
    expect(put?.resourceUrl).toBe(
      `${emulator.apiUrl}/environments/${STAGING_ID}/populations/${put?.targetResource?.id}`,
    );
    expect(ready.promotionPlan?.steps?.[0]?.resourceUrl).toBe(
      `${emulator.apiUrl}/environments/${STAGING_ID}/passwordPolicies/`,
    );
    expect(ready.promotionPlan?.steps?.[3]?.targetResource).toEqual({
      id: "22222222-0301-4000-8000-000000000301",
      name: "themes:22222222-0301-4000-8000-000000000301",
    });
    // Its name is in its configuration, where PingOne's branding themes keep it.
    const theme = await client.send("GET", ready.promotionPlan?.steps?.[3]?.resourceUrl as string);
    expect(theme.body).toMatchObject({ configuration: { name: "Corporate" } });
    expect(theme.body.name).toBeUndefined();
    // Matched pairs end up in resourceMapping; Legacy Vendors (staging only) is left alone.
    expect(Object.values(ready.resourceMapping ?? {})).toContain(put?.targetResource?.id);
    expect(JSON.stringify(ready)).not.toContain("Legacy Vendors");
  });

  it("lists steps with payloads whose references point at target ids", async () => {
    const emulator = await start();
    const client = api(emulator);
    const ready = await planned(client);
    const steps = (await client.get(`/promotions/${ready.id}/promotionSteps`)).body;
    expect(steps.count).toBe(6);
    const [policy, contractors] = steps._embedded.promotionSteps;
    expect(policy.id).toEqual(expect.any(String));
    expect(policy.payload).toMatchObject({ name: "Passphrase", length: { min: 16, max: 255 } });
    expect(contractors.payload).toEqual({
      name: "Contractors",
      description: "External contractors",
      // The new policy's id in staging, assigned when planned.
      passwordPolicy: { id: expect.not.stringMatching(/^11111111/) },
    });
    // The target resource as the client reads it for its field diff.
    const current = await client.send("GET", contractors.resourceUrl);
    expect(current.status).toBe(200);
    expect(current.body).toMatchObject({
      id: contractors.targetResource.id,
      name: "Contractors",
      description: "Contractors",
    });
    expect(
      (
        await client.send(
          "GET",
          `${emulator.apiUrl}/environments/${STAGING_ID}/populations/${DEVELOPMENT_ID}`,
        )
      ).status,
    ).toBe(404);
  });

  it("selects single resources, excludes some, and honours resourceMapping", async () => {
    const emulator = await start();
    const client = api(emulator);
    const dev = emulator.resources(DEVELOPMENT_ID);
    const id = (type: string, name: string) =>
      dev.find((r) => r.type === type && r.name === name)?.id;
    const label = (p: typeof only) =>
      p.promotionPlan?.steps?.map((s) => `${s.action} ${s.sourceResource?.name}`);
    // Selected alone, Partners brings what it refers to: its password policy and the theme.
    const partners = await planned(client, { selectedResources: [id("populations", "Partners")] });
    expect(label(partners)).toEqual([
      "POST Passphrase",
      "POST Partners",
      `PUT themes:${id("themes", "Corporate")}`,
    ]);
    expect(partners.selectedResources).toEqual([id("populations", "Partners")]);

    const only = await planned(client, {
      selectedResources: [id("populations", "Contractors"), id("themes", "Corporate")],
      excludedResources: [id("themes", "Corporate"), id("passwordPolicies", "Passphrase")],
    });
    expect(only.rootResourceId).toBeUndefined();
    expect(label(only)).toEqual(["PUT Contractors"]);
    // Contractors now needs the new passphrase policy, excluded from this promotion.
    expect(only.status).toBe("VALIDATION_FAILED");
    expect(only.errors?.[0]).toMatchObject({
      code: "INVALID_VALUE",
      message: expect.stringContaining("Passphrase"),
    });

    const staging = emulator.resources(STAGING_ID);
    const legacy = staging.find((r) => r.name === "Legacy Vendors")?.id;
    const mapped = await planned(client, {
      selectedResources: [id("populations", "Partners")],
      resourceMapping: { [id("populations", "Partners") as string]: legacy },
    });
    const populations = mapped.promotionPlan?.steps?.filter((s) =>
      s.resourceUrl.includes("/populations/"),
    );
    expect(populations).toEqual([
      expect.objectContaining({
        action: "PUT",
        targetResource: { name: "Legacy Vendors", id: legacy },
      }),
    ]);
  });

  it("identical environments give READY with an empty plan", async () => {
    const emulator = await start();
    const client = api(emulator, "emulator-token", STAGING_ID);
    const created = await client.send("POST", "/promotions", {
      body: { targetEnvironment: { id: PRODUCTION_ID }, selectedResources: [STAGING_ID] },
    });
    const ready = await waitForStatus(client, created.body.id, "READY");
    expect(ready.promotionPlan).toEqual({ steps: [] });
    expect((await executed(client, ready.id)).status).toBe("COMPLETED");
  });

  it("refuses bad create bodies with the PingOne envelope", async () => {
    const emulator = await start();
    const client = api(emulator);
    const missing = await client.send("POST", "/promotions", { body: {} });
    expect(missing.status).toBe(400);
    expect(missing.body).toMatchObject({
      id: expect.any(String),
      code: "INVALID_DATA",
      details: [{ code: "REQUIRED_VALUE", target: "targetEnvironment.id" }],
    });
    const same = await client.send("POST", "/promotions", {
      body: { targetEnvironment: { id: DEVELOPMENT_ID } },
    });
    expect(same.body.details[0].target).toBe("targetEnvironment.id");
    const unknown = await client.send("POST", "/promotions", {
      body: { targetEnvironment: { id: STAGING_ID }, selectedResources: [STAGING_ID] },
    });
    expect(unknown.body.details[0]).toMatchObject({ target: "selectedResources" });
    const text = await client.send("POST", "/promotions", {
      body: "{}",
      contentType: "text/plain",
    });
    expect(text.status).toBe(415);
    expect((await client.get("/promotions/7f0c5a8e-0000-4000-8000-000000000000")).body.code).toBe(
      "NOT_FOUND",
    );
  });
});
