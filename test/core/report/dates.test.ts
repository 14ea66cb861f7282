import { describe, expect, it } from "vitest";
import { parseCreatedDate } from "../../../src/core/report/dates.js";

describe("parseCreatedDate", () => {
  it.each([
    ["2024-06-12T17:32:05Z", "2024-06-12T17:32:05.000Z"],
    ["2022-01-27T15-23+00Z", "2022-01-27T15:23:00.000Z"],
    ["2022-01-27T15-23+02Z", "2022-01-27T13:23:00.000Z"],
    ["2024-06-12T17:32:05.123456+01:30", "2024-06-12T16:02:05.123Z"],
    ["2024-06-12T17:32:05", "2024-06-12T17:32:05.000Z"],
    ["Wed, 12 Jun 2024 17:32:05 GMT", "2024-06-12T17:32:05.000Z"],
  ])("reads %s", (text, iso) => {
    expect(parseCreatedDate(text)).toBe(iso);
  });

  it.each(["", "yesterday", "2024-02-31T10:00:00Z", "2024-06-12T25:00Z", "1"])(
    "rejects %j",
    (text) => {
      expect(parseCreatedDate(text)).toBeUndefined();
    },
  );
});
