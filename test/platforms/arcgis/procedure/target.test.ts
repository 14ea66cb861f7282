// Which version a run goes back to, what going there removes, and what the report's hash covers;
// against the notes' chain: 11.5.0.6835 current, checkRollback offering 6825 down to 6805.
import { describe, expect, it } from "vitest";
import { patchReport } from "../../../../src/platforms/arcgis/report.js";
import type { VersionObject } from "../../../../src/platforms/arcgis/types.js";
import { newestFirst } from "../../../../src/platforms/arcgis/versions.js";
import { FakeArcGis, installedChain, jobMessages, offered } from "./fake-arcgis.js";
import { run } from "./run.js";

const AFTER_6745 = ["pat_12082025_6805", "pat_11092025_6815", "pat_07102025_6820"];
const ALL_PATCHES = [...AFTER_6745, "pat_23102025_6825", "pat_04122025_6835"];

const removedIds = (r: Awaited<ReturnType<typeof run>>["r"]) =>
  (r.report?.areas[0]?.items[0]?.deleted ?? []).map((d) => d.uid);

describe("the target", () => {
  it("defaults to the newest version checkRollback offers", async () => {
    const api = new FakeArcGis();
    const { r } = await run(api, "rollback-preview");
    expect(r).toMatchObject({ mode: "rollback-preview", result: "succeeded" });
    expect(r.report?.kind).toBe("patch-rollback-preview");
    expect(r.report?.extra).toEqual({
      from: "pat_04122025_6835 (11.5.0.6835)",
      to: "pat_23102025_6825 (11.5.0.6825)",
    });
    expect(removedIds(r)).toEqual(["pat_04122025_6835"]);
    expect(r.message).toContain("removes 1 patch (pat_04122025_6835)");
    // A preview reads only.
    expect(api.calls.sort()).toEqual([
      "available",
      "checkRollback",
      "currentVersion",
      "installed",
      "upgrades",
    ]);
  });

  it("rollback-preview while a job runs: lock-conflict, naming the job; nothing sent", async () => {
    const api = new FakeArcGis();
    api.frames = [{ state: "in_progress", messages: jobMessages("11.5.0.6825", "11.5.0.6835") }];
    const { r } = await run(api, "rollback-preview");
    expect(r).toMatchObject({ result: "failed", reason: "lock-conflict" });
    expect(r.message).toContain("An upgrade or rollback job is in progress");
    expect(api.calls).toEqual(["upgrades"]);
  });

  it.for([
    ["an id", "pat_11092025_6815"],
    ["a version", "11.5.0.6815"],
  ])("rollback-to by %s", async ([, wanted]) => {
    const api = new FakeArcGis();
    const { r } = await run(api, "rollback-preview", { raw: { "rollback-to": wanted } });
    expect(r.result).toBe("succeeded");
    expect(r.report?.extra?.to).toBe("pat_11092025_6815 (11.5.0.6815)");
    expect(removedIds(r)).toEqual(["pat_07102025_6820", "pat_23102025_6825", "pat_04122025_6835"]);
  });

  it.for([
    ["rollback-preview", "rel_24062025_6745"],
    ["rollback", "rel_24062025_6745"],
    ["rollback", "11.5.0.6835"],
    ["rollback", "pat_01012025_6700"],
  ] as const)(
    "%s to %s, not offered: usage, naming the offers, nothing sent",
    async ([mode, wanted]) => {
      const api = new FakeArcGis();
      const { r, held } = await run(api, mode, { raw: { "rollback-to": wanted } });
      expect(r).toMatchObject({ result: "failed", reason: "usage" });
      expect(r.message).toContain(`rollback-to ${wanted} is not among the versions`);
      expect(r.message).toContain("pat_23102025_6825 (11.5.0.6825), pat_07102025_6820");
      expect(r.message).toContain("nothing was sent");
      expect(api.count("rollback")).toBe(0);
      expect(held).toEqual([]);
    },
  );
});

/** checkRollback's offers (newest first in the fixture) listed in each order. */
const ORDERS: Array<[string, (v: VersionObject[]) => VersionObject[]]> = [
  ["newest first", (v) => v],
  ["oldest first", (v) => [...v].reverse()],
  ["shuffled", (v) => [v[2], v[0], v[3], v[1]] as VersionObject[]],
];
const ids = (versions: VersionObject[] | undefined) => versions?.map((v) => v.id);

describe("the default target: the newest offer, whatever checkRollback's order", () => {
  const NEWEST_FIRST = [
    "pat_23102025_6825",
    "pat_07102025_6820",
    "pat_11092025_6815",
    "pat_12082025_6805",
  ];

  it.for(ORDERS)("newestFirst, %s: by build", ([, order]) => {
    expect(ids(newestFirst(order(offered()), installedChain()))).toEqual(NEWEST_FIRST);
  });

  it.for(ORDERS)("newestFirst, %s, without builds: by place in installed", ([, order]) => {
    const bare = (v: VersionObject[]) => v.map(({ build: _build, ...rest }) => rest);
    expect(ids(newestFirst(bare(order(offered())), bare(installedChain())))).toEqual(NEWEST_FIRST);
    // Bare ids, as readVersions gives a list of strings.
    const plain = (v: VersionObject[]) => v.map(({ id }) => ({ id }));
    expect(ids(newestFirst(plain(order(offered())), plain(installedChain())))).toEqual(
      NEWEST_FIRST,
    );
  });

  it("newestFirst: builds as numbers, not text (10000 is newer than 9999)", () => {
    const options = [
      { id: "a", build: "9999" },
      { id: "b", build: 10000 },
      { id: "c", build: "987" },
    ];
    expect(ids(newestFirst(options, []))).toEqual(["b", "a", "c"]);
  });

  it("newestFirst: no order when neither builds nor installed tell", () => {
    expect(newestFirst([{ id: "a" }, { id: "b", build: "2" }], [{ id: "b" }])).toBeUndefined();
  });

  it.for(ORDERS)("rollback-preview and rollback, offers %s: the newest one", async ([, order]) => {
    for (const mode of ["rollback-preview", "rollback"] as const) {
      const api = new FakeArcGis();
      api.options = order(api.options);
      const { r } = await run(api, mode);
      expect(r.result, r.message).toBe("succeeded");
      expect(r.report?.extra?.to).toBe("pat_23102025_6825 (11.5.0.6825)");
      if (mode === "rollback") expect(api.calls).toContain("rollback:pat_23102025_6825");
    }
  });

  it("offers it cannot order: api-error naming them, asking for rollback-to; nothing sent", async () => {
    // No builds, and an installed list that does not hold them.
    const unordered = (api: FakeArcGis) => {
      api.options = api.options.map(({ id }) => ({ id }));
      api.installedList = [];
      return api;
    };
    const api = unordered(new FakeArcGis());
    const { r, held } = await run(api, "rollback");
    expect(r).toMatchObject({ result: "failed", reason: "api-error" });
    expect(r.message).toContain("pat_23102025_6825, pat_07102025_6820");
    expect(r.message).toContain("which one is the newest cannot be told; nothing was sent");
    expect(r.nextSteps.join("\n")).toContain("rollback-to");
    expect(api.count("rollback")).toBe(0);
    expect(held).toEqual([]);
    // rollback-to needs no order.
    const given = await run(unordered(new FakeArcGis()), "rollback-preview", {
      raw: { "rollback-to": "pat_11092025_6815" },
    });
    expect(given.r.reason).toBeUndefined();
    expect(given.r.report?.extra?.to).toBe("pat_11092025_6815");
  });
});

describe("rollback-preview lists the offers", () => {
  it.for(ORDERS)(
    "offers %s: newest first, the default marked, in rows and data",
    async ([, order]) => {
      const api = new FakeArcGis();
      api.options = order(api.options);
      const { r } = await run(api, "rollback-preview");
      expect(r.status?.rows).toEqual([
        ["Can go back to", "pat_23102025_6825 (11.5.0.6825): the default target"],
        ["Can go back to", "pat_07102025_6820 (11.5.0.6820)"],
        ["Can go back to", "pat_11092025_6815 (11.5.0.6815)"],
        ["Can go back to", "pat_12082025_6805 (11.5.0.6805)"],
      ]);
      expect(r.status?.data).toEqual({
        offered: [
          { id: "pat_23102025_6825", version: "11.5.0.6825", default: true, target: true },
          { id: "pat_07102025_6820", version: "11.5.0.6820", default: false, target: false },
          { id: "pat_11092025_6815", version: "11.5.0.6815", default: false, target: false },
          { id: "pat_12082025_6805", version: "11.5.0.6805", default: false, target: false },
        ],
      });
    },
  );

  it("with rollback-to: the default and the target both marked", async () => {
    const api = new FakeArcGis();
    const { r } = await run(api, "rollback-preview", { raw: { "rollback-to": "11.5.0.6815" } });
    expect(r.status?.rows.map(([, value]) => value)).toEqual([
      "pat_23102025_6825 (11.5.0.6825): the default target",
      "pat_07102025_6820 (11.5.0.6820)",
      "pat_11092025_6815 (11.5.0.6815): the target (rollback-to)",
      "pat_12082025_6805 (11.5.0.6805)",
    ]);
  });
});

describe("the patches removed", () => {
  it.for(offered().map((v) => v.id))("going to %s: every patch installed after it", async (id) => {
    const api = new FakeArcGis();
    const { r } = await run(api, "rollback-preview", { raw: { "rollback-to": id } });
    const at = ALL_PATCHES.indexOf(id);
    expect(removedIds(r)).toEqual(ALL_PATCHES.slice(at + 1));
    expect(r.report?.counts).toMatchObject({ deleted: ALL_PATCHES.length - at - 1, added: 0 });
  });

  it("to the release, when offered: every patch", async () => {
    const api = new FakeArcGis();
    api.options.push(installedChain()[0] as (typeof api.options)[number]);
    const { r } = await run(api, "rollback-preview", { raw: { "rollback-to": "11.5.0.6745" } });
    expect(removedIds(r)).toEqual(ALL_PATCHES);
  });

  it.for(["rollback-preview", "rollback"] as const)(
    "%s: no-change when checkRollback offers nothing; no rollback sent",
    async (mode) => {
      const api = new FakeArcGis();
      api.options = [];
      const { r, held } = await run(api, mode);
      expect(r.result).toBe("no-change");
      expect(r.message).toContain("checkRollback offers no earlier version");
      expect(r.report).toBeUndefined();
      expect(api.count("rollback")).toBe(0);
      expect(held).toEqual([]);
    },
  );
});

describe("the report hash", () => {
  it("is the same for the same target, and differs for another", async () => {
    const hash = async (wanted?: string) => {
      const raw = wanted ? { "rollback-to": wanted } : {};
      return (await run(new FakeArcGis(), "rollback-preview", { raw })).r.report?.hash;
    };
    const newest = await hash();
    expect(newest).toMatch(/^[0-9a-f]{64}$/);
    expect(await hash("pat_23102025_6825")).toBe(newest);
    expect(await hash("11.5.0.6825")).toBe(newest);
    expect(await hash("pat_07102025_6820")).not.toBe(newest);
  });

  it("the rollback's report hashes as its preview did (a reviewed preview matches)", async () => {
    const preview = await run(new FakeArcGis(), "rollback-preview");
    const rollback = await run(new FakeArcGis(), "rollback");
    expect(rollback.r.result, rollback.r.message).toBe("succeeded");
    expect(rollback.r.report?.kind).toBe("patch-rollback");
    expect(rollback.r.report?.hash).toBe(preview.r.report?.hash);
  });

  it("covers the version it goes from: the same patches and target from another one hash otherwise", () => {
    const chain = installedChain();
    const target = chain[4] as VersionObject;
    const removed = chain.slice(-1);
    const from = chain.at(-1) as VersionObject;
    const a = patchReport("patch-rollback", from, target, removed);
    const b = patchReport(
      "patch-rollback",
      { ...from, id: "pat_05122025_6836", build: "6836" },
      target,
      removed,
    );
    expect(a.hash).not.toBe(b.hash);
  });

  it("covers the target: the same patches removed to reach another version hash otherwise", () => {
    const chain = installedChain();
    const removed = chain.slice(-1);
    const from = chain.at(-1) ?? {};
    const a = patchReport("patch-rollback", from, chain[4] ?? { id: "a" }, removed);
    const b = patchReport("patch-rollback", from, { ...(chain[4] ?? {}), id: "x" }, removed);
    expect(a.hash).not.toBe(b.hash);
    expect(patchReport("patch-rollback-preview", from, chain[4] ?? { id: "a" }, removed).hash).toBe(
      a.hash,
    );
  });
});
