// The promotion lock of a lower/upper pair. Locking and unlocking take time on each
// environment; the pair's result is "locked" only when both are.
import { randomUUID } from "node:crypto";
import { ok, type Reply } from "../../../core/emulator/reply.js";
import type { Timeline } from "../../../core/emulator/timeline.js";
import type { LockResult, LockState } from "../types.js";
import { errorReply } from "./reply.js";
import type { EmulatorEvent, EnvName } from "./types.js";

type EnvLockPhase = "unlocked" | "locking" | "locked" | "unlocking";

/** Real-tenant durations: the lower environment finishes a little before the upper one. */
export const LOCK_MS: Record<EnvName, number> = { lower: 12_000, upper: 15_000 };
export const UNLOCK_MS: Record<EnvName, number> = { lower: 8_000, upper: 10_000 };

const ENVS: EnvName[] = ["lower", "upper"];
const MAINTENANCE_STATE = "Environment is locked by Ping Identity for maintenance";
const MAINTENANCE_CONFLICT = `${MAINTENANCE_STATE}. Retry later.`;

interface Holder {
  promotionId?: string;
  maintenance: boolean;
  /** Stuck in "locking": the upper environment never finishes locking. */
  stuck: boolean;
}

export interface LockHooks {
  record(event: Omit<EmulatorEvent, "at">, at: number): void;
  /** Both environments are locked by `promotionId` (undefined for maintenance). */
  onLocked(at: number, promotionId: string | undefined): void;
  onUnlocked(at: number): void;
}

export class PairLock {
  holder: Holder | undefined;
  readonly phase: Record<EnvName, EnvLockPhase> = { lower: "unlocked", upper: "unlocked" };
  private pending: (() => void)[] = [];

  constructor(
    private readonly timeline: Timeline,
    private readonly hooks: LockHooks,
  ) {}

  /** The pair's result, or one environment's when `env` is given. */
  result(env?: EnvName): LockResult {
    if (env) return this.phase[env];
    const { lower, upper } = this.phase;
    if (lower === upper) return lower;
    if (lower === "unlocking" || upper === "unlocking") return "unlocking";
    return "locking";
  }

  /** Promotion id of a lock taken through the API (not maintenance). */
  get promotionId(): string | undefined {
    return this.holder?.promotionId;
  }

  isLockedFor(env: EnvName): boolean {
    return this.phase[env] === "locked" && this.holder !== undefined && !this.holder.maintenance;
  }

  state(env: EnvName, localOnly = false): LockState {
    const result = this.result(localOnly ? env : undefined);
    const id = this.holder?.promotionId;
    const body: LockState = { description: this.describe(result), result };
    if (id) body.promotionId = id;
    for (const name of localOnly ? [env] : ENVS) {
      const entry = id ? { promotionId: id, state: this.phase[name] } : { state: this.phase[name] };
      body[name === "lower" ? "lowerEnv" : "upperEnv"] = entry;
    }
    return body;
  }

  private describe(result: LockResult): string {
    if (this.holder?.maintenance && result !== "unlocked") return MAINTENANCE_STATE;
    return {
      unlocked: "Environment unlocked",
      locking: "Environment lock in progress",
      locked: "Environment locked",
      unlocking: "Environment unlock in progress",
      error: "Environment lock failed",
    }[result];
  }

  private conflict(): Reply {
    if (this.holder?.maintenance) return errorReply(409, MAINTENANCE_CONFLICT);
    return errorReply(
      409,
      `Environment is already locked for promotion ${this.holder?.promotionId}`,
    );
  }

  /** POST /lock: starts locking both environments, or refuses while any lock exists. */
  requestLock(env: EnvName, now: number, stuck: boolean): Reply {
    if (this.holder) return this.conflict();
    const promotionId = randomUUID();
    this.holder = { promotionId, maintenance: false, stuck };
    this.hooks.record({ env, kind: "lock-requested", detail: promotionId }, now);
    for (const name of ENVS) {
      this.phase[name] = "locking";
      if (stuck && name === "upper") continue;
      this.pending.push(this.timeline.after(now, LOCK_MS[name], (at) => this.envLocked(name, at)));
    }
    return ok({ promotionId, result: "locking", description: "Environment lock in progress" }, 202);
  }

  /** DELETE /lock/{id}. `busy` when a promotion or rollback is running. */
  requestUnlock(env: EnvName, promotionId: string, now: number, busy: boolean): Reply {
    const result = this.result();
    if (!this.holder || result === "unlocked")
      return ok({ description: "Environment unlocked", promotionId, result: "unlocked" });
    if (this.holder.maintenance) return errorReply(409, MAINTENANCE_CONFLICT);
    if (this.holder.promotionId !== promotionId)
      return errorReply(
        409,
        `Environment is locked for promotion ${this.holder.promotionId}, not ${promotionId}`,
      );
    if (result === "unlocking")
      return errorReply(409, "Environment is unlocking; wait until it is unlocked");
    // A lock stuck in "locking" must stay releasable, or the pair could never be freed.
    if (result === "locking" && !this.holder.stuck)
      return errorReply(409, "Environment is locking; wait until it is locked, then unlock");
    if (busy) return errorReply(409, "A promotion or rollback is running; unlock when it ends");
    this.hooks.record({ env, kind: "unlock-requested", detail: promotionId }, now);
    this.startUnlocking(now);
    return ok(
      { description: "Environment unlock in progress", promotionId, result: "unlocking" },
      202,
    );
  }

  /** Fault: the pair is held by someone else (a promotion id, or maintenance when absent). */
  hold(promotionId: string | undefined, now: number, releaseAfterRealMs?: number): void {
    this.cancelPending();
    this.holder = { promotionId, maintenance: promotionId === undefined, stuck: false };
    for (const name of ENVS) {
      this.phase[name] = "locked";
      this.hooks.record({ env: name, kind: "locked", detail: promotionId ?? "maintenance" }, now);
    }
    if (releaseAfterRealMs !== undefined)
      this.pending.push(
        this.timeline.after(now, releaseAfterRealMs, (at) => this.startUnlocking(at)),
      );
  }

  /** Starts unlocking both environments at `at` (also used to unlock after a promotion). */
  startUnlocking(at: number): void {
    this.cancelPending();
    for (const name of ENVS) {
      this.phase[name] = "unlocking";
      this.pending.push(this.timeline.after(at, UNLOCK_MS[name], (t) => this.envUnlocked(name, t)));
    }
  }

  private envLocked(name: EnvName, at: number): void {
    this.phase[name] = "locked";
    this.hooks.record({ env: name, kind: "locked", detail: this.holder?.promotionId }, at);
    if (this.result() === "locked") {
      this.pending = [];
      this.hooks.onLocked(at, this.holder?.promotionId);
    }
  }

  private envUnlocked(name: EnvName, at: number): void {
    this.phase[name] = "unlocked";
    this.hooks.record({ env: name, kind: "unlocked", detail: this.holder?.promotionId }, at);
    if (this.result() === "unlocked") {
      this.pending = [];
      this.holder = undefined;
      this.hooks.onUnlocked(at);
    }
  }

  private cancelPending(): void {
    for (const cancel of this.pending) cancel();
    this.pending = [];
  }
}
