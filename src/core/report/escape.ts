// Tenant content (config names, realms, ids, descriptions) is untrusted: it must not inject
// HTML, break a table, start a list or open a code span. Numeric entities are used because they
// work the same in Markdown text, table cells and inside <summary> (where backslashes do not).
// Tenant text never goes into an HTML attribute, so quotes need no escaping.
const MARKDOWN_SPECIALS = /[&<>|`*_[\]\\~#$]/g;
const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;" };

// Control characters and bidi overrides can garble terminals or hide text ("trojan source").
function isUnsafeChar(code: number): boolean {
  return (
    code <= 0x1f ||
    (code >= 0x7f && code <= 0x9f) ||
    code === 0x200e ||
    code === 0x200f ||
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2066 && code <= 0x2069)
  );
}

/** Plain text safe for one terminal line: control and bidi characters become spaces. */
export function sanitizeText(text: string): string {
  let out = "";
  for (const char of text) out += isUnsafeChar(char.codePointAt(0) ?? 0) ? " " : char;
  return out;
}

/** Inline Markdown/HTML-safe text for any context: paragraphs, list items, tables, <summary>. */
export function escapeMarkdown(text: string): string {
  const escaped = sanitizeText(text).replace(
    MARKDOWN_SPECIALS,
    (char) => ENTITIES[char] ?? `&#${char.charCodeAt(0)};`,
  );
  // A leading "-", "+", "1." or spaces would turn the text into a list or code block.
  return escaped.replace(
    /^(?:[-+=]|\d+(?=[.)])| +)/,
    (lead) => `&#${lead.charCodeAt(0)};${lead.slice(1)}`,
  );
}
