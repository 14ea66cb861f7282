// The only file that names every platform. The faces look platforms up here by name.
import { UsageError } from "../core/util/usage-error.js";
import { aicPlatform } from "./aic/index.js";
import { arcGisPlatform } from "./arcgis/index.js";
import { pingOnePlatform } from "./pingone/index.js";
import type { InputSpec, Platform } from "./platform.js";

export const PLATFORMS: readonly Platform[] = [aicPlatform, pingOnePlatform, arcGisPlatform];

export const DEFAULT_PLATFORM = "aic";

export function platformIds(): string[] {
  return PLATFORMS.map((p) => p.id);
}

/** The platform named `id`; an unknown name is a usage error listing the known ones. */
export function platformById(id: string): Platform {
  const platform = PLATFORMS.find((p) => p.id === id);
  if (!platform)
    throw new UsageError(`unknown platform "${id}"; use one of ${platformIds().join(", ")}`);
  return platform;
}

/** Every platform's own inputs, each once, with the platforms that read it. */
export function platformInputs(): Array<InputSpec & { platforms: string[] }> {
  const byName = new Map<string, InputSpec & { platforms: string[] }>();
  for (const platform of PLATFORMS) {
    for (const spec of platform.inputs) {
      const known = byName.get(spec.name);
      if (known) known.platforms.push(platform.id);
      else byName.set(spec.name, { ...spec, platforms: [platform.id] });
    }
  }
  return [...byName.values()];
}
