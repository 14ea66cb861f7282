import type {
  LockReply,
  LockState,
  PromoteRequest,
  PromotionInfo,
  PromotionStatus,
  RawReport,
  ReportMeta,
  RollbackRequest,
  StartReply,
} from "./types.js";

/**
 * The promotions API of one environment. The engine depends on this interface only,
 * so tests can drive it with fakes and other promotion APIs can be added later.
 * Every call accepts an AbortSignal so a cancelled run stops waiting at once.
 */
export interface AicApi {
  /** Origin of the environment (for messages). */
  readonly origin: string;
  getLockState(signal?: AbortSignal): Promise<LockState>;
  /** POST /lock. Not re-sent when its outcome is unknown: throws with outcomeUnknown. */
  lock(signal?: AbortSignal): Promise<LockReply>;
  /** DELETE /lock/{id}. Safe to repeat. */
  unlock(promotionId: string, signal?: AbortSignal): Promise<LockReply>;
  getInfo(signal?: AbortSignal): Promise<PromotionInfo>;
  getPromotionStatus(signal?: AbortSignal): Promise<PromotionStatus>;
  /** POST /promote. Not re-sent when its outcome is unknown: throws with outcomeUnknown. */
  promote(body: PromoteRequest, signal?: AbortSignal): Promise<StartReply>;
  /** POST /rollback. Not re-sent when its outcome is unknown: throws with outcomeUnknown. */
  rollback(body: RollbackRequest, signal?: AbortSignal): Promise<StartReply>;
  /** GET /report (latest) or /report/{id}. */
  getReport(reportId?: string, signal?: AbortSignal): Promise<RawReport>;
  listReports(signal?: AbortSignal): Promise<ReportMeta[]>;
  /** GET /report/provisional: called on the LOWER environment. */
  getProvisionalReport(signal?: AbortSignal): Promise<RawReport>;
  getProvisionalRollbackReport(signal?: AbortSignal): Promise<RawReport>;
}
