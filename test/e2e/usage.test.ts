// Bad input is refused with exit 2 and a message naming the input, before any request is sent.
import { describe, expect } from "vitest";
import type { RunningAicEmulator } from "../../src/platforms/aic/emulator/index.js";
import { runCli } from "./cli-harness.js";
import { ciEnv, it } from "./emulated.js";

interface UsageCase {
  what: string;
  mode?: string;
  args?: string[];
  env: (emulator: RunningAicEmulator) => Record<string, string>;
  message: RegExp;
}

const withoutUpperFqdn = (emulator: RunningAicEmulator) => {
  const { TENANT_PROMOTE_UPPER_FQDN: _omitted, ...env } = ciEnv(emulator);
  return env;
};

const CASES: UsageCase[] = [
  {
    what: "no upper environment",
    env: withoutUpperFqdn,
    message: /--upper-fqdn is required for promote/,
  },
  {
    what: "http:// to a host that is not loopback",
    env: (emulator) => ({
      ...ciEnv(emulator),
      TENANT_PROMOTE_UPPER_FQDN: "http://openam-acme-staging.example.com",
    }),
    message:
      /TENANT_PROMOTE_UPPER_FQDN uses http:\/\/ for openam-acme-staging\.example\.com; only https:\/\/ is allowed/,
  },
  {
    // The harness passes --time-scale 1/600, as for every run against the emulator.
    what: "a --time-scale below 1 for a real environment",
    env: (emulator) => ({
      ...ciEnv(emulator),
      TENANT_PROMOTE_UPPER_FQDN: "openam-acme-staging.example.com",
    }),
    message:
      /--time-scale is 0\.001666\d*: below 1 is only for a local emulator, and openam-acme-staging\.example\.com is not one/,
  },
  {
    what: "a malformed --timeout",
    args: ["--timeout", "soon"],
    env: ciEnv,
    message: /--timeout: "soon" is not a duration/,
  },
  {
    what: "a service account id without its key",
    env: (emulator) => ({
      TENANT_ENV_UPPER_FQDN: emulator.upperUrl,
      SERVICE_ACCOUNT_UPPER_ID: "sa-1",
    }),
    message: /SERVICE_ACCOUNT_UPPER_ID is set but --upper-service-account-key is missing/,
  },
  {
    what: "a service account key that is not a key",
    env: (emulator) => ({
      TENANT_ENV_UPPER_FQDN: emulator.upperUrl,
      SERVICE_ACCOUNT_UPPER_ID: "sa-1",
      SERVICE_ACCOUNT_UPPER_KEY: "not-a-key-but-still-a-secret",
    }),
    message: /upper service account key is neither a private JWK .* nor a PEM private key/,
  },
  // Once sent, a bogus id would roll back whatever is newest (no-change when nothing is) or
  // release nothing; it must not get that far.
  {
    what: "a rollback --promotion-id that is not a UUID",
    mode: "rollback",
    args: ["--promotion-id", "bogus"],
    env: ciEnv,
    message: /--promotion-id "bogus" is not a promotion id: it is a UUID/,
  },
  {
    what: "an unlock --promotion-id that is not a UUID",
    mode: "unlock",
    args: ["--promotion-id", "bogus"],
    env: ciEnv,
    message: /--promotion-id "bogus" is not a promotion id/,
  },
  {
    what: "an unknown mode",
    mode: "promot",
    env: ciEnv,
    message: /unknown mode "promot"/,
  },
  {
    what: "an unknown option",
    args: ["--dryrun"],
    env: ciEnv,
    message: /unknown option --dryrun\. Run tenant-promote --help/,
  },
  {
    what: "a mistyped option",
    args: ["--upper-fdqn", "openam-acme-staging.forgeblocks.com"],
    env: ciEnv,
    message: /unknown option --upper-fdqn; did you mean --upper-fqdn\?/,
  },
  {
    what: "an --output folder that does not exist",
    args: ["--output", "/nonexistent/dir/r.md"],
    env: ciEnv,
    message: /--output \/nonexistent\/dir\/r\.md: the folder \/nonexistent\/dir does not exist/,
  },
  {
    what: "an --output that is a folder",
    args: [],
    env: (emulator) => ({ ...ciEnv(emulator), TENANT_PROMOTE_OUTPUT: "/tmp" }),
    message: /TENANT_PROMOTE_OUTPUT \/tmp is a folder; give a file path/,
  },
  {
    what: "an unknown report format",
    args: ["--format", "yaml"],
    env: ciEnv,
    message: /--format is "yaml"; use markdown, json or text/,
  },
];

describe.concurrent("usage errors", () => {
  it.for(CASES)("$what: exit 2, the input named, nothing sent", async (usage, { e2e }) => {
    const emulator = await e2e.emulate();
    const run = await e2e.run(usage.mode ?? "promote", usage.args ?? [], usage.env(emulator));

    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^tenant-promote: /);
    expect(run.stderr).toMatch(usage.message);
    expect(run.stdout).toBe("");
    expect(run.stderr).not.toContain("not-a-key-but-still-a-secret");
    expect(emulator.requests).toEqual([]);
  });
});

describe.concurrent("help and version", () => {
  it("--help lists the modes and exit codes", async () => {
    const run = await runCli(["--help"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Usage: tenant-promote <mode> \[--platform [a-z|]+\] \[options\]/);
    expect(run.stdout).toMatch(/130\s+cancelled/);
  });

  it("--help --platform pingone shows that platform's modes, options and an example only", async () => {
    const run = await runCli(["--help", "--platform", "pingone"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Usage: tenant-promote <mode> --platform pingone [options]");
    expect(run.stdout).toMatch(/^ {4}unlock +Delete the draft promotion/m);
    expect(run.stdout).toContain("--pingone-client-id");
    expect(run.stdout).not.toContain("--upper-fqdn");
    expect(run.stdout).toMatch(/Example:\n {2}tenant-promote dry-run --platform pingone/);
  });

  it("no arguments: the short usage on stderr, exit 2 as a usage error", async () => {
    const run = await runCli([]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(/^tenant-promote: no mode given\nUsage: tenant-promote <mode>/);
    expect(run.stderr).toContain("tenant-promote --help --platform <id>");
  });

  it("--version prints the version only", async () => {
    const run = await runCli(["--version"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });
});
