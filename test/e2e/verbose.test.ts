// --verbose logs every HTTP request the run sends (method, URL, outcome, time), and never a
// secret: ArcGIS carries its token in POST form bodies, which are never logged.
import { describe, expect } from "vitest";
import { it, parseJson, rollbacks } from "./arcgis/emulated.js";

/** `debug: POST http://…/path?f=json -> HTTP 200 (3 ms)`: the request lines of a run. */
const REQUEST_LINE =
  /debug: (GET|POST|DELETE) (\S+) -> (HTTP \d{3}|failed: .*|cancelled) \(\d+ ms\)$/;

describe.concurrent("--verbose", () => {
  it("logs each request with its outcome and time, and no secret", async ({ e2e }) => {
    const emulator = await e2e.emulate();
    const run = await e2e.run(emulator, "rollback", ["--verbose", "--format", "json"]);

    expect(run.code, run.stderr).toBe(0);
    expect(parseJson(run).result).toBe("succeeded");
    expect(rollbacks(emulator)).toHaveLength(1);
    const logged = run.stderr
      .split("\n")
      .map((line) => REQUEST_LINE.exec(line))
      .filter((match) => match !== null)
      .map(([, method, url, outcome]) => {
        const { origin, pathname } = new URL(url as string);
        return { method, origin, path: pathname, outcome };
      });
    const origin = new URL(emulator.orgUrl).origin;
    expect(logged).toEqual(
      emulator.requests.map((r) => ({
        method: r.method,
        origin,
        path: r.path,
        outcome: `HTTP ${r.status}`,
      })),
    );
    expect(logged.map((l) => l.path)).toContain("/arcgis/sharing/rest/generateToken");
    expect(run.stderr).not.toContain(emulator.credentials.password);
    expect(run.stderr).not.toMatch(/token=(?!\*\*\*)/);
  });

  it("logs nothing of the kind without it", async ({ e2e }) => {
    const emulator = await e2e.emulate();
    const run = await e2e.run(emulator, "status");
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).not.toContain("debug:");
  });
});
