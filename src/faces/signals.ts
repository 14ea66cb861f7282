// What both faces track while a run goes on, so that a signal knows what to say and what to stop:
// what the run holds, whether it passed its point of no return, and the cancel it can send.
// Each face decides what a signal does (the CLI exits on a second one; the action leaves the
// release to its post step on SIGTERM).
import type { Held } from "../core/run/shell.js";
import type { RunHooks } from "../platforms/platform.js";

export interface RunWatch {
  readonly cancel: AbortController;
  readonly startedAt: number;
  held(): Held | undefined;
  /** What passed its point of no return, if anything did. */
  pastPointOfNoReturn(): string | undefined;
  /** The hooks to hand the run; `also` is told too (the action saves each step to its state). */
  hooks(
    also?: Pick<RunHooks, "onHeld" | "onReleased" | "onPointOfNoReturn">,
  ): Pick<RunHooks, "signal" | "onHeld" | "onReleased" | "onPointOfNoReturn">;
}

export function watchRun(): RunWatch {
  const cancel = new AbortController();
  const startedAt = Date.now();
  let held: Held | undefined;
  let pastPointOfNoReturn: string | undefined;
  return {
    cancel,
    startedAt,
    held: () => held,
    pastPointOfNoReturn: () => pastPointOfNoReturn,
    hooks: (also = {}) => ({
      signal: cancel.signal,
      onHeld: (taken) => {
        held = taken;
        also.onHeld?.(taken);
      },
      onReleased: (released) => {
        held = undefined;
        also.onReleased?.(released);
      },
      onPointOfNoReturn: (what) => {
        pastPointOfNoReturn = what;
        also.onPointOfNoReturn?.(what);
      },
    }),
  };
}

/** Runs `work` with the handlers installed for SIGINT and SIGTERM, removing them afterwards. */
export async function withSignalHandlers<T>(
  handlers: Record<"SIGINT" | "SIGTERM", (signal: NodeJS.Signals) => void>,
  work: () => Promise<T>,
): Promise<T> {
  process.on("SIGINT", handlers.SIGINT);
  process.on("SIGTERM", handlers.SIGTERM);
  try {
    return await work();
  } finally {
    process.off("SIGINT", handlers.SIGINT);
    process.off("SIGTERM", handlers.SIGTERM);
  }
}
