import { describe, expect, it } from "vitest";
import { UsageError } from "../../../../src/core/util/usage-error.js";
import {
  defaultAuthOrigin,
  pingOneApiOrigin,
  REGION_TLDS,
  regionApiUrl,
} from "../../../../src/platforms/pingone/region.js";

describe("PingOne regions", () => {
  it.each([
    ["NA", "https://api.pingone.com"],
    ["EU", "https://api.pingone.eu"],
    ["CA", "https://api.pingone.ca"],
    ["AP", "https://api.pingone.asia"],
    ["AU", "https://api.pingone.com.au"],
    ["SG", "https://api.pingone.sg"],
    [" eu ", "https://api.pingone.eu"],
  ])("maps region code %j to %s", (code, url) => {
    expect(regionApiUrl(code)).toBe(url);
  });

  it("names the known codes for an unknown one", () => {
    expect(() => regionApiUrl("US")).toThrow(UsageError);
    expect(() => regionApiUrl("US")).toThrow(/NA, EU, CA, AP, AU, SG/);
    expect(() => regionApiUrl("toString")).toThrow(UsageError);
    expect(Object.keys(REGION_TLDS)).toHaveLength(6);
  });

  it.each([
    ["https://api.pingone.com/v1", "https://auth.pingone.com"],
    ["api.pingone.com.au", "https://auth.pingone.com.au"],
    ["https://API.pingone.eu", "https://auth.pingone.eu"],
    ["http://127.0.0.1:8443/v1", "http://127.0.0.1:8443"],
    ["https://pingone-proxy.example.com", "https://pingone-proxy.example.com"],
    ["https://api.pingone.com:8443", "https://api.pingone.com:8443"],
  ])("takes tokens for %s from %s", (api, auth) => {
    expect(defaultAuthOrigin(api)).toBe(auth);
  });

  it("allows plain http for loopback only", () => {
    expect(pingOneApiOrigin("http://localhost:9000/v1")).toBe("http://localhost:9000");
    expect(() => pingOneApiOrigin("http://api.pingone.com")).toThrow(UsageError);
    expect(() => defaultAuthOrigin("", "--pingone-api-url")).toThrow(
      /--pingone-api-url is empty.*api\.pingone\.com/,
    );
  });
});
