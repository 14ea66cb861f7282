// The report's format follows where it goes, as gh and kubectl do, unless --format says otherwise.
import { describe, expect, it } from "vitest";
import { chooseFormat } from "../../src/cli/format.js";

const where = (stdoutIsTerminal: boolean, toFile = false) => ({
  givenAs: "--format",
  toFile,
  stdoutIsTerminal,
});

describe("report format", () => {
  it("is text for a person at a terminal", () => {
    expect(chooseFormat({ given: undefined, ...where(true) })).toBe("text");
  });
  it("is Markdown when piped, or written with --output even from a terminal", () => {
    expect(chooseFormat({ given: undefined, ...where(false) })).toBe("markdown");
    expect(chooseFormat({ given: undefined, ...where(true, true) })).toBe("markdown");
  });
  it("is what --format says, wherever it goes", () => {
    expect(chooseFormat({ given: "markdown", ...where(true) })).toBe("markdown");
    expect(chooseFormat({ given: "json", ...where(false) })).toBe("json");
    expect(chooseFormat({ given: "text", ...where(false, true) })).toBe("text");
  });
  it("refuses an unknown format, naming where it came from", () => {
    expect(() =>
      chooseFormat({
        given: "html",
        givenAs: "TENANT_PROMOTE_FORMAT",
        toFile: false,
        stdoutIsTerminal: true,
      }),
    ).toThrow(/TENANT_PROMOTE_FORMAT is "html"; use markdown, json or text/);
  });
});
