// A target environment id the organization does not know is named as such, not read as a target
// without promotions ("0 promotion(s), none in progress") nor blamed on the API URL.
import { describe, expect } from "vitest";
import { calls, creates, it, onDefault, PROMOTIONS, parseJson, STAGING_ID } from "./emulated.js";

/** A well-formed environment id that no environment of the emulator has. */
const UNKNOWN = "44444444-4444-4444-8444-444444444444";

describe.concurrent("a target environment the organization does not know", () => {
  it.for(["status", "dry-run"])(
    "%s: fails naming the target and the Environment Admin role; no promotion read or created",
    async (mode, { e2e }) => {
      const emulator = await e2e.emulate();
      const run = await e2e.run(emulator, mode, ["--format", "json"], {
        TENANT_PROMOTE_TARGET_ENVIRONMENT_ID: UNKNOWN,
      });

      expect(run.code, run.stderr).toBe(1);
      const json = parseJson(run);
      expect(json).toMatchObject({ mode, result: "failed", reason: "unknown-environment" });
      expect(json.message).toContain(
        `target environment ${UNKNOWN} is not known to the organization or not visible to the worker application`,
      );
      expect(json.message).not.toContain("promotion(s)");
      expect((json.nextSteps as string[]).join(" ")).toContain("Environment Admin role");
      // PingOne's own answer for it: a 404 NOT_FOUND on the environment.
      expect(calls(emulator, "GET", `/v1/environments/${UNKNOWN}`).map((r) => r.status)).toEqual([
        404,
      ]);
      expect(calls(emulator, "GET", `${PROMOTIONS}*`)).toEqual([]);
      expect(creates(emulator)).toEqual([]);
    },
  );

  it("an environment the worker application has no role on: auth, naming it", async ({ e2e }) => {
    const emulator = await e2e.emulate(
      onDefault("workerApp:\n  administers: [development, production]"),
    );
    const run = await e2e.run(emulator, "status", ["--format", "json"]);

    expect(run.code, run.stderr).toBe(1);
    const json = parseJson(run);
    expect(json).toMatchObject({ result: "failed", reason: "auth" });
    expect(json.message).toContain(`may not read the target environment ${STAGING_ID}`);
    expect((json.nextSteps as string[]).join(" ")).toContain(
      `Environment Admin role on ${STAGING_ID}`,
    );
  });
});
