// A token source for client tests: mints token-1-…, token-2-… and counts invalidations.
import type { TokenSource } from "../../../src/core/auth/token-source.js";

export class CountingTokens implements TokenSource {
  minted = 0;
  invalidated = 0;
  private current: string | undefined;
  async getToken(): Promise<string> {
    this.current ??= `token-${++this.minted}-s3cr3t`;
    return this.current;
  }
  invalidate(): void {
    this.invalidated++;
    this.current = undefined;
  }
  secrets(): string[] {
    return [];
  }
}
