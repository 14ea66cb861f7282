// The run's outcome in Markdown (CLI, PR comment, job summary): our sentences keep their
// `commands`, tenant values cannot inject HTML or break the status table.
import { describe, expect, it } from "vitest";
import { outcomeMarkdown } from "../../../src/core/run/outcome.js";
import type { RunResult } from "../../../src/core/run/types.js";

const failed: RunResult = {
  mode: "status",
  result: "failed",
  reason: "api-error",
  message: "GET https://h/x answered HTTP 500: <script>alert(1)</script> & R&D",
  nextSteps: ["Read the status with `tenant-promote status`, then run again."],
  promotionId: "p`1",
  elapsedMs: 1,
  status: {
    rows: [["Message", "11.5.0 | pat_23102025_6825 *done*"]],
    data: {},
  },
};

describe("outcomeMarkdown", () => {
  it("escapes HTML in messages and keeps their code spans", () => {
    const text = outcomeMarkdown(failed);
    expect(text).toContain(
      "GET https://h/x answered HTTP 500: &lt;script&gt;alert(1)&lt;/script&gt; & R&D",
    );
    expect(text).not.toContain("<script>");
    expect(text).toContain("- Read the status with `tenant-promote status`, then run again.");
  });

  it("shows the promotion id as code, whatever it holds", () => {
    expect(outcomeMarkdown(failed)).toContain("Promotion id: ``p`1``");
  });

  it("keeps status values as written, with the row's cells intact", () => {
    expect(outcomeMarkdown(failed)).toContain(
      "| Message | 11.5.0 \\| pat_23102025_6825 \\*done\\* |",
    );
  });
});
