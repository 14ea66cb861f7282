// The request-fault matching every emulator shares (src/core/emulator).
import { describe, expect, it } from "vitest";
import { pathMatches, RequestFaults } from "../../../src/core/emulator/faults.js";

describe("request fault matching", () => {
  it("paths: exact, * within a segment, trailing * for any rest", () => {
    expect(pathMatches("/a/b", "/a/b")).toBe(true);
    expect(pathMatches("/a/b", "/a/b/c")).toBe(false);
    expect(pathMatches("/v1/environments/*/promotions", "/v1/environments/x-1/promotions")).toBe(
      true,
    );
    expect(pathMatches("/v1/environments/*/promotions", "/v1/environments/x/y/promotions")).toBe(
      false,
    );
    expect(
      pathMatches("/v1/environments/*/promotions/*", "/v1/environments/x/promotions/p/status"),
    ).toBe(true);
    expect(pathMatches("/v1/environments/*/promotions/*", "/v1/environments/x/promotions")).toBe(
      false,
    );
    expect(pathMatches("/a.b/*", "/aXb/c")).toBe(false);
  });

  it("counts matching requests, honours after/count, and matches media types", () => {
    const faults = new RequestFaults();
    faults.add({ kind: "httpError", status: 503, method: "GET", after: 1, count: 2 });
    faults.add({
      kind: "dropConnection",
      contentType: "application/x.exec+json",
      afterProcessing: true,
      count: 1,
    });
    const get = () => faults.plan({ method: "GET", path: "/x" }).httpError?.status;
    expect([get(), get(), get(), get()]).toEqual([undefined, 503, 503, undefined]);
    expect(
      faults.plan({ method: "POST", path: "/x", contentType: "application/json" }).drop,
    ).toBeUndefined();
    expect(
      faults.plan({
        method: "POST",
        path: "/x",
        contentType: "Application/X.Exec+json; charset=utf-8",
      }).drop,
    ).toBe("after");
    expect(
      faults.plan({ method: "POST", path: "/x", contentType: "application/x.exec+json" }).drop,
    ).toBeUndefined();
  });
});
