// How the emulator stores a promotion; render.ts turns it into the wire shape.
import type { StepAction } from "./faults.js";
import type { Resource, ResourceRef } from "./resources.js";

export type { StepAction };

/** The resources of an environment at one moment. */
export interface Snapshot {
  id: string;
  resources: Resource[];
}

export interface StepError {
  code: string;
  message: string;
  /** The step's resourceUrl. */
  target: string;
}

export type StepStatus = "COMPLETED" | "ERROR" | "SKIPPED";

export interface StepRecord {
  id: string;
  action: StepAction;
  type: string;
  /** The id the step writes in the target: the matched resource, or the one a POST creates. */
  targetId: string;
  resourceUrl: string;
  sourceResource?: ResourceRef;
  targetResource?: ResourceRef;
  /** POST and PUT: the body sent to the target, with references mapped to target ids. */
  payload?: Record<string, unknown>;
  /** Planning found this step invalid; executing it fails with this error. */
  invalid?: StepError;
  status?: StepStatus;
  error?: StepError;
}

/** One change execution made to the target: what was there before and after. */
export interface AppliedChange {
  step: StepRecord;
  before?: Resource;
  after?: Resource;
}

export interface PromotionRecord {
  id: string;
  /** Creation order, for newest-first lists and stable cursors. */
  seq: number;
  sourceId: string;
  targetId: string;
  status: string;
  createdAt: number;
  updatedAt: number;
  description?: string;
  selectedResources?: string[];
  excludedResources?: string[];
  /** As requested; after planning, resourceMapping holds every matched pair. */
  requestedMapping: Record<string, string>;
  resourceMapping: Record<string, string>;
  sourceSnapshot: Snapshot;
  targetSnapshot: Snapshot;
  steps?: StepRecord[];
  errors?: StepError[];
  /** Set on a rollback promotion: the promotion it reverts. */
  previousPromotionId?: string;
  /** Order of execution among all promotions; decides which one is the last executed. */
  executedSeq?: number;
  applied: AppliedChange[];
  /** Cancels the promotion's pending timed transitions (on delete). */
  pending: (() => void)[];
}

export const PLANNED_STATUSES = ["READY", "VALIDATION_FAILED"];
export const PLANNING_STATUSES = ["NEW", "PREPARING", "ROLLBACK_NEW", "ROLLBACK_PREPARING"];
