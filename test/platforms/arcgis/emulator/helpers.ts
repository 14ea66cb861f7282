// Shared helpers for the ArcGIS emulator tests: real HTTP over loopback with global fetch,
// form-encoded POSTs with the token in the body, as the admin API wants, and the Referer header
// the tokens are bound to (undefined in `headers` leaves it out).
import { fileURLToPath } from "node:url";
import { afterEach } from "vitest";
import {
  type ArcGisEmulatorOptions,
  type ArcGisScenario,
  loadArcGisScenario,
  loadArcGisScenarioFile,
  type RunningArcGisEmulator,
  startArcGisEmulator,
} from "../../../../src/platforms/arcgis/emulator/index.js";

/** A rollback (about 417 real seconds) takes about 0.4 s. */
export const FAST = 1000;
export const UPGRADES = "/admin/system/upgrades";
/** The referer the default scenario's static token is bound to, and the one tokens are minted with. */
export const REFERER = "tenant-promote";

type HeaderValues = Record<string, string | undefined>;

/** The Referer header, then `headers`; an undefined value drops the header. */
function withReferer(headers: HeaderValues = {}): Record<string, string> {
  const all: HeaderValues = { Referer: REFERER, ...headers };
  return Object.fromEntries(
    Object.entries(all).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
}

const running: RunningArcGisEmulator[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((emulator) => emulator.close()));
});

export async function start(options: ArcGisEmulatorOptions = {}): Promise<RunningArcGisEmulator> {
  const emulator = await startArcGisEmulator({ speed: FAST, ...options });
  running.push(emulator);
  return emulator;
}

/** Starts an emulator from YAML that builds on the default scenario. */
export function startWith(yamlText: string, options: ArcGisEmulatorOptions = {}) {
  return start({ scenario: loadArcGisScenario(`base: default\n${yamlText}`), ...options });
}

export function shipped(name: string): ArcGisScenario {
  return loadArcGisScenarioFile(
    fileURLToPath(new URL(`../../../../scenarios/arcgis/${name}.yaml`, import.meta.url)),
  );
}

// biome-ignore lint/suspicious/noExplicitAny: tests read loosely shaped JSON replies.
export type Json = any;

export interface Answer {
  status: number;
  body: Json;
  headers: Headers;
}

async function answer(reply: Response): Promise<Answer> {
  const text = await reply.text();
  const json = reply.headers.get("content-type")?.startsWith("application/json");
  return { status: reply.status, body: json ? JSON.parse(text) : text, headers: reply.headers };
}

/** POST <orgUrl><path> with a form body (f=json unless the form sets f). */
export async function post(
  emulator: RunningArcGisEmulator,
  path: string,
  form: Record<string, string> = {},
  init: { query?: string; headers?: HeaderValues } = {},
): Promise<Answer> {
  const reply = await fetch(`${emulator.orgUrl}${path}${init.query ?? ""}`, {
    method: "POST",
    headers: withReferer({ "Content-Type": "application/x-www-form-urlencoded", ...init.headers }),
    body: new URLSearchParams({ f: "json", ...form }).toString(),
  });
  return answer(reply);
}

/** GET <orgUrl><path>?f=json plus `query`. */
export async function get(
  emulator: RunningArcGisEmulator,
  path: string,
  query: Record<string, string> = {},
  headers: HeaderValues = {},
): Promise<Answer> {
  const params = new URLSearchParams({ f: "json", ...query });
  return answer(
    await fetch(`${emulator.orgUrl}${path}?${params}`, { headers: withReferer(headers) }),
  );
}

export async function generateToken(
  emulator: RunningArcGisEmulator,
  form: Record<string, string> = {},
): Promise<Answer> {
  const { username, password } = emulator.credentials;
  const defaults = { username, password, client: "referer", referer: REFERER };
  return post(emulator, "/sharing/rest/generateToken", { ...defaults, ...form });
}

/** An admin client authenticating with `token`: POSTs carry it in the body, GETs in the query. */
export function admin(emulator: RunningArcGisEmulator, token = "emulator-token") {
  return {
    post: (operation: string, form: Record<string, string> = {}) =>
      post(emulator, `${UPGRADES}${operation}`, { token, ...form }),
    get: (resource = "") => get(emulator, `${UPGRADES}${resource}`, { token }),
    rollback: (id: string) =>
      post(emulator, `${UPGRADES}/rollback`, {
        token,
        versionManifest: JSON.stringify({ id }),
        rollbackSettings: "{}",
      }),
  };
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Polls until `check` passes (or throws after `timeoutMs`). */
export async function waitUntil(
  check: () => boolean | Promise<boolean>,
  timeoutMs = 10_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await sleep(5);
  }
}

/** Waits (reading the emulator's state, not the wire) until the job has ended. */
export async function jobEnded(emulator: RunningArcGisEmulator) {
  await waitUntil(() => emulator.state().job.state !== "in_progress");
  return emulator.state();
}

/** The outcome of a request, or "dropped" when its socket closed without a reply. */
export async function attempt<T>(send: () => Promise<T>): Promise<T | "dropped"> {
  try {
    return await send();
  } catch {
    return "dropped";
  }
}
