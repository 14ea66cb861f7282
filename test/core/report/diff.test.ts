import { describe, expect, it } from "vitest";
import { diffReports } from "../../../src/core/report/diff.js";
import { normalizeReport } from "../../../src/platforms/aic/report.js";
import type { RawReport } from "../../../src/platforms/aic/types.js";
import { specReport } from "./fixtures.js";

function report(raw: RawReport) {
  return normalizeReport(raw, "dry-run");
}

describe("diffReports", () => {
  it("is empty when the changes match, whatever the ids and order", () => {
    const fresh = specReport();
    fresh.reportId = "fresh";
    fresh.report = { IDMConfig: fresh.report?.IDMConfig, AMConfig: fresh.report?.AMConfig };
    expect(diffReports(report(specReport()), report(fresh))).toBe("");
  });

  it("lists changes only in the old and only in the new report", () => {
    const reviewed = report({
      report: {
        AMConfig: [
          { configItem: "Journeys", configChange: { added: [{ name: "Login", realm: "alpha" }] } },
          { configItem: "Scripts", configChange: { modified: ["Shared"] } },
        ],
      },
    });
    const fresh = report({
      report: {
        AMConfig: [
          { configItem: "Journeys", configChange: { added: [{ name: "Login", realm: "alpha" }] } },
          { configItem: "Scripts", configChange: { deleted: ["Shared"] } },
        ],
        IDMConfig: [{ configItem: "Email > Templates", configChange: { added: ["Welcome"] } }],
      },
    });
    expect(diffReports(reviewed, fresh).split("\n")).toEqual([
      "+ only in new: AMConfig / Scripts / deleted: Shared",
      "- only in old: AMConfig / Scripts / modified: Shared",
      "+ only in new: IDMConfig / Email > Templates / added: Welcome",
    ]);
  });

  it("shows uids when two lines would otherwise read the same", () => {
    const withUid = (uid: string) =>
      report({
        report: {
          AMConfig: [
            {
              configItem: "Journeys",
              configChange: { added: [{ name: "Login", realm: "alpha", uid }] },
            },
          ],
        },
      });
    expect(diffReports(withUid("u1"), withUid("u2")).split("\n")).toEqual([
      "- only in old: AMConfig / Journeys / added: Login (alpha) [uid u1]",
      "+ only in new: AMConfig / Journeys / added: Login (alpha) [uid u2]",
    ]);
  });

  it("counts duplicates", () => {
    const once = report({
      report: { AMConfig: [{ configItem: "J", configChange: { added: ["x"] } }] },
    });
    const twice = report({
      report: { AMConfig: [{ configItem: "J", configChange: { added: ["x", "x"] } }] },
    });
    expect(diffReports(once, twice)).toBe("+ only in new: AMConfig / J / added: x");
  });
});
