// Core speaks no platform: its code (comments aside, where an example may name one) holds no
// platform's name and no notion only one platform has, so a new platform never edits core.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const CORE = fileURLToPath(new URL("../../src/core", import.meta.url));
/** Words of a single platform: names, AIC's environments, realms and ESVs. */
const PLATFORM_WORDS = ["upper", "lower", "realm", "realms", "aic"];
const PLATFORM_NAMES = /pingone|arcgis|esv/i;
/** Built-ins whose camel-case parts read like a platform word. */
const ALLOWED = new Set(["toUpperCase", "toLowerCase"]);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith(".ts") ? [path] : [];
  });
}

function withoutComments(code: string): string {
  return code.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:"'`])\/\/.*$/gm, "$1");
}

/** Every identifier and word of `code` (strings included) that names a platform. */
function platformWords(code: string): string[] {
  const found: string[] = [];
  for (const [token] of withoutComments(code).matchAll(/[A-Za-z_$][\w$]*/g)) {
    if (ALLOWED.has(token)) continue;
    const parts = token
      .split(/_|(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])/)
      .map((part) => part.toLowerCase());
    if (PLATFORM_NAMES.test(token) || parts.some((part) => PLATFORM_WORDS.includes(part)))
      found.push(token);
  }
  return found;
}

describe("core's vocabulary", () => {
  it("finds platform words in code, not in comments or built-ins", () => {
    expect(platformWords('const upperFqdn = "x"; // the upper environment')).toEqual(["upperFqdn"]);
    expect(platformWords("entry.realm ?? missingESVs; /* AIC */ name.toUpperCase()")).toEqual([
      "realm",
      "missingESVs",
    ]);
    expect(platformWords('kind === "PingOne" || ArcGisClient || isAic')).toEqual([
      "PingOne",
      "ArcGisClient",
      "isAic",
    ]);
  });

  it("src/core names no platform and no notion only one platform has", () => {
    const found = sourceFiles(CORE).flatMap((file) =>
      platformWords(readFileSync(file, "utf8")).map((word) => `${relative(CORE, file)}: ${word}`),
    );
    expect(found).toEqual([]);
  });
});
