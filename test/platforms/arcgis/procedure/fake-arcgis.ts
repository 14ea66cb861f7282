// An in-memory ArcGisApi over the notes' version chain (test/fixtures/arcgis): 11.5.0.6835
// current, checkRollback offering 6825 down to 6805. A rollback starts a job whose messages
// are revealed over successive reads of the upgrades resource; every call is logged.
import { readFileSync } from "node:fs";
import { ApiError, type Endpoint, NetworkError } from "../../../../src/core/http/errors.js";
import type { ArcGisApi } from "../../../../src/platforms/arcgis/api.js";
import { ArcGisError } from "../../../../src/platforms/arcgis/errors.js";
import type {
  CurrentVersion,
  HistoryEntry,
  JobMessage,
  UpgradeStatus,
  UpgradesResource,
  VersionObject,
} from "../../../../src/platforms/arcgis/types.js";

export const ORG_URL = "https://gis.example.com/arcgis";
const UPGRADES = "/arcgis/admin/system/upgrades";

export function fixture<T = unknown>(name: string): T {
  const url = new URL(`../../../fixtures/arcgis/${name}.json`, import.meta.url);
  return JSON.parse(readFileSync(url, "utf8")) as T;
}

export const offered = () => fixture<{ updates: VersionObject[] }>("check-rollback").updates;
export const installedChain = () => fixture<{ updates: VersionObject[] }>("installed").updates;
/** The seed page's finished rollback: 19 messages, success. */
export const seedJob = () => fixture<UpgradesResource>("upgrades-rollback-success").status;

/** One upgrades read: the state and every message so far. */
export type Frame = UpgradeStatus;

/** Messages revealed `perRead` at a time, in_progress until the last frame ends `finalState`. */
export function revealing(messages: JobMessage[], perRead = 1, finalState = "success"): Frame[] {
  const frames: Frame[] = [];
  for (let shown = perRead; shown < messages.length + perRead; shown += perRead) {
    const last = shown >= messages.length;
    frames.push({
      state: last ? finalState : "in_progress",
      code: last ? (finalState === "success" ? 3 : 2) : 1,
      messages: messages.slice(0, shown),
    });
  }
  return frames;
}

/** A short job from `from` to `to`, with its read-only window, as ArcGIS words it. */
export function jobMessages(from: string, to: string, start = Date.now()): JobMessage[] {
  const texts: [number, string][] = [
    [2072, `Starting the rollback process from ${from} to ${to}.`],
    [2168, "Launching upgrader... "],
    [2165, "System is going into Read-Only mode."],
    [2271, "Executing upgrade plan."],
    [2293, "Rollback of apps module started."],
    [2177, "The rolling back of apps has completed in 31520 millis (~ 0 minutes)."],
    [2166, "System is coming out of Read-Only mode."],
    [
      2077,
      `The rollback process from ${from} to ${to} has completed in 00hr:00min:07sec:000millisec.`,
    ],
    [
      2076,
      `The ArcGIS Enterprise on Kubernetes has been rolled-back from ${from} to ${to} successfully.`,
    ],
  ];
  return texts.map(([code, message], i) => ({ code, message, when: start + i * 1000 }));
}

type Hook = (attempt: number, signal?: AbortSignal) => unknown;
type Name = Exclude<keyof ArcGisApi, "orgUrl">;

const endpoint = (method: string, below = ""): Endpoint => ({
  method,
  path: below ? `${UPGRADES}/${below}` : UPGRADES,
  origin: "https://gis.example.com",
});

/** What errors the API answers while pods restart, by kind. */
export const transient = {
  network: () => new NetworkError(endpoint("GET"), "connect ECONNREFUSED", false),
  http: (status: number) =>
    new ArcGisError({ operation: "upgrades", endpoint: endpoint("GET"), status }),
  /** ArcGIS's usual form: HTTP 200 with {"error":{"code":...}}. */
  inBody: (code: number) =>
    new ArcGisError({ operation: "upgrades", endpoint: endpoint("GET"), status: 200, code }),
  html: (status = 502) =>
    new ArcGisError({ operation: "upgrades", endpoint: endpoint("GET"), status, htmlPage: true }),
};

/** The rollback POST's reply lost: sent, effect unknown. */
export const lostRollbackReply = () =>
  new NetworkError(endpoint("POST", "rollback"), "socket hang up", true);

export class FakeArcGis implements ArcGisApi {
  readonly orgUrl = ORG_URL;
  readonly calls: string[] = [];
  options: VersionObject[] = offered();
  installedList: VersionObject[] = installedChain();
  current: VersionObject = this.installedList.at(-1) as VersionObject;
  availableList: VersionObject[] = [];
  /** The upgrades resource: one frame per read, the last one sticks. */
  frames: Frame[] = [{ state: "success", code: 3, messages: [] }];
  /** The frames a rollback to `to` plays; default a short successful job. */
  plan: (to: VersionObject) => Frame[] = (to) =>
    revealing(jobMessages(full(this.current), full(to)), 2);
  /** The version current once a rollback's job has ended success; default its target. */
  landsOn: (to: VersionObject) => VersionObject = (to) => to;
  /** Whether the rollback (when its reply is lost) started the job all the same. */
  startsJob = true;
  before: Partial<Record<Name, Hook>> = {};
  after: Partial<Record<Name, Hook>> = {};
  private attempts: Partial<Record<Name, number>> = {};
  private pendingTarget: VersionObject | undefined;

  count(name: string): number {
    return this.calls.filter((c) => c === name || c.startsWith(`${name}:`)).length;
  }

  async checkRollback(signal?: AbortSignal): Promise<VersionObject[]> {
    await this.enter("checkRollback", "checkRollback", signal);
    return this.leave("checkRollback", signal, structuredClone(this.options));
  }

  async rollback(versionId: string, signal?: AbortSignal): Promise<UpgradesResource> {
    await this.enter("rollback", `rollback:${versionId}`, signal);
    const to = this.options.find((v) => v.id === versionId);
    if (!to)
      throw new ArcGisError({
        operation: "rollback",
        endpoint: endpoint("POST", "rollback"),
        status: 200,
        code: 400,
        message: `Version ${versionId} is not a rollback option`,
      });
    if (this.startsJob) {
      this.frames = this.plan(to);
      this.pendingTarget = to;
    }
    const first = {
      state: "in_progress",
      code: 1,
      messages: this.frames[0]?.messages?.slice(0, 1),
    };
    return this.leave("rollback", signal, { status: structuredClone(first) });
  }

  async upgrades(signal?: AbortSignal): Promise<UpgradesResource> {
    await this.enter("upgrades", "upgrades", signal);
    const frame = (this.frames.length > 1 ? this.frames.shift() : this.frames[0]) as Frame;
    if (frame.state === "success" && this.pendingTarget) {
      this.current = this.landsOn(this.pendingTarget);
      this.pendingTarget = undefined;
    }
    return this.leave("upgrades", signal, { status: structuredClone(frame) });
  }

  async installed(signal?: AbortSignal): Promise<VersionObject[]> {
    await this.enter("installed", "installed", signal);
    return this.leave("installed", signal, structuredClone(this.installedList));
  }

  async available(signal?: AbortSignal): Promise<VersionObject[]> {
    await this.enter("available", "available", signal);
    return this.leave("available", signal, structuredClone(this.availableList));
  }

  async currentVersion(signal?: AbortSignal): Promise<CurrentVersion> {
    await this.enter("currentVersion", "currentVersion", signal);
    return this.leave("currentVersion", signal, structuredClone(this.current));
  }

  async history(signal?: AbortSignal): Promise<HistoryEntry[]> {
    await this.enter("history", "history", signal);
    return this.leave("history", signal, []);
  }

  private async enter(name: Name, call: string, signal?: AbortSignal): Promise<void> {
    this.calls.push(call);
    const attempt = (this.attempts[name] ?? 0) + 1;
    this.attempts[name] = attempt;
    const outcome = await this.before[name]?.(attempt, signal);
    if (outcome instanceof Error) throw outcome;
    if (signal?.aborted) throw signal.reason;
  }

  private async leave<T>(name: Name, signal: AbortSignal | undefined, value: T): Promise<T> {
    const outcome = await this.after[name]?.(this.attempts[name] ?? 0, signal);
    if (outcome instanceof Error) throw outcome;
    return value;
  }
}

export function full(v: Partial<VersionObject>): string {
  return `${v.version}.${v.build}`;
}

export { ApiError };
