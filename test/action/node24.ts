// The action declares `runs.using: node24`, so its bundle is run with Node 24 whatever runs vitest.
import { execFile } from "node:child_process";
import { promisify } from "node:util";

let cached: Promise<string> | undefined;

/** Absolute path of a Node 24 binary; fetched once per test process via the `node` npm package. */
export function node24(): Promise<string> {
  cached ??= resolveNode24().catch((error: unknown) => {
    cached = undefined; // let a later test retry a failed fetch
    throw error;
  });
  return cached;
}

async function resolveNode24(): Promise<string> {
  if (process.version.startsWith("v24.")) return process.execPath;
  const { stdout } = await promisify(execFile)("npx", ["-y", "node@24", "-p", "process.execPath"], {
    timeout: 120_000,
    env: process.env,
  });
  // npm may print warnings around the answer; the path is the last line.
  const path = stdout.trim().split("\n").pop()?.trim();
  if (!path) throw new Error(`npx node@24 printed no path:\n${stdout}`);
  return path;
}
