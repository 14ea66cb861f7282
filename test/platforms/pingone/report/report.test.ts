// A PingOne plan as the one report model: resource types from URLs, actions as change kinds,
// names, the hash, and the detailed report (payload fingerprints and field diffs) rendered.
import { describe, expect, it } from "vitest";
import { reportJson } from "../../../../src/core/report/json.js";
import { renderMarkdown } from "../../../../src/core/report/markdown.js";
import type { Report } from "../../../../src/core/report/model.js";
import { renderText } from "../../../../src/core/report/text.js";
import { MemoryLogger } from "../../../../src/core/util/log.js";
import type { PingOneContext } from "../../../../src/platforms/pingone/context.js";
import type { PingOneConfig } from "../../../../src/platforms/pingone/inputs.js";
import { detailedReport } from "../../../../src/platforms/pingone/plan-details.js";
import { planReport, resourceType } from "../../../../src/platforms/pingone/report.js";
import { MAX_NAME_READS } from "../../../../src/platforms/pingone/step-names.js";
import type {
  PlanStep,
  Promotion,
  PromotionStep,
} from "../../../../src/platforms/pingone/types.js";
import { FakePingOne, SOURCE, TARGET, THEME_ID } from "../procedure/fake-pingone.js";

const API = "https://api.pingone.com/v1";
const ENV = "22222222-2222-4222-8222-222222222222";
const ID = "0f1e2d3c-4b5a-4968-8776-655443322110";
const ID2 = "a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d";

describe("resourceType: the config item a step writes", () => {
  it.each([
    ["a flat resource", `${API}/environments/${ENV}/populations/${ID}`, "populations"],
    ["a collection (POST)", `${API}/environments/${ENV}/populations`, "populations"],
    [
      "a nested resource keeps its path without ids",
      `${API}/environments/${ENV}/applications/${ID}/grants/${ID2}`,
      "applications/grants",
    ],
    [
      "a nested collection",
      `${API}/environments/${ENV}/signOnPolicies/${ID}/actions`,
      "signOnPolicies/actions",
    ],
    ["a trailing slash", `${API}/environments/${ENV}/themes/${ID}/`, "themes"],
    ["a trailing slash on a collection", `${API}/environments/${ENV}/themes/`, "themes"],
    ["a relative URL", `/v1/environments/${ENV}/passwordPolicies/${ID}`, "passwordPolicies"],
    ["a relative URL without the environment", `populations/${ID}`, "populations"],
    [
      "an upper-case id",
      `${API}/environments/${ENV}/populations/${ID.toUpperCase()}`,
      "populations",
    ],
    ["a query string", `${API}/environments/${ENV}/populations/${ID}?expand=x`, "populations"],
    ["the environment itself", `${API}/environments/${ENV}`, "environment"],
    ["an empty URL", "", "environment"],
  ])("%s", (_what, url, expected) => {
    expect(resourceType(url)).toBe(expected);
  });
});

function promotion(overrides: Partial<Promotion> = {}): Promotion {
  return {
    id: "p-1",
    status: "READY",
    createdAt: "2026-03-01T10:00:00.000Z",
    description: "PR #7 (tenant-promote run 0123456789ab)",
    promotionPlan: { steps: plan() },
    ...overrides,
  };
}

function plan(): PlanStep[] {
  const url = (type: string, id?: string) =>
    `${API}/environments/${ENV}/${type}${id ? `/${id}` : ""}`;
  return [
    {
      action: "POST",
      resourceUrl: url("populations"),
      sourceResource: { id: "src-contractors", name: "Contractors" },
    },
    {
      action: "PUT",
      resourceUrl: url("themes", ID),
      sourceResource: { id: "src-brand", name: "Brand" },
      targetResource: { id: ID, name: "Brand (old name)" },
    },
    {
      action: "DELETE",
      resourceUrl: url("signOnPolicies", ID2),
      sourceResource: { id: "src-ignored", name: "Not this name" },
      targetResource: { id: ID2, name: "Legacy MFA" },
    },
    {
      action: "POST",
      resourceUrl: url("populations"),
      sourceResource: { id: "src-partners", name: "Partners" },
    },
  ];
}

describe("planReport", () => {
  it("POST is added, PUT modified, DELETE deleted, each named by its resource", () => {
    const report = planReport(promotion(), "plan");
    expect(report).toMatchObject({
      kind: "plan",
      promotionId: "p-1",
      promotionDescription: "PR #7 (tenant-promote run 0123456789ab)",
      createdDate: "2026-03-01T10:00:00.000Z",
      createdAt: "2026-03-01T10:00:00.000Z",
      counts: { added: 2, modified: 1, deleted: 1, total: 4 },
      title: "Promotion plan",
    });
    // The JSON keeps the lists every report has carried, empty on PingOne.
    expect(reportJson(report)).toMatchObject({
      missingESVs: [],
      previouslyIgnoredEncryptedSecrets: [],
    });
    expect(report.areas).toHaveLength(1);
    expect(report.areas[0]?.items).toEqual([
      {
        configItem: "populations",
        added: [
          { name: "Contractors", uid: "src-contractors" },
          { name: "Partners", uid: "src-partners" },
        ],
        modified: [],
        deleted: [],
      },
      {
        configItem: "signOnPolicies",
        added: [],
        modified: [],
        // DELETE names the target's resource: the source has none.
        deleted: [{ name: "Legacy MFA", uid: ID2 }],
      },
      {
        configItem: "themes",
        added: [],
        modified: [{ name: "Brand", uid: "src-brand" }],
        deleted: [],
      },
    ]);
  });

  it("PATCH and unknown actions count as modified; lower case is read too", () => {
    const url = `${API}/environments/${ENV}/populations/${ID}`;
    const report = planReport(promotion(), "plan", new Map(), [
      { action: "PATCH", resourceUrl: url, sourceResource: { name: "A" } },
      { action: "MERGE", resourceUrl: url, sourceResource: { name: "B" } },
      { action: "post", resourceUrl: url, sourceResource: { name: "C" } },
    ]);
    expect(report.counts).toEqual({ added: 1, modified: 2, deleted: 0, total: 3 });
  });

  it("a step without a name falls back to the other side's name, then to an id", () => {
    const url = `${API}/environments/${ENV}/populations/${ID}`;
    const report = planReport(promotion(), "plan", new Map(), [
      { action: "PUT", resourceUrl: url, targetResource: { id: ID, name: "Only target" } },
      { action: "DELETE", resourceUrl: url, targetResource: { id: ID } },
      { action: "POST", resourceUrl: url },
    ]);
    const item = report.areas[0]?.items[0];
    expect(item?.modified).toEqual([{ name: "Only target" }]);
    expect(item?.deleted).toEqual([{ name: ID, uid: ID }]);
    expect(item?.added).toEqual([{ name: "" }]);
  });

  it("an empty plan has no area and counts nothing", () => {
    const report = planReport(promotion({ promotionPlan: { steps: [] } }), "plan");
    expect(report.areas).toEqual([]);
    expect(report.counts.total).toBe(0);
    expect(planReport(promotion({ promotionPlan: undefined }), "plan").counts.total).toBe(0);
  });

  it("the hash is the same for the same plan under other promotion ids and dates", () => {
    const a = planReport(promotion(), "plan");
    const b = planReport(
      promotion({
        id: "p-2",
        createdAt: "2026-04-02T08:30:00.000Z",
        description: "another run",
        promotionPlan: { steps: [...plan()].reverse() },
      }),
      "rollback-plan",
    );
    expect(b.hash).toBe(a.hash);
    expect(a.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("the hash differs when a step's payload fingerprint differs, or a step changes", () => {
    const base = planReport(promotion(), "plan", new Map([[1, { fingerprint: "aaaa" }]]));
    const same = planReport(
      promotion({ id: "p-9" }),
      "plan",
      new Map([[1, { fingerprint: "aaaa" }]]),
    );
    const edited = planReport(promotion(), "plan", new Map([[1, { fingerprint: "bbbb" }]]));
    expect(same.hash).toBe(base.hash);
    expect(edited.hash).not.toBe(base.hash);
    const steps = plan();
    steps[3] = {
      ...steps[3],
      sourceResource: { id: "src-partners", name: "Partners 2" },
    } as PlanStep;
    expect(planReport(promotion({ promotionPlan: { steps } }), "plan").hash).not.toBe(
      planReport(promotion(), "plan").hash,
    );
  });
});

function context(api: FakePingOne): PingOneContext {
  const config: PingOneConfig = {
    mode: "preview",
    timeoutMs: 60_000,
    lockWaitMs: 0,
    requestTimeoutMs: 30_000,
    timeScale: 0.001,
    apiOrigin: api.origin,
    authOrigin: api.origin,
    sourceEnvironmentId: SOURCE,
    targetEnvironmentId: TARGET,
    credentials: { kind: "token", accessToken: "t" },
    resources: [SOURCE],
    excludeResources: [],
  };
  return {
    api,
    config,
    log: new MemoryLogger(),
    signal: new AbortController().signal,
    runStart: Date.now(),
    scale: 0.001,
  };
}

async function planned(api: FakePingOne): Promise<Promotion> {
  const created = await api.createPromotion({
    targetEnvironment: { id: TARGET },
    description: "PR #7 <b>x</b> (tenant-promote run 0123456789ab)",
  });
  while ((await api.getPromotion(created.id)).status !== "READY");
  return api.getPromotion(created.id);
}

describe("detailedReport: payloads from promotionSteps and the target's current fields", () => {
  it("fingerprints every payload; diffs each PUT against the target's resource", async () => {
    const api = new FakePingOne();
    const report = await detailedReport(context(api), await planned(api), "plan");
    const items = report.areas[0]?.items ?? [];
    const added = items.find((i) => i.configItem === "populations")?.added[0];
    const theme = items.find((i) => i.configItem === "themes")?.modified[0];
    const deleted = items.find((i) => i.configItem === "signOnPolicies")?.deleted[0];
    expect(added?.fingerprint).toMatch(/^[0-9a-f]{16}$/);
    expect(added?.fields).toBeUndefined();
    expect(theme?.fields).toEqual([
      {
        path: "configuration.logoUrl",
        before: "https://old.example/logo.png",
        after: "https://new.example/logo.png",
      },
    ]);
    // A DELETE has no payload: nothing to fingerprint.
    expect(deleted).toEqual({ name: "Legacy MFA", uid: expect.any(String) });
  });

  it("the same plan gives the same hash across promotions; an edited payload another", async () => {
    const first = new FakePingOne();
    const second = new FakePingOne();
    second.seed({ id: "p-0", status: "COMPLETED" }); // so its promotion ids and dates differ
    const edited = new FakePingOne();
    const theme = edited.steps[1];
    if (theme) theme.payload = { name: "Brand", configuration: { logoUrl: "https://x/y.png" } };
    const a = await detailedReport(context(first), await planned(first), "plan");
    const b = await detailedReport(context(second), await planned(second), "plan");
    const c = await detailedReport(context(edited), await planned(edited), "plan");
    expect(b.promotionId).toBe(a.promotionId);
    expect(b.createdAt).not.toBe(a.createdAt);
    expect(b.hash).toBe(a.hash);
    expect(c.hash).not.toBe(a.hash);
  });

  it("a target resource that cannot be read leaves the fields out", async () => {
    const api = new FakePingOne();
    api.targetResources.clear();
    const report = await detailedReport(context(api), await planned(api), "plan");
    const theme = report.areas[0]?.items.find((i) => i.configItem === "themes")?.modified[0];
    expect(theme?.fields).toBeUndefined();
    expect(theme?.fingerprint).toMatch(/^[0-9a-f]{16}$/);
  });
});

describe("detailedReport: names the plan gives as <type>:<id>, and dependencies", () => {
  const SOURCE_THEME = "11111111-0301-4000-8000-000000000301";
  const OLD_THEME = "22222222-0302-4000-8000-000000000302";
  const url = (env: string, type: string, id = "") =>
    `https://api.pingone.example/v1/environments/${env}/${type}/${id}`;
  const byId = (type: string, id: string) => ({ id, name: `${type}:${id}` });
  const themeStep = (payload?: unknown): PromotionStep => ({
    id: "s-theme",
    action: "PUT",
    resourceUrl: url(TARGET, "themes", THEME_ID),
    sourceResource: byId("themes", SOURCE_THEME),
    targetResource: byId("themes", THEME_ID),
    ...(payload === undefined ? {} : { payload }),
  });
  const themeDeletion: PromotionStep = {
    id: "s-old-theme",
    action: "DELETE",
    resourceUrl: url(TARGET, "themes", OLD_THEME),
    targetResource: byId("themes", OLD_THEME),
  };
  const names = (report: Report) =>
    report.areas.flatMap((a) =>
      a.items.flatMap((i) => [...i.added, ...i.modified, ...i.deleted].map((e) => e.name)),
    );

  it("a payload gives the name (configuration.name for a theme): no read needed", async () => {
    const api = new FakePingOne();
    api.steps = [themeStep({ configuration: { name: "Corporate", buttonColor: "#1a4d8f" } })];
    const ctx = context(api);
    const report = await detailedReport(ctx, await planned(api), "plan");
    expect(names(report)).toEqual(["Corporate"]);
    expect(report.areas[0]?.items[0]?.modified[0]?.uid).toBe(SOURCE_THEME);
    // Only the field diff reads the target; nothing is read for the name.
    expect(api.calls.filter((c) => c.startsWith("read:"))).toEqual([
      `read:${url(TARGET, "themes", THEME_ID)}`,
    ]);
  });

  it("a deletion's name is read from the target; a step without payload from the source", async () => {
    const api = new FakePingOne();
    api.steps = [themeDeletion];
    api.targetResources.set(url(TARGET, "themes", OLD_THEME), {
      id: OLD_THEME,
      configuration: { name: "Legacy Brand" },
    });
    api.targetResources.set(url(SOURCE, "themes", SOURCE_THEME), {
      id: SOURCE_THEME,
      configuration: { name: "Corporate" },
    });
    const deletion = await detailedReport(context(api), await planned(api), "plan");
    expect(names(deletion)).toEqual(["Legacy Brand"]);

    // promotionSteps unreadable: the plan alone, without payloads.
    const plain = new FakePingOne();
    plain.steps = [themeStep({ configuration: { name: "Not read" } })];
    plain.targetResources = api.targetResources;
    plain.before.listPromotionSteps = () => new Error("steps unavailable");
    const fromPlan = await detailedReport(context(plain), await planned(plain), "plan");
    expect(names(fromPlan)).toEqual(["Corporate"]);
    expect(plain.calls).toContain(`read:${url(SOURCE, "themes", SOURCE_THEME)}`);
  });

  it("a name that cannot be read keeps the id form, says so, and logs it once", async () => {
    const api = new FakePingOne();
    api.steps = [themeDeletion, themeStep()];
    const ctx = context(api);
    const report = await detailedReport(ctx, await planned(api), "plan");
    expect(names(report)).toEqual([`themes:${SOURCE_THEME}`, `themes:${OLD_THEME}`]);
    const entry = report.areas[0]?.items[0]?.deleted[0];
    expect(entry?.extra).toEqual({
      name: "PingOne names it by type and id only; its name could not be read",
    });
    expect(renderText(report)).toContain(
      `- themes:${OLD_THEME} — name: PingOne names it by type and id only`,
    );
    expect(
      (ctx.log as MemoryLogger).lines.join("\n").match(/keep the <type>:<id> form/g),
    ).toHaveLength(1);
  });

  it(`reads at most ${MAX_NAME_READS} resources for their names`, async () => {
    const api = new FakePingOne();
    const ids = Array.from(
      { length: MAX_NAME_READS + 5 },
      (_, i) => `22222222-0399-4000-8000-${String(i).padStart(12, "0")}`,
    );
    api.steps = ids.map((id) => ({
      action: "DELETE",
      resourceUrl: url(TARGET, "themes", id),
      targetResource: byId("themes", id),
    }));
    const report = await detailedReport(context(api), await planned(api), "plan");
    expect(report.counts.deleted).toBe(ids.length);
    expect(api.calls.filter((c) => c.startsWith("read:"))).toHaveLength(MAX_NAME_READS);
  });

  it("marks the steps of resources that were not selected as dependencies", async () => {
    const api = new FakePingOne();
    const selected = "11111111-0203-4000-8000-000000000203";
    api.steps = [
      {
        action: "POST",
        resourceUrl: url(TARGET, "passwordPolicies"),
        sourceResource: { id: "11111111-0102-4000-8000-000000000102", name: "Passphrase" },
        payload: { name: "Passphrase" },
      },
      {
        action: "POST",
        resourceUrl: url(TARGET, "populations"),
        sourceResource: { id: selected, name: "Partners" },
        payload: { name: "Partners" },
      },
      themeStep({ configuration: { name: "Corporate" } }),
    ];
    const created = await api.createPromotion({
      targetEnvironment: { id: TARGET },
      selectedResources: [selected],
    });
    while ((await api.getPromotion(created.id)).status !== "READY");
    const report = await detailedReport(context(api), await api.getPromotion(created.id), "plan");
    const entries = report.areas[0]?.items.flatMap((i) => [...i.added, ...i.modified]) ?? [];
    expect(entries.map((e) => [e.name, e.extra?.dependency !== undefined])).toEqual([
      ["Passphrase", true],
      ["Partners", false],
      ["Corporate", true],
    ]);
    const text = renderText(report);
    expect(text).toContain(
      "+ Passphrase — dependency: not selected; PingOne plans it because a selected resource refers to it",
    );
    expect(text).toMatch(/\+ Partners\n/);
    // The whole environment selected: nothing is a dependency.
    const whole = await detailedReport(context(api), await planned(api), "plan");
    expect(JSON.stringify(whole.areas)).not.toContain("dependency");
  });
});

describe("Markdown of a PingOne plan", () => {
  it("folds each modified resource's fields in <details>, and escapes tenant text", async () => {
    const api = new FakePingOne();
    const theme = api.steps[1];
    if (theme) {
      theme.sourceResource = { id: "src-theme", name: "<img src=x onerror=alert(1)> | **Brand**" };
      theme.payload = {
        name: "Brand",
        configuration: { logoUrl: "https://new.example/a|b.png", footer: "<b>hi</b>" },
        clientSecret: "s3cr3t-new",
      };
    }
    api.targetResources.set(
      `https://api.pingone.example/v1/environments/${TARGET}/themes/${THEME_ID}`,
      {
        id: THEME_ID,
        name: "Brand",
        configuration: { logoUrl: "https://old.example/logo.png", footer: "bye" },
        clientSecret: "s3cr3t-old",
      },
    );
    const report = await detailedReport(context(api), await planned(api), "plan");
    const md = renderMarkdown(report);
    expect(md).toContain("## Promotion plan");
    expect(md).toContain("<details><summary>3 fields</summary>");
    expect(md).toContain("| Field | Before | After |");
    expect(md).toContain(
      "| configuration.logoUrl | https://old.example/logo.png | https://new.example/a\\|b.png |",
    );
    expect(md).toContain("| configuration.footer | bye | &lt;b&gt;hi&lt;/b&gt; |");
    // Secrets: masked, and never in the rendering at all.
    expect(md).toContain("| clientSecret | \\*\\*\\* | \\*\\*\\* |");
    expect(md).not.toContain("s3cr3t");
    // The tenant's resource name cannot inject HTML or Markdown.
    expect(md).toContain("&lt;img src=x onerror=alert(1)&gt; | \\*\\*Brand\\*\\*");
    expect(md).not.toContain("<img");
    expect(md).not.toContain("**Brand**");
    // The description (tenant text too) is escaped in the metadata line.
    expect(md).toContain("Description: PR #7 &lt;b&gt;x&lt;/b&gt; (tenant-promote run");
  });

  it("a resource with no field changes has no <details> of its own", () => {
    const report = planReport(promotion(), "plan");
    const md = renderMarkdown(report);
    expect(md).not.toContain("<details><summary>");
    expect(md).toContain("`~` Brand");
    expect(md).toContain("`-` Legacy MFA");
  });
});
