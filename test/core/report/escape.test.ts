// Tenant text in Markdown: what GitHub would misread is escaped, and only that, so the source
// reads as written (no &#49;1.5.0, pat&#95;23102025 or &#126;) and HTML can never get through.
import { describe, expect, it } from "vitest";
import {
  codeSpan,
  escapeHtml,
  escapeHtmlInMarkdown,
  escapeMarkdown,
  escapeTableCell,
} from "../../../src/core/report/escape.js";

describe("escapeMarkdown", () => {
  it.for([
    "11.5.0",
    "11.5.0.6820",
    "pat_23102025",
    "pat_07102025_6820",
    "snake__case_name",
    "a ~ b",
    "2 * 3",
    "R&D",
    "AT&T",
    "a & b",
    "Login (alpha)",
    "emailTemplate-welcome.json",
    "user@example.com",
    "#hashtag",
    "-dash",
    "1st",
    "2024.06.12",
    "50% off!",
    "a\\b",
    "cost $ 5 each",
    "[INFO",
  ])("leaves %j as it is", (text) => {
    expect(escapeMarkdown(text)).toBe(text);
  });

  it.for([
    // HTML: never gets through, in any position.
    ["<img src=x onerror=alert(1)>", "&lt;img src=x onerror=alert(1)&gt;"],
    ["Email > Templates", "Email &gt; Templates"],
    ["&amp; &#49; &#x31; &copy;", "&amp;amp; &amp;#49; &amp;#x31; &amp;copy;"],
    ["ends with &", "ends with &amp;"],
    // Emphasis and strikethrough where a delimiter could open or close.
    ["*bold*", "\\*bold\\*"],
    ["_init_", "\\_init\\_"],
    ["a*b*c", "a\\*b\\*c"],
    ["~~gone~~", "\\~\\~gone\\~\\~"],
    ["~1.2", "\\~1.2"],
    ["emailTemplate-*.json", "emailTemplate-\\*.json"],
    // Code spans, links, math.
    ["`rm -rf`", "\\`rm -rf\\`"],
    ["[link](http://x)", "[link\\](http://x)"],
    ["see [1](x)", "see [1\\](x)"],
    ["$x$", "&#36;x&#36;"],
    ["a\\*b", "a\\\\\\*b"],
    ["trailing\\", "trailing\\\\"],
    // Blocks, at the start only.
    ["- not a list", "\\- not a list"],
    ["+ not a list", "\\+ not a list"],
    ["* not a list", "\\* not a list"],
    ["# not a heading", "\\# not a heading"],
    ["### not a heading", "\\### not a heading"],
    ["1. not a list", "1\\. not a list"],
    ["12) not a list", "12\\) not a list"],
    ["---", "\\---"],
    ["[x] not a task", "\\[x] not a task"],
    ["[ref]: http://x", "\\[ref]: http://x"],
    ["> not a quote", "&gt; not a quote"],
    ["    not code", "not code"],
    ["line one\nline two", "line one line two"],
  ])("escapes %j as %j", ([text, escaped]) => {
    expect(escapeMarkdown(text as string)).toBe(escaped);
  });
});

describe("the other contexts", () => {
  it("a table cell also escapes the pipe, and only there", () => {
    expect(escapeTableCell("a|b")).toBe("a\\|b");
    expect(escapeMarkdown("a|b")).toBe("a|b");
  });

  it("HTML (inside <summary>) escapes only HTML, with entities a browser reads without ';'", () => {
    expect(escapeHtml("</summary><script>*x*</script>")).toBe(
      "&lt;/summary&gt;&lt;script&gt;*x*&lt;/script&gt;",
    );
    expect(escapeHtml("a&copy b & pat_1")).toBe("a&amp;copy b & pat_1");
  });

  it("our own sentences keep their `commands`; only HTML and entities are escaped", () => {
    expect(escapeHtmlInMarkdown("Run `tenant-promote status` for <id> & R&D &copy;")).toBe(
      "Run `tenant-promote status` for &lt;id&gt; & R&D &amp;copy;",
    );
  });

  it("code spans show ids exactly, whatever backticks they hold", () => {
    expect(codeSpan("pat_23102025_6825")).toBe("`pat_23102025_6825`");
    expect(codeSpan("a`b")).toBe("``a`b``");
    expect(codeSpan("`edge`")).toBe("`` `edge` ``");
    expect(codeSpan("<b>&amp;")).toBe("`<b>&amp;`");
    expect(codeSpan("a|b", true)).toBe("`a\\|b`");
    expect(codeSpan("")).toBe("");
  });
});
