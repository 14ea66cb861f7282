// Field changes as reviewers read them, whatever the platform: a table of values, long text as
// a diff block, shortened in comments and terminals, whole in the JSON; and a review that no
// longer matches names the entry and fields whose content changed.
import { describe, expect, it } from "vitest";
import { buildReport } from "../../../src/core/report/build.js";
import { diffReports } from "../../../src/core/report/diff.js";
import { isSecretPath } from "../../../src/core/report/field-diff.js";
import { reportJson } from "../../../src/core/report/json.js";
import { unifiedLineDiff } from "../../../src/core/report/line-diff.js";
import { renderMarkdown } from "../../../src/core/report/markdown.js";
import type { FieldChange, Report } from "../../../src/core/report/model.js";
import { renderText } from "../../../src/core/report/text.js";

function withFields(fields: FieldChange[], fingerprint = "aaaa"): Report {
  return buildReport({
    kind: "dry-run",
    title: "Dry-run promotion report",
    areas: [
      {
        name: "AMConfig",
        items: [
          {
            configItem: "Scripts",
            added: [],
            modified: [{ name: "Login Helper", location: "/alpha", fields, fingerprint }],
            deleted: [],
          },
        ],
      },
    ],
  });
}

const LONG = "x".repeat(500);
const SOURCE_DIFF = unifiedLineDiff('outcome = "true";\n', 'var a = "```";\noutcome = "true";\n');
const REPORT = withFields([
  { path: "description", before: "old", after: LONG },
  { path: "script", diff: SOURCE_DIFF },
]);

describe("field changes in reports", () => {
  it("Markdown: a table for values, a fenced diff block for text, long values shortened", () => {
    const md = renderMarkdown(REPORT);
    expect(md).toContain("| Field | Before | After |");
    expect(md).toContain(`| description | old | ${"x".repeat(119)}…`);
    // The fence outgrows the backticks inside the script, so the block cannot end early.
    expect(md).toContain(
      '  ````diff\n  @@ -1,1 +1,2 @@\n  +var a = "```";\n   outcome = "true";\n  ````',
    );
  });

  it("text: the same, the diff indented under its field", () => {
    const text = renderText(REPORT);
    expect(text).toContain(`description: old -> ${"x".repeat(119)}…`);
    expect(text).toContain('        script:\n          @@ -1,1 +1,2 @@\n          +var a = "```";');
  });

  it("JSON keeps every value whole", () => {
    expect(JSON.stringify(reportJson(REPORT))).toContain(LONG);
  });

  it("a review that no longer matches names the entry and the fields whose content changed", () => {
    const reviewed = withFields([{ path: "description", before: "old", after: "new" }], "aaaa");
    const now = withFields(
      [
        { path: "description", before: "old", after: "newer" },
        { path: "language", before: "JAVASCRIPT", after: "GROOVY" },
      ],
      "bbbb",
    );
    expect(diffReports(reviewed, now)).toBe(
      "~ content changed: AMConfig / Scripts / modified: Login Helper (/alpha) (fields: description, language)",
    );
  });
});

describe("which fields are secret", () => {
  it("masks what a name says is a secret, not settings that merely mention one", () => {
    for (const secret of [
      "clientSecret",
      "coreOAuth2ClientConfig.userpassword",
      "privateKey",
      "signing.keys[0].d",
      "accessToken",
      "credentials",
      "jwk.privateKeyPem",
    ])
      expect(isSecretPath(secret), secret).toBe(true);
    for (const setting of [
      "coreOAuth2Config.accessTokenLifetime",
      "tokenEndpointAuthMethod",
      "passwordPolicy.id",
      "cookieName",
      "displayName",
      "passwordAttribute",
      "schema.properties.password.title",
      "schema.properties.password.encryption.purpose",
    ])
      expect(isSecretPath(setting), setting).toBe(false);
  });
});

describe("a review compared with content read on one side only", () => {
  it("says the content was compared in one report only, not that it changed", () => {
    const reviewed = withFields([{ path: "description", before: "old", after: "new" }], "aaaa");
    const {
      fingerprint: _f,
      fields: _fields,
      ...plain
    } = reviewed.areas[0]?.items[0]?.modified[0] ?? { name: "" };
    const now = buildReport({
      ...reviewed,
      areas: [
        {
          name: "AMConfig",
          items: [{ configItem: "Scripts", added: [], modified: [plain], deleted: [] }],
        },
      ],
    });
    expect(diffReports(reviewed, now)).toBe(
      "~ content compared in the old report only: AMConfig / Scripts / modified: Login Helper (/alpha) (give both runs the same environments and content-diff, or run again if a read failed)",
    );
  });
});
