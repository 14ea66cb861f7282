// A lower/upper pair of environments sharing one lock, one clock and one set of faults.

import { isRequestFault, RequestFaults } from "../../../core/emulator/faults.js";
import { Timeline } from "../../../core/emulator/timeline.js";
import { type ContentEdit, editContent } from "./edits.js";
import { EmulatedEnvironment, type PairContext, READY_MESSAGE } from "./environment.js";
import type { Fault } from "./faults.js";
import { PairLock } from "./lock.js";
import type { PairHost } from "./promotion.js";
import type { Scenario } from "./scenario.js";
import type { EmulatorEvent, EnvName } from "./types.js";

export class Tenant implements PairHost, PairContext {
  readonly timeline: Timeline;
  readonly lock: PairLock;
  readonly lower: EmulatedEnvironment;
  readonly upper: EmulatedEnvironment;
  readonly events: EmulatorEvent[] = [];
  readonly requestFaults = new RequestFaults();
  private readonly blocking = { promotion: false, dryRun: false, rollback: false };
  private releaseUpgrade = false;
  private stuckLocks = 0;
  private dryRunsEnded = 0;
  /** Scenario edits not applied yet. */
  private pendingEdits: ContentEdit[];

  constructor(scenario: Scenario, speed: number, now = Date.now()) {
    this.timeline = new Timeline(speed);
    this.lock = new PairLock(this.timeline, {
      record: (event, at) => this.record(event, at),
      onLocked: (at, promotionId) => this.onLocked(at, promotionId),
      // Someone edits between runs: an edit due after a dry run lands once its run has let go.
      onUnlocked: () => this.applyDueEdits(),
    });
    const { lower, upper } = scenario.environments;
    const lifetime = scenario.tokenLifetimeSeconds;
    this.lower = new EmulatedEnvironment("lower", this, lower, lifetime, now);
    this.upper = new EmulatedEnvironment("upper", this, upper, lifetime, now);
    for (const fault of scenario.faults) this.addFault(fault, now);
    this.pendingEdits = [...scenario.edits];
    this.applyDueEdits();
  }

  /** Merges `content` into the content of `env`'s item with `uid`, as someone editing it would. */
  editItem(env: EnvName, uid: string, content: unknown): void {
    editContent(this[env].config, env, uid, content);
  }

  /** Counted when the dry run ends; its edits wait until the environments are unlocked. */
  dryRunEnded(): void {
    this.dryRunsEnded += 1;
  }

  private applyDueEdits(): void {
    const due = this.pendingEdits.filter((edit) => edit.afterDryRuns <= this.dryRunsEnded);
    this.pendingEdits = this.pendingEdits.filter((edit) => !due.includes(edit));
    for (const edit of due) this.editItem(edit.env, edit.uid, edit.content);
  }

  record(event: Omit<EmulatorEvent, "at">, at: number): void {
    this.events.push({ ...event, at });
  }

  advance(now = Date.now()): void {
    this.timeline.advance(now);
  }

  releaseUpgradePending(): boolean {
    return this.releaseUpgrade;
  }

  blockingErrorFor(kind: "promotion" | "dryRun" | "rollback"): boolean {
    return this.blocking[kind];
  }

  /** True (once per stuck-locking fault count) when the next lock must never complete. */
  takeStuckLock(): boolean {
    if (this.stuckLocks <= 0) return false;
    this.stuckLocks -= 1;
    return true;
  }

  addFault(fault: Fault, now = Date.now()): void {
    this.advance(now);
    if (isRequestFault(fault)) {
      this.requestFaults.add(fault);
      return;
    }
    switch (fault.kind) {
      case "lockHeldBy":
        this.lock.hold(fault.promotionId, now, secondsToMs(fault.releaseAfterSeconds));
        break;
      case "maintenanceLock":
        this.lock.hold(undefined, now, secondsToMs(fault.releaseAfterSeconds));
        break;
      case "blockingError":
        this.blocking.promotion ||= fault.promotion ?? false;
        this.blocking.dryRun ||= fault.dryRun ?? false;
        this.blocking.rollback ||= fault.rollback ?? false;
        break;
      case "releaseUpgrade":
        this.releaseUpgrade = fault.value ?? true;
        break;
      case "stuckLocking":
        this.stuckLocks += fault.count ?? 1;
        break;
    }
  }

  close(): void {
    this.timeline.close();
  }

  /** A new lock makes a pair ready again, unless a blocking error left it blocked. */
  private onLocked(at: number, promotionId: string | undefined): void {
    if (promotionId === undefined) return;
    for (const env of [this.lower, this.upper]) {
      if (env.blocked) continue;
      env.setStatus({
        status: "READY",
        message: READY_MESSAGE,
        promotionId,
        timeStamp: at,
        type: "promotion",
      });
    }
  }
}

function secondsToMs(seconds: number | undefined): number | undefined {
  return seconds === undefined ? undefined : seconds * 1000;
}
