import type {
  CreatePromotionRequest,
  PingOneEnvironment,
  Promotion,
  PromotionStep,
} from "./types.js";

/**
 * The promotions API of one source environment. The procedure depends on this interface only,
 * so tests can drive it with fakes. Every call takes an AbortSignal. Writes whose reply was lost
 * are never re-sent: they throw with outcomeUnknown, and the caller reads the list to learn more.
 */
export interface PingOneApi {
  /** API origin, for messages (https://api.pingone.com). */
  readonly origin: string;
  /** The environment promotions live in (the source). */
  readonly sourceEnvironmentId: string;
  /**
   * GET /v1/environments/{id}: the environment as the worker application sees it. 404 when the
   * organization does not know it or the application has no role on it.
   */
  readEnvironment(id: string, signal?: AbortSignal): Promise<PingOneEnvironment>;
  /** POST /promotions: 201 with the promotion, status NEW. */
  createPromotion(body: CreatePromotionRequest, signal?: AbortSignal): Promise<Promotion>;
  getPromotion(id: string, signal?: AbortSignal): Promise<Promotion>;
  /** GET /promotions, every page, optionally filtered by status. */
  listPromotions(options?: { status?: string }, signal?: AbortSignal): Promise<Promotion[]>;
  /** GET /promotions/{id}/promotionSteps, every page: the plan with each step's payload. */
  listPromotionSteps(id: string, signal?: AbortSignal): Promise<PromotionStep[]>;
  /** POST /promotions/{id} as application/vnd.pingidentity.promotion.execute+json. */
  executePromotion(id: string, signal?: AbortSignal): Promise<Promotion>;
  /** POST /promotions/{id} as application/vnd.pingidentity.promotion.rollback+json: the new rollback promotion. */
  rollbackPromotion(id: string, signal?: AbortSignal): Promise<Promotion>;
  /** DELETE /promotions/{id}: only NEW or READY (400 otherwise). 404 counts as done. */
  deletePromotion(id: string, signal?: AbortSignal): Promise<void>;
  /**
   * GET a resource by its URL on the API origin: the target's current one for a field diff, or
   * one whose name the plan does not give. Undefined when it cannot be read (no permission,
   * gone): the report then does without it.
   */
  readResource(resourceUrl: string, signal?: AbortSignal): Promise<unknown | undefined>;
}
