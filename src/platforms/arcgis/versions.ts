// Version objects: how to name them, match a rollback-to against them, and what a rollback to
// one of them removes (updates are cumulative: every patch installed after it).
import type { CurrentVersion, VersionObject } from "./types.js";

export function fullVersion(v: Partial<VersionObject> | undefined): string | undefined {
  if (!v) return undefined;
  if (v.version && v.build !== undefined) return `${v.version}.${v.build}`;
  return v.version ?? v.id;
}

export function label(v: Partial<VersionObject>): string {
  const full = fullVersion(v);
  return v.id && full && full !== v.id ? `${v.id} (${full})` : (v.id ?? full ?? "unknown");
}

/** The version object inside a currentVersion reply, however it is nested. */
export function currentOf(reply: CurrentVersion): Partial<VersionObject> {
  return reply.currentVersion ?? reply;
}

export function matches(v: Partial<VersionObject>, wanted: string): boolean {
  return v.id === wanted || fullVersion(v) === wanted;
}

/** Same version: by id when both have one, else by version and build. */
export function sameVersion(a: Partial<VersionObject>, b: Partial<VersionObject>): boolean {
  if (a.id && b.id) return a.id === b.id;
  return fullVersion(a) !== undefined && fullVersion(a) === fullVersion(b);
}

/** The patches installed after `target`, in install order; all of them go. */
export function removedBy(
  installed: VersionObject[],
  target: Partial<VersionObject>,
): VersionObject[] {
  const at = installed.findIndex((v) => sameVersion(v, target));
  if (at >= 0) return installed.slice(at + 1);
  const build = Number(target.build);
  return installed.filter((v) => Number.isFinite(build) && Number(v.build) > build);
}

/** The build as a number, when the version object gives one. */
function buildOf(v: Partial<VersionObject>): number | undefined {
  const build = typeof v.build === "string" && v.build.trim() !== "" ? Number(v.build) : v.build;
  return typeof build === "number" && Number.isFinite(build) ? build : undefined;
}

/**
 * checkRollback's options newest first, whatever order it listed them in (none is documented):
 * by build when every option has one, else by position in `installed` (install order) when
 * every option is there. Undefined when neither tells them apart: then no option is "newest".
 */
export function newestFirst(
  options: VersionObject[],
  installed: VersionObject[],
): VersionObject[] | undefined {
  const builds = options.map(buildOf);
  const positions = options.map((v) => installed.findIndex((i) => sameVersion(i, v)));
  const keys = builds.every((b) => b !== undefined)
    ? builds
    : positions.every((p) => p >= 0)
      ? positions
      : undefined;
  if (!keys) return undefined;
  return options
    .map((v, i) => ({ v, key: keys[i] as number }))
    .sort((a, b) => b.key - a.key)
    .map(({ v }) => v);
}
