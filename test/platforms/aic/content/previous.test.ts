// Rollbacks show what they restore from the reverted promotion's report, read backwards.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildReport } from "../../../../src/core/report/build.js";
import { reportJson } from "../../../../src/core/report/json.js";
import type { Report } from "../../../../src/core/report/model.js";
import { UsageError } from "../../../../src/core/util/usage-error.js";
import {
  readPreviousReport,
  withPreviousContent,
} from "../../../../src/platforms/aic/content/previous.js";

function promotionReport(kind: string, promotionId: string, withFields: boolean): Report {
  return buildReport({
    kind,
    title: kind,
    promotionId,
    locationKey: "realm",
    areas: [
      {
        name: "AMConfig",
        items: [
          {
            configItem: "Scripts",
            added: [],
            modified: [
              {
                name: "Login Helper",
                location: "/alpha",
                uid: "ou=abc,ou=ScriptingService,ou=services,o=alpha",
                ...(withFields
                  ? {
                      fields: [
                        { path: "description", before: "old", after: "new" },
                        { path: "script", diff: "@@ -1,1 +1,2 @@\n+var a;\n x" },
                      ],
                      fingerprint: "f1",
                    }
                  : {}),
              },
            ],
            deleted: [],
          },
        ],
      },
    ],
  });
}

function file(content: unknown): string {
  const path = join(mkdtempSync(join(tmpdir(), "previous-")), "report.json");
  writeFileSync(path, JSON.stringify(content));
  return path;
}

describe("previous-report", () => {
  it("shows what the rollback restores: the promotion's fields the other way round", () => {
    const promoted = promotionReport("promotion", "p-1", true);
    const previous = readPreviousReport(
      file({ result: "succeeded", promotionId: "p-1", report: reportJson(promoted) }),
      "previous-report",
    );
    const rollback = withPreviousContent(
      promotionReport("provisional-rollback", "p-1", false),
      previous,
      "previous-report",
    );
    const fields = rollback.areas[0]?.items[0]?.modified[0]?.fields;
    expect(fields).toEqual([
      { path: "description", before: "new", after: "old" },
      { path: "script", diff: "@@ -1,2 +1,1 @@\n-var a;\n x" },
    ]);
    // The hash is the tenant's report's: fields are not in it.
    expect(rollback.hash).toBe(promotionReport("provisional-rollback", "p-1", false).hash);
  });

  it("another promotion's report shows names, saying why", () => {
    const previous = readPreviousReport(
      file(reportJson(promotionReport("promotion", "p-0", true))),
      "previous-report",
    );
    const rollback = withPreviousContent(
      promotionReport("rollback", "p-1", false),
      previous,
      "previous-report",
    );
    expect(rollback.areas[0]?.items[0]?.modified[0]?.fields).toBeUndefined();
    expect(rollback.notes.at(-1)?.items[0]).toMatch(
      /is the report of promotion p-0, but this rollback reverts p-1/,
    );
  });

  it("without it, the report says the content before the promotion is gone and how to show it", () => {
    const rollback = withPreviousContent(
      promotionReport("rollback", "p-1", false),
      undefined,
      "--previous-report",
    );
    expect(rollback.notes.at(-1)?.items[0]).toMatch(
      /can no longer be read from the tenant; give --previous-report/,
    );
  });

  it("a file that is no report is refused before any request", () => {
    expect(() => readPreviousReport(file({ hello: 1 }), "previous-report")).toThrow(UsageError);
    expect(() => readPreviousReport("/nonexistent/report.json", "previous-report")).toThrow(
      /could not be read as JSON/,
    );
  });
});
