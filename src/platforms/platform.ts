import type { ChangeCheck } from "../core/run/review.js";
import type { Held, ReleaseOutcome } from "../core/run/shell.js";
import type { Mode, RunResult } from "../core/run/types.js";
import type { Logger } from "../core/util/log.js";

/** One input: a CLI flag (with its environment variables) and an action input of the same name. */
export interface InputSpec {
  /** kebab-case, e.g. upper-fqdn; the action input and the --flag. */
  name: string;
  type: "string" | "boolean";
  /** Environment variables the CLI reads when the flag is absent, first match wins. */
  env: string[];
  help: string;
  /** The action input's description, where the CLI's help text reads wrong there. */
  actionHelp?: string;
  /** Shown in --help next to the flag. */
  placeholder?: string;
  default?: string;
  /** Masked in the action and scrubbed from every output. */
  secret?: boolean;
}

/** Inputs as given, by kebab-case name. */
export type RawInputs = Record<string, string | boolean | undefined>;

/** How each input is called where it came from, e.g. "--upper-fqdn" or `input "upper-fqdn"`. */
export type InputNamer = (kebabName: string) => string;

/**
 * What a promotion id looks like on a platform, so that a malformed `promotion-id` is refused
 * before any request: "uuid" on AIC and PingOne; "none" where the API has no promotions (the
 * platform's own validation refuses the input there).
 */
export type PromotionIdForm = "uuid" | "none";

/** Settings every platform reads the same way (validated by platforms/common.ts). */
export interface CommonSettings {
  mode: Mode;
  promotionId?: string;
  description?: string;
  promoter?: string;
  timeoutMs: number;
  lockWaitMs: number;
  requestTimeoutMs: number;
  timeScale: number;
  /** promote and rollback: the hash (or its prefix) of the report a reviewer approved. */
  reviewedReportHash?: string;
}

/** What the faces hand a run: where to log, how to cancel, and what to be told. */
export interface RunHooks {
  logger: Logger;
  signal?: AbortSignal;
  /** Recorded with the promotion (the PR title, the run URL); the platform's default otherwise. */
  description?: string;
  promoter?: string;
  /** Called the moment the run takes something it must give back (the action saves it). */
  onHeld?: (held: Held) => void;
  onReleased?: (held: Held) => void;
  /** Called when the run passes its point of no return: a cancel then no longer stops the work. */
  onPointOfNoReturn?: (what: string) => void;
  /**
   * promote and rollback: called with the report about to be applied, right before the point of
   * no return; throwing (report-changed, ...) stops the run with nothing changed.
   */
  beforeChange?: ChangeCheck;
}

/** Where a run acts, for people and for the PR comment's marker. */
export interface RunPlace {
  /** The environment changed (or read), e.g. its origin or id; absent when the mode has none. */
  target?: string;
  /** The environment promoted from, when there is one. */
  source?: string;
  /** The target's admin console, for people (the `environment-url` output); absent without a target. */
  consoleUrl?: string;
  /** Keys the PR comment: one comment per platform and target. */
  commentKey: string;
}

/** A connected platform: the clients exist, no request has been sent yet. */
export interface Connection {
  /** Tokens minted so far, so that every output can be scrubbed of them. */
  secrets(): string[];
  run(hooks: RunHooks): Promise<RunResult>;
  /**
   * The post step: give back (or follow up) what an earlier run left held. Bounded by
   * `budgetMs`; says whether it is confirmed released, and how running work it waited for
   * ended. Never throws.
   */
  release(held: Held, logger: Logger, budgetMs: number): Promise<ReleaseOutcome>;
  /** The command that releases it by hand. */
  releaseCommand(held: Held): string;
}

/** A validated run of one platform. */
export interface Configured {
  common: CommonSettings;
  place: RunPlace;
  /** Builds the clients; key problems surface here, still before any request. */
  connect(logger: Logger): Connection;
}

/** An environment of the environments file, as the platform reads it. */
export interface FileEnvironment {
  name: string;
  /** Every other field the file gave it (fqdn, environmentId, apiUrl, url, ...). */
  [field: string]: unknown;
}

export interface Platform {
  id: string;
  /** The product's name, for help and messages. */
  title: string;
  modes: readonly Mode[];
  /** One line per mode, for --help. */
  modeHelp: Partial<Record<Mode, string>>;
  /** This platform's own inputs (the common ones are in platforms/common.ts). */
  inputs: readonly InputSpec[];
  /** Checked by validateCommon before any request. */
  promotionIdForm: PromotionIdForm;
  /** Validates its inputs for `common.mode`; throws UsageError naming the input. No network. */
  configure(raw: RawInputs, common: CommonSettings, name: InputNamer): Configured;
  /** Environments file: checks an entry's fields; throws a message naming what is missing. */
  checkFileEnvironment(env: FileEnvironment): string | undefined;
  /** Whether a target can only promote from the environment listed before it. */
  sequentialOnly: boolean;
  /** False for a platform that acts on one environment alone (ArcGIS): any entry is a target. */
  needsSource: boolean;
  /**
   * Fills the inputs from the target and its source in the environments file. An input given
   * directly that names another environment is refused (the file decides the pair).
   */
  applyFileTarget(
    raw: RawInputs,
    target: FileEnvironment,
    source: FileEnvironment | undefined,
    name: InputNamer,
    describe: string,
  ): void;
  /** The emulator's own CLI options (ports), beyond --scenario and --speed. */
  emulatorInputs: readonly InputSpec[];
  /** The local emulator, loaded on demand (its YAML parser is not needed by the modes). */
  emulator(): Promise<EmulatorEntry>;
}

/** How the CLI starts a platform's emulator and runs its demo. */
export interface EmulatorEntry {
  /** What `tenant-promote demo` runs against it, in order. */
  demoModes: readonly Mode[];
  /** Starts it; a bad scenario file throws with the problem (the CLI names the file). */
  start(options: {
    raw: RawInputs;
    scenarioFile?: string;
    speed?: number;
    logger?: Logger;
    /** The demo runs on free ports, whatever the port options say. */
    ephemeralPorts?: boolean;
  }): Promise<RunningEmulatorHandle>;
}

export interface RunningEmulatorHandle {
  /** What to print: where it listens and the credentials to use. */
  banner: string;
  /** The inputs that point a run at this emulator (for the demo). */
  runInputs: RawInputs;
  close(): Promise<void>;
}
