// An in-memory AicApi whose state advances on each read, to drive every engine transition.
import type { AicApi } from "../../../../src/platforms/aic/api.js";
import type {
  LockReply,
  LockState,
  PromoteRequest,
  PromotionInfo,
  PromotionStatus,
  RawReport,
  ReportMeta,
  StartReply,
} from "../../../../src/platforms/aic/types.js";

type Step = Partial<PromotionStatus>;

const CHANGED_REPORT: RawReport = {
  reportId: "r-1",
  promotionId: "p-ours",
  report: {
    AMConfig: [
      {
        configItem: "Journeys",
        configChange: { added: [{ name: "Login", realm: "alpha" }], modified: ["Register"] },
      },
    ],
  },
};

export class FakeApi implements AicApi {
  readonly origin = "https://upper.example.com";
  readonly calls: string[] = [];
  lockState: LockState = { result: "unlocked" };
  /** Reads of the lock state that still show "locking" after a lock request. */
  lockingReads = 1;
  unlockingReads = 1;
  status: PromotionStatus = {
    status: "READY",
    message: "Environment ready for promotion",
    timeStamp: "t0",
  };
  /** Statuses served one per read after each promote/rollback request; the last one sticks. */
  scripts: Step[][] = [];
  report: RawReport = CHANGED_REPORT;
  info: PromotionInfo = { promotionWouldTriggerReleaseUpgrade: false };
  provisionalRollback: RawReport = { ...CHANGED_REPORT, promotionId: "p-previous" };
  /** Replace any method to inject faults. */
  failures: Partial<Record<string, (attempt: number) => unknown>> = {};
  private attempts: Record<string, number> = {};
  private script: Step[] = [];
  private pendingLock = 0;
  private pendingUnlock = 0;
  private clock = 0;

  private call(name: string): void {
    this.calls.push(name);
    this.attempts[name] = (this.attempts[name] ?? 0) + 1;
    const fail = this.failures[name];
    if (fail) {
      const thrown = fail(this.attempts[name] as number);
      if (thrown) throw thrown;
    }
  }

  count(name: string): number {
    return this.calls.filter((c) => c === name).length;
  }

  async getLockState(): Promise<LockState> {
    this.call("getLockState");
    if (this.lockState.result === "locking" && this.pendingLock-- <= 0)
      this.lockState = { ...this.lockState, result: "locked" };
    if (this.lockState.result === "unlocking" && this.pendingUnlock-- <= 0)
      this.lockState = { result: "unlocked" };
    return { ...this.lockState };
  }
  async lock(): Promise<LockReply> {
    this.call("lock");
    this.lockState = { result: "locking", promotionId: "p-ours" };
    this.pendingLock = this.lockingReads;
    return { result: "locking", promotionId: "p-ours" };
  }
  async unlock(promotionId: string): Promise<LockReply> {
    this.call(`unlock:${promotionId}`);
    if (this.lockState.result === "unlocked") return { result: "unlocked" };
    this.lockState = { result: "unlocking", promotionId };
    this.pendingUnlock = this.unlockingReads;
    return { result: "unlocking", promotionId };
  }
  async getInfo(): Promise<PromotionInfo> {
    this.call("getInfo");
    return this.info;
  }
  async getPromotionStatus(): Promise<PromotionStatus> {
    this.call("getPromotionStatus");
    const next = this.script.shift();
    if (next) this.status = { ...this.status, ...next, timeStamp: `t${++this.clock}` };
    return { ...this.status };
  }
  async promote(body: PromoteRequest): Promise<StartReply> {
    this.call(body.dryRun ? "promote:dry" : "promote:real");
    this.script = this.scripts.shift() ?? defaultScript("promotion");
    return { result: "Promotion process initiated successfully" };
  }
  async rollback(): Promise<StartReply> {
    this.call("rollback");
    this.script = this.scripts.shift() ?? defaultScript("rollback");
    return { result: "Rollback process initiated successfully" };
  }
  async getReport(): Promise<RawReport> {
    this.call("getReport");
    return this.report;
  }
  async listReports(): Promise<ReportMeta[]> {
    this.call("listReports");
    return [{ reportId: "r-1", promotionId: "p-ours", dryRun: true, type: "promotion" }];
  }
  async getProvisionalReport(): Promise<RawReport> {
    this.call("getProvisionalReport");
    return this.report;
  }
  async getProvisionalRollbackReport(): Promise<RawReport> {
    this.call("getProvisionalRollbackReport");
    return this.provisionalRollback;
  }
}

export function defaultScript(type: "promotion" | "rollback"): Step[] {
  return [
    { status: "RUNNING", message: "Prepare config", type },
    { status: "RUNNING", message: "Waiting for workloads to restart", type },
    {
      status: "READY",
      message: type === "rollback" ? "Rollback completed" : "Promotion completed",
      type,
    },
  ];
}

export function errorScript(step: Step): Step[] {
  return [
    { status: "RUNNING", message: "Prepare config" },
    { status: "ERROR", blockingError: false, ...step },
  ];
}
