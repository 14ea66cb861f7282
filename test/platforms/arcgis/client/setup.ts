// Shared set-up of the ArcGIS client tests: a loopback organization, counting tokens, fast retries.
import { readFileSync } from "node:fs";
import type { ServerResponse } from "node:http";
import { Agent } from "undici";
import { afterEach } from "vitest";
import { MemoryLogger } from "../../../../src/core/util/log.js";
import { ArcGisClient, type ArcGisClientOptions } from "../../../../src/platforms/arcgis/client.js";
import { CountingTokens } from "../../../core/auth/counting-tokens.js";
import { type Handler, type Loopback, startLoopback } from "../../../core/http/loopback.js";

export const CONTEXT = "/arcgis";
export const UPGRADES = `${CONTEXT}/admin/system/upgrades`;

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

/** Closes `close` after the test, whatever happens. */
export function afterTest(close: () => Promise<void>): void {
  cleanups.push(close);
}

export function newDispatcher(): Agent {
  const dispatcher = new Agent();
  afterTest(() => dispatcher.close());
  return dispatcher;
}

export async function loopback(handler: Handler): Promise<Loopback> {
  const server = await startLoopback(handler);
  afterTest(() => server.close());
  return server;
}

export interface Setup {
  server: Loopback;
  client: ArcGisClient;
  tokens: CountingTokens;
  logger: MemoryLogger;
}

export async function setup(
  handler: Handler,
  options: Partial<ArcGisClientOptions> = {},
): Promise<Setup> {
  const server = await loopback(handler);
  const tokens = new CountingTokens();
  const logger = new MemoryLogger();
  const client = new ArcGisClient({
    orgUrl: `${server.url}${CONTEXT}`,
    tokens,
    logger,
    dispatcher: newDispatcher(),
    retry: { retries: 3, baseDelayMs: 1, maxDelayMs: 5 },
    ...options,
  });
  return { server, client, tokens, logger };
}

/** ArcGIS's usual failure: HTTP 200 with an `error` object. */
export function sendArcGisError(
  res: ServerResponse,
  code: number,
  message: string,
  details: unknown = null,
  extra: object = {},
): void {
  sendText(res, 200, JSON.stringify({ error: { code, message, details, ...extra } }));
}

export function sendText(
  res: ServerResponse,
  status: number,
  text: string,
  type = "application/json",
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { "content-type": type, ...headers });
  res.end(text);
}

export function sendHtml(res: ServerResponse, status: number): void {
  sendText(res, status, "<html><body><h1>502 Bad Gateway</h1></body></html>", "text/html");
}

/** The form fields of a POST. */
export function form(body: string | undefined): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(body));
}

export function fixture(name: string): Record<string, unknown> {
  const url = new URL(`../../../fixtures/arcgis/${name}.json`, import.meta.url);
  return JSON.parse(readFileSync(url, "utf8")) as Record<string, unknown>;
}
