// Reads a scenario's release and patches into version objects. Ids carry the release date and
// the build; names, descriptions and the previous* fields are derived unless the scenario sets
// them.
//
//   release: { id: rel_24062025_6745, version: 11.5.0 }   # also name, description
//   patches:
//     installed: [pat_12082025_6805, { id: pat_11092025_6815, name: "Security patch" }]
//     available: [pat_04122025_6835]
import {
  isMapping,
  list,
  type Mapping,
  mapping,
  onlyKeys,
  optionalText,
  ScenarioError,
  text,
} from "../../../core/emulator/fields.js";
import type { VersionObject } from "../types.js";
import { parseVersionId, type VersionChain } from "./versions.js";

interface Entry {
  id: string;
  name?: string;
  description?: string;
}

function entry(value: unknown, path: string): Entry {
  if (!isMapping(value)) return { id: text(value, path) };
  onlyKeys(value, path, ["id", "name", "description"]);
  return {
    id: text(value.id, `${path}.id`),
    name: optionalText(value.name, `${path}.name`),
    description: optionalText(value.description, `${path}.description`),
  };
}

function releaseObject(raw: Mapping): VersionObject {
  onlyKeys(raw, "release", ["id", "version", "name", "description"]);
  const id = text(raw.id, "release.id");
  const name = optionalText(raw.name, "release.name");
  const description = optionalText(raw.description, "release.description");
  const parsed = parseVersionId(id);
  if (parsed?.type !== "release")
    throw new ScenarioError(`release.id must look like rel_<DDMMYYYY>_<build>, got ${id}`);
  const version = text(raw.version, "release.version");
  if (!/^\d+\.\d+\.\d+$/.test(version))
    throw new ScenarioError(`release.version must look like 11.5.0, got ${version}`);
  const short = version.split(".").slice(0, 2).join(".");
  return {
    id,
    name: name ?? `ArcGIS Enterprise on Kubernetes ${short}`,
    description: description ?? `Release ${version} (build ${parsed.build})`,
    type: "release",
    version,
    build: parsed.build,
    // Esri's checkRollback example leaves both empty for the base release.
    previousVersion: "",
    previousBuild: "",
    releaseBuild: parsed.build,
    released: parsed.released,
    newLicensesRequired: false,
    containers: [],
  };
}

function patchObject(raw: Entry, path: string, previous: VersionObject): VersionObject {
  const parsed = parseVersionId(raw.id);
  if (parsed?.type !== "patch")
    throw new ScenarioError(`${path} must look like pat_<DDMMYYYY>_<build>, got ${raw.id}`);
  if (Number(parsed.build) <= Number(previous.build))
    throw new ScenarioError(
      `${path}: build ${parsed.build} must be above the build before it (${previous.build})`,
    );
  const version = String(previous.version);
  return {
    id: raw.id,
    name: raw.name ?? `ArcGIS Enterprise on Kubernetes ${version} patch ${parsed.build}`,
    description: raw.description ?? `Cumulative patch for ${version}, build ${parsed.build}`,
    type: "patch",
    version,
    build: parsed.build,
    previousVersion: version,
    previousBuild: String(previous.build),
    releaseBuild: String(previous.releaseBuild),
    released: parsed.released,
    newLicensesRequired: false,
    containers: [],
  };
}

/** The release and patch chain; installed patches come first, then the available ones. */
export function versionChain(releaseValue: unknown, patchesValue: unknown): VersionChain {
  const release = releaseObject(mapping(releaseValue, "release"));
  const raw = mapping(patchesValue ?? {}, "patches");
  onlyKeys(raw, "patches", ["installed", "available"]);
  const read = (key: "installed" | "available") =>
    raw[key] === undefined
      ? []
      : list(raw[key], `patches.${key}`).map((item, i) => ({
          path: `patches.${key}[${i}]`,
          item: entry(item, `patches.${key}[${i}]`),
        }));
  const entries = [...read("installed"), ...read("available")];
  const patches: VersionObject[] = [];
  for (const { path, item } of entries) {
    if (patches.some((patch) => patch.id === item.id))
      throw new ScenarioError(`${path} repeats ${item.id}`);
    patches.push(patchObject(item, path, patches.at(-1) ?? release));
  }
  return { release, patches, installedCount: read("installed").length };
}
