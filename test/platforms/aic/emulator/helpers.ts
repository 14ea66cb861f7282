// Shared helpers for the emulator tests: real HTTP over loopback with global fetch.
import { afterEach } from "vitest";
import {
  type AicEmulatorOptions,
  type EmulatorEventKind,
  type EnvName,
  loadScenario,
  type RunningAicEmulator,
  startAicEmulator,
} from "../../../../src/platforms/aic/emulator/index.js";
import type { PromotionStatus } from "../../../../src/platforms/aic/types.js";

export const BASE = "/environment/promotion";
/** Fast enough for a real promotion (about 9 emulated minutes) to take ~110 ms. */
export const FAST = 5000;

const running: RunningAicEmulator[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((emulator) => emulator.close()));
});

/** Starts an emulator on random ports, closed after the test. */
export async function start(options: AicEmulatorOptions = {}): Promise<RunningAicEmulator> {
  const emulator = await startAicEmulator({ speed: FAST, lowerPort: 0, upperPort: 0, ...options });
  running.push(emulator);
  return emulator;
}

/** Starts an emulator from YAML that builds on the default scenario. */
export function startWith(yamlText: string, options: AicEmulatorOptions = {}) {
  return start({ scenario: loadScenario(`base: default\n${yamlText}`), ...options });
}

export interface Answer<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

export interface Client {
  get<T = Record<string, unknown>>(path: string): Promise<Answer<T>>;
  post<T = Record<string, unknown>>(path: string, body?: unknown): Promise<Answer<T>>;
  del<T = Record<string, unknown>>(path: string): Promise<Answer<T>>;
  send<T = unknown>(method: string, path: string, init?: RequestInit): Promise<Answer<T>>;
}

/** A client of one environment's promotions API, with that environment's static token. */
export function client(
  emulator: RunningAicEmulator,
  env: EnvName = "upper",
  token?: string,
): Client {
  const origin = env === "upper" ? emulator.upperUrl : emulator.lowerUrl;
  const bearer = token ?? `emulator-${env}-token`;
  const send = async <T>(method: string, path: string, init: RequestInit = {}) => {
    const own = path.startsWith("/am/") || path.startsWith("/openidm/");
    const reply = await fetch(`${origin}${own ? "" : BASE}${path}`, {
      method,
      ...init,
      headers: {
        "Accept-API-Version": "resource=1.0",
        Authorization: `Bearer ${bearer}`,
        "Content-Type": "application/json",
        ...(init.headers as Record<string, string> | undefined),
      },
    });
    const text = await reply.text();
    return {
      status: reply.status,
      body: (text ? JSON.parse(text) : undefined) as T,
      headers: reply.headers,
    };
  };
  return {
    get: (path) => send("GET", path),
    post: (path, body) =>
      send("POST", path, body === undefined ? {} : { body: JSON.stringify(body) }),
    del: (path) => send("DELETE", path),
    send,
  };
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Polls `check` every few milliseconds until it returns true. */
export async function waitUntil(check: () => boolean | Promise<boolean>, timeoutMs = 5000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await sleep(3);
  }
}

export function countEvents(emulator: RunningAicEmulator, kind: EmulatorEventKind): number {
  return emulator.events.filter((e) => e.kind === kind).length;
}

/** Locks the pair through the upper environment and waits until both are locked. */
export async function lockPair(emulator: RunningAicEmulator): Promise<string> {
  const api = client(emulator);
  const reply = await api.post<{ promotionId: string }>("/lock");
  if (reply.status !== 202) throw new Error(`lock refused: ${JSON.stringify(reply.body)}`);
  await waitUntil(() => emulator.upper.lockState().result === "locked");
  return reply.body.promotionId;
}

/** Unlocks and waits until both environments are unlocked. */
export async function unlockPair(emulator: RunningAicEmulator, promotionId: string): Promise<void> {
  const reply = await client(emulator).del(`/lock/${promotionId}`);
  if (reply.status !== 202) throw new Error(`unlock refused: ${JSON.stringify(reply.body)}`);
  await waitUntil(() => emulator.upper.lockState().result === "unlocked");
}

/** Starts a promotion or rollback and waits for its end; returns the final status. */
export async function runToEnd(
  emulator: RunningAicEmulator,
  path: "/promote" | "/rollback",
  body: unknown,
): Promise<PromotionStatus> {
  const kind = path === "/promote" ? "promotion-finished" : "rollback-finished";
  const before = countEvents(emulator, kind);
  const reply = await client(emulator).post(path, body);
  if (reply.status !== 202) throw new Error(`${path} refused: ${JSON.stringify(reply.body)}`);
  await waitUntil(() => countEvents(emulator, kind) > before);
  return (await client(emulator).get<PromotionStatus>("/promote")).body;
}

/** Names of change entries, as "added:Name" strings, for compact assertions. */
export function changeNames(report: unknown): string[] {
  const areas = (report as { report?: Record<string, unknown[]> }).report ?? {};
  const names: string[] = [];
  for (const [area, contents] of Object.entries(areas)) {
    for (const content of contents as {
      configItem: string;
      configChange: Record<string, ({ name: string } | string)[]>;
    }[]) {
      for (const [change, entries] of Object.entries(content.configChange)) {
        for (const e of entries) {
          // IDM entries are plain names, as in the guide's report.
          const name = typeof e === "string" ? e : e.name;
          names.push(`${area}/${content.configItem}/${change}:${name}`);
        }
      }
    }
  }
  return names.sort();
}
