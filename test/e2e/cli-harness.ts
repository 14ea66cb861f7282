// Runs the real, built CLI (bin/tenant-promote.js → lib/) as a child process, as a CI job would.
import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

const BIN = fileURLToPath(new URL("../../bin/tenant-promote.js", import.meta.url));

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface RunningCli {
  child: ChildProcess;
  result: Promise<CliRun>;
  /** Resolves once a stderr line matches (e.g. the lock was taken), to act mid-run. */
  waitForStderr(pattern: RegExp, timeoutMs?: number): Promise<void>;
}

/** Asynchronous on purpose: the emulator serves from this same process. */
export function startCli(args: string[], env: Record<string, string> = {}): RunningCli {
  const child = spawn(process.execPath, [BIN, ...args], {
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/tmp", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  const watchers: { pattern: RegExp; resolve: () => void }[] = [];
  child.stdout?.on("data", (chunk: Buffer) => {
    stdout += chunk.toString("utf8");
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString("utf8");
    for (const watcher of [...watchers]) {
      if (watcher.pattern.test(stderr)) {
        watchers.splice(watchers.indexOf(watcher), 1);
        watcher.resolve();
      }
    }
  });
  const result = new Promise<CliRun>((resolve) => {
    child.on("close", (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  return {
    child,
    result,
    waitForStderr(pattern, timeoutMs = 20_000) {
      if (pattern.test(stderr)) return Promise.resolve();
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`stderr never matched ${pattern}:\n${stderr}`)),
          timeoutMs,
        );
        watchers.push({
          pattern,
          resolve: () => {
            clearTimeout(timer);
            resolve();
          },
        });
      });
    },
  };
}

export function runCli(args: string[], env: Record<string, string> = {}): Promise<CliRun> {
  return startCli(args, env).result;
}
