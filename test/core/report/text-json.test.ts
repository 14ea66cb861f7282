import { describe, expect, it } from "vitest";
import { areasFromJson, areasJson, reportJson } from "../../../src/core/report/json.js";
import type { Report } from "../../../src/core/report/model.js";
import { renderText } from "../../../src/core/report/text.js";
import { normalizeReport } from "../../../src/platforms/aic/report.js";
import { guideReport, specReport, unknownFieldsReport } from "./fixtures.js";

/** The report as a script reads it: what `--format json` prints under `report`. */
function renderJson(report: Report): string {
  return `${JSON.stringify(reportJson(report), null, 2)}\n`;
}

describe("reportJson", () => {
  it("prints the normalized report with a fixed key order", () => {
    const report = normalizeReport(guideReport(), "promotion");
    const json = renderJson(report);
    expect(Object.keys(JSON.parse(json))).toEqual([
      "kind",
      "reportId",
      "reportName",
      "promotionId",
      "createdDate",
      "createdAt",
      "hash",
      "counts",
      "missingESVs",
      "previouslyIgnoredEncryptedSecrets",
      "areas",
    ]);
    expect(json).toContain('\n  "kind": "promotion",\n');
    expect(json.endsWith("}\n")).toBe(true);
  });

  it("keeps the keys scripts read: AIC's lists on top, an entry's realm, no model bookkeeping", () => {
    const parsed = JSON.parse(renderJson(normalizeReport(specReport(), "dry-run")));
    expect(parsed.missingESVs).toEqual(["esv-smtp-password"]);
    expect(parsed.previouslyIgnoredEncryptedSecrets).toEqual(["am.services.secret"]);
    expect(parsed.areas[0].items[0].added).toEqual([
      { name: "Login", realm: "alpha", uid: "journey-login" },
    ]);
    for (const key of ["title", "notes", "applied", "locationKey"])
      expect(parsed).not.toHaveProperty(key);
  });

  it("reads stored areas back as they were", () => {
    const report = normalizeReport(specReport(), "dry-run");
    const stored = JSON.parse(JSON.stringify(areasJson(report.areas, report.locationKey)));
    expect(areasFromJson(stored, report.locationKey)).toEqual(report.areas);
  });

  it("is the same whatever order the report object was built in", () => {
    const report = normalizeReport(specReport(), "dry-run");
    const shuffled = Object.fromEntries(Object.entries(report).reverse()) as unknown as Report;
    expect(renderJson(shuffled)).toBe(renderJson(report));
  });

  it("keeps unknown areas and fields", () => {
    const parsed = JSON.parse(renderJson(normalizeReport(unknownFieldsReport(), "provisional")));
    expect(parsed.extra).toEqual({
      report: { Notes: { comment: "not a list" } },
      tenantRegion: "europe-west1",
    });
    expect(parsed.areas[1]).toEqual({
      name: "ScriptConfig",
      items: [
        {
          configItem: "Library scripts",
          added: [{ name: "utils.js", extra: { language: "JAVASCRIPT" } }],
          modified: [],
          deleted: [],
          extra: { checksum: "abc123" },
        },
      ],
    });
  });
});

describe("renderText", () => {
  it("summarizes areas, items and entries for a terminal", () => {
    const report = normalizeReport(specReport(), "dry-run");
    expect(renderText(report)).toBe(
      [
        "Dry-run promotion report",
        "promotion da0c66a4-9f37-4f9a-9988-0786ad301b17 · report 11111111-2222-3333-4444-555555555555 · promoter Barb Jensen · created 2022-01-27 15:23:00 UTC",
        "description: Promoting our Forgotten Username journey",
        "5 changes: 2 added, 2 modified, 1 deleted",
        "AMConfig: 2 added, 1 modified, 1 deleted",
        "  Journeys: 1 added, 1 modified, 1 deleted",
        "    + Login (alpha)",
        "    ~ Registration (alpha)",
        "    - OldLogin (bravo)",
        "  Scripts: 1 added",
        "    + ou=39c08084-1238-43e8-857f-2e11005eac49,ou=scriptConfigurations (/bravo)",
        "IDMConfig: 1 modified",
        "  Email > Templates: 1 modified",
        "    ~ Welcome",
        "Missing ESVs: esv-smtp-password",
        "Previously ignored encrypted secrets: am.services.secret",
        `Report hash: ${report.hash.slice(0, 12)}`,
        "",
      ].join("\n"),
    );
  });

  it("says when there are no changes and strips terminal control characters", () => {
    const text = renderText(
      normalizeReport({ promoter: "evil\u001b[2Jname\u202e", report: {} }, "rollback"),
    );
    expect(text.split("\n").slice(0, 3)).toEqual([
      "Rollback report",
      "promoter evil [2Jname ",
      "No configuration changes.",
    ]);
    expect(text).not.toContain("\u001b");
  });
});
