// Replays the example bodies of PingOne's promotion pages (create, read one, roll back).
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { sendJson } from "../../../core/http/loopback.js";
import { setup, TARGET } from "./setup.js";

function fixture(name: string): Record<string, unknown> {
  const url = new URL(`../../../fixtures/pingone/${name}.json`, import.meta.url);
  return JSON.parse(readFileSync(url, "utf8")) as Record<string, unknown>;
}

const ENV = "abfba8f6-49eb-49f5-a5d9-80ad5c98f9f6";

describe("PingOneClient on the documented examples", () => {
  it("reads both create examples (201), flat references only", async () => {
    const bodies = [fixture("create-201-population"), fixture("create-201-environment")];
    const { client } = await setup((_req, res, index) => sendJson(res, 201, bodies[index]));
    const population = await client.createPromotion({ targetEnvironment: { id: TARGET } });
    const environment = await client.createPromotion({ targetEnvironment: { id: TARGET } });

    expect(population).toMatchObject({
      id: "e2cf9a22-5aeb-4046-ad3d-c6dc97c90ef9",
      status: "NEW",
      sourceEnvironmentId: ENV,
      sourceEnvironment: { id: ENV },
      targetEnvironment: { id: ENV },
      sourceSnapshot: { id: "0c31da80-8588-4ec1-8837-ad7f7aa94884" },
      selectedResources: ["26a126c2-054f-4f18-b077-8226c0c4bf3e"],
      excludedResources: ["363ef235-f6fe-4bc7-ae3d-63217482f57f"],
      description: "Test promotion of population",
    });
    expect(population.previousPromotion).toBeUndefined();
    expect(population._links).toEqual(bodies[0]?._links);

    // Unknown fields such as rootResourceId are kept.
    expect(environment).toMatchObject({
      id: "d7f29675-9a1b-4775-a047-a0d359003e0a",
      status: "NEW",
      rootResourceId: ENV,
      selectedResources: [ENV],
    });
  });

  it("reads a planned promotion (200) with its steps", async () => {
    const body = fixture("read-one-200");
    const { client } = await setup((_req, res) => sendJson(res, 200, body));
    const promotion = await client.getPromotion("461a33b0-f041-44b0-92ff-e59402c1c2ac");
    expect(promotion.status).toBe("READY");
    expect(promotion.targetEnvironment).toEqual({ id: ENV });
    const steps = promotion.promotionPlan?.steps ?? [];
    expect(steps.map((step) => step.action)).toEqual(["POST", "PUT", "PUT"]);
    expect(steps[0]?.targetResource).toBeUndefined();
    expect(steps[0]?.resourceUrl).toMatch(/\/passwordPolicies\/$/);
    expect(steps[2]).toMatchObject({
      sourceResource: { name: "NA Eng Austin", id: "26a126c2-054f-4f18-b077-8226c0c4bf3e" },
      targetResource: { name: "NA Eng Austin", id: "27091971-0a42-4f67-95d1-d617fc2a16e5" },
    });
    expect(Object.keys(promotion.resourceMapping ?? {})).toHaveLength(3);
  });

  it("reads the rollback promotion (202): nested and flat references, previousPromotion", async () => {
    const body = fixture("rollback-202");
    const { client } = await setup((_req, res) => sendJson(res, 202, body));
    const rollback = await client.rollbackPromotion("5d2105ef-2657-4920-93ff-1328f86d51ab");
    expect(rollback).toMatchObject({
      id: "9fbd3b5e-8365-4fa3-9d52-2a862ae155ae",
      status: "ROLLBACK_NEW",
      previousPromotion: { id: "5d2105ef-2657-4920-93ff-1328f86d51ab" },
      previousPromotionId: "5d2105ef-2657-4920-93ff-1328f86d51ab",
      sourceEnvironmentId: ENV,
      sourceEnvironment: { id: ENV },
      targetSnapshotId: "0d7d8c3a-5232-4f5c-974c-c2824be57259",
      resourceMapping: {},
    });
  });

  it("fills the nested reference from a flat previousPromotionId, and keeps extra fields", async () => {
    const body = {
      id: "p-2",
      status: "ROLLBACK_NEW",
      previousPromotionId: "p-1",
      sourceEnvironment: { id: ENV, name: "Staging" },
    };
    const { client } = await setup((_req, res) => sendJson(res, 202, body));
    expect(await client.rollbackPromotion("p-1")).toMatchObject({
      previousPromotion: { id: "p-1" },
      sourceEnvironmentId: ENV,
      sourceEnvironment: { id: ENV, name: "Staging" },
    });
  });
});
