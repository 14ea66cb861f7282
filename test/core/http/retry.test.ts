import { describe, expect, it } from "vitest";
import {
  type Attempt,
  backoffDelay,
  DEFAULT_RETRY_POLICY,
  parseRetryAfter,
  retryDelay,
  retryPolicy,
  withRetries,
} from "../../../src/core/http/retry.js";
import { MemoryLogger } from "../../../src/core/util/log.js";

describe("parseRetryAfter", () => {
  const now = Date.parse("2025-03-01T12:00:00Z");

  it("reads delta seconds", () => {
    expect(parseRetryAfter("120", now)).toBe(120_000);
    expect(parseRetryAfter(" 0 ", now)).toBe(0);
  });

  it("reads an HTTP date relative to now", () => {
    expect(parseRetryAfter("Sat, 01 Mar 2025 12:00:30 GMT", now)).toBe(30_000);
  });

  it("reads a date in the past as no wait", () => {
    expect(parseRetryAfter("Sat, 01 Mar 2025 11:00:00 GMT", now)).toBe(0);
  });

  it("takes the first of repeated headers", () => {
    expect(parseRetryAfter(["2", "9"], now)).toBe(2000);
  });

  it.each([undefined, "", "soon", "-5", "1.5"])("ignores %j", (value) => {
    expect(parseRetryAfter(value, now)).toBeUndefined();
  });
});

describe("backoffDelay", () => {
  const policy = { retries: 5, baseDelayMs: 500, maxDelayMs: 15_000 };

  it("doubles the ceiling per attempt, with full jitter", () => {
    expect(backoffDelay(1, policy, () => 0.999)).toBe(499);
    expect(backoffDelay(2, policy, () => 0.5)).toBe(500);
    expect(backoffDelay(3, policy, () => 0.5)).toBe(1000);
    expect(backoffDelay(3, policy, () => 0)).toBe(0);
  });

  it("never exceeds maxDelayMs", () => {
    expect(backoffDelay(30, policy, () => 0.999999)).toBeLessThan(15_000);
    expect(backoffDelay(30, policy, () => 0.999999)).toBeGreaterThan(14_900);
  });

  it("stays within bounds with the real random source", () => {
    for (let attempt = 1; attempt <= 8; attempt++) {
      const delay = backoffDelay(attempt, policy);
      expect(delay).toBeGreaterThanOrEqual(0);
      expect(delay).toBeLessThan(Math.min(15_000, 500 * 2 ** (attempt - 1)));
    }
  });
});

describe("retryDelay", () => {
  it("prefers Retry-After, capped at four times maxDelayMs", () => {
    const policy = retryPolicy();
    expect(retryDelay(1, policy, 3000)).toBe(3000);
    expect(retryDelay(1, policy, 3_600_000)).toBe(60_000);
    expect(retryDelay(2, policy, undefined, () => 0.5)).toBe(500);
  });

  it("fills in defaults", () => {
    expect(retryPolicy({ retries: 1 })).toEqual({ ...DEFAULT_RETRY_POLICY, retries: 1 });
  });
});

describe("withRetries", () => {
  const fast = { retries: 2, baseDelayMs: 1, maxDelayMs: 2 };

  it("returns the first value and logs one line per retry", async () => {
    const logger = new MemoryLogger();
    let calls = 0;
    const value = await withRetries<string>(
      async () =>
        ++calls < 3
          ? { error: new Error("no"), retry: { what: "thing failed" } }
          : { value: "yes" },
      { policy: fast, logger },
    );
    expect(value).toBe("yes");
    expect(logger.lines).toHaveLength(2);
    expect(logger.lines[1]).toMatch(/^warn: thing failed; retry 2\/2 in \dms$/);
  });

  it("throws at once an error without a retry hint", async () => {
    let calls = 0;
    const attempt = async (): Promise<Attempt<string>> => {
      calls++;
      return { error: new Error("final") };
    };
    await expect(
      withRetries(attempt, { policy: fast, logger: new MemoryLogger() }),
    ).rejects.toThrow("final");
    expect(calls).toBe(1);
  });

  it("throws the last error when the retries run out", async () => {
    let calls = 0;
    const attempt = async (): Promise<Attempt<string>> => ({
      error: new Error(`attempt ${++calls}`),
      retry: { what: "x" },
    });
    await expect(
      withRetries(attempt, { policy: fast, logger: new MemoryLogger() }),
    ).rejects.toThrow("attempt 3");
  });

  it("stops waiting when the signal aborts", async () => {
    const controller = new AbortController();
    const attempt = async (): Promise<Attempt<string>> => ({
      error: new Error("busy"),
      retry: { what: "x", retryAfterMs: 60_000 },
    });
    setTimeout(() => controller.abort(new Error("cancelled")), 20);
    const started = Date.now();
    await expect(
      withRetries(attempt, {
        policy: { ...fast, maxDelayMs: 60_000 },
        logger: new MemoryLogger(),
        signal: controller.signal,
      }),
    ).rejects.toThrow("cancelled");
    expect(Date.now() - started).toBeLessThan(1000);
  });
});
