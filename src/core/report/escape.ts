// Tenant content (config names, realms, ids, descriptions, job messages) is untrusted: it must
// not inject HTML (a job summary does not escape it), make a link, break a table or start a
// block. Only what GitHub would misread is escaped, so the Markdown stays readable as written:
// 11.5.0, pat_23102025 and a~b keep their characters. Tenant text never goes into an HTML
// attribute, so quotes need no escaping.

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

const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;" };

/**
 * Text inside HTML (a <summary>, where GitHub reads no Markdown): `<` and `>` always, `&` where
 * a browser could read an entity, with or without its ";" (&copy, &#49;); "a & b" stays.
 */
export function escapeHtml(text: string): string {
  return text.replace(/[<>]|&(?=[#A-Za-z0-9]|$)/g, (char) => ENTITIES[char] as string);
}

/**
 * Markdown reads an entity only with its ";", so "R&D" and "AT&T" stay as they are. A "&" that
 * ends the text is escaped too: what follows it in the line is not known here.
 */
const MARKDOWN_ENTITY = /&(?=#[0-9]{1,7};|#[xX][0-9a-fA-F]{1,6};|[A-Za-z][A-Za-z0-9]*;|$)/g;

/**
 * Our own Markdown sentences (run messages, next steps), whose `commands` are meant: only what
 * would be read as HTML or as an entity is escaped.
 */
export function escapeHtmlInMarkdown(text: string): string {
  return text
    .replace(MARKDOWN_ENTITY, "&amp;")
    .replace(/[<>]/g, (char) => ENTITIES[char] as string);
}

const WHITESPACE = /\s/u;
const PUNCTUATION = /[\p{P}\p{S}]/u;
const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/;

/**
 * Whether a run of `*`, `_` or `~` could open or close emphasis or strikethrough, by
 * CommonMark's flanking rules. Runs at either end of the text are escaped: what stands next
 * to them in the line (our bold, another tenant value) is not known here.
 */
function delimiterMatters(run: string, before: string | undefined, after: string | undefined) {
  if (before === undefined || after === undefined) return true;
  const space = (c: string) => WHITESPACE.test(c);
  const punct = (c: string) => PUNCTUATION.test(c);
  const left = !space(after) && (!punct(after) || space(before) || punct(before));
  const right = !space(before) && (!punct(before) || space(after) || punct(after));
  if (!run.startsWith("_")) return left || right;
  // Inside a word an underscore is just a character (snake_case, pat_23102025).
  return (left && (!right || punct(before))) || (right && (!left || punct(after)));
}

/**
 * The start of a line that would open a block: a list item, a rule (---), a heading, an
 * ordered list item, a link reference or task box ([x]). `*`, `_` and `~` are escaped anyway.
 */
const BLOCK_START =
  /^(?:[-+](?=\s|$)|-(?=(?:[ ]*-){2,}[ ]*$)|#{1,6}(?=\s|$)|\d{1,9}(?=[.)](?:\s|$))|\[(?=[ xX]\](?:\s|$)|[^\]]*\]:))/;

/**
 * Inline Markdown- and HTML-safe text for paragraphs, list items, headings and (with
 * escapeTableCell) table cells; never for inside HTML tags (use escapeHtml there).
 */
export function escapeMarkdown(text: string): string {
  // Leading and trailing spaces show nowhere, but could indent a code block or break a line.
  // HTML first: its entities (&lt;) are punctuation like what they replace, so the flanking
  // rules below read them the same.
  const chars = [...escapeHtmlInMarkdown(sanitizeText(text).replace(/^ +| +$/g, ""))];
  let out = "";
  for (let i = 0; i < chars.length; i++) {
    const char = chars[i] as string;
    const next = chars[i + 1];
    if (char === "*" || char === "_" || char === "~") {
      let end = i;
      while (chars[end + 1] === char) end++;
      const run = chars.slice(i, end + 1).join("");
      out += delimiterMatters(run, chars[i - 1], chars[end + 1]) ? run.replace(/./g, "\\$&") : run;
      i = end;
    } else if (char === "\\") {
      // Before punctuation (ours, after escaping, included) or at the end it would escape it.
      out += next === undefined || ASCII_PUNCTUATION.test(next) ? "\\\\" : "\\";
    } else if (char === "`") {
      out += "\\`";
    } else if (char === "]") {
      // Only "](" and "][" make a link or image, and whatever follows the text is unknown.
      out += next === undefined || next === "(" || next === "[" ? "\\]" : "]";
    } else if (char === "$") {
      // GitHub reads $…$ as math; a $ with a space on both sides cannot delimit it.
      const before = chars[i - 1];
      const alone =
        before !== undefined &&
        next !== undefined &&
        WHITESPACE.test(before) &&
        WHITESPACE.test(next);
      out += alone ? "$" : "&#36;";
    } else {
      out += char;
    }
  }
  const lead = BLOCK_START.exec(chars.join(""))?.[0];
  if (lead === undefined) return out;
  // "1." and "2)" keep their digits and lose their list meaning with an escaped "." or ")".
  return /^\d/.test(lead) ? `${lead}\\${out.slice(lead.length)}` : `\\${out}`;
}

/** escapeMarkdown for a table cell: a pipe in tenant text cannot split the row. */
export function escapeTableCell(text: string): string {
  return escapeMarkdown(text).replace(/\|/g, "\\|");
}

/**
 * A name or id as inline code: shown exactly as it is, nothing inside read as Markdown or
 * HTML. The fence is longer than any backtick run inside. `inTable` escapes pipes, which GFM
 * lets through a code span in a table cell.
 */
export function codeSpan(text: string, inTable = false): string {
  const clean = sanitizeText(text);
  if (clean.trim() === "") return "";
  const longest = Math.max(0, ...[...clean.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = "`".repeat(longest + 1);
  // A space on both sides is stripped once by the parser: it keeps a backtick at an edge apart.
  const pad = /^[` ]|[` ]$/.test(clean) ? " " : "";
  const span = `${fence}${pad}${clean}${pad}${fence}`;
  return inTable ? span.replace(/\|/g, "\\|") : span;
}
