// How often the upgrades job is read, in real-tenant milliseconds. A rollback runs minutes to an
// hour; every 5.5 s notices a new message within about 3 s on median at under 11 reads a minute
// (bench/README.md), inside the 12 a minute budget.
export const POLL_MS = {
  firstRead: 2000,
  job: 5500,
  /** While the API is away (pods restarting): no faster than this. */
  unavailable: 10_000,
  /** Another job in progress, with lock-wait. */
  conflict: 15_000,
} as const;
