// An in-memory PingOneApi whose promotions advance one scripted status per read, to drive every
// transition of runPingOne. Every call is logged ("execute:<id>", ...) so tests can check that
// nothing the run did not create is ever deleted or executed.
import { ApiError, type Endpoint, NetworkError } from "../../../../src/core/http/errors.js";
import type { PingOneApi } from "../../../../src/platforms/pingone/api.js";
import type {
  CreatePromotionRequest,
  PingOneEnvironment,
  Promotion,
  PromotionStep,
  StepError,
} from "../../../../src/platforms/pingone/types.js";

export const ORIGIN = "https://api.pingone.example";
export const SOURCE = "11111111-1111-4111-8111-111111111111";
export const TARGET = "22222222-2222-4222-8222-222222222222";
export const OTHER_TARGET = "33333333-3333-4333-8333-333333333333";

/** Resource ids of the default plan (PingOne ids are UUIDs; the URL's ids are not types). */
export const THEME_ID = "22222222-0303-4000-8000-000000000301";
export const POLICY_ID = "22222222-0404-4000-8000-000000000401";

const resourceUrl = (type: string, id?: string) =>
  `${ORIGIN}/v1/environments/${TARGET}/${type}${id ? `/${id}` : ""}`;

/** A plan of three steps: a population added, a theme modified, a sign-on policy deleted. */
export function defaultSteps(): PromotionStep[] {
  return [
    {
      id: "s-1",
      action: "POST",
      resourceUrl: resourceUrl("populations"),
      sourceResource: { id: "src-pop", name: "Contractors" },
      payload: { name: "Contractors", description: "External staff" },
    },
    {
      id: "s-2",
      action: "PUT",
      resourceUrl: resourceUrl("themes", THEME_ID),
      sourceResource: { id: "src-theme", name: "Brand" },
      targetResource: { id: THEME_ID, name: "Brand" },
      payload: { name: "Brand", configuration: { logoUrl: "https://new.example/logo.png" } },
    },
    {
      id: "s-3",
      action: "DELETE",
      resourceUrl: resourceUrl("signOnPolicies", POLICY_ID),
      targetResource: { id: POLICY_ID, name: "Legacy MFA" },
    },
  ];
}

/** What the target holds now, for the PUT's field diff. */
export function defaultTargetResources(): Map<string, unknown> {
  return new Map([
    [
      resourceUrl("themes", THEME_ID),
      {
        id: THEME_ID,
        name: "Brand",
        configuration: { logoUrl: "https://old.example/logo.png" },
      },
    ],
  ]);
}

/** Statuses served one per read after an event (create, execute, rollback); the last one sticks. */
export type Script = string[];

export interface FakePromotion extends Promotion {
  /** Not on the wire: stripped from every reply. */
  script?: Script;
  steps?: PromotionStep[];
}

type Hook = (attempt: number, args: unknown[], signal?: AbortSignal) => unknown;

const endpoint = (method: string, path: string): Endpoint => ({ method, path, origin: ORIGIN });

/** A lost reply: the request took effect (or not) but no answer came back. */
export function lostReply(method = "POST", path = "/v1/environments/x/promotions"): ApiError {
  return new ApiError(endpoint(method, path), 504, undefined, "gateway timeout", true);
}

export function lostConnection(method = "POST", path = "/v1/environments/x/promotions") {
  return new NetworkError(endpoint(method, path), "socket hang up", true);
}

/** Resolves never; rejects with the signal's reason once it aborts (a request left hanging). */
export function hangUntilAborted(signal?: AbortSignal): Promise<never> {
  return new Promise((_, reject) => {
    if (signal?.aborted) reject(signal.reason);
    signal?.addEventListener("abort", () => reject(signal.reason), { once: true });
  });
}

export class FakePingOne implements PingOneApi {
  readonly origin = ORIGIN;
  readonly sourceEnvironmentId = SOURCE;
  readonly calls: string[] = [];
  readonly promotions = new Map<string, FakePromotion>();
  /** Ids this fake handed out from createPromotion or rollbackPromotion. */
  readonly created = new Set<string>();
  /** Bodies of every createPromotion call. */
  readonly createBodies: CreatePromotionRequest[] = [];

  /** Planning statuses after each create; shifted per create, then `planScript`. */
  planScripts: Script[] = [];
  planScript: Script = ["NEW", "PREPARING", "PREPARING", "READY"];
  rollbackPlanScript: Script = ["ROLLBACK_NEW", "ROLLBACK_PREPARING", "READY"];
  /** Execution statuses after each execute; shifted per execute, then `executeScript`. */
  executeScripts: Script[] = [];
  executeScript: Script = ["IN_PROGRESS", "IN_PROGRESS", "COMPLETED"];
  /** The plan every new promotion gets (rollbacks get `rollbackSteps`). */
  steps: PromotionStep[] = defaultSteps();
  rollbackSteps: PromotionStep[] = defaultSteps().map((s) => ({ ...s, id: `r-${s.id}` }));
  /** Errors a promotion reports once it ends in ERROR or VALIDATION_FAILED. */
  promotionErrors: StepError[] = [];
  validationErrors: StepError[] = [];
  /** Per step id: the step's error once its promotion ended in ERROR. */
  stepErrors = new Map<string, StepError>();
  targetResources = defaultTargetResources();
  /** Environments the worker application sees; any other id answers 404. */
  environments = new Set([SOURCE, TARGET, OTHER_TARGET]);
  /** PingOne refuses to delete anything but NEW and READY (400). */
  deletableStatuses = new Set(["NEW", "READY"]);
  /** Whether a completed rollback marks its original ROLLED_BACK. */
  rollbackMarksOriginal = true;
  /**
   * Called before each call of that name (1-based attempt): a returned Error is thrown before
   * anything happens; a returned promise is awaited first.
   */
  before: Partial<Record<keyof PingOneApi, Hook>> = {};
  /** Called after each call of that name did its work: a returned Error is thrown instead of the reply (a lost reply). */
  after: Partial<Record<keyof PingOneApi, Hook>> = {};

  private attempts: Record<string, number> = {};
  private clock = 0;
  private ids = 0;

  /** A promotion someone else made; its status stays unless a hook changes it. */
  seed(promotion: Partial<FakePromotion> & { id: string; status: string }): FakePromotion {
    const seeded: FakePromotion = {
      sourceEnvironmentId: SOURCE,
      targetEnvironmentId: TARGET,
      createdAt: this.now(),
      ...promotion,
    };
    seeded.updatedAt ??= seeded.createdAt;
    this.promotions.set(seeded.id, seeded);
    return seeded;
  }

  count(prefix: string): number {
    return this.calls.filter((c) => c === prefix || c.startsWith(`${prefix}:`)).length;
  }

  /** The calls that change something, in order. */
  writes(): string[] {
    return this.calls.filter((c) => /^(create|execute|rollback|delete)/.test(c));
  }

  /** Ids deleted or executed that this fake did not hand out: must always be empty. */
  foreignWrites(): string[] {
    return this.calls
      .filter((c) => /^(execute|delete):/.test(c))
      .map((c) => c.slice(c.indexOf(":") + 1))
      .filter((id) => !this.created.has(id));
  }

  status(id: string): string | undefined {
    return this.promotions.get(id)?.status;
  }

  async readEnvironment(id: string, signal?: AbortSignal): Promise<PingOneEnvironment> {
    await this.enter("readEnvironment", `environment:${id}`, [id], signal);
    if (!this.environments.has(id))
      throw new ApiError(
        endpoint("GET", `/v1/environments/${id}`),
        404,
        "NOT_FOUND",
        `Environment ${id} not found`,
      );
    return this.leave("readEnvironment", [id], signal, { id });
  }

  async createPromotion(body: CreatePromotionRequest, signal?: AbortSignal): Promise<Promotion> {
    await this.enter("createPromotion", "create", [body], signal);
    this.createBodies.push(structuredClone(body));
    const id = `p-${++this.ids}`;
    const at = this.now();
    const promotion: FakePromotion = {
      id,
      status: "NEW",
      createdAt: at,
      updatedAt: at,
      description: body.description,
      sourceEnvironmentId: SOURCE,
      sourceEnvironment: { id: SOURCE },
      targetEnvironmentId: body.targetEnvironment.id,
      targetEnvironment: { id: body.targetEnvironment.id },
      selectedResources: body.selectedResources,
      script: [...(this.planScripts.shift() ?? this.planScript)],
      steps: structuredClone(this.steps),
    };
    this.promotions.set(id, promotion);
    this.created.add(id);
    return this.leave("createPromotion", [body], signal, promotion);
  }

  async getPromotion(id: string, signal?: AbortSignal): Promise<Promotion> {
    await this.enter("getPromotion", `get:${id}`, [id], signal);
    const promotion = this.find(id, "GET");
    const next = promotion.script?.shift();
    if (next !== undefined) this.setStatus(promotion, next);
    return this.leave("getPromotion", [id], signal, promotion);
  }

  async listPromotions(options: { status?: string } = {}, signal?: AbortSignal) {
    const call = `list${options.status ? `:${options.status}` : ""}`;
    await this.enter("listPromotions", call, [options], signal);
    const all = [...this.promotions.values()]
      .filter((p) => options.status === undefined || p.status === options.status)
      .map((p) => wire(p));
    return this.leave("listPromotions", [options], signal, all);
  }

  async listPromotionSteps(id: string, signal?: AbortSignal): Promise<PromotionStep[]> {
    await this.enter("listPromotionSteps", `steps:${id}`, [id], signal);
    const promotion = this.find(id, "GET");
    const steps = (promotion.steps ?? []).map((step) => {
      const error = step.id ? this.stepErrors.get(step.id) : undefined;
      return error && ["ERROR", "VALIDATION_FAILED"].includes(promotion.status)
        ? { ...step, status: "ERROR", error }
        : step;
    });
    return this.leave("listPromotionSteps", [id], signal, structuredClone(steps));
  }

  async executePromotion(id: string, signal?: AbortSignal): Promise<Promotion> {
    await this.enter("executePromotion", `execute:${id}`, [id], signal);
    const promotion = this.find(id, "POST");
    if (!["READY", "VALIDATION_FAILED"].includes(promotion.status))
      throw this.refused("POST", id, `Promotion ${id} is ${promotion.status}`);
    this.setStatus(promotion, "IN_PROGRESS");
    promotion.script = [...(this.executeScripts.shift() ?? this.executeScript)];
    return this.leave("executePromotion", [id], signal, promotion);
  }

  async rollbackPromotion(id: string, signal?: AbortSignal): Promise<Promotion> {
    await this.enter("rollbackPromotion", `rollback:${id}`, [id], signal);
    const original = this.find(id, "POST");
    if (!["COMPLETED", "ERROR"].includes(original.status))
      throw this.refused("POST", id, `Promotion ${id} is ${original.status}`);
    const pending = [...this.promotions.values()].find(
      (p) => p.previousPromotionId === id && !["COMPLETED", "ERROR"].includes(p.status),
    );
    if (pending)
      throw this.refused("POST", id, `Rollback promotion ${pending.id} of ${id} already exists`);
    const rollbackId = `rb-${++this.ids}`;
    const at = this.now();
    const promotion: FakePromotion = {
      id: rollbackId,
      status: "ROLLBACK_NEW",
      createdAt: at,
      updatedAt: at,
      description: "Rolling back promotion.",
      sourceEnvironmentId: SOURCE,
      targetEnvironmentId: targetOf(original),
      previousPromotion: { id },
      previousPromotionId: id,
      script: [...this.rollbackPlanScript],
      steps: structuredClone(this.rollbackSteps),
    };
    this.promotions.set(rollbackId, promotion);
    this.created.add(rollbackId);
    return this.leave("rollbackPromotion", [id], signal, promotion);
  }

  async deletePromotion(id: string, signal?: AbortSignal): Promise<void> {
    await this.enter("deletePromotion", `delete:${id}`, [id], signal);
    const promotion = this.promotions.get(id);
    if (!promotion) return; // 404 counts as done
    if (!this.deletableStatuses.has(promotion.status))
      throw this.refused("DELETE", id, `Promotion ${id} is ${promotion.status}`);
    this.promotions.delete(id);
    await this.leave("deletePromotion", [id], signal, undefined);
  }

  async readResource(url: string, signal?: AbortSignal): Promise<unknown | undefined> {
    await this.enter("readResource", `read:${url}`, [url], signal);
    return this.leave(
      "readResource",
      [url],
      signal,
      structuredClone(this.targetResources.get(url)),
    );
  }

  private async enter(name: keyof PingOneApi, call: string, args: unknown[], signal?: AbortSignal) {
    this.calls.push(call);
    this.attempts[name] = (this.attempts[name] ?? 0) + 1;
    const outcome = await this.before[name]?.(this.attempts[name] as number, args, signal);
    if (outcome instanceof Error) throw outcome;
    // Like the real client: a request given an aborted signal is not sent.
    if (signal?.aborted) throw signal.reason;
  }

  private async leave<T>(
    name: keyof PingOneApi,
    args: unknown[],
    signal: AbortSignal | undefined,
    value: T,
  ) {
    const outcome = await this.after[name]?.(this.attempts[name] as number, args, signal);
    if (outcome instanceof Error) throw outcome;
    if (value && typeof value === "object" && "id" in (value as object))
      return wire(value as unknown as FakePromotion) as T;
    return value;
  }

  private find(id: string, method: string): FakePromotion {
    const promotion = this.promotions.get(id);
    if (!promotion)
      throw new ApiError(
        endpoint(method, `/promotions/${id}`),
        404,
        "NOT_FOUND",
        `No promotion ${id}`,
      );
    return promotion;
  }

  private refused(method: string, id: string, message: string): ApiError {
    return new ApiError(endpoint(method, `/promotions/${id}`), 400, "INVALID_REQUEST", message);
  }

  private setStatus(promotion: FakePromotion, status: string): void {
    if (promotion.status === status) return;
    promotion.status = status;
    promotion.updatedAt = this.now();
    // Read one promotion gives the plan without payloads (promotionSteps has them).
    if (status === "READY")
      promotion.promotionPlan = {
        steps: (promotion.steps ?? []).map(({ id: _id, payload: _payload, ...step }) => step),
      };
    if (status === "ERROR") promotion.errors = structuredClone(this.promotionErrors);
    if (status === "VALIDATION_FAILED")
      promotion.validationErrors = structuredClone(this.validationErrors);
    const previous = promotion.previousPromotionId;
    if (status === "COMPLETED" && previous && this.rollbackMarksOriginal) {
      const original = this.promotions.get(previous);
      if (original) this.setStatus(original, "ROLLED_BACK");
    }
  }

  /** Strictly increasing ISO times, one second apart. */
  private now(): string {
    return new Date(Date.UTC(2026, 0, 1) + ++this.clock * 1000).toISOString();
  }
}

function targetOf(p: Promotion): string | undefined {
  return p.targetEnvironmentId ?? p.targetEnvironment?.id;
}

/** A promotion as the API would answer it: a copy, without the fake's own fields. */
function wire(promotion: FakePromotion): Promotion {
  const { script: _script, steps: _steps, ...rest } = promotion;
  return structuredClone(rest);
}
