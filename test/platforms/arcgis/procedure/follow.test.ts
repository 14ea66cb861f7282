// Following the job: each message logged once, in order, with its time; the read-only window
// named; the API's absence while pods restart waited out, a refused credential not.
import { describe, expect, it } from "vitest";
import { ApiError, AuthError } from "../../../../src/core/http/errors.js";
import { formatDuration } from "../../../../src/core/util/duration.js";
import { MemoryLogger } from "../../../../src/core/util/log.js";
import { ArcGisError } from "../../../../src/platforms/arcgis/errors.js";
import type { JobMessage } from "../../../../src/platforms/arcgis/types.js";
import { FakeArcGis, full, jobMessages, revealing, seedJob, transient } from "./fake-arcgis.js";
import { lines, run } from "./run.js";

const clock = (ms: number) => new Date(ms).toISOString().slice(11, 19);
const logged = (m: JobMessage) => `[job] ${clock(m.when ?? 0)} ${m.message}`;

/** The [job] lines that are messages (not "still ...", "away", "answers again"). */
const messageLines = (ran: Awaited<ReturnType<typeof run>>) =>
  lines(ran, "[job] ").filter((l) => /^\[job\] \d\d:\d\d:\d\d /.test(l));

describe("each job message, once", () => {
  it("in order, with its time, however often a read repeats what was seen", async () => {
    const api = new FakeArcGis();
    let messages: JobMessage[] = [];
    api.plan = (to) => {
      messages = jobMessages(full(api.current), full(to));
      // Each frame read twice: a read that brings nothing new logs nothing.
      return revealing(messages, 1).flatMap((f) => [f, structuredClone(f)]);
    };
    const ran = await run(api, "rollback");
    expect(ran.r.result, ran.r.message).toBe("succeeded");
    expect(messageLines(ran)).toEqual(messages.map(logged));
    expect(ran.r.report?.timeline?.map((t) => t.text)).toEqual(messages.map((m) => m.message));
  });

  it("logs a read's new messages and notices the end at once, not after the next wait", async () => {
    const api = new FakeArcGis();
    const logged: { at: number; line: string }[] = [];
    const logger = new MemoryLogger();
    logger.info = (line) => logged.push({ at: Date.now(), line });
    api.plan = (to) => revealing(jobMessages(full(api.current), full(to)), 1);
    const readsDone: number[] = [];
    api.after.upgrades = () => {
      readsDone.push(Date.now());
    };
    // Polls every 110 ms (5.5 s × 0.02).
    const ran = await run(api, "rollback", { logger, common: { timeScale: 0.02 } });
    expect(ran.r.result, ran.r.message).toBe("succeeded");
    const lines = logged.filter((l) => /^\[job\] \d\d:\d\d:\d\d /.test(l.line)).slice(1);
    expect(lines).toHaveLength(8);
    for (const { at } of lines) {
      const read = Math.max(...readsDone.filter((done) => done <= at));
      expect(at - read).toBeLessThan(50);
    }
    // The end: the version read right after the read that showed it.
    const lastJobRead = readsDone[readsDone.length - 2] ?? 0;
    const versionRead = api.calls.lastIndexOf("currentVersion");
    expect(versionRead).toBe(api.calls.length - 2);
    expect(lines.at(-1)?.at ?? 0).toBeLessThan(lastJobRead + 50);
  });

  it("names the read-only window when it opens and when it closes", async () => {
    const api = new FakeArcGis();
    let messages: JobMessage[] = [];
    api.plan = (to) => {
      messages = jobMessages(full(api.current), full(to));
      return revealing(messages, 1);
    };
    const ran = await run(api, "rollback");
    const opens = messages.find((m) => m.code === 2165)?.when ?? 0;
    const closes = messages.find((m) => m.code === 2166)?.when ?? 0;
    expect(ran.log).toContain(
      `warn: [read-only] the organization is read-only from ${clock(opens)} until the job ends`,
    );
    expect(ran.log).toContain(
      `info: [read-only] the organization is writable again at ${clock(closes)}, after ${formatDuration(closes - opens)}`,
    );
    // Named right after the message that opens it, once.
    const all = ran.logger.lines;
    const at = all.findIndex((l) => l.includes("System is going into Read-Only mode."));
    expect(all[at + 1]).toMatch(/\[read-only\] the organization is read-only from/);
    expect(all.filter((l) => l.includes("[read-only]"))).toHaveLength(2);
  });

  it("replays the seed page's finished rollback, revealed over successive reads", async () => {
    const seed = seedJob();
    const messages = seed.messages ?? [];
    expect(messages).toHaveLength(19);
    const api = new FakeArcGis();
    // 1, 4, 7, ... messages per read; each read also repeated once.
    api.plan = () => revealing(messages, 3).flatMap((f) => [f, f]);
    const ran = await run(api, "rollback");
    expect(ran.r.result, ran.r.message).toBe("succeeded");
    expect(messageLines(ran)).toEqual(messages.map(logged));
    expect(messageLines(ran)[0]).toBe(
      "[job] 19:04:41 Starting the rollback process from 10.9.0.1090 to 10.9.0.1089.",
    );
    const timeline = ran.r.report?.timeline ?? [];
    expect(timeline).toHaveLength(19);
    expect(timeline[0]).toEqual({
      at: "2021-04-16T19:04:41.971Z",
      text: "Starting the rollback process from 10.9.0.1090 to 10.9.0.1089.",
      durationMs: 170,
    });
    expect(timeline.at(-1)?.durationMs).toBeUndefined();
    expect(ran.log).toContain(
      `[read-only] the organization is read-only from ${clock(1618599893065)} until the job ends`,
    );
    expect(ran.log).toContain(
      `[read-only] the organization is writable again at ${clock(1618600238938)}, after ${formatDuration(345_873)}`,
    );
  });
});

describe("the API away while pods restart", () => {
  it.for([
    ["a refused connection (NetworkError)", transient.network],
    ["HTTP 502", () => transient.http(502)],
    ["HTTP 503", () => transient.http(503)],
    ["HTTP 504", () => transient.http(504)],
    ["an HTML 502 page", () => transient.html(502)],
    ["an HTML 503 page", () => transient.html(503)],
    ["an HTML page under HTTP 200", () => transient.html(200)],
    ["error 503 in an HTTP 200 reply", () => transient.inBody(503)],
    ["error 502 in an HTTP 200 reply", () => transient.inBody(502)],
  ] as const)("%s mid-job: waited out, the job followed to success", async ([, error]) => {
    const api = new FakeArcGis();
    let messages: JobMessage[] = [];
    api.plan = (to) => {
      messages = jobMessages(full(api.current), full(to));
      return revealing(messages, 1);
    };
    // Reads 3 to 6 (the job's second to fifth) fail.
    api.before.upgrades = (n) => (n >= 3 && n <= 6 ? error() : undefined);
    const ran = await run(api, "rollback");
    expect(ran.r.result, ran.r.message).toBe("succeeded");
    expect(messageLines(ran)).toEqual(messages.map(logged));
    const away = lines(ran, "[job] the admin API is away");
    expect(away).toHaveLength(1);
    expect(away[0]).toContain("pods may be restarting: still following");
    expect(lines(ran, "[job] the admin API answers again, after")).toHaveLength(1);
    expect(api.count("rollback")).toBe(1);
  });

  it("away until the run's deadline: timeout, not api-error", async () => {
    const api = new FakeArcGis();
    api.before.upgrades = (n) => (n >= 2 ? transient.http(502) : undefined);
    const ran = await run(api, "rollback", { common: { timeoutMs: 400 } });
    expect(ran.r).toMatchObject({ result: "failed", reason: "timeout" });
    expect(ran.log).toContain("[job] could not read the job");
    expect(api.count("rollback")).toBe(1);
  });
});

describe("a refused credential mid-job is no absence", () => {
  it.for([
    ["the token source refusing (AuthError)", () => new AuthError("ArcGIS generateToken refused")],
    [
      "HTTP 403",
      () =>
        new ApiError(
          { method: "GET", path: "/x", origin: "https://gis.example.com" },
          403,
          403,
          "no",
        ),
    ],
  ] as const)("%s: the run fails with reason auth", async ([, error]) => {
    const api = new FakeArcGis();
    api.before.upgrades = (n) => (n === 3 ? error() : undefined);
    const ran = await run(api, "rollback");
    expect(ran.r).toMatchObject({ result: "failed", reason: "auth" });
    expect(ran.r.nextSteps.join("\n")).toContain("Check arcgis-username and arcgis-password");
    expect(lines(ran, "[job] the admin API is away")).toEqual([]);
    expect(api.count("rollback")).toBe(1);
  });

  it("a refusal in a 200 reply (error 400) is no absence either: api-error", async () => {
    const api = new FakeArcGis();
    api.before.upgrades = (n) => (n === 3 ? transient.inBody(400) : undefined);
    const ran = await run(api, "rollback");
    expect(ran.r).toMatchObject({ result: "failed", reason: "api-error" });
    expect(lines(ran, "[job] the admin API is away")).toEqual([]);
  });

  it("an invalid token (498) the client could not renew: fails, with reason auth", async () => {
    const api = new FakeArcGis();
    const endpoint = {
      method: "GET",
      path: "/arcgis/admin/system/upgrades",
      origin: "https://gis.example.com",
    };
    api.before.upgrades = (n) =>
      n === 3
        ? new ArcGisError({
            operation: "upgrades",
            endpoint,
            status: 200,
            code: 498,
            message: "Invalid token.",
          })
        : undefined;
    const ran = await run(api, "rollback");
    expect(lines(ran, "[job] the admin API is away")).toEqual([]);
    expect(ran.r).toMatchObject({ result: "failed", reason: "auth" });
  });
});
