// How often PingOne promotions are polled, in real-tenant milliseconds. Planning and execution
// take seconds to minutes; every 2.5 s notices a change within about 1.3 s on median at 24
// requests a minute (bench/README.md), inside the 30 a minute budget.
export const POLL_MS = {
  /** The first read after a request: states often move within a second. */
  firstRead: 1000,
  plan: 2500,
  execution: 2500,
  /** Another promotion in progress to the same target, with lock-wait. */
  conflict: 5000,
} as const;

/** Bounds on phases that should not take long, in real-tenant milliseconds. */
export const PHASE_LIMIT_MS = {
  plan: 15 * 60_000,
} as const;
