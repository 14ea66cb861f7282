import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { exitCodeFor } from "../../src/cli/exit-codes.js";
import { helpText } from "../../src/cli/help.js";
import { OPTION_SPECS, parseCommandLine } from "../../src/cli/options.js";
import { VERSION } from "../../src/core/version.js";
import { DEFAULT_PORTS } from "../../src/platforms/aic/emulator/server.js";
import { PLATFORMS } from "../../src/platforms/registry.js";

describe("command line", () => {
  it("a flag wins over the environment, which wins over the default", () => {
    const env = { TENANT_PROMOTE_TIMEOUT: "10m", TENANT_PROMOTE_LOCK_WAIT: "5m" };
    const parsed = parseCommandLine(["dry-run", "--timeout", "2h"], env);
    expect(parsed.values.timeout).toBe("2h");
    expect(parsed.values["lock-wait"]).toBe("5m");
    expect(parsed.sources["lock-wait"]).toBe("TENANT_PROMOTE_LOCK_WAIT");
    expect(parsed.values.format).toBeUndefined(); // chosen later, by where the report goes
  });
  it("reads fr-config-manager's variables", () => {
    const parsed = parseCommandLine(["promote"], {
      TENANT_ENV_UPPER_FQDN: "https://openam-acme-staging.forgeblocks.com",
      SERVICE_ACCOUNT_UPPER_ID: "sa-id",
      SERVICE_ACCOUNT_UPPER_KEY: "{...}",
    });
    expect(parsed.values).toMatchObject({
      "upper-fqdn": "https://openam-acme-staging.forgeblocks.com",
      "upper-service-account-id": "sa-id",
      "upper-service-account-key": "{...}",
    });
  });
  it("boolean variables accept true/false and reject anything else", () => {
    expect(
      parseCommandLine(["promote"], { TENANT_PROMOTE_ALLOW_RELEASE_UPGRADE: "true" }).values[
        "allow-release-upgrade"
      ],
    ).toBe(true);
    expect(() =>
      parseCommandLine(["promote"], { TENANT_PROMOTE_ALLOW_RELEASE_UPGRADE: "maybe" }),
    ).toThrow(/TENANT_PROMOTE_ALLOW_RELEASE_UPGRADE is "maybe"/);
  });
  it("unknown modes and flags are usage errors", () => {
    expect(() => parseCommandLine(["deploy"], {})).toThrow(/unknown mode "deploy"/);
    expect(() => parseCommandLine(["dry-run", "--upper"], {})).toThrow(/--help/);
  });
  it("an unknown flag names itself and the closest option of any platform", () => {
    const refusal = (...args: string[]) => {
      try {
        parseCommandLine(["dry-run", ...args], {});
      } catch (error) {
        return (error as Error).message;
      }
      throw new Error("expected a refusal");
    };
    expect(refusal("--upper-fdqn", "x")).toBe(
      "unknown option --upper-fdqn; did you mean --upper-fqdn? Run tenant-promote --help for the options.",
    );
    expect(refusal("--verbos")).toMatch(/^unknown option --verbos; did you mean --verbose\?/);
    expect(refusal("--arcgis-usrname=admin")).toMatch(/did you mean --arcgis-username\?/);
    expect(refusal("--source-enviroment-id", "x")).toMatch(
      /did you mean --source-environment-id\?/,
    );
    expect(refusal("--Format", "json")).toMatch(/did you mean --format\?/);
    expect(refusal("--frobnicate")).toBe(
      "unknown option --frobnicate. Run tenant-promote --help for the options.",
    );
    expect(refusal("-x")).toMatch(/^unknown option -x\./);
  });
  it("plain help lists the platforms and documents the options every platform has", () => {
    const help = helpText(VERSION);
    for (const platform of PLATFORMS)
      expect(help).toContain(`${platform.id.padEnd(9)}${platform.title}`);
    for (const spec of OPTION_SPECS.filter((s) => !s.platforms)) {
      expect(help).toContain(`--${spec.name}`);
      for (const name of spec.env) expect(help).toContain(name);
    }
    expect(help).not.toContain("--upper-fqdn");
    expect(help).toMatch(/3 +lock conflict/);
  });
  it.each(PLATFORMS.map((p) => [p.id, p] as const))(
    "help for --platform %s documents its modes, its options and their variables, and an example",
    (id, platform) => {
      const help = helpText(VERSION, id);
      for (const mode of platform.modes) expect(help).toMatch(new RegExp(`^ {4}${mode} `, "m"));
      for (const spec of OPTION_SPECS.filter((s) => s.platforms?.includes(id))) {
        expect(help).toContain(`--${spec.name}`);
        for (const name of spec.env) expect(help).toContain(name);
      }
      for (const spec of OPTION_SPECS.filter((s) => s.platforms && !s.platforms.includes(id)))
        expect(help, spec.name).not.toMatch(new RegExp(`--${spec.name}\\b`));
      expect(help).toMatch(
        new RegExp(`Example:\\n {2}tenant-promote \\S+.*${id === "aic" ? "" : `--platform ${id}`}`),
      );
    },
  );
  it("the version matches package.json", () => {
    const pkg = JSON.parse(
      readFileSync(new URL("../../package.json", import.meta.url), "utf8"),
    ) as { version: string };
    expect(VERSION).toBe(pkg.version);
  });
  it("exit codes tell failure, lock conflict and a lock left behind apart", () => {
    const base = { mode: "dry-run" as const, message: "", nextSteps: [], elapsedMs: 0 };
    expect(exitCodeFor({ ...base, result: "succeeded" })).toBe(0);
    expect(exitCodeFor({ ...base, result: "no-change" })).toBe(0);
    expect(exitCodeFor({ ...base, result: "failed", reason: "missing-esvs" })).toBe(1);
    expect(exitCodeFor({ ...base, result: "failed", reason: "lock-conflict" })).toBe(3);
    expect(exitCodeFor({ ...base, result: "failed", reason: "timeout", lockReleased: false })).toBe(
      4,
    );
  });
});

describe("emulator ports", () => {
  it("default to the emulator's own ports, the ones the README and the CI workflow use", () => {
    const defaultOf = (name: string) => OPTION_SPECS.find((spec) => spec.name === name)?.default;
    expect(defaultOf("lower-port")).toBe(String(DEFAULT_PORTS.lower));
    expect(defaultOf("upper-port")).toBe(String(DEFAULT_PORTS.upper));
    expect(DEFAULT_PORTS).toEqual({ lower: 8471, upper: 8472 });
  });
});
