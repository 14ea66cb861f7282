// The ArcGIS scenarios whose faults a rollback must ride out: the admin API away while pods
// restart (502/503 error objects, HTML pages, refused connections), dropped connections, a lost
// rollback reply, slow replies, transient HTTP errors and the older error form.
import { describe, expect } from "vitest";
import {
  it,
  jobMessages,
  loggedMessages,
  PREVIOUS,
  parseJson,
  rollbacks,
  shippedScenario,
  UPGRADES,
} from "./emulated.js";

describe.concurrent("pods restarting during the read-only phase", () => {
  it.for([
    ["pod-restart-errors", [502, 503]],
    ["pod-restart-html", [502]],
    ["pod-restart-refused", []],
  ] as const)(
    "%s: waited out, every message once, the rollback succeeds",
    async ([name, statuses], { e2e }) => {
      // At 200x a window of 40 real seconds is 200 ms: several of the follower's reads land in it.
      const emulator = await e2e.emulate(shippedScenario(name), 200);
      const run = await e2e.run(emulator, "rollback", ["--format", "json"]);
      expect(run.code, run.stderr).toBe(0);
      expect(parseJson(run).result).toBe("succeeded");
      expect(emulator.state().current).toBe(PREVIOUS);
      expect(rollbacks(emulator)).toHaveLength(1);
      // The faults did happen. At this speed a window is shorter than the client's retries of a
      // read, which absorb it; the follower's own patience is the next test's.
      const reads = emulator.requests.filter((r) => r.path === UPGRADES);
      const hit = reads.filter(
        (r) => (statuses as readonly number[]).includes(r.status) || r.dropped,
      );
      expect(hit.length).toBeGreaterThan(0);
      expect(run.stderr).toMatch(
        /upgrades (answered HTTP 50[23]|failed \(UND_ERR_SOCKET\)); retry 1\/5/,
      );
      expect(loggedMessages(run.stderr)).toEqual(jobMessages(emulator));
      expect(run.stderr).toMatch(/\[read-only\] the organization is read-only from/);
      expect(run.stderr).toMatch(/\[read-only\] the organization is writable again at/);
    },
  );
});

describe.concurrent("the admin API away for longer than a read's retries", () => {
  it("the follower says so, keeps following, and the rollback succeeds", async ({ e2e }) => {
    const emulator = await e2e.emulate(undefined, 120);
    const cli = e2e.start(emulator, "rollback", ["--format", "json"]);
    await cli.waitForStderr(/\[read-only\] the organization is read-only from/);
    // Six 502s, Retry-After 0: one read's every attempt, at once.
    emulator.addFault({
      kind: "httpError",
      method: "GET",
      path: UPGRADES,
      status: 502,
      retryAfterSeconds: 0,
      count: 6,
    });
    const run = await cli.result;
    expect(run.code, run.stderr).toBe(0);
    expect(emulator.requests.filter((r) => r.status === 502)).toHaveLength(6);
    expect(run.stderr).toMatch(/\[job\] the admin API is away \(ArcGIS upgrades: GET \S+ answered/);
    expect(run.stderr).toContain("pods may be restarting: still following");
    expect(run.stderr).toMatch(/\[job\] the admin API answers again, after/);
    expect(loggedMessages(run.stderr)).toEqual(jobMessages(emulator));
    expect(rollbacks(emulator)).toHaveLength(1);
    expect(emulator.state().current).toBe(PREVIOUS);
  });
});

describe.concurrent("connections and replies", () => {
  it("lost-rollback-reply: the job read, followed; one rollback POST", async ({ e2e }) => {
    const emulator = await e2e.emulate(shippedScenario("lost-rollback-reply"));
    const run = await e2e.run(emulator, "rollback", ["--format", "json"]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain("[rollback] the reply was lost; reading the upgrades job");
    expect(run.stderr).toContain("[rollback] it did: in_progress");
    const sent = rollbacks(emulator);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ dropped: true, status: 200 });
    expect(emulator.state().current).toBe(PREVIOUS);
    expect(loggedMessages(run.stderr)).toEqual(jobMessages(emulator));
  });

  it("dropped-connections: the dropped reads retried; one rollback POST; succeeds", async ({
    e2e,
  }) => {
    const emulator = await e2e.emulate(shippedScenario("dropped-connections"));
    const run = await e2e.run(emulator, "rollback", ["--format", "json"]);
    expect(run.code, run.stderr).toBe(0);
    expect(emulator.requests.filter((r) => r.dropped).length).toBe(3);
    expect(rollbacks(emulator)).toHaveLength(1);
    expect(emulator.state().current).toBe(PREVIOUS);
  });

  it("slow-replies: 1.5 s replies waited for; succeeds", async ({ e2e }) => {
    const emulator = await e2e.emulate(shippedScenario("slow-replies"));
    const run = await e2e.run(emulator, "rollback", ["--format", "json"]);
    expect(run.code, run.stderr).toBe(0);
    expect(rollbacks(emulator)).toHaveLength(1);
    expect(emulator.state().current).toBe(PREVIOUS);
    expect(loggedMessages(run.stderr)).toEqual(jobMessages(emulator));
  });

  it("http-errors: 503s on the job and a 500 from generateToken retried; succeeds", async ({
    e2e,
  }) => {
    const emulator = await e2e.emulate(shippedScenario("http-errors"));
    const run = await e2e.run(emulator, "rollback", ["--format", "json"]);
    expect(run.code, run.stderr).toBe(0);
    expect(emulator.requests.filter((r) => r.status === 503)).toHaveLength(2);
    expect(emulator.requests.filter((r) => r.status === 500)).toHaveLength(1);
    expect(rollbacks(emulator)).toHaveLength(1);
    expect(emulator.state().current).toBe(PREVIOUS);
  });

  it.for(["status-error-replies", "token-errors-as-http-status"])(
    "%s: every mode as on the default deployment",
    async (name, { e2e }) => {
      const emulator = await e2e.emulate(shippedScenario(name));
      const status = await e2e.run(emulator, "status", ["--format", "json"]);
      expect(status.code, status.stderr).toBe(0);
      const preview = await e2e.run(emulator, "rollback-preview", ["--format", "json"]);
      expect(parseJson(preview)).toMatchObject({ result: "succeeded", changes: 1 });
      const run = await e2e.run(emulator, "rollback", ["--format", "json"]);
      expect(run.code, run.stderr).toBe(0);
      expect(parseJson(run).reportHash).toBe(parseJson(preview).reportHash);
      expect(emulator.state().current).toBe(PREVIOUS);
      expect(rollbacks(emulator)).toHaveLength(1);
    },
  );
});
