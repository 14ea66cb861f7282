// Every PingOne mode of the real CLI against the emulator: what a user sees, and what the
// environments and their promotions end up as.
import { describe, expect } from "vitest";
import type { RunningPingOneEmulator } from "../../../src/platforms/pingone/emulator/index.js";
import type { Promotion } from "../../../src/platforms/pingone/types.js";
import {
  createDraft,
  creates,
  deletes,
  deletesOf,
  drafts,
  executes,
  it,
  names,
  type PingOneE2e,
  PROMOTIONS,
  parseJson,
  promotion,
  rollbacks,
  STAGING_ID,
  stagingNow,
} from "./emulated.js";

const CONFIG_ITEMS = [
  "applications",
  "passwordPolicies",
  "populations",
  "signOnPolicies",
  "themes",
];

/** A promote that must succeed; its promotion id. */
async function promoted(e2e: PingOneE2e, emulator: RunningPingOneEmulator): Promise<string> {
  const run = await e2e.run(emulator, "promote", ["--format", "json"]);
  expect(run.code, run.stderr).toBe(0);
  return parseJson(run).promotionId as string;
}

const sorted = (resources: ReturnType<typeof stagingNow>) =>
  resources
    .map(({ type, name, fields }) => ({ type, name, fields }))
    .sort((a, b) => `${a.type}/${a.name}`.localeCompare(`${b.type}/${b.name}`));

describe.concurrent("plans without executing", () => {
  it("preview reports the plan, deletes its draft and changes nothing", async ({ e2e }) => {
    const emulator = await e2e.emulate();
    const before = stagingNow(emulator);
    const run = await e2e.run(emulator, "preview", ["--format", "text"]);

    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain("tenant-promote preview: succeeded");
    expect(run.stdout).toContain("6 step(s): 4 added, 2 modified, 0 deleted");
    expect(run.stdout).toContain("+ Partner Portal");
    expect(creates(emulator)).toHaveLength(1);
    expect(deletes(emulator)).toHaveLength(1);
    expect(executes(emulator)).toEqual([]);
    expect(emulator.promotions()).toEqual([]);
    expect(stagingNow(emulator)).toEqual(before);
  });

  it("dry-run: resource types as config items, field diffs of modified resources, draft deleted", async ({
    e2e,
  }) => {
    const emulator = await e2e.emulate();
    const before = stagingNow(emulator);
    const run = await e2e.run(emulator, "dry-run", ["--format", "json"]);

    expect(run.code, run.stderr).toBe(0);
    const json = parseJson(run);
    expect(json).toMatchObject({ mode: "dry-run", result: "succeeded", changes: 6 });
    expect(json.report?.kind).toBe("plan");
    const items = (json.report as unknown as { areas: { items: ItemChanges[] }[] }).areas.flatMap(
      (a) => a.items,
    );
    expect(items.map((i) => i.configItem)).toEqual(CONFIG_ITEMS);
    const byItem = (name: string) => items.find((i) => i.configItem === name) as ItemChanges;
    expect(byItem("populations").added.map((e) => e.name)).toEqual(["Partners"]);
    const contractors = byItem("populations").modified[0];
    expect(contractors?.name).toBe("Contractors");
    expect(contractors?.fields).toContainEqual({
      path: "description",
      before: "Contractors",
      after: "External contractors",
    });
    expect(byItem("themes").modified[0]?.fields).toEqual([
      { path: "configuration.buttonColor", before: "#2996cc", after: "#1a4d8f" },
    ]);
    // The draft is gone: nothing NEW or READY is left, and nothing was executed.
    expect(drafts(emulator)).toEqual([]);
    expect(emulator.promotions()).toEqual([]);
    expect(deletesOf(emulator, json.promotionId as string)).toHaveLength(1);
    expect(executes(emulator)).toEqual([]);
    expect(stagingNow(emulator)).toEqual(before);
  });
});

interface ItemChanges {
  configItem: string;
  added: { name: string }[];
  modified: { name: string; fields?: { path: string; before?: string; after?: string }[] }[];
  deleted: { name: string }[];
}

describe.concurrent("promote", () => {
  it("executes once, follows to COMPLETED, and staging gets the changes", async ({ e2e }) => {
    const emulator = await e2e.emulate();
    const run = await e2e.run(emulator, "promote", ["--format", "json"]);

    expect(run.code, run.stderr).toBe(0);
    const json = parseJson(run);
    expect(json).toMatchObject({ result: "succeeded", reason: null, changes: 6 });
    expect(json.report?.kind).toBe("promotion");
    expect(promotion(emulator, json.promotionId as string)?.status).toBe("COMPLETED");
    expect(executes(emulator)).toHaveLength(1);
    expect(executes(emulator)[0]?.path).toBe(`${PROMOTIONS}/${json.promotionId}`);
    expect(names(emulator, STAGING_ID, "populations")).toEqual([
      "Contractors",
      "Employees",
      "Legacy Vendors",
      "Partners",
    ]);
    expect(names(emulator, STAGING_ID, "applications")).toContain("Partner Portal");
    const theme = stagingNow(emulator).find((r) => r.type === "themes");
    expect(theme?.fields.configuration).toMatchObject({ buttonColor: "#1a4d8f" });
    expect(run.stderr).toContain(`[promotion] COMPLETED`);
  });

  it("with nothing to change: no-change, the draft deleted, no execute sent", async ({ e2e }) => {
    const emulator = await e2e.emulate();
    await promoted(e2e, emulator);
    const run = await e2e.run(emulator, "promote", ["--format", "json"]);

    expect(run.code, run.stderr).toBe(0);
    const json = parseJson(run);
    expect(json).toMatchObject({ result: "no-change", changes: 0 });
    expect(promotion(emulator, json.promotionId as string)).toBeUndefined();
    expect(deletesOf(emulator, json.promotionId as string)).toHaveLength(1);
    expect(executes(emulator)).toHaveLength(1); // the first promote's only
    expect(drafts(emulator)).toEqual([]);
  });
});

describe.concurrent("rollback", () => {
  it("rollback-preview: no-change when nothing was promoted, else names the last promotion", async ({
    e2e,
  }) => {
    const emulator = await e2e.emulate();
    const none = await e2e.run(emulator, "rollback-preview", ["--format", "json"]);
    expect(none.code, none.stderr).toBe(0);
    expect(parseJson(none)).toMatchObject({ result: "no-change", promotionId: null });
    expect(parseJson(none).message).toMatch(/Nothing to roll back/);

    const id = await promoted(e2e, emulator);
    const promotedStaging = stagingNow(emulator);
    const run = await e2e.run(emulator, "rollback-preview", ["--format", "json"]);
    expect(run.code, run.stderr).toBe(0);
    const json = parseJson(run);
    expect(json).toMatchObject({
      result: "succeeded",
      promotionId: id,
      changes: 6,
      lockReleased: true,
    });
    expect(json.message).toContain(`Rolling back promotion ${id} (COMPLETED) on `);
    // The rollback's own steps: a DELETE removes what the promotion added, a POST re-creates.
    const { added, modified, deleted } = json.report?.counts ?? {};
    if (deleted) expect(json.message).toContain(`removes ${deleted} item`);
    if (modified) expect(json.message).toContain(`restores ${modified} item`);
    if (added) expect(json.message).toContain(`re-creates ${added} item`);
    // PingOne planned the rollback; its draft was deleted unexecuted.
    expect(rollbacks(emulator).map((r) => r.status)).toEqual([202]);
    expect(deletes(emulator).map((r) => r.status)).toEqual([204]);
    expect(executes(emulator)).toHaveLength(1); // the promote's own
    expect(emulator.promotions().map((p) => [p.id, p.status])).toEqual([[id, "COMPLETED"]]);
    expect(stagingNow(emulator)).toEqual(promotedStaging);
  });

  it("rollback-preview shows the field diffs, and the hash the rollback then has", async ({
    e2e,
  }) => {
    const emulator = await e2e.emulate();
    await promoted(e2e, emulator);
    const text = await e2e.run(emulator, "rollback-preview", ["--format", "text"]);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toMatch(/ {2}themes: 1 modified\n {4}~ Corporate\n/);
    expect(text.stdout).toContain("configuration.buttonColor: #1a4d8f -> #2996cc");
    expect(text.stdout).toContain("description: External contractors -> Contractors");
    const preview = parseJson(await e2e.run(emulator, "rollback-preview", ["--format", "json"]));

    const rollback = parseJson(await e2e.run(emulator, "rollback", ["--format", "json"]));
    expect(rollback).toMatchObject({ result: "succeeded", changes: 6 });
    expect(rollback.reportHash).toMatch(/^[0-9a-f]{64}$/);
    expect(rollback.reportHash).toBe(preview.reportHash);
  });

  it("rolls the last promotion back: one rollback POST, executed, original ROLLED_BACK, staging restored", async ({
    e2e,
  }) => {
    const emulator = await e2e.emulate();
    const before = sorted(stagingNow(emulator));
    const id = await promoted(e2e, emulator);
    expect(sorted(stagingNow(emulator))).not.toEqual(before);
    const run = await e2e.run(emulator, "rollback", ["--format", "json"]);

    expect(run.code, run.stderr).toBe(0);
    const json = parseJson(run);
    expect(json).toMatchObject({ result: "succeeded", changes: 6 });
    expect(json.message).toContain(`Rolled back promotion ${id}`);
    expect(rollbacks(emulator)).toHaveLength(1);
    expect(rollbacks(emulator)[0]?.path).toBe(`${PROMOTIONS}/${id}`);
    const revert = promotion(emulator, json.promotionId as string) as Promotion;
    expect(revert).toMatchObject({ status: "COMPLETED", previousPromotion: { id } });
    expect(promotion(emulator, id)?.status).toBe("ROLLED_BACK");
    expect(executes(emulator).map((r) => r.path)).toContain(`${PROMOTIONS}/${revert.id}`);
    expect(sorted(stagingNow(emulator))).toEqual(before);
  });

  it("--promotion-id of another promotion is refused with promotion-mismatch, nothing sent", async ({
    e2e,
  }) => {
    const emulator = await e2e.emulate();
    const id = await promoted(e2e, emulator);
    const other = "4a4a4a4a-0000-4000-8000-0000000000ff";
    const run = await e2e.run(emulator, "rollback", ["--format", "json", "--promotion-id", other]);

    expect(run.code).toBe(1);
    const json = parseJson(run);
    expect(json).toMatchObject({ result: "failed", reason: "promotion-mismatch" });
    expect(json.message).toContain(`is ${id}, not ${other}`);
    expect(rollbacks(emulator)).toEqual([]);
    expect(promotion(emulator, id)?.status).toBe("COMPLETED");
  });
});

describe.concurrent("status and unlock", () => {
  it("status lists the promotions newest first and flags the one in progress", async ({ e2e }) => {
    const emulator = await e2e.emulate();
    const done = await promoted(e2e, emulator);
    const draft = await createDraft(emulator);
    const json = await e2e.run(emulator, "status", ["--format", "json"]);
    expect(json.code, json.stderr).toBe(0);
    const listed = (parseJson(json).status as unknown as { promotions: Promotion[] }).promotions;
    expect(listed.map((p) => [p.id, p.status])).toEqual([
      [draft, "READY"],
      [done, "COMPLETED"],
    ]);
    expect(parseJson(json).message).toContain(`in progress: ${draft} (READY)`);

    const text = await e2e.run(emulator, "status", ["--format", "text"]);
    const lines = text.stdout.split("\n");
    const at = (id: string) => lines.findIndex((l) => l.startsWith(id));
    expect(at(draft)).toBeGreaterThan(-1);
    expect(at(draft)).toBeLessThan(at(done));
    expect(lines[at(draft)]).toContain("(in progress)");
    expect(lines[at(done)]).not.toContain("(in progress)");
    // Read only.
    expect(emulator.requests.filter((r) => r.method === "DELETE")).toEqual([]);
  });

  it("unlock deletes a draft a crashed run left behind", async ({ e2e }) => {
    const emulator = await e2e.emulate();
    const draft = await createDraft(emulator);
    const run = await e2e.run(emulator, "unlock", ["--format", "json", "--promotion-id", draft]);

    expect(run.code, run.stderr).toBe(0);
    expect(parseJson(run)).toMatchObject({ result: "succeeded", promotionId: draft });
    expect(promotion(emulator, draft)).toBeUndefined();
    expect(deletesOf(emulator, draft)).toHaveLength(1);
  });

  it("unlock refuses a COMPLETED promotion and leaves it untouched", async ({ e2e }) => {
    const emulator = await e2e.emulate();
    const done = await promoted(e2e, emulator);
    const run = await e2e.run(emulator, "unlock", ["--format", "json", "--promotion-id", done]);

    expect(run.code).toBe(1);
    const json = parseJson(run);
    expect(json.result).toBe("failed");
    expect(json.message).toContain(`Promotion ${done} is COMPLETED, not a draft`);
    expect(promotion(emulator, done)?.status).toBe("COMPLETED");
    expect(deletes(emulator)).toEqual([]);
  });
});
