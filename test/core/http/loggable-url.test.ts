// --verbose prints each request's URL: secrets in its query string never reach the log.
import { describe, expect, it } from "vitest";
import { loggableUrl } from "../../../src/core/http/exchange.js";

describe("request URLs in log lines", () => {
  it("masks the values of secret query parameters, whatever their case", () => {
    expect(
      loggableUrl("https://gis.example.com/arcgis/admin/system/upgrades?f=json&token=s3cr3t"),
    ).toBe("https://gis.example.com/arcgis/admin/system/upgrades?f=json&token=***");
    expect(
      loggableUrl("https://h/p?Token=a&access_token=b&client_secret=c&password=d&f=json"),
    ).toBe("https://h/p?Token=***&access_token=***&client_secret=***&password=***&f=json");
    expect(loggableUrl("https://h/p?to%6Ben=a")).toBe("https://h/p?to%6Ben=***");
  });

  it("keeps everything else as sent: paths, paging cursors, fragments", () => {
    const url = "https://api.pingone.eu/v1/environments/e/promotions?cursor=abc%3D&limit=100";
    expect(loggableUrl(url)).toBe(url);
    expect(loggableUrl("http://127.0.0.1:8472/environment/promotion/lock/state")).toBe(
      "http://127.0.0.1:8472/environment/promotion/lock/state",
    );
  });
});
