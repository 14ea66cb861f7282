import { describe, expect, it } from "vitest";
import { renderMarkdown } from "../../../src/core/report/markdown.js";
import { type AicReportKind, normalizeReport } from "../../../src/platforms/aic/report.js";
import type { RawReport } from "../../../src/platforms/aic/types.js";
import { guideReport, specReport, unknownFieldsReport } from "./fixtures.js";

function markdown(raw: RawReport, options?: Parameters<typeof renderMarkdown>[1]): string {
  return renderMarkdown(normalizeReport(raw, "dry-run"), options);
}

/** One area with `items` config items of `perItem` added entries each. */
function bigReport(items: number, perItem: number): RawReport {
  return {
    missingESVs: ["esv-one"],
    report: {
      AMConfig: Array.from({ length: items }, (_, i) => ({
        configItem: `Item ${i}`,
        configChange: { added: Array.from({ length: perItem }, (_, j) => `Entry ${i}.${j}`) },
      })),
    },
  };
}

function count(text: string, needle: string): number {
  return text.split(needle).length - 1;
}

describe("renderMarkdown", () => {
  it("renders the guide's report: heading, metadata, summary table, items, hash", () => {
    const report = normalizeReport(guideReport(), "promotion");
    const text = renderMarkdown(report);
    const lines = text.split("\n");
    expect(lines[0]).toBe("## Promotion report");
    expect(text).toContain(
      "Promotion `8acd3a87-2272-450f-a3b3-1eb222108740` · Report `c41286bb-30cd-4109-ba9d-dc4788b6a75c` · Created 2024-06-12 17:32:05 UTC",
    );
    expect(text).toContain(
      [
        "| Area | Config item | Added | Modified | Deleted |",
        "| --- | --- | ---: | ---: | ---: |",
        "| IDMConfig | Email &gt; Templates | 1 | 0 | 0 |",
        "| **Total** | | **1** | **0** | **0** |",
      ].join("\n"),
    );
    expect(text).toContain("### IDMConfig — 1 change: 1 added");
    expect(text).toContain("**Email &gt; Templates** — 1 added");
    expect(text).toContain(
      "fileDestinationPattern: idm/conf/emailTemplate-\\*.json · fileName: displayName · type: single",
    );
    expect(text).toContain("- `+` Forgotten Username");
    expect(text.endsWith(`Report hash: \`${report.hash.slice(0, 12)}\`\n`)).toBe(true);
  });

  it("sums counts over areas in the total row and lists entries with realms", () => {
    const text = markdown(specReport());
    expect(text).toContain("| AMConfig | Journeys | 1 | 1 | 1 |");
    expect(text).toContain("| AMConfig | Scripts | 1 | 0 | 0 |");
    expect(text).toContain("| IDMConfig | Email &gt; Templates | 0 | 1 | 0 |");
    expect(text).toContain("| **Total** | | **2** | **2** | **1** |");
    expect(text).toContain(
      "- `+` Login (alpha)\n- `~` Registration (alpha)\n- `-` OldLogin (bravo)",
    );
    expect(text).toContain("Promoter Barb Jensen");
    expect(text).toContain("Description: Promoting our Forgotten Username journey");
    expect(text).toContain("### Missing ESVs (1)\n\n- esv-smtp-password");
    expect(text).toContain("### Previously ignored encrypted secrets (1)\n\n- am.services.secret");
  });

  it.each<[AicReportKind, string]>([
    ["provisional", "## Provisional promotion report"],
    ["dry-run", "## Dry-run promotion report"],
    ["promotion", "## Promotion report"],
    ["provisional-rollback", "## Provisional rollback report"],
    ["rollback", "## Rollback report"],
  ])("titles a %s report %s", (kind, heading) => {
    expect(renderMarkdown(normalizeReport(guideReport(), kind)).split("\n")[0]).toBe(heading);
  });

  it("uses a custom title", () => {
    expect(markdown(guideReport(), { title: "Staging → Production" }).split("\n")[0]).toBe(
      "## Staging → Production",
    );
  });

  it("shows unknown areas and unknown fields", () => {
    const text = markdown(unknownFieldsReport());
    expect(text).toContain("| ScriptConfig | Library scripts | 1 | 0 | 0 |");
    expect(text).toContain("### ScriptConfig — 1 change: 1 added");
    expect(text).toContain("checksum: abc123");
    expect(text).toContain("- `+` utils.js — language: JAVASCRIPT");
    expect(text).toContain("### Other report fields");
    expect(text).toContain("- tenantRegion: europe-west1");
    expect(text).toContain('- report: {"Notes":{"comment":"not a list"}}');
    expect(text).toContain("Created yesterday afternoon");
    // Known areas come first in the table.
    expect(text.indexOf("| AMConfig |")).toBeLessThan(text.indexOf("| ScriptConfig |"));
  });

  it("says so plainly when there are no changes", () => {
    const text = markdown({ promotionId: "p1", report: { AMConfig: [], IDMConfig: [] } });
    expect(text).toContain("No configuration changes.");
    expect(text).not.toContain("| Area |");
    expect(text).not.toContain("###");
    expect(text).not.toContain("Missing ESVs");
  });

  it("folds config items into <details> once an area has more entries than collapseAbove", () => {
    const ten = markdown(bigReport(2, 5));
    expect(ten).not.toContain("<details>");
    expect(ten).toContain("**Item 0** — 5 added");

    const eleven = markdown(bigReport(1, 11));
    expect(count(eleven, "<details>")).toBe(1);
    expect(eleven).toContain(
      "<details><summary><b>Item 0</b> — 11 added</summary>\n\n- `+` Entry 0.0\n",
    );
    expect(eleven).toContain("- `+` Entry 0.10\n\n</details>");

    const custom = markdown(bigReport(3, 1), { collapseAbove: 2 });
    expect(count(custom, "<details>")).toBe(3);
    expect(count(custom, "</details>")).toBe(3);
  });

  it("escapes HTML and Markdown in tenant content", () => {
    const text = markdown({
      promotionDescription: "line one\nline two <b>",
      promoter: "`rm -rf`",
      report: {
        AMConfig: [
          {
            configItem: "<img src=x onerror=alert(1)>",
            configChange: { added: [{ name: "a|b", realm: "*bold*" }, "[link](http://x)"] },
          },
          { configItem: "a|b", configChange: { deleted: ["- not a list", "# not a heading"] } },
        ],
      },
    });
    expect(text).not.toContain("<img");
    expect(text).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(text).toContain("- `+` a|b (\\*bold\\*)");
    expect(text).toContain("- `+` [link\\](http://x)");
    expect(text).toContain("- `-` \\- not a list");
    expect(text).toContain("- `-` \\# not a heading");
    expect(text).toContain("Promoter \\`rm -rf\\`");
    expect(text).toContain("Description: line one line two &lt;b&gt;");
    // The "a|b" row still has exactly six cell borders: its own pipe is escaped.
    const row = text.split("\n").find((line) => line.startsWith("| AMConfig | a\\|b"));
    expect(row).toBe("| AMConfig | a\\|b | 0 | 0 | 2 |");
    expect(count((row ?? "").replaceAll("\\|", ""), "|")).toBe(6);
  });

  it("keeps versions, patch ids and plain punctuation as written: no entities", () => {
    const text = markdown({
      promoter: "ci_bot",
      report: {
        Patches: [
          {
            configItem: "patches",
            configChange: { deleted: ["11.5.0.6820", "pat_23102025_6825", "R&D (v1.2)"] },
          },
        ],
      },
    });
    expect(text).toContain("- `-` 11.5.0.6820\n- `-` pat_23102025_6825\n- `-` R&D (v1.2)");
    expect(text).toContain("Promoter ci_bot");
    expect(text).not.toContain("&#");
  });

  it("escapes content inside <summary> too", () => {
    const text = markdown(
      {
        report: {
          AMConfig: [
            { configItem: "</summary><script>x</script>", configChange: { added: ["a"] } },
          ],
        },
      },
      { collapseAbove: 0 },
    );
    expect(text).toContain(
      "<details><summary><b>&lt;/summary&gt;&lt;script&gt;x&lt;/script&gt;</b> — 1 added</summary>",
    );
    expect(text).not.toContain("<script>");
  });
});

describe("renderMarkdown with maxLength", () => {
  const raw = bigReport(40, 12);

  it("trims whole item lists from the end, with a note, under the limit", () => {
    const full = markdown(raw);
    expect(full.length).toBeGreaterThan(8000);
    const text = markdown(raw, { maxLength: 8000 });
    expect(text.length).toBeLessThanOrEqual(8000);
    const kept = count(text, "<details>");
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThan(40);
    expect(count(text, "</details>")).toBe(kept);
    expect(text).toContain(`… trimmed: ${40 - kept} more items; see the full JSON report`);
    // The kept items are the first ones; the summary table and footer survive.
    expect(text).toContain("<b>Item 0</b>");
    expect(text).not.toContain("<b>Item 39</b>");
    expect(text).toContain("| **Total** | | **480** | **0** | **0** |");
    expect(text).toMatch(/Report hash: `[0-9a-f]{12}`\n$/);
  });

  it("returns the full report when it fits", () => {
    const full = markdown(raw);
    expect(markdown(raw, { maxLength: full.length })).toBe(full);
  });

  it("stays under any limit and never leaves a <details> open", () => {
    const full = markdown(raw);
    for (let limit = 0; limit <= full.length; limit += 97) {
      const text = markdown(raw, { maxLength: limit });
      expect(text.length).toBeLessThanOrEqual(limit);
      expect(count(text, "<details>")).toBe(count(text, "</details>"));
      expect(text).not.toMatch(/&#?\w*$/);
    }
  });

  it("drops sections as a last resort and says so", () => {
    const text = markdown(raw, { maxLength: 300 });
    expect(text.length).toBeLessThanOrEqual(300);
    expect(text.startsWith("## Dry-run promotion report\n")).toBe(true);
    // The long summary table goes before the short list of blockers.
    expect(text).toContain("… trimmed: 40 more items and 1 more section; see the full JSON report");
    expect(text).not.toContain("| Area |");
    expect(text).toContain("### Missing ESVs (1)\n\n- esv-one");
    expect(text).toMatch(/Report hash: `[0-9a-f]{12}`\n$/);
  });
});

describe("entries per item", () => {
  it("lists the first entries of a long item, then how many more there are", () => {
    const report = normalizeReport(
      {
        report: {
          AMConfig: [
            {
              configItem: "Journeys",
              configChange: { added: Array.from({ length: 12 }, (_, i) => `J${i}`) },
            },
          ],
        },
      },
      "dry-run",
    );
    const text = renderMarkdown(report, { maxEntriesPerItem: 5 });
    expect(text).toContain("- `+` J4\n- … and 7 more (see the full JSON report)");
    expect(text).not.toContain("J5");
    expect(renderMarkdown(report)).toContain("J11");
  });
});
