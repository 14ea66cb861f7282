// Wire shapes of the PingOne Platform promotions API, read leniently: every field optional
// except what the procedure relies on, unknown fields kept.

export type PromotionStatus =
  | "NEW"
  | "PREPARING"
  | "ADDITIONAL_SNAPSHOTS_REQUESTED"
  | "READY"
  | "IN_PROGRESS"
  | "VALIDATION_FAILED"
  | "COMPLETED"
  | "ERROR"
  | "ROLLED_BACK"
  | "ROLLBACK_NEW"
  | "ROLLBACK_PREPARING"
  | (string & {});

/** A reference as replies carry it: `{ id }` nested, alongside a flat `...Id` field. */
export interface Ref {
  id: string;
  [extra: string]: unknown;
}

export interface ResourceRef {
  id?: string;
  name?: string;
  [extra: string]: unknown;
}

export type StepAction = "POST" | "PUT" | "DELETE" | (string & {});

export interface PlanStep {
  action: StepAction;
  /** Where the step writes in the target, e.g. .../environments/<id>/populations/<id>. */
  resourceUrl: string;
  sourceResource?: ResourceRef;
  targetResource?: ResourceRef;
  [extra: string]: unknown;
}

/** One step with the payload it will send to the target (GET .../promotionSteps). */
export interface PromotionStep extends PlanStep {
  id?: string;
  payload?: unknown;
  status?: string;
  error?: StepError;
}

export interface StepError {
  code?: string;
  message?: string;
  target?: string;
  [extra: string]: unknown;
}

export interface Promotion {
  id: string;
  status: PromotionStatus;
  createdAt?: string;
  updatedAt?: string;
  description?: string;
  sourceEnvironmentId?: string;
  targetEnvironmentId?: string;
  sourceEnvironment?: Ref;
  targetEnvironment?: Ref;
  sourceSnapshotId?: string;
  targetSnapshotId?: string;
  selectedResources?: string[];
  excludedResources?: string[];
  resourceMapping?: Record<string, string>;
  promotionPlan?: { steps?: PlanStep[]; [extra: string]: unknown };
  /** A rollback promotion names the one it reverts. */
  previousPromotion?: Ref;
  previousPromotionId?: string;
  /** Execution collects each failed step's error here. */
  errors?: StepError[];
  /** VALIDATION_FAILED: why, when the API says. */
  validationErrors?: StepError[];
  [extra: string]: unknown;
}

export interface PingOneEnvironment {
  id: string;
  name?: string;
  region?: string;
  [extra: string]: unknown;
}

export interface CreatePromotionRequest {
  targetEnvironment: { id: string };
  selectedResources?: string[];
  excludedResources?: string[];
  description?: string;
}

/** The PingOne error envelope. */
export interface ErrorBody {
  id?: string;
  code?: string;
  message?: string;
  details?: Array<{
    code?: string;
    target?: string;
    message?: string;
    innerError?: Record<string, unknown>;
  }>;
}
