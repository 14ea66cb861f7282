// Wire types of the AIC self-service promotions API (see shared reference and OpenAPI spec).
// Every object keeps unknown fields: the tenant may send more than the spec names.

export type LockResult = "unlocked" | "locking" | "unlocking" | "locked" | "error";

export interface EnvLockState {
  promotionId?: string;
  proxyState?: string;
  state?: string;
  [extra: string]: unknown;
}

export interface LockState {
  result: LockResult | string;
  description?: string;
  promotionId?: string;
  lowerEnv?: EnvLockState;
  upperEnv?: EnvLockState;
  [extra: string]: unknown;
}

/** Reply of POST /lock (202) and DELETE /lock/{id} (200/202). */
export interface LockReply {
  result: string;
  promotionId?: string;
  description?: string;
  [extra: string]: unknown;
}

export type PromotionStatusValue = "READY" | "RUNNING" | "ERROR" | "UNLOCKED" | string;

export interface PromotionStatus {
  status: PromotionStatusValue;
  message?: string;
  blockingError?: boolean;
  globalLock?: "LOCKED" | "UNLOCKED" | string;
  promotionId?: string;
  timeStamp?: string;
  type?: "promotion" | "rollback" | string;
  missingESVs?: string[];
  encryptedSecrets?: string[];
  [extra: string]: unknown;
}

export interface PromotionInfo {
  activePromotionId?: string;
  promotionWouldTriggerReleaseUpgrade?: boolean;
  [extra: string]: unknown;
}

export interface PromoteRequest {
  dryRun: boolean;
  ignoreEncryptedSecrets?: boolean;
  promoter?: string;
  promotionDescription?: string;
  unlockEnvironmentsAfterPromotion?: boolean;
  zendeskTicketReference?: string;
}

export interface RollbackRequest {
  promoter?: string;
  promotionDescription?: string;
  unlockEnvironmentsAfterPromotion?: boolean;
  zendeskTicketReference?: string;
}

/** Reply of POST /promote and POST /rollback (202). */
export interface StartReply {
  result?: string;
  [extra: string]: unknown;
}

/** A change entry: `{name, realm, uid}` in the spec, a plain string in the guide. */
export type RawChangeEntry =
  | string
  | { name?: string; realm?: string; uid?: string; [extra: string]: unknown };

export interface RawReportContent {
  configItem?: string;
  configChange?: {
    added?: RawChangeEntry[];
    modified?: RawChangeEntry[];
    deleted?: RawChangeEntry[];
    [extra: string]: unknown;
  };
  [extra: string]: unknown;
}

export interface RawReport {
  reportId?: string;
  reportName?: string;
  promotionId?: string;
  promoter?: string;
  promotionDescription?: string;
  createdDate?: string;
  dryRun?: boolean;
  type?: string;
  missingESVs?: string[];
  previouslyIgnoredEncryptedSecrets?: string[];
  /** Areas: AMConfig and IDMConfig today; any other key is kept as an area too. */
  report?: Record<string, RawReportContent[] | unknown>;
  [extra: string]: unknown;
}

export interface ReportMeta {
  reportId?: string;
  promotionId?: string;
  createdDate?: string;
  dryRun?: boolean;
  type?: string;
  promoter?: string;
  [extra: string]: unknown;
}

/** Error body the API returns: `{code, message}`. */
export interface ApiErrorBody {
  code?: number | string;
  message?: string;
  status?: unknown;
  [extra: string]: unknown;
}
