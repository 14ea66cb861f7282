import { describe, expect, it } from "vitest";
import { Limiter } from "../../../src/core/util/limiter.js";

describe("Limiter", () => {
  it("never runs more than its slots, even when a new task arrives as a slot is handed over", async () => {
    const limiter = new Limiter(1);
    let release: () => void = () => {};
    const first = limiter.run(() => new Promise<void>((resolve) => (release = resolve)));
    const second = limiter.run(async () => {});
    // The first task ends, and a third asks for a slot before the waiting second has resumed.
    let third: Promise<void> | undefined;
    release();
    queueMicrotask(() => {
      third = limiter.run(async () => {});
    });
    await first;
    await second;
    await third;
    expect(limiter.peak).toBe(1);
  });

  it("runs waiting tasks in the order they asked", async () => {
    const limiter = new Limiter(2);
    const order: number[] = [];
    await Promise.all(
      [1, 2, 3, 4, 5].map((n) =>
        limiter.run(async () => {
          await new Promise((resolve) => setTimeout(resolve, 5));
          order.push(n);
        }),
      ),
    );
    expect(order).toEqual([1, 2, 3, 4, 5]);
    expect(limiter.peak).toBe(2);
  });
});
