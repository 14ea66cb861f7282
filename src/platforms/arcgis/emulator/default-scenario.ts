// The built-in scenario as a plain document (the shape of a scenario YAML file): an 11.5
// release with four patches installed and a fifth available. scenarios/arcgis/default.yaml
// holds the same. Timings add up to about seven real minutes, like the documented rollback.

export const DEFAULT_ARCGIS_SCENARIO_DOCUMENT = {
  speed: 60,
  context: "arcgis",
  credentials: { username: "admin", password: "emulator-password" },
  accessTokens: ["emulator-token"],
  tokenReferer: "tenant-promote",
  maxTokenLifetimeMinutes: 20160,
  tokenErrorsAsHttpStatus: false,
  operationErrorForm: "error",
  checkRollbackOrder: "newest-first",
  release: { id: "rel_24062025_6745", version: "11.5.0" },
  patches: {
    installed: ["pat_12082025_6805", "pat_11092025_6815", "pat_07102025_6820", "pat_23102025_6825"],
    available: ["pat_04122025_6835"],
  },
  timings: {
    launchSeconds: 11,
    preparationSeconds: 61,
    modules: [
      { name: "apps", seconds: 31.5 },
      { name: "monitoring components", seconds: 35.7 },
      { name: "main core rest APIs", seconds: 216.9 },
    ],
    postUpgradeSeconds: 60,
  },
};
