// Version objects of the emulated deployment: one release and the chain of patches built on it,
// the first `installedCount` of them installed (updates are cumulative, so installing or rolling
// back only moves that boundary).
import type { VersionObject } from "../types.js";

const ID = /^(rel|pat)_(\d{2})(\d{2})(\d{4})_(\d+)$/;

/** What an id such as pat_23102025_6825 says: patch, released 23 Oct 2025, build 6825. */
export interface VersionId {
  type: "release" | "patch";
  released: number;
  build: string;
}

export function parseVersionId(id: string): VersionId | undefined {
  const match = ID.exec(id);
  if (!match) return undefined;
  const [, kind, dd, mm, yyyy, build] = match;
  const released = Date.UTC(Number(yyyy), Number(mm) - 1, Number(dd));
  const date = new Date(released);
  // Date.UTC rolls 31022025 over to March; such an id is a typo.
  if (date.getUTCDate() !== Number(dd) || date.getUTCMonth() !== Number(mm) - 1) return undefined;
  return { type: kind === "rel" ? "release" : "patch", released, build: build ?? "" };
}

/** 11.5.0 and build 6825 -> 11.5.0.6825, the form job messages and history use. */
export function fullVersion(version: VersionObject): string {
  return `${version.version}.${version.build}`;
}

export interface VersionChain {
  release: VersionObject;
  /** Every patch known to the deployment, oldest first. */
  patches: VersionObject[];
  installedCount: number;
}

export function installed(chain: VersionChain): VersionObject[] {
  return [chain.release, ...chain.patches.slice(0, chain.installedCount)];
}

export function available(chain: VersionChain): VersionObject[] {
  return chain.patches.slice(chain.installedCount);
}

export function current(chain: VersionChain): VersionObject {
  return chain.patches[chain.installedCount - 1] ?? chain.release;
}

/** What checkRollback offers: every installed version before the current one, newest first. */
export function rollbackOptions(chain: VersionChain): VersionObject[] {
  return installed(chain).slice(0, -1).reverse();
}

/** How many patches stay installed once `id` is the current version; undefined if unknown. */
export function installedCountAt(chain: VersionChain, id: string): number | undefined {
  if (id === chain.release.id) return 0;
  const index = chain.patches.findIndex((patch) => patch.id === id);
  return index < 0 ? undefined : index + 1;
}

/** The version a job of `type` may go to (`to`, or the nearest one), or why there is none. */
export function jobTarget(
  chain: VersionChain,
  type: "rollback" | "upgrade",
  to?: string,
): VersionObject | string {
  const options = type === "upgrade" ? available(chain) : rollbackOptions(chain);
  const ids = options.map((version) => version.id).join(", ") || "none";
  if (to === undefined) return options[0] ?? `there is no version to ${type} to`;
  return (
    options.find((version) => version.id === to) ??
    `${to} is not a version to ${type} to from ${fullVersion(current(chain))} (options: ${ids})`
  );
}
