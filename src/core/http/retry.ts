// Retry timing and the retry loop shared by the API client and the token exchange.
import { formatDuration } from "../util/duration.js";
import type { Logger } from "../util/log.js";
import { sleep } from "../util/sleep.js";
import { NetworkError } from "./errors.js";

export interface RetryPolicy {
  /** Retries after the first attempt. */
  retries: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: Readonly<RetryPolicy> = {
  retries: 5,
  baseDelayMs: 500,
  maxDelayMs: 15_000,
};

export function retryPolicy(overrides: Partial<RetryPolicy> = {}): RetryPolicy {
  return { ...DEFAULT_RETRY_POLICY, ...overrides };
}

/**
 * Reads a Retry-After header: delta seconds or an HTTP-date. Returns milliseconds
 * to wait (0 for a date in the past), or undefined when absent or unreadable.
 */
export function parseRetryAfter(
  value: string | string[] | undefined,
  nowMs = Date.now(),
): number | undefined {
  const text = (Array.isArray(value) ? value[0] : value)?.trim();
  if (!text) return undefined;
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  // Every HTTP-date form starts with a day name; Date.parse alone accepts "-5" or "1.5".
  if (!/^[A-Za-z]{3}/.test(text)) return undefined;
  const dateMs = Date.parse(text);
  if (Number.isNaN(dateMs)) return undefined;
  return Math.max(0, dateMs - nowMs);
}

/** Exponential backoff with full jitter: uniform in [0, min(max, base * 2^(attempt-1))). */
export function backoffDelay(attempt: number, policy: RetryPolicy, random = Math.random): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  return Math.floor(random() * ceiling);
}

/**
 * Wait before retry number `attempt`: the server's Retry-After when given (capped, so
 * a hostile or broken header cannot park the run), else jittered backoff.
 */
export function retryDelay(
  attempt: number,
  policy: RetryPolicy,
  retryAfterMs?: number,
  random = Math.random,
): number {
  if (retryAfterMs !== undefined) return Math.min(retryAfterMs, policy.maxDelayMs * 4);
  return backoffDelay(attempt, policy, random);
}

/** Why an attempt failed in a way worth retrying. */
export interface RetryHint {
  /** What failed, for the log line, e.g. "GET https://host/path answered HTTP 503". */
  what: string;
  retryAfterMs?: number;
}

/** One attempt's outcome: a value, or an error with a hint when it may be retried. */
export type Attempt<T> = { value: T } | { error: Error; retry?: RetryHint };

export interface RetryLoopOptions {
  policy: RetryPolicy;
  logger: Logger;
  signal?: AbortSignal;
  random?: () => number;
}

/**
 * Runs `attempt` until it yields a value, fails without a retry hint, or the retries run
 * out (then its last error is thrown). Errors thrown by `attempt` (e.g. an abort) propagate.
 * A host that refused or does not resolve, and never answered, is not retried: a wrong URL or
 * a stopped server fails at once instead of after half a minute of warnings.
 */
export async function withRetries<T>(
  attempt: () => Promise<Attempt<T>>,
  options: RetryLoopOptions,
): Promise<T> {
  const { policy, logger, signal } = options;
  for (let retry = 1; ; retry++) {
    signal?.throwIfAborted();
    const outcome = await attempt();
    if ("value" in outcome) return outcome.value;
    const unreachable = outcome.error instanceof NetworkError && outcome.error.unreachable;
    if (!outcome.retry || unreachable || retry > policy.retries) throw outcome.error;
    const wait = retryDelay(retry, policy, outcome.retry.retryAfterMs, options.random);
    logger.warn(
      `${outcome.retry.what}; retry ${retry}/${policy.retries} in ${formatDuration(wait)}`,
    );
    await sleep(wait, signal);
  }
}
