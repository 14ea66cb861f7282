// What a comment keeps of its report for a later diff: the changes, and when their field diffs
// make that too large, the changes with their content fingerprints, so an item edited after
// review is still named.
import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { buildReport } from "../../src/core/report/build.js";
import { diffReports } from "../../src/core/report/diff.js";
import { areasFromJson } from "../../src/core/report/json.js";
import type { Report } from "../../src/core/report/model.js";
import { changesLine, readChanges } from "../../src/faces/marker.js";

function scriptReport(fingerprint: string, source: string): Report {
  return buildReport({
    kind: "dry-run",
    title: "Dry run",
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
                uid: "ou=abc,ou=ScriptingService,ou=services,o=alpha,ou=services,ou=am-config",
                fingerprint,
                fields: [{ path: "script", diff: source }],
              },
            ],
            deleted: [],
          },
        ],
      },
    ],
  });
}

describe("the changes a comment keeps", () => {
  it("too large with their field diffs: kept without them, and an edited item is still named", () => {
    // Incompressible text, well over what a comment keeps once gzipped.
    const long = randomBytes(40_000).toString("base64");
    const reviewed = scriptReport("aaaaaaaaaaaaaaaa", `+${long}`);
    const line = changesLine(reviewed);
    expect(line).toBeDefined();
    const stored = readChanges(line ?? "");
    expect(JSON.stringify(stored)).not.toContain(long.slice(0, 100));

    const fresh = scriptReport("bbbbbbbbbbbbbbbb", `+${long}`);
    const diff = diffReports(
      { ...fresh, areas: areasFromJson(stored ?? [], fresh.locationKey) },
      fresh,
    );
    expect(diff).toContain("~ content changed: AMConfig / Scripts / modified: Login Helper");
  });

  it("small enough: kept whole, field diffs included", () => {
    const report = scriptReport("aaaaaaaaaaaaaaaa", "+var a = 1;");
    expect(JSON.stringify(readChanges(changesLine(report) ?? ""))).toContain("var a = 1;");
  });
});
