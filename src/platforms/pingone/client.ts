// The PingOne promotions API of one source environment over HTTP. Auth, retries and redirect
// refusal come from the JSON client base; this adds paths, vendor content types, HAL paging,
// PingOne's error envelope and lenient reading of promotions.
import { ApiError, AuthError, type Endpoint, NetworkError } from "../../core/http/errors.js";
import type { HttpMethod, HttpReply } from "../../core/http/exchange.js";
import { collectHalItems, type PageRequest } from "../../core/http/hal.js";
import {
  JSON_CONTENT_TYPE,
  JsonApiClient,
  type JsonClientOptions,
  type JsonReply,
} from "../../core/http/json-client.js";
import { expectObject, parseJson } from "../../core/http/reply.js";
import { isJsonObject } from "../../core/util/json.js";
import type { PingOneApi } from "./api.js";
import { PingOneApiError, pingOneErrorFromReply } from "./errors.js";
import { pingOneApiOrigin } from "./region.js";
import type {
  CreatePromotionRequest,
  PingOneEnvironment,
  Promotion,
  PromotionStep,
} from "./types.js";

export interface PingOneClientOptions extends Omit<JsonClientOptions, "baseUrl"> {
  /** https://api.pingone.<tld> (a /v1 path is ignored), or the emulator's loopback URL. */
  apiUrl: string;
  /** The environment promotions live in: the source. */
  sourceEnvironmentId: string;
}

const EXECUTE_TYPE = "application/vnd.pingidentity.promotion.execute+json";
const ROLLBACK_TYPE = "application/vnd.pingidentity.promotion.rollback+json";
/** Refused before any processing, so safe to send again on every method. */
const REFUSED_STATUS = new Set([429, 503]);
/** Worth another try on a read. */
const READ_RETRY_STATUS = new Set([500, 502, 504]);
/** Replies carry a flat id, a nested { id }, or both: each promotion gets both. */
const REFERENCES = [
  ["sourceEnvironmentId", "sourceEnvironment"],
  ["targetEnvironmentId", "targetEnvironment"],
  ["sourceSnapshotId", "sourceSnapshot"],
  ["targetSnapshotId", "targetSnapshot"],
  ["previousPromotionId", "previousPromotion"],
] as const;

export class PingOneClient extends JsonApiClient implements PingOneApi {
  readonly sourceEnvironmentId: string;
  private readonly promotionsPath: string;

  constructor(options: PingOneClientOptions) {
    super({ ...options, baseUrl: pingOneApiOrigin(options.apiUrl) });
    this.sourceEnvironmentId = options.sourceEnvironmentId.trim();
    if (this.sourceEnvironmentId === "") throw new Error("PingOne source environment id is empty");
    this.promotionsPath = `/v1/environments/${encodeURIComponent(this.sourceEnvironmentId)}/promotions`;
  }

  async readEnvironment(id: string, signal?: AbortSignal): Promise<PingOneEnvironment> {
    const path = `/v1/environments/${encodeURIComponent(id.trim())}`;
    const { endpoint, reply } = await this.send({ method: "GET", path, signal });
    return expectObject(endpoint, reply, "id");
  }

  async createPromotion(body: CreatePromotionRequest, signal?: AbortSignal): Promise<Promotion> {
    const sent = await this.send({
      method: "POST",
      path: this.promotionsPath,
      body,
      contentType: JSON_CONTENT_TYPE,
      signal,
    });
    // Created but unreadable: the caller must look the promotion up, as after a lost reply.
    return readPromotion(sent.endpoint, sent.reply, true);
  }

  async getPromotion(id: string, signal?: AbortSignal): Promise<Promotion> {
    const { endpoint, reply } = await this.send({ method: "GET", path: this.path(id), signal });
    return readPromotion(endpoint, reply, false);
  }

  async listPromotions(
    options: { status?: string } = {},
    signal?: AbortSignal,
  ): Promise<Promotion[]> {
    const { status } = options;
    if (status !== undefined && !/^[A-Za-z_]+$/.test(status)) {
      throw new Error(`cannot filter promotions by status "${status}": not a status name`);
    }
    const query =
      status === undefined ? "" : `?filter=${encodeURIComponent(`status eq "${status}"`)}`;
    const first = { path: this.promotionsPath, query };
    return collectHalItems(first, "promotions", (page) => this.getPage(page, signal), toPromotion);
  }

  async listPromotionSteps(id: string, signal?: AbortSignal): Promise<PromotionStep[]> {
    const first = { path: `${this.path(id)}/promotionSteps`, query: "" };
    return collectHalItems(first, "promotionSteps", (page) => this.getPage(page, signal), toStep);
  }

  async executePromotion(id: string, signal?: AbortSignal): Promise<Promotion> {
    const path = this.path(id);
    const { endpoint, reply } = await this.send({
      method: "POST",
      path,
      contentType: EXECUTE_TYPE,
      signal,
    });
    try {
      return readPromotion(endpoint, reply, false);
    } catch (error) {
      // It started; only the reply is unusable. The promotion itself says where it stands.
      if (!(error instanceof ApiError)) throw error;
      return this.getPromotion(id, signal);
    }
  }

  async rollbackPromotion(id: string, signal?: AbortSignal): Promise<Promotion> {
    const path = this.path(id);
    const { endpoint, reply } = await this.send({
      method: "POST",
      path,
      contentType: ROLLBACK_TYPE,
      signal,
    });
    return readPromotion(endpoint, reply, true);
  }

  async deletePromotion(id: string, signal?: AbortSignal): Promise<void> {
    try {
      await this.send({ method: "DELETE", path: this.path(id), signal });
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) return; // already gone
      throw error;
    }
  }

  async readResource(resourceUrl: string, signal?: AbortSignal): Promise<unknown | undefined> {
    const url = URL.canParse(resourceUrl) ? new URL(resourceUrl) : undefined;
    // The bearer token must never leave for another host.
    if (url?.origin !== this.origin) {
      this.logger.debug(`not reading a resource outside ${this.origin}`);
      return undefined;
    }
    try {
      const sent = await this.send({
        method: "GET",
        path: url.pathname,
        query: url.search,
        signal,
      });
      return parseJson(sent.endpoint, sent.reply);
    } catch (error) {
      // Without it the report shows names only; a dead network, though, fails everything next.
      if (error instanceof NetworkError || signal?.aborted) throw error;
      if (error instanceof ApiError || error instanceof AuthError) return undefined;
      throw error;
    }
  }

  protected isRetryable(method: HttpMethod, error: ApiError): boolean {
    if (REFUSED_STATUS.has(error.status)) return true;
    if (method !== "GET") return false;
    return READ_RETRY_STATUS.has(error.status) || error.serverCode === "UNEXPECTED_ERROR";
  }

  /** A DELETE that may have landed is not sent again either: the caller re-reads the list. */
  protected override isUnrepeatable(method: HttpMethod): boolean {
    return method === "POST" || method === "DELETE";
  }

  protected override errorFromReply(
    endpoint: Endpoint,
    reply: HttpReply,
    outcomeUnknown: boolean,
  ): ApiError {
    return pingOneErrorFromReply(endpoint, reply, outcomeUnknown);
  }

  protected override retryAfterMs(reply: HttpReply, error: ApiError): number | undefined {
    const fromBody = error instanceof PingOneApiError ? error.retryAfterMs : undefined;
    return super.retryAfterMs(reply, error) ?? fromBody;
  }

  private getPage(page: PageRequest, signal: AbortSignal | undefined): Promise<JsonReply> {
    return this.send({ method: "GET", ...page, signal });
  }

  private path(id: string): string {
    if (id.trim() === "") throw new Error("a promotion id is needed");
    return `${this.promotionsPath}/${encodeURIComponent(id.trim())}`;
  }
}

/** A promotion from a 2xx reply; `outcomeUnknown` when the call changed something anyway. */
function readPromotion(endpoint: Endpoint, reply: HttpReply, outcomeUnknown: boolean): Promotion {
  let problem: string;
  try {
    const promotion = toPromotion(expectObject(endpoint, reply), "reply");
    if (typeof promotion !== "string") return promotion;
    problem = promotion;
  } catch (error) {
    if (!(outcomeUnknown && error instanceof ApiError)) throw error;
    problem = error.serverMessage ?? "reply is unreadable";
  }
  throw new ApiError(endpoint, reply.status, undefined, problem, outcomeUnknown);
}

/** The promotion with both forms of each reference, or what is missing. */
function toPromotion(item: Record<string, unknown>, where: string): Promotion | string {
  for (const field of ["id", "status"]) {
    if (typeof item[field] !== "string" || item[field] === "") return `${where} has no "${field}"`;
  }
  const promotion: Record<string, unknown> = { ...item };
  for (const [flatKey, nestedKey] of REFERENCES) {
    const flat = nonEmpty(promotion[flatKey]);
    const nested = isJsonObject(promotion[nestedKey]) ? promotion[nestedKey] : undefined;
    const nestedId = nonEmpty(nested?.id);
    if (flat === undefined && nestedId !== undefined) promotion[flatKey] = nestedId;
    if (nestedId === undefined && flat !== undefined)
      promotion[nestedKey] = { ...nested, id: flat };
  }
  return promotion as Promotion;
}

function toStep(item: Record<string, unknown>, where: string): PromotionStep | string {
  for (const field of ["action", "resourceUrl"]) {
    if (typeof item[field] !== "string" || item[field] === "") return `${where} has no "${field}"`;
  }
  return item as PromotionStep;
}

function nonEmpty(value: unknown): string | undefined {
  return typeof value === "string" && value !== "" ? value : undefined;
}
