// Faults the emulator can inject, each independently, from a scenario or at runtime
// (RunningEmulator.addFault). In a scenario file they sit under `faults:`:
//
//   faults:
//     # The pair is already locked by another promotion; optionally that lock starts its
//     # release by itself after N seconds (real-tenant seconds, divided by speed).
//     lockHeldBy: { promotionId: 3f1c0b4e-0000-4000-8000-000000000001, releaseAfterSeconds: 120 }
//     # Ping Identity holds the lock for maintenance (true, or an object with releaseAfterSeconds).
//     maintenanceLock: { releaseAfterSeconds: 300 }
//     # Promotions (real ones; dry runs only with dryRun: true) and/or rollbacks fail with a
//     # blocking error; the environment then refuses promotions and rollbacks (409) but
//     # can still be unlocked.
//     blockingError: { promotion: true, dryRun: false, rollback: true }
//     # GET /info says a promotion would trigger a release upgrade.
//     releaseUpgrade: true
//     # The next lock request (or the next N) stays "locking" forever; unlocking it works.
//     stuckLocking: true            # or: { count: 2 }
//     # Error replies for the next `count` (default 1) matching requests, after letting
//     # `after` (default 0) of them through; counting starts when the fault is added.
//     # env, method and path filter (path may end in * to match a prefix); status 429 sends
//     # Retry-After (retryAfterSeconds, default 1).
//     httpErrors:
//       - { env: upper, status: 503, count: 3, method: GET, path: /environment/promotion/lock/state }
//       - { status: 429, count: 1, retryAfterSeconds: 2 }
//     # Connections destroyed without a reply; with afterProcessing: true the request takes
//     # effect first (e.g. the lock is taken but its reply never arrives).
//     droppedConnections:
//       - { env: upper, method: POST, path: /environment/promotion/lock, count: 1, afterProcessing: true }
//     # Replies delayed by delayMs real milliseconds (not divided by speed).
//     slowReplies:
//       - { method: GET, path: /environment/promotion/promote, count: 2, delayMs: 1500 }
import type { EnvName } from "./types.js";

/** Which requests a request fault applies to. */
export interface RequestMatch {
  env?: EnvName;
  method?: string;
  /** Exact path, or a prefix when it ends with "*". */
  path?: string;
  /** Matching requests to let through before the fault starts. */
  after?: number;
  /** Matching requests the fault applies to. */
  count: number;
}

export type Fault =
  | { kind: "lockHeldBy"; promotionId: string; releaseAfterSeconds?: number }
  | { kind: "maintenanceLock"; releaseAfterSeconds?: number }
  | { kind: "blockingError"; promotion?: boolean; dryRun?: boolean; rollback?: boolean }
  | { kind: "releaseUpgrade"; value?: boolean }
  | { kind: "stuckLocking"; count?: number }
  | ({ kind: "httpError"; status: number; retryAfterSeconds?: number } & RequestMatch)
  | ({ kind: "dropConnection"; afterProcessing?: boolean } & RequestMatch)
  | ({ kind: "slowReply"; delayMs: number } & RequestMatch);

export type RequestFault = Extract<Fault, { kind: "httpError" | "dropConnection" | "slowReply" }>;

export function isRequestFault(fault: Fault): fault is RequestFault {
  return (
    fault.kind === "httpError" || fault.kind === "dropConnection" || fault.kind === "slowReply"
  );
}

/** What the request faults decided for one request. */
export interface RequestPlan {
  delayMs: number;
  httpError?: { status: number; retryAfterSeconds: number };
  drop?: "before" | "after";
}

function matches(fault: RequestMatch, env: EnvName, method: string, path: string): boolean {
  if (fault.env && fault.env !== env) return false;
  if (fault.method && fault.method.toUpperCase() !== method.toUpperCase()) return false;
  if (fault.path) {
    if (fault.path.endsWith("*")) return path.startsWith(fault.path.slice(0, -1));
    return path === fault.path;
  }
  return true;
}

/** Request faults with their own counters of matching requests. */
export class RequestFaults {
  private readonly active: { fault: RequestFault; seen: number }[] = [];

  add(fault: RequestFault): void {
    this.active.push({ fault, seen: 0 });
  }

  /** Counts this request against every matching fault and says which ones fire. */
  plan(env: EnvName, method: string, path: string): RequestPlan {
    const plan: RequestPlan = { delayMs: 0 };
    for (const entry of this.active) {
      const { fault } = entry;
      if (!matches(fault, env, method, path)) continue;
      entry.seen += 1;
      const skip = fault.after ?? 0;
      if (entry.seen <= skip || entry.seen > skip + fault.count) continue;
      if (fault.kind === "slowReply") plan.delayMs += fault.delayMs;
      else if (fault.kind === "httpError")
        plan.httpError ??= {
          status: fault.status,
          retryAfterSeconds: fault.retryAfterSeconds ?? 1,
        };
      else plan.drop ??= fault.afterProcessing ? "after" : "before";
    }
    return plan;
  }
}
