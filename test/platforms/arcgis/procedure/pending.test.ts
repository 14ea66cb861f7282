// What the watch issue opens on for ArcGIS: a patch available to install, or a job that ended
// without success; status and rollback-preview both tell.
import { describe, expect, it } from "vitest";
import { ArcGisError } from "../../../../src/platforms/arcgis/errors.js";
import { FakeArcGis, installedChain } from "./fake-arcgis.js";
import { run } from "./run.js";

describe("ArcGIS pending", () => {
  it("status: nothing available and the last job succeeded is not pending", async () => {
    const api = new FakeArcGis();
    const { r } = await run(api, "status");
    expect(r).toMatchObject({ result: "succeeded", pending: false });
    expect(r.status?.rows).toContainEqual(["Available to install", "none"]);
  });

  it("status: a patch available to install is pending, and the status names it", async () => {
    const api = new FakeArcGis();
    const newest = installedChain().at(-1);
    api.availableList = [{ ...newest, id: "pat_04122025_6840", build: 6840 } as never];
    const { r } = await run(api, "status");
    expect(r.pending).toBe(true);
    expect(r.status?.rows.find(([label]) => label === "Available to install")?.[1]).toContain(
      "pat_04122025_6840",
    );
  });

  it("status and rollback-preview: a job that failed is pending", async () => {
    const api = new FakeArcGis();
    api.frames = [{ state: "failed", code: 2, messages: [{ message: "Upgrade failed." }] }];
    expect((await run(api, "status")).r.pending).toBe(true);
    expect((await run(api, "rollback-preview")).r.pending).toBe(true);
  });

  it("rollback-preview: patches that could be rolled back are not, by themselves, pending", async () => {
    const { r } = await run(new FakeArcGis(), "rollback-preview");
    expect(r.result).toBe("succeeded");
    expect(r.pending).toBe(false);
  });

  it("available unreadable: status and rollback-preview still succeed, and cannot tell what is pending", async () => {
    const api = new FakeArcGis();
    api.before.available = () =>
      new ArcGisError({
        operation: "available",
        endpoint: {
          method: "POST",
          path: "/arcgis/admin/system/upgrades/available",
          origin: "https://gis.example.com",
        },
        status: 200,
        code: 500,
        message: "Unable to check for available updates.",
      });
    const status = (await run(api, "status")).r;
    expect(status).toMatchObject({ result: "succeeded" });
    expect(status.pending).toBeUndefined();
    expect(status.status?.rows.find(([label]) => label === "Available to install")?.[1]).toContain(
      "unavailable",
    );
    const preview = (await run(api, "rollback-preview")).r;
    expect(preview).toMatchObject({ result: "succeeded" });
    expect(preview.pending).toBeUndefined();
  });

  it("a job running: what is available cannot be read, so status cannot tell what is pending", async () => {
    const api = new FakeArcGis();
    api.frames = [{ state: "in_progress", code: 1, messages: [] }];
    api.before.available = () =>
      new ArcGisError({
        operation: "available",
        endpoint: {
          method: "POST",
          path: "/arcgis/admin/system/upgrades/available",
          origin: "https://gis.example.com",
        },
        status: 200,
        code: 500,
        message: "Another upgrade operation is in progress.",
      });
    const { r } = await run(api, "status");
    expect(r.result).toBe("succeeded");
    // Not false: the watch issue must not close as "in sync" while a job runs.
    expect(r.pending).toBeUndefined();
  });
});
