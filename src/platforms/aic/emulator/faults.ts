// Faults the emulator can inject, each independently, from a scenario or at runtime
// (RunningAicEmulator.addFault). In a scenario file they sit under `faults:`:
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
//     # env, method, path and contentType filter (path may end in * to match a prefix); status
//     # 429 sends Retry-After (retryAfterSeconds, default 1). Shared with every emulator:
//     # src/core/emulator/scenario-faults.ts.
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
import type {
  RequestFault as AnyRequestFault,
  RequestMatch as AnyRequestMatch,
} from "../../../core/emulator/faults.js";
import type { EnvName } from "./types.js";

/** Which requests a request fault applies to; `env` picks the lower or upper server. */
export type RequestMatch = AnyRequestMatch<EnvName>;

export type RequestFault = AnyRequestFault<EnvName>;

export type Fault =
  | { kind: "lockHeldBy"; promotionId: string; releaseAfterSeconds?: number }
  | { kind: "maintenanceLock"; releaseAfterSeconds?: number }
  | { kind: "blockingError"; promotion?: boolean; dryRun?: boolean; rollback?: boolean }
  | { kind: "releaseUpgrade"; value?: boolean }
  | { kind: "stuckLocking"; count?: number }
  | RequestFault;
