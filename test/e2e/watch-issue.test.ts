// --issue pending from the CLI, for CI systems other than GitHub Actions: with GITHUB_TOKEN and
// GITHUB_REPOSITORY it keeps the watch issue through GITHUB_API_URL; without them it says what it
// would do and exits as the run would.
import { describe, expect, type TestContext } from "vitest";
import { readMarker } from "../../src/faces/marker.js";
import { type FakeGitHub, startFakeGitHub } from "../action/fake-github.js";
import { it } from "./emulated.js";

const TOKEN = "ghp_cliWatchToken0123456789abcdef";

/** A fake GitHub for this test alone (the tests run concurrently). */
async function fakeGitHub(onTestFinished: TestContext["onTestFinished"]): Promise<FakeGitHub> {
  const github = await startFakeGitHub({ token: TOKEN });
  onTestFinished(() => github.close());
  return github;
}

describe.concurrent("tenant-promote preview --issue pending", () => {
  it("without GITHUB_TOKEN, prints what it would do and exits as the run would", async ({
    e2e,
  }) => {
    const emulator = await e2e.emulate();
    const run = await e2e.runAgainst(emulator, "preview", ["--issue", "pending"]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain(
      `[issue] would open the issue "tenant-promote: changes pending on ${new URL(emulator.upperUrl).host}"`,
    );
    expect(run.stderr).toContain("set GITHUB_TOKEN and GITHUB_REPOSITORY to do it");
  });

  it("with GITHUB_TOKEN and GITHUB_REPOSITORY, opens the issue on GITHUB_API_URL", async ({
    e2e,
    onTestFinished,
  }) => {
    const emulator = await e2e.emulate();
    const github = await fakeGitHub(onTestFinished);
    const env = {
      GITHUB_TOKEN: TOKEN,
      GITHUB_REPOSITORY: "acme/tenant-config",
      GITHUB_API_URL: github.url,
    };
    const run = await e2e.runAgainst(
      emulator,
      "preview",
      ["--issue", "pending", "--format", "json"],
      env,
    );
    expect(run.code, run.stderr).toBe(0);
    const hash = JSON.parse(run.stdout).reportHash;
    const issues = github.issues.all();
    expect(issues).toHaveLength(1);
    expect(issues[0]?.state).toBe("open");
    expect(readMarker(issues[0]?.body ?? "")).toEqual({ upper: emulator.upperUrl, hash });
    expect(run.stderr).toContain(`[issue] opened #${issues[0]?.number}`);
    expect(run.stderr).not.toContain(TOKEN);

    // Same report: nothing written.
    const again = await e2e.runAgainst(emulator, "preview", ["--issue", "pending"], env);
    expect(again.code, again.stderr).toBe(0);
    expect(github.requests.filter((r) => r.method !== "GET")).toHaveLength(1);
  });

  it("refuses --issue pending with promote before any request", async ({ e2e }) => {
    const emulator = await e2e.emulate();
    const run = await e2e.runAgainst(emulator, "promote", ["--issue", "pending"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      "--issue is pending, which on PingOne Advanced Identity Cloud only the read-only modes that tell what is pending use (preview, dry-run)",
    );
    expect(emulator.requests).toEqual([]);
  });
});
