// The report's format follows where it goes, as gh and kubectl do, unless --format says otherwise.
import { describe, expect, it } from "vitest";
import { chooseFormat, inCi } from "../../src/cli/format.js";

interface Where {
  terminal?: boolean;
  ci?: boolean;
  output?: string;
}

const formatFor = (where: Where, given?: string) =>
  chooseFormat({
    given,
    givenAs: "--format",
    output: where.output,
    stdoutIsTerminal: where.terminal ?? false,
    inCi: where.ci ?? false,
  });

describe("report format", () => {
  it("is text for a person at a terminal", () => {
    expect(formatFor({ terminal: true })).toBe("text");
    expect(formatFor({ terminal: true, ci: true })).toBe("text");
  });

  it("is text in a CI log, piped or not: CI logs render no Markdown", () => {
    expect(formatFor({ ci: true })).toBe("text");
  });

  it("is Markdown when piped outside CI", () => {
    expect(formatFor({})).toBe("markdown");
  });

  it("follows the --output file's extension, wherever it runs", () => {
    for (const where of [{}, { terminal: true }, { ci: true }]) {
      expect(formatFor({ ...where, output: "out/promotion.json" })).toBe("json");
      expect(formatFor({ ...where, output: "report.md" })).toBe("markdown");
      expect(formatFor({ ...where, output: "REPORT.MARKDOWN" })).toBe("markdown");
      expect(formatFor({ ...where, output: "report.txt" })).toBe("text");
    }
  });

  it("is Markdown for a file of any other extension, or none", () => {
    expect(formatFor({ terminal: true, output: "report.log" })).toBe("markdown");
    expect(formatFor({ ci: true, output: "report" })).toBe("markdown");
  });

  it("is what --format says, wherever it goes", () => {
    expect(formatFor({ terminal: true }, "markdown")).toBe("markdown");
    expect(formatFor({ ci: true }, "markdown")).toBe("markdown");
    expect(formatFor({}, "json")).toBe("json");
    expect(formatFor({ output: "report.json" }, "text")).toBe("text");
    expect(formatFor({ output: "report.txt" }, "markdown")).toBe("markdown");
  });

  it("refuses an unknown format, naming where it came from", () => {
    expect(() =>
      chooseFormat({
        given: "html",
        givenAs: "TENANT_PROMOTE_FORMAT",
        output: undefined,
        stdoutIsTerminal: true,
        inCi: false,
      }),
    ).toThrow(/TENANT_PROMOTE_FORMAT is "html"; use markdown, json or text/);
  });
});

describe("CI detection", () => {
  it("reads the CI variable every major CI sets", () => {
    expect(inCi({ CI: "true" })).toBe(true);
    expect(inCi({ CI: "1" })).toBe(true);
    expect(inCi({ CI: "yes" })).toBe(true);
  });
  it("is off without it, or when it is empty, false or 0", () => {
    expect(inCi({})).toBe(false);
    expect(inCi({ CI: "" })).toBe(false);
    expect(inCi({ CI: "false" })).toBe(false);
    expect(inCi({ CI: "0" })).toBe(false);
  });
});
