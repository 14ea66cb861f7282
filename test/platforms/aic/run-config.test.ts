import { describe, expect, it } from "vitest";
import { environmentOrigin } from "../../../src/core/http/origin.js";
import { formatDuration, parseDuration } from "../../../src/core/util/duration.js";
import { UsageError } from "../../../src/core/util/usage-error.js";
import { type RunConfig, type RunInputs, validateAic } from "../../../src/platforms/aic/inputs.js";
import { validateCommon } from "../../../src/platforms/common.js";
import type { InputNamer } from "../../../src/platforms/platform.js";

const flag = (n: string) => `--${n}`;

/** The common inputs, then AIC's: what a run of the AIC platform checks, given camel-case. */
function validateRunInputs(inputs: RunInputs, name: InputNamer): RunConfig {
  const common = validateCommon(
    inputs.mode,
    {
      "promotion-id": inputs.promotionId,
      description: inputs.description,
      promoter: inputs.promoter,
      timeout: inputs.timeout,
      "lock-wait": inputs.lockWait,
      "request-timeout": inputs.requestTimeout,
      "time-scale": inputs.timeScale,
    },
    name,
    "uuid",
  );
  return validateAic(inputs, common, name);
}

describe("environment URLs", () => {
  it("accepts a bare host or an https URL and keeps only the origin", () => {
    expect(environmentOrigin("openam-acme-staging.forgeblocks.com", "--upper-fqdn")).toBe(
      "https://openam-acme-staging.forgeblocks.com",
    );
    expect(environmentOrigin("https://openam-acme.forgeblocks.com/am/", "--upper-fqdn")).toBe(
      "https://openam-acme.forgeblocks.com",
    );
  });
  it("allows http only for loopback", () => {
    expect(environmentOrigin("http://127.0.0.1:9102", "--upper-fqdn")).toBe(
      "http://127.0.0.1:9102",
    );
    expect(environmentOrigin("http://localhost:9102", "--upper-fqdn")).toBe(
      "http://localhost:9102",
    );
    expect(() => environmentOrigin("http://openam-acme.forgeblocks.com", "--upper-fqdn")).toThrow(
      /only https/,
    );
  });
  it("names the input in the error", () => {
    expect(() => environmentOrigin("http://[bad", "upper-fqdn")).toThrow(/upper-fqdn/);
  });
});

describe("durations", () => {
  it("parses the documented forms", () => {
    expect(parseDuration("90s")).toBe(90_000);
    expect(parseDuration("45m")).toBe(2_700_000);
    expect(parseDuration("2h")).toBe(7_200_000);
    expect(parseDuration("1h30m")).toBe(5_400_000);
    expect(parseDuration("15")).toBe(15_000);
    expect(() => parseDuration("soon")).toThrow(/not a duration/);
    expect(() => parseDuration("10x")).toThrow(/not a duration/);
  });
  it("formats progress durations", () => {
    expect(formatDuration(850)).toBe("850ms");
    expect(formatDuration(41_200)).toBe("41.2s");
    expect(formatDuration(125_000)).toBe("2m05s");
  });
});

describe("run inputs are validated before any network call", () => {
  const upper = { upperFqdn: "tenant.example.com", upperAccessToken: "t0ken-value" };
  it("requires the upper environment for locking modes", () => {
    expect(() => validateRunInputs({ mode: "dry-run" }, flag)).toThrow(/--upper-fqdn is required/);
  });
  it("requires credentials and names the missing one", () => {
    expect(() => validateRunInputs({ mode: "dry-run", upperFqdn: "t.example.com" }, flag)).toThrow(
      /no credentials for the upper environment/,
    );
    expect(() =>
      validateRunInputs(
        { mode: "dry-run", upperFqdn: "t.example.com", upperServiceAccountId: "sa" },
        flag,
      ),
    ).toThrow(/--upper-service-account-key is missing/);
  });
  it("prefers a service account over a token", () => {
    const config = validateRunInputs(
      { mode: "status", ...upper, upperServiceAccountId: "sa", upperServiceAccountKey: "{}" },
      flag,
    );
    expect(config.upper?.credentials).toEqual({ serviceAccountId: "sa", serviceAccountKey: "{}" });
  });
  it("preview needs the lower environment only", () => {
    expect(() => validateRunInputs({ mode: "preview", ...upper }, flag)).toThrow(
      /--lower-fqdn is required/,
    );
    const config = validateRunInputs(
      { mode: "preview", lowerFqdn: "dev.example.com", lowerAccessToken: "x" },
      flag,
    );
    expect(config.lower?.origin).toBe("https://dev.example.com");
  });
  it("unlock needs a promotion id", () => {
    expect(() => validateRunInputs({ mode: "unlock", ...upper }, flag)).toThrow(
      /unlock needs --promotion-id/,
    );
  });
  it("bad durations name their input and never echo secrets", () => {
    let error: unknown;
    try {
      validateRunInputs({ mode: "dry-run", ...upper, timeout: "forever" }, flag);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toMatch(/^--timeout:/);
    expect((error as Error).message).not.toContain("t0ken-value");
  });
  it("defaults: 60m timeout, no lock wait, 30s requests", () => {
    const config = validateRunInputs({ mode: "dry-run", ...upper }, flag);
    expect(config).toMatchObject({
      timeoutMs: 3_600_000,
      lockWaitMs: 0,
      requestTimeoutMs: 30_000,
      timeScale: 1,
    });
  });
});
