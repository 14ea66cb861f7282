// Fits a rendered report under a size limit (PR comments: 65,536 chars) by dropping whole
// blocks, never characters, so every <details> stays closed and no entity or tag is cut.

export interface Section {
  text: string;
  /** Sections with a rank may go as a last resort, lowest rank first; others always stay. */
  dropRank?: number;
}

export interface Blocks {
  head: Section[];
  /** Config item lists, dropped from the end first. */
  items: string[];
  tail: Section[];
}

const SEPARATOR = "\n\n";

function joinBlocks(blocks: string[]): string {
  return `${blocks.join(SEPARATOR)}\n`;
}

export function fitBlocks(blocks: Blocks, maxLength: number | undefined): string {
  const head = blocks.head.map((section) => section.text);
  const tail = blocks.tail.map((section) => section.text);
  const full = joinBlocks([...head, ...blocks.items, ...tail]);
  if (maxLength === undefined || full.length <= maxLength) return full;

  const fixedLength = lengthOf([...head, ...tail]);
  // prefix[k]: length of the first k items; lengths are counted, not re-joined, for big reports.
  const prefix = [0];
  for (const item of blocks.items) prefix.push((prefix.at(-1) ?? 0) + item.length);
  for (let kept = blocks.items.length - 1; kept >= 0; kept--) {
    const note = trimNote(blocks.items.length - kept, 0);
    const blockCount = head.length + kept + 1 + tail.length;
    const separators = SEPARATOR.length * (blockCount - 1);
    const total = fixedLength + (prefix[kept] ?? 0) + note.length + separators + 1;
    if (total <= maxLength) {
      return joinBlocks([...head, ...blocks.items.slice(0, kept), note, ...tail]);
    }
  }
  return dropSections(blocks, maxLength);
}

/** Last resort: no items left and still too long, so drop ranked sections too. */
function dropSections(blocks: Blocks, maxLength: number): string {
  const ranked = [...blocks.head, ...blocks.tail]
    .filter((section) => section.dropRank !== undefined)
    .sort((a, b) => (a.dropRank ?? 0) - (b.dropRank ?? 0));
  const dropped = new Set<Section>();
  const render = () => {
    const note = trimNote(blocks.items.length, dropped.size);
    const keep = (sections: Section[]) =>
      sections.filter((section) => !dropped.has(section)).map((section) => section.text);
    return joinBlocks([...keep(blocks.head), note, ...keep(blocks.tail)]);
  };
  let text = render();
  for (const section of ranked) {
    if (text.length <= maxLength) return text;
    dropped.add(section);
    text = render();
  }
  if (text.length <= maxLength) return text;
  // Even the fixed sections do not fit: the tag-free footer alone, or nothing.
  const footer = blocks.tail.at(-1)?.text ?? "";
  return footer.length + 1 <= maxLength ? `${footer}\n` : "";
}

export function trimNote(items: number, sections: number): string {
  const parts: string[] = [];
  if (items > 0 || sections === 0) parts.push(`${items} more ${items === 1 ? "item" : "items"}`);
  if (sections > 0) parts.push(`${sections} more ${sections === 1 ? "section" : "sections"}`);
  return `… trimmed: ${parts.join(" and ")}; see the full JSON report`;
}

function lengthOf(blocks: string[]): number {
  return blocks.reduce((sum, block) => sum + block.length, 0);
}
