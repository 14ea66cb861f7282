// The README is the front page: short, with the two commands, how to use it before a release and
// which release comes first.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), "utf8");
const readme = read("README.md");
const { version } = JSON.parse(read("package.json")) as { version: string };

describe("README", () => {
  it("fits on a front page (at most about 400 lines)", () => {
    expect(readme.split("\n").length).toBeLessThanOrEqual(400);
  });

  it("gives the two commands: the demo and the tests", () => {
    expect(readme).toContain("npm ci && npm run demo");
    expect(readme).toMatch(/^npm test\b/m);
  });

  it("says how to use it before a release, and that the first release moves v1", () => {
    expect(readme).toContain("node bin/tenant-promote.js");
    expect(readme).toContain("uses: tenant-promote/tenant-promote/aic@<sha>");
    expect(version).toBe("1.0.0");
    expect(readme).toContain(`**v${version}**`);
    expect(readme).toMatch(/moves the major tag `v1`/);
  });

  it("has a quick start per platform with its per-platform action", () => {
    for (const id of ["aic", "pingone", "arcgis"])
      expect(readme).toContain(`uses: tenant-promote/tenant-promote/${id}@v1`);
  });
});
