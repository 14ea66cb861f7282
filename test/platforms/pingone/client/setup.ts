// Shared set-up of the PingOne client tests: a loopback API, a counting token source, fast retries.
import type { ServerResponse } from "node:http";
import { Agent } from "undici";
import { afterEach } from "vitest";
import { MemoryLogger } from "../../../../src/core/util/log.js";
import {
  PingOneClient,
  type PingOneClientOptions,
} from "../../../../src/platforms/pingone/client.js";
import { CountingTokens } from "../../../core/auth/counting-tokens.js";
import {
  type Handler,
  type Loopback,
  sendJson,
  startLoopback,
} from "../../../core/http/loopback.js";

export const SOURCE = "abfba8f6-49eb-49f5-a5d9-80ad5c98f9f6";
export const TARGET = "7c1a3d52-1e0b-4c4e-9a0e-5d6f2c9b8e11";
export const PROMOTIONS = `/v1/environments/${SOURCE}/promotions`;

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

/** Closes `close` after the test, whatever happens. */
export function afterTest(close: () => Promise<void>): void {
  cleanups.push(close);
}

export interface Setup {
  server: Loopback;
  client: PingOneClient;
  tokens: CountingTokens;
  logger: MemoryLogger;
}

export async function setup(
  handler: Handler,
  options: Partial<PingOneClientOptions> = {},
): Promise<Setup> {
  const server = await startLoopback(handler);
  const dispatcher = new Agent();
  afterTest(() => server.close());
  afterTest(() => dispatcher.close());
  const tokens = new CountingTokens();
  const logger = new MemoryLogger();
  const client = new PingOneClient({
    apiUrl: `${server.url}/v1`,
    sourceEnvironmentId: SOURCE,
    tokens,
    logger,
    dispatcher,
    retry: { retries: 3, baseDelayMs: 1, maxDelayMs: 5 },
    ...options,
  });
  return { server, client, tokens, logger };
}

export function promotion(id: string, status: string, extra: object = {}): object {
  return { id, status, sourceEnvironmentId: SOURCE, targetEnvironmentId: TARGET, ...extra };
}

/** PingOne's error envelope. */
export function sendError(
  res: ServerResponse,
  status: number,
  code: string,
  message: string,
  details?: object[],
  headers: Record<string, string> = {},
): void {
  sendJson(res, status, { id: `err-${status}`, code, message, details }, headers);
}

export function collection(key: string, items: object[], next?: string): object {
  return {
    _embedded: { [key]: items },
    _links: next ? { next: { href: next } } : {},
    count: items.length,
  };
}
