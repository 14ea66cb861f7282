// Cold start of the action's one bundle: how long the runner waits before dist/index.js has
// loaded and answered. Each run gets bad input on purpose, so it ends right after loading
// (nothing is sent anywhere). Run: npm run bundle && node bench/cold-start.js [runs]
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { stats } from "./stats.js";

const runs = Number(process.argv[2] ?? 15);
const bundle = fileURLToPath(new URL("../dist/index.js", import.meta.url));
// The action runs on node24: measure there, fetched once from the registry.
const node24 = execFileSync("npx", ["-y", "node@24", "-p", "process.execPath"], {
  encoding: "utf8",
}).trim();
const dir = mkdtempSync(join(tmpdir(), "cold-start-"));
const times = [];
try {
  for (let i = 0; i < runs; i++) {
    for (const file of ["state", "output"]) writeFileSync(join(dir, file), "");
    const started = process.hrtime.bigint();
    const run = spawnSync(node24, [bundle], {
      env: {
        PATH: process.env.PATH,
        GITHUB_STATE: join(dir, "state"),
        GITHUB_OUTPUT: join(dir, "output"),
        INPUT_MODE: "dry-run",
      },
      encoding: "utf8",
    });
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
    if (!run.stdout.includes("::error::"))
      throw new Error(`unexpected output: ${run.stdout}${run.stderr}`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
const { median, p90, min } = stats(times);
console.log(
  `node ${execFileSync(node24, ["--version"], { encoding: "utf8" }).trim()}, ${runs} runs of dist/index.js to its first answer`,
);
console.log(`median ${median.toFixed(0)} ms, p90 ${p90.toFixed(0)} ms, best ${min.toFixed(0)} ms`);
