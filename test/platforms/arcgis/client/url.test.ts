import { describe, expect, it } from "vitest";
import { UsageError } from "../../../../src/core/util/usage-error.js";
import { arcGisUrls } from "../../../../src/platforms/arcgis/url.js";

describe("arcGisUrls", () => {
  it("derives the admin and token URLs from https://host/context", () => {
    expect(arcGisUrls(" https://gis.example.com/arcgis/ ")).toEqual({
      origin: "https://gis.example.com",
      contextPath: "/arcgis",
      orgUrl: "https://gis.example.com/arcgis",
      adminUrl: "https://gis.example.com/arcgis/admin",
      tokenUrl: "https://gis.example.com/arcgis/sharing/rest/generateToken",
    });
  });

  it("takes a URL without a scheme as https, and keeps a port", () => {
    expect(arcGisUrls("gis.example.com:8443/arcgis").orgUrl).toBe(
      "https://gis.example.com:8443/arcgis",
    );
  });

  it("allows http:// for loopback hosts only", () => {
    expect(arcGisUrls("http://127.0.0.1:9000/arcgis").orgUrl).toBe("http://127.0.0.1:9000/arcgis");
    expect(() => arcGisUrls("http://gis.example.com/arcgis")).toThrow(/only https:\/\//);
  });

  it.each(["https://gis.example.com", "https://gis.example.com/", "https://gis.example.com/admin"])(
    "requires a context path: %s",
    (value) => {
      expect(() => arcGisUrls(value)).toThrow(UsageError);
      expect(() => arcGisUrls(value)).toThrow("has no context path");
    },
  );

  it.each([
    ["https://gis.example.com/arcgis/admin", "/admin"],
    ["https://gis.example.com/arcgis/admin/system/upgrades", "/admin"],
    ["https://gis.example.com/arcgis/sharing/rest", "/sharing"],
    ["https://gis.example.com/portal/portaladmin", "/portaladmin"],
    ["https://gis.example.com/arcgis/home/index.html", "/home"],
  ])("refuses a URL below the organization, with the URL to give: %s", (value, part) => {
    const context = new URL(value).pathname.split("/")[1];
    expect(() => arcGisUrls(value, "--arcgis-url")).toThrow(
      `--arcgis-url ${value} points below the organization (${part}); give the organization URL itself, e.g. https://gis.example.com/${context}`,
    );
  });

  it("refuses a query, a fragment, credentials and other schemes", () => {
    expect(() => arcGisUrls("https://gis.example.com/arcgis?token=x")).toThrow("query");
    expect(() => arcGisUrls("https://gis.example.com/arcgis#x")).toThrow("fragment");
    expect(() => arcGisUrls("https://u:p@gis.example.com/arcgis")).toThrow("credentials");
    expect(() => arcGisUrls("ftp://gis.example.com/arcgis")).toThrow("use https://");
    expect(() => arcGisUrls("  ")).toThrow("is empty");
  });
});
