// The engine reports progress through this interface; the CLI writes to stderr,
// the action to the runner log. Nothing GitHub-specific lives here.
export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  debug(message: string): void;
  /** Set where debug lines are shown (--verbose): then every HTTP request gets one too. */
  readonly verbose?: boolean;
}

export const silentLogger: Logger = { info() {}, warn() {}, debug() {} };

/** Collects lines in memory; handy in tests. */
export class MemoryLogger implements Logger {
  readonly lines: string[] = [];
  info(message: string): void {
    this.lines.push(`info: ${message}`);
  }
  warn(message: string): void {
    this.lines.push(`warn: ${message}`);
  }
  debug(message: string): void {
    this.lines.push(`debug: ${message}`);
  }
}
