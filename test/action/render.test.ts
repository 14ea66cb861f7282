import { describe, expect, it } from "vitest";
import { readChanges, readMarker } from "../../src/faces/marker.js";
import {
  COMMENT_LIMIT,
  commentBody,
  type RunPlace,
  SUMMARY_LIMIT_BYTES,
  summaryBody,
} from "../../src/faces/render.js";
import { dryRunReport, hugeReport, succeeded } from "./reports.js";

const place: RunPlace = {
  target: "https://openam-acme-staging.forgeblocks.com",
  source: "https://openam-acme-dev.forgeblocks.com",
  commentKey: "https://openam-acme-staging.forgeblocks.com",
  runUrl: "https://github.com/acme/cfg/actions/runs/42",
  reportFile: "/runner/temp/tenant-promote-dry-run-42-1.json",
  scrub: (text) => text,
};

describe("PR comment", () => {
  it("starts with a marker naming the upper environment and the report hash, and keeps the changes for a later diff", () => {
    const report = dryRunReport(["Login", "Register"]);
    const body = commentBody(succeeded(report), place);
    expect(readMarker(body)).toEqual({ upper: place.commentKey, hash: report.hash });
    expect(readChanges(body)).toEqual(report.areas);
    expect(body).toContain("| AMConfig | Journeys | 2 | 0 | 0 |");
    expect(body).toContain("[workflow run](https://github.com/acme/cfg/actions/runs/42)");
  });

  it("escapes HTML in tenant content", () => {
    const body = commentBody(succeeded(dryRunReport(["<img src=x onerror=alert(1)>"])), place);
    expect(body).not.toContain("<img");
    expect(body).toContain("&lt;img");
  });

  it("trims a report too large for a comment to 65,536 characters and points to the run", () => {
    const report = hugeReport(2000);
    const body = commentBody(succeeded(report), place);
    expect(body.length).toBeLessThanOrEqual(COMMENT_LIMIT);
    expect(body).toContain("too long for a comment");
    expect(body).toContain(place.runUrl);
    // The marker and the outcome survive the trimming.
    expect(readMarker(body)?.hash).toBe(report.hash);
    expect(body).toContain("tenant-promote dry-run: succeeded");
  });
});

describe("job summary", () => {
  it("shows the outcome, both environments, the promotion id and links", () => {
    const body = summaryBody(succeeded(dryRunReport(["Login"])), {
      ...place,
      pullRequestUrl: "https://github.com/acme/cfg/pull/7",
    });
    expect(body).toContain("tenant-promote dry-run: succeeded");
    expect(body).toContain(`from \`${place.source}\` to \`${place.target}\``);
    expect(body).toContain("Promotion id: `p-1`");
    expect(body).toContain("[pull request](https://github.com/acme/cfg/pull/7)");
  });

  it("stays under 1 MiB for a huge report and names the report file", () => {
    const body = summaryBody(succeeded(hugeReport(15_000)), place);
    expect(Buffer.byteLength(body)).toBeLessThan(SUMMARY_LIMIT_BYTES);
    expect(body).toContain("too large for the job summary");
    expect(body).toContain(place.reportFile);
  });

  it("scrubs secrets out of the outcome text", () => {
    const result = { ...succeeded(dryRunReport([])), message: "token s3cr3t-token leaked" };
    const body = summaryBody(result, {
      ...place,
      scrub: (t) => t.replaceAll("s3cr3t-token", "***"),
    });
    expect(body).not.toContain("s3cr3t-token");
  });
});
