// Writes the generated files from the input specs: the root action.yml, one per platform
// folder, and the reference sections of docs/action.md and docs/cli.md (between their markers).
// Run `npm run generate` (it builds lib/ first); a test fails when a file is stale.
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { actionFiles } from "../lib/action/metadata.js";
import { GENERATED_SECTIONS, withGeneratedSection } from "../lib/action/reference.js";

for (const [path, text] of Object.entries(actionFiles())) {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, text);
  console.log(`wrote ${path}`);
}
for (const section of GENERATED_SECTIONS) {
  const doc = await readFile(section.file, "utf8");
  await writeFile(section.file, withGeneratedSection(doc, section.marker, section.text()));
  console.log(`wrote ${section.file} (${section.marker})`);
}
