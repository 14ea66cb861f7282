// The one reader of JSON objects that API replies, error bodies and scenarios share.
import { describe, expect, it } from "vitest";
import { isJsonObject, parseJsonObject } from "../../../src/core/util/json.js";

describe("isJsonObject", () => {
  it("accepts a mapping only", () => {
    expect(isJsonObject({ a: 1 })).toBe(true);
    expect(isJsonObject([])).toBe(false);
    expect(isJsonObject(null)).toBe(false);
    expect(isJsonObject("{}")).toBe(false);
  });
});

describe("parseJsonObject", () => {
  it("returns the object a body holds", () => {
    expect(parseJsonObject('{"code":"INVALID","message":"no"}')).toEqual({
      code: "INVALID",
      message: "no",
    });
  });

  it.each([
    ["a gateway's HTML", "<html>502 Bad Gateway</html>"],
    ["an empty body", ""],
    ["an array", "[1]"],
    ["null", "null"],
  ])("returns undefined for %s", (_what, text) => {
    expect(parseJsonObject(text)).toBeUndefined();
  });
});
