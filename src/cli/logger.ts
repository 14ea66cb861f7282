import type { Logger } from "../core/util/log.js";

export type Verbosity = "quiet" | "normal" | "verbose";

/**
 * Progress lines to stderr, time-stamped, scrubbed of every secret the run knows
 * (given tokens and keys, and tokens minted during the run).
 */
export function stderrLogger(verbosity: Verbosity, scrub: (text: string) => string): Logger {
  const write = (level: string, message: string) => {
    const time = new Date().toISOString().slice(11, 19);
    process.stderr.write(`${time} ${level}${scrub(message)}\n`);
  };
  return {
    verbose: verbosity === "verbose",
    info: (m) => verbosity !== "quiet" && write("", m),
    warn: (m) => write("warning: ", m),
    debug: (m) => verbosity === "verbose" && write("debug: ", m),
  };
}
