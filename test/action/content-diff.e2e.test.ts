// AIC content diffs through the bundled action: what the PR comment, the job summary and the
// report file show for a journey and a script, and a merge that refuses a journey edited after
// its review, naming the item and the field.
import { readFileSync } from "node:fs";
import { describe, expect } from "vitest";
import type { RunningAicEmulator } from "../../src/platforms/aic/emulator/index.js";
import { LOWER_TOKEN, shippedScenario } from "../e2e/emulated.js";
import { DEFAULT_SHA } from "./action-env.js";
import { errors, it, pullRequestEvent, pushEvent } from "./emulated-action.js";

/** The PR workflow's dry run, given the lower environment as well. */
function withLower(emulator: RunningAicEmulator): Record<string, string> {
  return { "lower-fqdn": emulator.lowerUrl, "lower-access-token": LOWER_TOKEN };
}

describe.concurrent("AIC content diffs in the action", () => {
  it("the PR comment and the summary show the journey's node changes and the script's lines", async ({
    action,
  }) => {
    const emulator = await action.emulate();
    const github = await action.github();
    const job = await action.job(pullRequestEvent(7), emulator, github);
    const run = await job.main({ mode: "dry-run", ...withLower(emulator) });
    expect(run.outputs.result, run.stdout).toBe("succeeded");
    const comment = github.comments(7)[0]?.body ?? "";
    for (const shown of [comment, run.summary]) {
      expect(shown).toContain("<details><summary>");
      expect(shown).toContain("| Field | Before | After |");
      expect(shown).toMatch(
        /\| node "Data Store Decision"\.connections\.true \| Success \| Increment Login Count \|/,
      );
      expect(shown).toContain("```diff");
      expect(shown).toContain('+var locked = nodeState.get("accountLocked");');
    }
    const file = JSON.parse(readFileSync(run.outputs["report-file"] ?? "", "utf8"));
    const login = file.report.areas[0].items[0].modified[0];
    expect(login.name).toBe("Login");
    expect(login.fingerprint).toMatch(/^[0-9a-f]{16}$/);
  });

  it("a merge refuses a journey edited after its review, naming the item and the field", async ({
    action,
  }) => {
    const emulator = await action.emulate(shippedScenario("edited-after-review"));
    const github = await action.github();
    github.seedPull(
      { number: 7, state: "closed", merged_at: "2026-11-22T10:00:00Z" },
      { commits: [DEFAULT_SHA] },
    );
    const review = await (await action.job(pullRequestEvent(7), emulator, github)).main({
      mode: "dry-run",
      ...withLower(emulator),
    });
    expect(review.outputs.result).toBe("succeeded");

    const merge = await action.job(pushEvent(), emulator, github);
    const run = await merge.main({
      mode: "promote",
      "require-reviewed-report": "true",
      ...withLower(emulator),
    });
    expect(run.outputs).toMatchObject({ result: "failed", "failure-reason": "report-changed" });
    expect(errors(run)).toMatch(/other changes than the report reviewed on PR #7/);
    expect(run.summary).toContain(
      '~ content changed: AMConfig / Journeys / modified: Login (/alpha) (fields: node "Increment Login Count".settings.identityAttribute)',
    );
    expect(emulator.upper.history).toHaveLength(0);
    expect(emulator.upper.lockState().result).toBe("unlocked");
  });
});
