// The AIC promotions API over HTTP. Retries, auth and redirect refusal come from the JSON
// client base; AIC adds its API-version header and which answers are worth retrying.
import type { ApiError } from "../../core/http/errors.js";
import type { HttpMethod } from "../../core/http/exchange.js";
import {
  JSON_CONTENT_TYPE,
  JsonApiClient,
  type JsonClientOptions,
  type JsonReply,
  type JsonRequest,
} from "../../core/http/json-client.js";
import { expectArrayOfObjects, expectObject } from "../../core/http/reply.js";
import type { AicApi } from "./api.js";
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

/** baseUrl is https://host, or http://127.0.0.1:port for the emulator; any path is ignored. */
export type AicClientOptions = JsonClientOptions;

const PROMOTION = "/environment/promotion";

/** Statuses worth retrying per method (AIC sends no PATCH). POST only where refused before processing. */
const RETRYABLE_STATUS: Partial<Record<HttpMethod, ReadonlySet<number>>> = {
  GET: new Set([429, 500, 502, 503, 504]),
  DELETE: new Set([429, 502, 503, 504]),
  POST: new Set([429, 503]),
};

export class AicClient extends JsonApiClient implements AicApi {
  async getLockState(signal?: AbortSignal): Promise<LockState> {
    return this.getObject<LockState>("/lock/state", signal, "result");
  }

  async lock(signal?: AbortSignal): Promise<LockReply> {
    const { endpoint, reply } = await this.call("POST", "/lock", undefined, signal);
    return expectObject<LockReply>(endpoint, reply);
  }

  async unlock(promotionId: string, signal?: AbortSignal): Promise<LockReply> {
    if (promotionId.trim() === "") throw new Error("unlock needs the promotion id of the lock");
    const path = `/lock/${encodeURIComponent(promotionId)}`;
    const { endpoint, reply } = await this.call("DELETE", path, undefined, signal);
    return expectObject<LockReply>(endpoint, reply);
  }

  async getInfo(signal?: AbortSignal): Promise<PromotionInfo> {
    return this.getObject<PromotionInfo>("/info", signal);
  }

  async getPromotionStatus(signal?: AbortSignal): Promise<PromotionStatus> {
    return this.getObject<PromotionStatus>("/promote", signal, "status");
  }

  async promote(body: PromoteRequest, signal?: AbortSignal): Promise<StartReply> {
    const { endpoint, reply } = await this.call("POST", "/promote", body, signal);
    return expectObject<StartReply>(endpoint, reply);
  }

  async rollback(body: RollbackRequest, signal?: AbortSignal): Promise<StartReply> {
    const { endpoint, reply } = await this.call("POST", "/rollback", body, signal);
    return expectObject<StartReply>(endpoint, reply);
  }

  async getReport(reportId?: string, signal?: AbortSignal): Promise<RawReport> {
    const path = reportId === undefined ? "/report" : `/report/${encodeURIComponent(reportId)}`;
    return this.getObject<RawReport>(path, signal);
  }

  async listReports(signal?: AbortSignal): Promise<ReportMeta[]> {
    const { endpoint, reply } = await this.call("GET", "/reports", undefined, signal);
    return expectArrayOfObjects<ReportMeta>(endpoint, reply);
  }

  async getProvisionalReport(signal?: AbortSignal): Promise<RawReport> {
    return this.getObject<RawReport>("/report/provisional", signal);
  }

  async getProvisionalRollbackReport(signal?: AbortSignal): Promise<RawReport> {
    return this.getObject<RawReport>("/report/provisional-rollback", signal);
  }

  private async getObject<T>(
    path: string,
    signal?: AbortSignal,
    requiredField?: string,
  ): Promise<T> {
    const { endpoint, reply } = await this.call("GET", path, undefined, signal);
    return expectObject<T>(endpoint, reply, requiredField);
  }

  private call(
    method: HttpMethod,
    relativePath: string,
    body: object | undefined,
    signal?: AbortSignal,
  ): Promise<JsonReply> {
    return this.send({ method, path: `${PROMOTION}${relativePath}`, body, signal });
  }

  protected override defaultHeaders(): Record<string, string> {
    return { ...super.defaultHeaders(), "accept-api-version": "resource=1.0" };
  }

  protected override contentType(request: JsonRequest): string | undefined {
    // The guide's curl examples send it on every POST, with or without a body.
    return request.method === "POST" ? JSON_CONTENT_TYPE : undefined;
  }

  protected isRetryable(method: HttpMethod, error: ApiError): boolean {
    return RETRYABLE_STATUS[method]?.has(error.status) ?? false;
  }
}
