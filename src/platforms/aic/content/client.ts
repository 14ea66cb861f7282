// Reads of AM and IDM configuration, for content diffs: GETs only, with the same retries as
// every other read. A missing item is an answer (undefined), not an error.
import { ApiError } from "../../../core/http/errors.js";
import type { HttpMethod } from "../../../core/http/exchange.js";
import {
  type EncodedRequest,
  JsonApiClient,
  type JsonRequest,
} from "../../../core/http/json-client.js";
import { expectObject } from "../../../core/http/reply.js";
import { realmPath } from "./dn.js";

const RETRYABLE = new Set([429, 500, 502, 503, 504]);

/** A reply larger than this is not compared: a config item that size is no review material. */
export const MAX_ITEM_BYTES = 512 * 1024;

export class ContentTooLargeError extends Error {
  constructor(
    readonly path: string,
    readonly bytes: number,
  ) {
    super(
      `${path} is ${Math.round(bytes / 1024)} KiB, more than the ${MAX_ITEM_BYTES / 1024} KiB compared`,
    );
  }
}

/** The AM and IDM reads of one environment. */
export interface ContentSource {
  readonly origin: string;
  /** GET /am/json<realm path><path> (`path` may end in a query); undefined when AM answers 404. */
  am(
    realm: string,
    path: string,
    version: string,
    signal?: AbortSignal,
  ): Promise<JsonObject | undefined>;
  /** GET /openidm/<path>, with a query string (its "?" included) when given; undefined on 404. */
  idm(
    path: string,
    query: string | undefined,
    signal?: AbortSignal,
  ): Promise<JsonObject | undefined>;
}

export type JsonObject = Record<string, unknown>;

/** A read with the API version its endpoint names (AM), or none (IDM). */
interface ContentRequest extends JsonRequest {
  apiVersion?: string;
}

export class AicContentClient extends JsonApiClient implements ContentSource {
  async am(realm: string, path: string, version: string, signal?: AbortSignal) {
    const at = path.indexOf("?");
    const request: ContentRequest = {
      method: "GET",
      path: `/am/json${realmPath(realm)}${at < 0 ? path : path.slice(0, at)}`,
      query: at < 0 ? undefined : path.slice(at),
      apiVersion: version,
      signal,
    };
    return this.read(request);
  }

  async idm(path: string, query: string | undefined, signal?: AbortSignal) {
    return this.read({ method: "GET", path: `/openidm/${path}`, query, signal });
  }

  private async read(request: ContentRequest): Promise<JsonObject | undefined> {
    try {
      const { endpoint, reply } = await this.send(request);
      if (reply.text.length > MAX_ITEM_BYTES)
        throw new ContentTooLargeError(request.path, reply.text.length);
      return expectObject<JsonObject>(endpoint, reply);
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) return undefined;
      throw error;
    }
  }

  protected override encode(request: ContentRequest, token: string): EncodedRequest {
    const encoded = super.encode(request, token);
    if (request.apiVersion) encoded.headers["accept-api-version"] = request.apiVersion;
    return encoded;
  }

  protected isRetryable(method: HttpMethod, error: ApiError): boolean {
    return method === "GET" && RETRYABLE.has(error.status);
  }
}
