// Shared set-up of the client tests: a loopback server, a counting token source, fast retries.
import { Agent } from "undici";
import { afterEach } from "vitest";
import { MemoryLogger } from "../../../../src/core/util/log.js";
import { AicClient, type AicClientOptions } from "../../../../src/platforms/aic/client.js";
import { CountingTokens } from "../../../core/auth/counting-tokens.js";
import { type Handler, type Loopback, startLoopback } from "./loopback.js";

export { CountingTokens };

export const PATH = "/environment/promotion";

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
