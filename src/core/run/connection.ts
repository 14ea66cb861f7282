// A platform's runs from its mode table: core wires the shell, the one release procedure and the
// command that releases by hand, once, for the run and for a later post step alike.
import type { Logger } from "../util/log.js";
import { EngineFailure } from "./failure.js";
import type { RunContext } from "./poll.js";
import { type Held, type ReleaseOutcome, runShell, type ShellOptions } from "./shell.js";
import { MODES, type Mode, type RunResult, type Work } from "./types.js";

/** One mode's work: the platform's context, a way to say what it took, the faces' hooks it reads. */
export type ModeWork<C, H> = (ctx: C, hold: (held: Held) => void, hooks: H) => Promise<Work>;

/** The modes a platform offers, each with its work. */
export type ModeTable<C, H> = Partial<Record<Mode, ModeWork<C, H>>>;

/** The table's modes, in the table's order: the order help and messages list them in. */
export function modesOf(table: Partial<Record<Mode, unknown>>): Mode[] {
  const known = new Set<string>(MODES);
  return Object.keys(table).filter((mode): mode is Mode => known.has(mode));
}

/** What a platform gives for its runs: modes, one release, and how to read its failures. */
export interface ModeProcedure<C, H> {
  modes: ModeTable<C, H>;
  /** The platform's context for a run: the shell's, with its clients, settings and hooks. */
  context(run: RunContext, hooks: H): C;
  /** Gives back (or follows up) what a run took; never throws. */
  release(held: Held, logger: Logger, budgetMs: number): Promise<ReleaseOutcome>;
  /** The command that releases it by hand. */
  releaseCommand(held: Held): string;
  /** Maps anything the work threw to a failure in the platform's words. */
  classify(error: unknown): EngineFailure;
  /** Facts every result of the platform carries (empty lists), which the run's own override. */
  details?: Record<string, unknown>;
}

/** What the faces hand every run: where to log, how to cancel, and what to be told. */
export type ShellHooks = Pick<
  ShellOptions,
  "logger" | "signal" | "onHeld" | "onReleased" | "onPointOfNoReturn" | "releaseBudgetMs"
>;

/** The run's bounds, from the platform's validated settings. */
export type RunBounds = Pick<ShellOptions, "mode" | "timeoutMs" | "timeScale">;

/** Runs `bounds.mode` of the table through the shell. Never throws: every outcome is a RunResult. */
export async function runModes<C, H>(
  bounds: RunBounds,
  hooks: ShellHooks & H,
  procedure: ModeProcedure<C, H>,
): Promise<RunResult> {
  const work = procedure.modes[bounds.mode];
  const result = await runShell(
    { ...hooks, mode: bounds.mode, timeoutMs: bounds.timeoutMs, timeScale: bounds.timeScale },
    {
      work: (run, hold) => {
        if (!work) throw new EngineFailure("usage", `this platform has no ${bounds.mode} mode`);
        return work(procedure.context(run, hooks), hold, hooks);
      },
      release: (held, budgetMs) => procedure.release(held, hooks.logger, budgetMs),
      releaseCommand: (held) => procedure.releaseCommand(held),
      classify: (error) => procedure.classify(error),
    },
  );
  if (procedure.details) result.details = { ...procedure.details, ...result.details };
  return result;
}

/** A connected platform's runs and releases, wired once from its procedure. */
export function connectionFrom<C, H>(
  bounds: RunBounds,
  secrets: () => string[],
  procedure: ModeProcedure<C, H>,
) {
  return {
    secrets,
    run: (hooks: ShellHooks & H) => runModes(bounds, hooks, procedure),
    release: (held: Held, logger: Logger, budgetMs: number) =>
      procedure.release(held, logger, budgetMs),
    releaseCommand: (held: Held) => procedure.releaseCommand(held),
  };
}
