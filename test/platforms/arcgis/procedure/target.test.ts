// Which version a run goes back to, what going there removes, and what the report's hash covers;
// against the notes' chain: 11.5.0.6835 current, checkRollback offering 6825 down to 6805.
import { describe, expect, it } from "vitest";
import { patchReport } from "../../../../src/platforms/arcgis/report.js";
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
    expect(r.message).toContain("removes 1 patch(es): pat_04122025_6835");
    // A preview reads only.
    expect(api.calls.sort()).toEqual(["checkRollback", "currentVersion", "installed", "upgrades"]);
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
