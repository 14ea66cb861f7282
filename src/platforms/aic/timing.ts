// How often AIC's states are polled and how long its short phases may take.

/**
 * Poll intervals in real-tenant milliseconds. Lock changes take seconds, so they are polled
 * quickly; promotion phases take minutes, workload restarts the longest, so they are polled
 * less often. Chosen to notice a change within 1 s (lock) and 2 s (phases) on median while
 * staying under 30 status requests a minute (measured in bench/README.md).
 */
export const POLL_MS = {
  lock: 1500,
  shortPhase: 3000,
  restart: 3600,
} as const;

/** Bounds on phases that should never take long, in real-tenant milliseconds. */
export const PHASE_LIMIT_MS = {
  lock: 5 * 60_000,
  unlock: 5 * 60_000,
  promotionStart: 2 * 60_000,
} as const;
