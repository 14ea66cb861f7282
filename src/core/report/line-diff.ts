// Long text (a script's source) as a unified line diff: the hunks only, without file headers,
// as a reviewer reads them in a fenced `diff` block.
import { structuredPatch } from "diff";

/** Lines of context around each change, as `diff -u` shows. */
const CONTEXT = 3;

/** "@@ -1,3 +1,4 @@" hunks with " ", "-" and "+" lines; "" when the texts are equal. */
export function unifiedLineDiff(before: string, after: string): string {
  if (before === after) return "";
  const patch = structuredPatch("before", "after", before, after, "", "", { context: CONTEXT });
  const lines: string[] = [];
  for (const hunk of patch.hunks) {
    lines.push(`@@ -${hunk.oldStart},${hunk.oldLines} +${hunk.newStart},${hunk.newLines} @@`);
    // "\ No newline at end of file" says nothing a reviewer of a script needs.
    lines.push(...hunk.lines.filter((line) => !line.startsWith("\\")));
  }
  return lines.join("\n");
}

/** The same diff read the other way (after to before): what undoing the change does. */
export function reversedLineDiff(diff: string): string {
  return diff
    .split("\n")
    .map((line) => {
      const hunk = /^@@ -(\S+) \+(\S+) @@(.*)$/.exec(line);
      if (hunk) return `@@ -${hunk[2]} +${hunk[1]} @@${hunk[3]}`;
      if (line.startsWith("+")) return `-${line.slice(1)}`;
      if (line.startsWith("-")) return `+${line.slice(1)}`;
      return line;
    })
    .join("\n");
}
