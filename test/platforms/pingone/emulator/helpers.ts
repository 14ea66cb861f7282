// Shared helpers for the PingOne emulator tests: real HTTP over loopback with global fetch.
import { afterEach } from "vitest";
import {
  DEVELOPMENT_ID,
  loadPingOneScenario,
  type PingOneEmulatorOptions,
  type RunningPingOneEmulator,
  STAGING_ID,
  startPingOneEmulator,
} from "../../../../src/platforms/pingone/emulator/index.js";
import type { Promotion } from "../../../../src/platforms/pingone/types.js";

export { DEVELOPMENT_ID, STAGING_ID };
export const EXECUTE = "application/vnd.pingidentity.promotion.execute+json";
export const ROLLBACK = "application/vnd.pingidentity.promotion.rollback+json";
/** Planning (17 real seconds) takes 17 ms, each step 4 ms. */
export const FAST = 1000;

const running: RunningPingOneEmulator[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((emulator) => emulator.close()));
});

export async function start(options: PingOneEmulatorOptions = {}): Promise<RunningPingOneEmulator> {
  const emulator = await startPingOneEmulator({ speed: FAST, ...options });
  running.push(emulator);
  return emulator;
}

/** Starts an emulator from YAML that builds on the default scenario. */
export function startWith(yamlText: string, options: PingOneEmulatorOptions = {}) {
  return start({ scenario: loadPingOneScenario(`base: default\n${yamlText}`), ...options });
}

export interface Answer<T = Record<string, unknown>> {
  status: number;
  body: T;
  headers: Headers;
}

// biome-ignore lint/suspicious/noExplicitAny: tests read loosely shaped JSON replies.
type Json = any;

export interface Api {
  send(
    method: string,
    path: string,
    init?: { body?: unknown; contentType?: string },
  ): Promise<Answer<Json>>;
  get(path: string): Promise<Answer<Json>>;
}

/** A client of the API under /v1/environments/{envId}, with a static token by default. */
export function api(
  emulator: RunningPingOneEmulator,
  token = "emulator-token",
  envId = DEVELOPMENT_ID,
): Api {
  const send = async (
    method: string,
    path: string,
    init: { body?: unknown; contentType?: string } = {},
  ) => {
    const headers: Record<string, string> = { Authorization: `Bearer ${token}` };
    const contentType =
      init.contentType ?? (init.body === undefined ? undefined : "application/json");
    if (contentType) headers["Content-Type"] = contentType;
    const url = path.startsWith("http") ? path : `${emulator.apiUrl}/environments/${envId}${path}`;
    const reply = await fetch(url, {
      method,
      headers,
      body:
        init.body === undefined
          ? undefined
          : typeof init.body === "string"
            ? init.body
            : JSON.stringify(init.body),
    });
    const text = await reply.text();
    return {
      status: reply.status,
      body: text ? JSON.parse(text) : undefined,
      headers: reply.headers,
    };
  };
  return { send, get: (path) => send("GET", path) };
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Polls until `check` passes (or throws after `timeoutMs`). */
export async function waitUntil(
  check: () => boolean | Promise<boolean>,
  timeoutMs = 5000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await sleep(5);
  }
}

/** Polls GET /promotions/{id} until its status is one of `statuses`. */
export async function waitForStatus(
  client: Api,
  id: string,
  ...statuses: string[]
): Promise<Promotion> {
  let last: Promotion | undefined;
  await waitUntil(async () => {
    last = (await client.get(`/promotions/${id}`)).body;
    return statuses.includes(String(last?.status));
  });
  return last as Promotion;
}

/** Creates a promotion from development and waits until it is planned. */
export async function planned(client: Api, body: Record<string, unknown> = {}): Promise<Promotion> {
  const created = await client.send("POST", "/promotions", {
    body: { targetEnvironment: { id: STAGING_ID }, selectedResources: [DEVELOPMENT_ID], ...body },
  });
  if (created.status !== 201)
    throw new Error(`create answered ${created.status}: ${JSON.stringify(created.body)}`);
  return waitForStatus(client, created.body.id, "READY", "VALIDATION_FAILED");
}

/** Executes a planned promotion and waits until it ends. */
export async function executed(client: Api, id: string): Promise<Promotion> {
  const reply = await client.send("POST", `/promotions/${id}`, { contentType: EXECUTE });
  if (reply.status !== 202)
    throw new Error(`execute answered ${reply.status}: ${JSON.stringify(reply.body)}`);
  return waitForStatus(client, id, "COMPLETED", "ERROR");
}

/** Names of an environment's resources of one type. */
export function names(emulator: RunningPingOneEmulator, envId: string, type: string): string[] {
  return emulator
    .resources(envId)
    .filter((r) => r.type === type)
    .map((r) => r.name);
}
