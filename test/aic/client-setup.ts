// Shared set-up of the client tests: a loopback server, a counting token source, fast retries.
import { Agent } from "undici";
import { afterEach } from "vitest";
import type { TokenSource } from "../../src/core/auth/token-source.js";
import { MemoryLogger } from "../../src/core/util/log.js";
import { AicClient, type AicClientOptions } from "../../src/platforms/aic/client.js";
import { type Handler, type Loopback, startLoopback } from "./loopback.js";

export const PATH = "/environment/promotion";

/** Mints token-1-…, token-2-… and counts how often it was asked to drop its token. */
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

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

export interface Setup {
  server: Loopback;
  client: AicClient;
  tokens: CountingTokens;
  logger: MemoryLogger;
}

export async function setup(
  handler: Handler,
  options: Partial<AicClientOptions> = {},
): Promise<Setup> {
  const server = await startLoopback(handler);
  const dispatcher = new Agent();
  cleanups.push(
    () => server.close(),
    () => dispatcher.close(),
  );
  const tokens = new CountingTokens();
  const logger = new MemoryLogger();
  const client = new AicClient({
    baseUrl: server.url,
    tokens,
    logger,
    dispatcher,
    retry: { retries: 3, baseDelayMs: 1, maxDelayMs: 5 },
    ...options,
  });
  return { server, client, tokens, logger };
}
