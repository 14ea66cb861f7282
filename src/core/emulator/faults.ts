// Request faults every emulator can inject: error replies, dropped connections and slow
// replies, each for the requests it matches and counted from when it was added.

/** Which requests a request fault applies to. */
export interface RequestMatch<Server extends string = string> {
  /** Which server, for emulators that serve several (e.g. one per environment). */
  env?: Server;
  method?: string;
  /**
   * Exact path; `*` inside matches one path segment (or part of one), and a trailing `*`
   * matches any rest, so `/v1/environments/*` + `/promotions/*` style patterns work.
   */
  path?: string;
  /** Media type of the request body (parameters ignored), e.g. for vendor Content-Types. */
  contentType?: string;
  /** Matching requests to let through before the fault starts. */
  after?: number;
  /** Matching requests the fault applies to. */
  count: number;
}

export type RequestFault<Server extends string = string> =
  | ({ kind: "httpError"; status: number; retryAfterSeconds?: number } & RequestMatch<Server>)
  | ({ kind: "dropConnection"; afterProcessing?: boolean } & RequestMatch<Server>)
  | ({ kind: "slowReply"; delayMs: number } & RequestMatch<Server>);

export const REQUEST_FAULT_KINDS = ["httpError", "dropConnection", "slowReply"] as const;

export function isRequestFault<F extends { kind: string }>(
  fault: F,
): fault is Extract<F, { kind: RequestFault["kind"] }> {
  return (REQUEST_FAULT_KINDS as readonly string[]).includes(fault.kind);
}

/** What the request faults decided for one request. */
export interface RequestPlan {
  delayMs: number;
  /** retryAfterSeconds is undefined when the fault did not set it. */
  httpError?: { status: number; retryAfterSeconds?: number };
  /** "after": the request takes effect, then its connection is destroyed (a lost reply). */
  drop?: "before" | "after";
}

/** The request as fault matching sees it. */
export interface RequestFacts {
  env?: string;
  method: string;
  path: string;
  contentType?: string;
}

/** The media type alone, lower-cased: "application/json; charset=utf-8" -> "application/json". */
export function mediaType(contentType: string | undefined): string {
  return (contentType ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
}

export function pathMatches(pattern: string, path: string): boolean {
  const trailing = pattern.endsWith("*");
  const body = trailing ? pattern.slice(0, -1) : pattern;
  const escaped = body
    .split("*")
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&"))
    .join("[^/]*");
  return new RegExp(`^${escaped}${trailing ? ".*" : ""}$`).test(path);
}

function matches(fault: RequestMatch, request: RequestFacts): boolean {
  if (fault.env && fault.env !== request.env) return false;
  if (fault.method && fault.method.toUpperCase() !== request.method.toUpperCase()) return false;
  if (fault.contentType && mediaType(fault.contentType) !== mediaType(request.contentType))
    return false;
  return fault.path === undefined || pathMatches(fault.path, request.path);
}

/** Request faults with their own counters of matching requests. */
export class RequestFaults {
  private readonly active: { fault: RequestFault; seen: number }[] = [];

  add(fault: RequestFault): void {
    this.active.push({ fault, seen: 0 });
  }

  /** Counts this request against every matching fault and says which ones fire. */
  plan(request: RequestFacts): RequestPlan {
    const plan: RequestPlan = { delayMs: 0 };
    for (const entry of this.active) {
      const { fault } = entry;
      if (!matches(fault, request)) continue;
      entry.seen += 1;
      const skip = fault.after ?? 0;
      if (entry.seen <= skip || entry.seen > skip + fault.count) continue;
      if (fault.kind === "slowReply") plan.delayMs += fault.delayMs;
      else if (fault.kind === "httpError")
        plan.httpError ??= { status: fault.status, retryAfterSeconds: fault.retryAfterSeconds };
      else plan.drop ??= fault.afterProcessing ? "after" : "before";
    }
    return plan;
  }
}
