import { describe, expect, it } from "vitest";
import {
  CachedTokenSource,
  type MintedToken,
  type TokenCacheOptions,
} from "../../../src/core/auth/cached-token-source.js";

/** Mints token-N with a fixed lifetime, after an optional delay; remembers a fake assertion. */
class FakeSource extends CachedTokenSource {
  mints = 0;
  constructor(
    options: TokenCacheOptions,
    private readonly lifetimeMs: number,
    private readonly delayMs = 0,
  ) {
    super(options, ["held-secret", ""]);
  }
  protected async mint(signal: AbortSignal | undefined): Promise<MintedToken> {
    const n = ++this.mints;
    this.remember(`assertion-${n}`);
    await new Promise((resolve) => setTimeout(resolve, this.delayMs));
    signal?.throwIfAborted();
    return { token: `token-${n}`, lifetimeMs: this.lifetimeMs };
  }
}

describe("CachedTokenSource", () => {
  it("re-mints at the smaller of the margin and the lifetime's share", async () => {
    let now = 0;
    const source = new FakeSource({ now: () => now, refreshMarginFraction: 0.1 }, 100_000);
    await source.getToken();
    now = 89_999; // margin 10 s (a tenth), not 60 s
    expect(await source.getToken()).toBe("token-1");
    now = 90_000;
    expect(await source.getToken()).toBe("token-2");
  });

  it("shares one mint between concurrent callers and mints again after invalidate()", async () => {
    const source = new FakeSource({}, 3_600_000, 20);
    const tokens = await Promise.all([1, 2, 3].map(() => source.getToken()));
    expect(tokens).toEqual(["token-1", "token-1", "token-1"]);
    source.invalidate();
    expect(await source.getToken()).toBe("token-2");
  });

  it("starts a new mint for a joiner whose starter cancelled", async () => {
    const source = new FakeSource({}, 3_600_000, 30);
    const controller = new AbortController();
    const first = source.getToken(controller.signal);
    const joiner = source.getToken();
    setTimeout(() => controller.abort(new Error("cancelled")), 5);
    await expect(first).rejects.toThrow("cancelled");
    expect(await joiner).toMatch(/^token-\d$/);
  });

  it("lists held secrets, remembered ones and tokens, without blanks or repeats", async () => {
    const source = new FakeSource({}, 3_600_000);
    await source.getToken();
    expect(source.secrets()).toEqual(["held-secret", "assertion-1", "token-1"]);
  });
});
