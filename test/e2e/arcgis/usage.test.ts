// What --platform arcgis refuses before any request: modes it does not have, other platforms'
// flags, malformed or misplaced inputs. Exit 2, the input named, nothing sent.
import { describe, expect } from "vitest";
import { allOutput, it } from "./emulated.js";

describe.concurrent("modes ArcGIS does not have", () => {
  it.for(["dry-run", "promote", "unlock", "preview"])(
    "%s: exit 2, listing the platform's modes; nothing sent",
    async (mode, { e2e }) => {
      const emulator = await e2e.emulate();
      const run = await e2e.run(emulator, mode);
      expect(run.code, allOutput(run)).toBe(2);
      expect(run.stderr).toContain(
        `ArcGIS Enterprise on Kubernetes has no ${mode} mode; its modes: status, rollback-preview, rollback`,
      );
      expect(emulator.requests).toEqual([]);
    },
  );
});

interface UsageCase {
  what: string;
  mode?: string;
  args?: string[];
  env?: Record<string, string>;
  message: RegExp;
}

const CASES: UsageCase[] = [
  {
    what: "an AIC flag (--upper-fqdn)",
    args: ["--upper-fqdn", "openam-acme-staging.forgeblocks.com"],
    message: /--upper-fqdn is an option of --platform aic; this run is on arcgis/,
  },
  {
    what: "an AIC secret flag (--upper-access-token)",
    args: ["--upper-access-token", "aic-token-not-for-arcgis"],
    message: /--upper-access-token is an option of --platform aic; this run is on arcgis/,
  },
  {
    what: "a PingOne flag (--pingone-client-id)",
    args: ["--pingone-client-id", "a1b2c3"],
    message: /--pingone-client-id is an option of --platform pingone; this run is on arcgis/,
  },
  {
    what: "a PingOne flag (--target-environment-id)",
    mode: "rollback",
    args: ["--target-environment-id", "22222222-2222-4222-8222-222222222222"],
    message: /--target-environment-id is an option of --platform pingone; this run is on arcgis/,
  },
  {
    what: "a rollback-to that is no version",
    mode: "rollback",
    args: ["--rollback-to", "last-tuesday"],
    message:
      /--rollback-to "last-tuesday" is neither a version id \(pat_07102025_6820\) nor a version/,
  },
  {
    what: "rollback-to given to status",
    args: ["--rollback-to", "11.5.0.6820"],
    message: /--rollback-to means nothing to status; drop it/,
  },
  {
    what: "a username without its password",
    env: { TENANT_PROMOTE_ARCGIS_PASSWORD: "" },
    message:
      /--arcgis-password is missing: give both TENANT_PROMOTE_ARCGIS_USERNAME and --arcgis-password, or --arcgis-token/,
  },
  {
    what: "a referer with a line break (TENANT_PROMOTE_ARCGIS_REFERER)",
    env: { TENANT_PROMOTE_ARCGIS_REFERER: "tenant-promote\nX-Injected: 1" },
    message: /TENANT_PROMOTE_ARCGIS_REFERER must be printable ASCII on one line/,
  },
  {
    what: "a referer that is not ASCII (--arcgis-referer)",
    args: ["--arcgis-referer", "https://gis.exämple.com/"],
    message: /--arcgis-referer must be printable ASCII on one line/,
  },
  {
    what: "no organization URL",
    env: { TENANT_PROMOTE_ARCGIS_URL: "" },
    message: /--arcgis-url is required/,
  },
];

describe.concurrent("inputs refused before any request", () => {
  it.for(CASES)("$what: exit 2", async (c, { e2e }) => {
    const emulator = await e2e.emulate();
    const run = await e2e.run(emulator, c.mode ?? "status", c.args ?? [], c.env ?? {});
    expect(run.code, allOutput(run)).toBe(2);
    expect(run.stderr).toMatch(c.message);
    expect(emulator.requests).toEqual([]);
    expect(allOutput(run)).not.toContain(emulator.credentials.password);
  });
});
