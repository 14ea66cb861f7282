import { describe, expect, it } from "vitest";
import { normalizeReport } from "../../../../src/platforms/aic/report.js";
import { guideReport, specReport, unknownFieldsReport } from "../../../core/report/fixtures.js";

describe("normalizeReport", () => {
  it("turns the guide's string entries into {name} and keeps item fields in extra", () => {
    const report = normalizeReport(guideReport(), "promotion");
    expect(report.areas).toEqual([
      {
        name: "IDMConfig",
        items: [
          {
            configItem: "Email > Templates",
            added: [{ name: "Forgotten Username" }],
            modified: [],
            deleted: [],
            extra: {
              fileDestinationPattern: "idm/conf/emailTemplate-*.json",
              fileName: "displayName",
              type: "single",
            },
          },
        ],
      },
    ]);
    expect(report.counts).toEqual({ added: 1, modified: 0, deleted: 0, total: 1 });
    expect(report.createdAt).toBe("2024-06-12T17:32:05.000Z");
    expect(report.reportName).toContain("Report_2024-06-12");
    // `type` is superseded by kind, so it is not reported as an unknown field.
    expect(report.extra).toBeUndefined();
  });

  it("reads spec-style objects, orders AMConfig before IDMConfig, falls back to uid", () => {
    const report = normalizeReport(specReport(), "dry-run");
    expect(report.areas.map((area) => area.name)).toEqual(["AMConfig", "IDMConfig"]);
    const journeys = report.areas[0]?.items[0];
    expect(journeys?.added).toEqual([{ name: "Login", location: "alpha", uid: "journey-login" }]);
    const script = report.areas[0]?.items[1]?.added[0];
    expect(script?.name).toBe("ou=39c08084-1238-43e8-857f-2e11005eac49,ou=scriptConfigurations");
    expect(script?.location).toBe("/bravo");
    expect(report.counts).toEqual({ added: 2, modified: 2, deleted: 1, total: 5 });
    expect(report.createdAt).toBe("2022-01-27T15:23:00.000Z");
    expect(report.dryRun).toBe(true);
    expect(report.promoter).toBe("Barb Jensen");
    expect(report.notes).toEqual([
      { title: "Missing ESVs", key: "missingESVs", items: ["esv-smtp-password"] },
      {
        title: "Previously ignored encrypted secrets",
        key: "previouslyIgnoredEncryptedSecrets",
        items: ["am.services.secret"],
      },
    ]);
    expect(report.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("keeps unknown areas after the known ones and unknown fields in extra", () => {
    const report = normalizeReport(unknownFieldsReport(), "provisional");
    expect(report.areas.map((area) => area.name)).toEqual(["AMConfig", "ScriptConfig"]);
    const library = report.areas[1]?.items[0];
    expect(library?.extra).toEqual({ checksum: "abc123" });
    expect(library?.added).toEqual([{ name: "utils.js", extra: { language: "JAVASCRIPT" } }]);
    expect(report.extra).toEqual({
      tenantRegion: "europe-west1",
      report: { Notes: { comment: "not a list" } },
    });
    expect(report.createdDate).toBe("yesterday afternoon");
    expect(report.createdAt).toBeUndefined();
    expect(report.counts.total).toBe(2);
  });

  it("tolerates an empty or odd report without throwing", () => {
    const empty = normalizeReport({}, "promotion");
    expect(empty).toMatchObject({
      kind: "promotion",
      areas: [],
      notes: [
        { key: "missingESVs", items: [] },
        { key: "previouslyIgnoredEncryptedSecrets", items: [] },
      ],
      counts: { added: 0, modified: 0, deleted: 0, total: 0 },
    });
    const odd = normalizeReport(
      {
        promoter: 42 as unknown as string,
        report: {
          AMConfig: [null, "Bare item", { configChange: { added: [null, 7], renamed: ["x"] } }],
        },
      },
      "promotion",
    );
    expect(odd.promoter).toBeUndefined();
    expect(odd.extra).toEqual({ promoter: 42 });
    expect(odd.areas[0]?.items).toEqual([
      { configItem: "Bare item", added: [], modified: [], deleted: [] },
      {
        configItem: "",
        added: [{ name: "7" }],
        modified: [],
        deleted: [],
        extra: { configChange: { renamed: ["x"] } },
      },
    ]);
  });
});
