// One emulated environment: its configuration, ESVs, reports, promotion status and tokens.
// The lock belongs to the pair; this class reads it from the environment's side.
import type { LockState, PromotionInfo, PromotionStatus, RawReport } from "../types.js";
import { cloneConfig } from "./config-model.js";
import type { PairLock } from "./lock.js";
import type { EnvironmentScenario } from "./scenario.js";
import { TokenIssuer } from "./tokens.js";
import type { EnvironmentConfig, EnvName } from "./types.js";

/** The stored promotion status; globalLock is added from the lock when read. */
export interface StatusRecord {
  status: "READY" | "RUNNING" | "ERROR";
  message: string;
  blockingError: boolean;
  promotionId?: string;
  /** Date.now() milliseconds of the last change. */
  timeStamp: number;
  type: "promotion" | "rollback";
  missingESVs?: string[];
  encryptedSecrets?: string[];
}

/** Upper configuration as it was before a promotion that changed it, for rollback. */
export interface HistoryEntry {
  promotionId: string;
  previousConfig: EnvironmentConfig;
}

/** What an environment needs from the pair it belongs to. */
export interface PairContext {
  readonly lock: PairLock;
  /** Runs every state change due by now, so reads see the present. */
  advance(): void;
  releaseUpgradePending(): boolean;
}

export const READY_MESSAGE = "Environment ready for promotion";

export class EmulatedEnvironment {
  config: EnvironmentConfig;
  readonly esvs: Set<string>;
  /** Stored reports, oldest first. */
  readonly reports: RawReport[] = [];
  /** Configurations to roll back to, most recent last. */
  readonly history: HistoryEntry[] = [];
  readonly tokens: TokenIssuer;
  status: StatusRecord;
  /** Set by a blocking error: promotions and rollbacks are refused until support clears it. */
  blocked = false;
  running = false;

  constructor(
    readonly name: EnvName,
    private readonly pair: PairContext,
    seed: EnvironmentScenario,
    tokenLifetimeSeconds: number,
    now: number,
  ) {
    this.config = cloneConfig(seed.config);
    this.esvs = new Set(seed.esvs);
    this.tokens = new TokenIssuer(seed.accessTokens, seed.serviceAccount, tokenLifetimeSeconds);
    this.status = {
      status: "READY",
      message: READY_MESSAGE,
      blockingError: false,
      timeStamp: now,
      type: "promotion",
    };
  }

  /** GET /lock/state body as this environment would send it. */
  lockState(localOnly = false): LockState {
    this.pair.advance();
    return this.pair.lock.state(this.name, localOnly);
  }

  /** GET /promote body. */
  promotionStatus(): PromotionStatus {
    this.pair.advance();
    const { status, message, blockingError, promotionId, timeStamp, type, ...details } =
      this.status;
    // Field order as the tenant sends it; details are missingESVs / encryptedSecrets.
    return {
      status,
      message,
      blockingError,
      ...details,
      globalLock: this.pair.lock.phase[this.name] === "locked" ? "LOCKED" : "UNLOCKED",
      ...(promotionId ? { promotionId } : {}),
      timeStamp: new Date(timeStamp).toISOString(),
      type,
    };
  }

  /** GET /info body. */
  info(): PromotionInfo {
    this.pair.advance();
    const id = this.pair.lock.promotionId;
    const info: PromotionInfo = {
      promotionWouldTriggerReleaseUpgrade: this.pair.releaseUpgradePending(),
    };
    return id ? { activePromotionId: id, ...info } : info;
  }

  setStatus(record: Omit<StatusRecord, "blockingError"> & { blockingError?: boolean }): void {
    this.status = { blockingError: false, ...record };
  }
}
