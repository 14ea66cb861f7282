// Request bodies every emulator reads as JSON objects, refused in the platform's own words.
import { describe, expect, it } from "vitest";
import { jsonObjectBody } from "../../../src/core/emulator/reply.js";

const refuse = (problem: string) => ({ status: 400, body: { problem } });

describe("jsonObjectBody", () => {
  it("reads a JSON object", () => {
    expect(jsonObjectBody('{"promoter":"ci"}', refuse)).toEqual({ value: { promoter: "ci" } });
  });

  it.each([
    ["broken JSON", "{", "The request body is not valid JSON"],
    ["an array", "[]", "The request body must be a JSON object"],
    ["null", "null", "The request body must be a JSON object"],
  ])("refuses %s with the platform's reply", (_what, text, problem) => {
    expect(jsonObjectBody(text, refuse)).toEqual({ error: { status: 400, body: { problem } } });
  });
});
