// Every relative link of the README and docs/ leads somewhere: the file exists, and an #anchor
// names a heading of it (as GitHub makes anchors from headings).
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, normalize } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../../", import.meta.url));
const docs = [
  "README.md",
  ...readdirSync(join(root, "docs"))
    .filter((name) => name.endsWith(".md"))
    .map((name) => `docs/${name}`),
];

/** Markdown outside fenced code blocks. */
function prose(text: string): string {
  return text.replace(/^```[\s\S]*?^```/gm, "");
}

/** GitHub's anchors: lower case, punctuation dropped, spaces as hyphens, repeats numbered. */
function anchors(markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const found = new Set<string>();
  for (const [, heading] of prose(markdown).matchAll(/^#{1,6} (.+)$/gm)) {
    const slug = (heading as string)
      .trim()
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, "")
      .replace(/\s/g, "-");
    const count = seen.get(slug) ?? 0;
    seen.set(slug, count + 1);
    found.add(count === 0 ? slug : `${slug}-${count}`);
  }
  return found;
}

const links = docs.flatMap((doc) =>
  [...prose(readFileSync(join(root, doc), "utf8")).matchAll(/\]\(([^)\s]+)\)/g)]
    .map((m) => m[1] as string)
    .filter((target) => !/^[a-z]+:/i.test(target))
    .map((target) => [doc, target] as const),
);

describe("links in the docs", () => {
  it("finds the links", () => {
    expect(links.length).toBeGreaterThan(20);
    expect(anchors("# A `b` (c): d\n## A `b` (c): d")).toEqual(new Set(["a-b-c-d", "a-b-c-d-1"]));
  });

  it.each(links)("%s: %s resolves", (doc, target) => {
    const [path, anchor] = target.split("#") as [string, string | undefined];
    const file = path === "" ? doc : normalize(join(dirname(doc), path));
    expect(existsSync(join(root, file)), `${file} does not exist`).toBe(true);
    if (anchor !== undefined) {
      expect([...anchors(readFileSync(join(root, file), "utf8"))]).toContain(anchor);
    }
  });
});
