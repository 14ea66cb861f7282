// Typed failures of the promotions API. Messages never include tokens or request bodies.

export interface Endpoint {
  method: string;
  /** Path only, e.g. /environment/promotion/lock; never a query with secrets. */
  path: string;
  /** Origin of the environment, e.g. https://openam-acme-staging.forgeblocks.com */
  origin: string;
}

export function describeEndpoint(endpoint: Endpoint): string {
  return `${endpoint.method} ${endpoint.origin}${endpoint.path}`;
}

/** The server answered with a non-success HTTP status. */
export class ApiError extends Error {
  // Widened to string so platform subclasses can name themselves.
  override readonly name: string = "ApiError";
  constructor(
    readonly endpoint: Endpoint,
    readonly status: number,
    /** `code` from the error body, when there is one. */
    readonly serverCode: number | string | undefined,
    /** `message` from the error body, when there is one. */
    readonly serverMessage: string | undefined,
    /** True for a POST whose effect is unknown (e.g. 502/504/500 after the body was sent). */
    readonly outcomeUnknown = false,
  ) {
    super(
      `${describeEndpoint(endpoint)} answered HTTP ${status}${serverMessage ? `: ${serverMessage}` : ""}`,
    );
  }
}

/** A request that may have taken effect although its reply was lost: read state, never re-send. */
export function isOutcomeUnknown(error: unknown): boolean {
  return (
    typeof error === "object" &&
    error !== null &&
    (error as { outcomeUnknown?: unknown }).outcomeUnknown === true
  );
}

/** No HTTP answer: connection refused or reset, DNS failure, or the per-request timeout. */
export class NetworkError extends Error {
  override readonly name: string = "NetworkError";
  /** The system's code (ECONNREFUSED, ENOTFOUND, ...), when there is one. */
  readonly code: string | undefined;
  /**
   * The host refused the connection or has no address, and has not answered once in this
   * process: a wrong URL or a server that is not running, not a blip that a retry gets past.
   */
  readonly unreachable: boolean;
  constructor(
    readonly endpoint: Endpoint,
    /** What happened, e.g. "connection refused (ECONNREFUSED)". */
    readonly detail: string,
    /** True when the request may have reached the server (reset, timeout after sending). */
    readonly outcomeUnknown: boolean,
    options?: { cause?: unknown; code?: string; unreachable?: boolean },
  ) {
    super(`${describeEndpoint(endpoint)} failed: ${detail}`, { cause: options?.cause });
    this.code = options?.code;
    this.unreachable = options?.unreachable ?? false;
  }
}

export class RequestTimeoutError extends NetworkError {
  override readonly name = "RequestTimeoutError";
}

/** Obtaining an access token failed (bad key, wrong scope, token endpoint refused). */
export class AuthError extends Error {
  override readonly name = "AuthError";
  constructor(
    message: string,
    readonly status?: number,
    /** The token endpoint's OAuth `error` code (e.g. invalid_client), when it gave one. */
    readonly oauthError?: string,
  ) {
    super(message);
  }
}
