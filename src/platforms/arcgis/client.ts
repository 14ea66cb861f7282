// The upgrades API of one ArcGIS Enterprise on Kubernetes organization over HTTP. Retries and
// redirect refusal come from the JSON client base; this adds the paths, the token's place
// (a POST's form body, a GET's X-Esri-Authorization header: never a URL), the Referer header a referer-bound
// token needs on every request, ArcGIS's error forms and lenient reading of versions and job
// messages.
import type { ApiError, Endpoint } from "../../core/http/errors.js";
import type { HttpMethod, HttpReply } from "../../core/http/exchange.js";
import {
  type EncodedRequest,
  JsonApiClient,
  type JsonClientOptions,
  type JsonRequest,
} from "../../core/http/json-client.js";
import { isJsonObject } from "../../core/util/json.js";
import type { ArcGisApi } from "./api.js";
import { ArcGisError, arcGisErrorFromReply, arcGisErrorInSuccess } from "./errors.js";
import { DEFAULT_REFERER } from "./inputs.js";
import type {
  CurrentVersion,
  HistoryEntry,
  JobMessage,
  UpgradeStatus,
  UpgradesResource,
  VersionObject,
} from "./types.js";
import { arcGisUrls } from "./url.js";

export interface ArcGisClientOptions extends Omit<JsonClientOptions, "baseUrl"> {
  /** https://host/context; http:// only for loopback (the emulator). */
  orgUrl: string;
  /** The referer the token is bound to, sent as the Referer header of every request. */
  referer?: string;
}

const FORM_TYPE = "application/x-www-form-urlencoded";
/** Worth another try on a read: the admin API's pods restart during an update. */
const READ_RETRY = new Set([502, 503, 504]);

type Json = Record<string, unknown>;

export class ArcGisClient extends JsonApiClient implements ArcGisApi {
  readonly orgUrl: string;
  /** <context>/admin/system/upgrades */
  readonly upgradesPath: string;
  readonly referer: string;

  constructor(options: ArcGisClientOptions) {
    const urls = arcGisUrls(options.orgUrl);
    super({ ...options, baseUrl: urls.origin });
    this.orgUrl = urls.orgUrl;
    this.upgradesPath = `${urls.contextPath}/admin/system/upgrades`;
    this.referer = options.referer ?? DEFAULT_REFERER;
  }

  async checkRollback(signal?: AbortSignal): Promise<VersionObject[]> {
    const { body, fail } = await this.call("POST", "checkRollback", { readOnly: true, signal });
    return readVersions(body.updates, fail);
  }

  async rollback(versionId: string, signal?: AbortSignal): Promise<UpgradesResource> {
    const id = versionId.trim();
    if (id === "") throw new Error("a version id to roll back to is needed");
    const form = { versionManifest: JSON.stringify({ id }), rollbackSettings: "{}" };
    // Sent, answered, unreadable: whether the job started is unknown; the upgrades resource says.
    const { body, fail } = await this.call("POST", "rollback", { body: form, signal });
    return readUpgrades(body, fail);
  }

  async upgrades(signal?: AbortSignal): Promise<UpgradesResource> {
    const { body, fail } = await this.call("GET", "", { signal });
    return readUpgrades(body, fail);
  }

  async installed(signal?: AbortSignal): Promise<VersionObject[]> {
    const { body, fail } = await this.call("POST", "installed", { readOnly: true, signal });
    return readVersions(body.updates, fail);
  }

  async available(signal?: AbortSignal): Promise<VersionObject[]> {
    const { body, fail } = await this.call("POST", "available", { readOnly: true, signal });
    return readVersions(body.updates, fail);
  }

  async currentVersion(signal?: AbortSignal): Promise<CurrentVersion> {
    const { body } = await this.call("GET", "currentVersion", { signal });
    return isJsonObject(body.status) ? { ...body, status: readStatus(body.status) } : body;
  }

  async history(signal?: AbortSignal): Promise<HistoryEntry[]> {
    const { body, list } = await this.call("GET", "history", { signal });
    const entries = list ?? [body.history, body.updates].find(Array.isArray) ?? [];
    return entries.filter(isJsonObject);
  }

  protected isRetryable(method: HttpMethod, error: ApiError, request: JsonRequest): boolean {
    const code = error instanceof ArcGisError ? error.code : error.status;
    // Refused before any processing, so safe to send again, even a rollback.
    if (error.status === 429 || code === 429) return true;
    if (method !== "GET" && !request.readOnly) return false;
    if (READ_RETRY.has(error.status) || READ_RETRY.has(code)) return true;
    return (
      error instanceof ArcGisError && error.htmlPage && !(error.status >= 400 && error.status < 500)
    );
  }

  /** Every 5xx to a rollback leaves it unknown: a restarting pod may have started the job. */
  protected override answerLeavesOutcomeUnknown(status: number): boolean {
    return status >= 500;
  }

  protected override isTokenRejected(error: ApiError): boolean {
    return super.isTokenRejected(error) || (error instanceof ArcGisError && error.authExpired);
  }

  /** A token minted with client=referer is refused (498) on a request without its referer. */
  protected override defaultHeaders(): Record<string, string> {
    return { ...super.defaultHeaders(), referer: this.referer };
  }

  protected override contentType(request: JsonRequest): string | undefined {
    return request.method === "POST" ? FORM_TYPE : undefined;
  }

  /**
   * POSTs carry f and token in the form body, as the admin API wants. GETs carry it in Esri's
   * own X-Esri-Authorization header, which ArcGIS Enterprise reads whatever its authentication
   * tier; the standard Authorization header is taken only without web-tier authentication.
   */
  protected override encode(request: JsonRequest, token: string): EncodedRequest {
    if (request.method !== "POST")
      return { headers: { "x-esri-authorization": `Bearer ${token}` }, body: undefined };
    const form = new URLSearchParams(request.body as Record<string, string> | undefined);
    form.set("f", "json");
    form.set("token", token);
    return { headers: {}, body: form.toString() };
  }

  protected override errorInSuccess(
    endpoint: Endpoint,
    reply: HttpReply,
    unrepeatable: boolean,
  ): ApiError | undefined {
    return arcGisErrorInSuccess(endpoint, reply, this.operationOf(endpoint), unrepeatable);
  }

  protected override errorFromReply(
    endpoint: Endpoint,
    reply: HttpReply,
    outcomeUnknown: boolean,
  ): ApiError {
    return arcGisErrorFromReply(endpoint, reply, this.operationOf(endpoint), outcomeUnknown);
  }

  /** The call's name: the path's last part below the upgrades resource, or "upgrades". */
  private operationOf(endpoint: Endpoint): string {
    const below = endpoint.path.slice(this.upgradesPath.length + 1);
    return below === "" ? "upgrades" : below;
  }

  private async call(
    method: HttpMethod,
    below: string,
    request: Pick<JsonRequest, "body" | "readOnly" | "signal">,
  ): Promise<{ body: Json; list?: unknown[]; fail: (problem: string) => ArcGisError }> {
    const path = below === "" ? this.upgradesPath : `${this.upgradesPath}/${below}`;
    const query = method === "GET" ? "?f=json" : undefined;
    const { endpoint, reply } = await this.send({ method, path, query, ...request });
    const fail = (problem: string) =>
      new ArcGisError({
        operation: this.operationOf(endpoint),
        endpoint,
        status: reply.status,
        message: problem,
        outcomeUnknown: method === "POST" && !request.readOnly,
      });
    // errorInSuccess let through JSON only.
    const parsed: unknown = reply.text.trim() === "" ? {} : JSON.parse(reply.text);
    if (Array.isArray(parsed)) return { body: {}, list: parsed, fail };
    if (!isJsonObject(parsed)) throw fail("reply is not a JSON object");
    return { body: parsed, fail };
  }
}

/** Version objects; a bare string is an id. Missing or null reads as none. */
function readVersions(value: unknown, fail: (problem: string) => ArcGisError): VersionObject[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw fail('"updates" is not a list');
  return value.map((item, index) => {
    if (typeof item === "string" && item.trim() !== "") return { id: item.trim() };
    if (isJsonObject(item) && typeof item.id === "string" && item.id !== "")
      return item as VersionObject;
    throw fail(`updates[${index}] has no "id"`);
  });
}

function readUpgrades(body: Json, fail: (problem: string) => ArcGisError): UpgradesResource {
  if (!isJsonObject(body.status)) throw fail('reply has no "status" object');
  return { ...body, status: readStatus(body.status) };
}

/** The job's state and messages; a message given as text becomes { message }. */
function readStatus(status: Json): UpgradeStatus {
  if (!Array.isArray(status.messages)) return status as UpgradeStatus;
  const messages = status.messages.map(readMessage).filter((m) => m !== undefined);
  return { ...status, messages } as UpgradeStatus;
}

function readMessage(item: unknown): JobMessage | undefined {
  if (typeof item === "string") return { message: item };
  if (!isJsonObject(item)) return undefined;
  const message: JobMessage = {
    ...item,
    message: typeof item.message === "string" ? item.message : "",
  };
  for (const key of ["code", "when"] as const) {
    const number = typeof item[key] === "string" ? Number(item[key]) : item[key];
    if (typeof number === "number" && Number.isFinite(number)) message[key] = number;
    else delete message[key];
  }
  return message;
}
