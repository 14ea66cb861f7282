// The final status of a deployment: from the run's result, or from what post saw after a cancel.
import { describe, expect, it } from "vitest";
import { finalStatus, statusAfterCancel } from "../../src/action/deployments.js";
import type { RunResult } from "../../src/core/run/types.js";

const result = (fields: Partial<RunResult>): RunResult => ({
  mode: "promote",
  result: "succeeded",
  message: "",
  nextSteps: [],
  elapsedMs: 0,
  ...fields,
});

describe("a deployment's final status", () => {
  it("follows the run's result; no-change after the start is a success", () => {
    expect(finalStatus(result({})).state).toBe("success");
    expect(finalStatus(result({ result: "no-change" })).state).toBe("success");
    expect(finalStatus(result({ result: "failed", reason: "blocking-error" }))).toEqual({
      state: "failure",
      description: "promote failed (blocking-error)",
    });
  });

  it("after a cancel: as post saw the work end, or error when it could not tell", () => {
    expect(statusAfterCancel("rollback", true).state).toBe("success");
    expect(statusAfterCancel("rollback", false).state).toBe("failure");
    expect(statusAfterCancel("promote", undefined)).toEqual({
      state: "error",
      description: "job cancelled while the promote ran; see how it ended with mode: status",
    });
  });
});
