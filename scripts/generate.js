// Writes the generated files from the input specs: the root action.yml and one per platform
// folder. Run `npm run generate` (it builds lib/ first); a test fails when a file is stale.
import { mkdir, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { actionFiles } from "../lib/action/metadata.js";

for (const [path, text] of Object.entries(actionFiles())) {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, text);
  console.log(`wrote ${path}`);
}
