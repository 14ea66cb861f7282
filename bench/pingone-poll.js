// Benchmark: how soon a PingOne run notices a promotion's status change, and how many promotion
// reads it makes. Runs promote + rollback cycles through runPingOne and the real PingOneClient
// against the PingOne emulator sped up by SPEED, with the run's intervals scaled by 1/SPEED, and
// converts every figure back to real-tenant time (multiplied by SPEED).
// Each cycle gets a fresh emulator whose phase durations are drawn at random (seeded), as a real
// tenant's vary: fixed durations fall into step with the poll interval and skew the delays.
// Usage: npm run build && node bench/pingone-poll.js
//   BENCH_SPEED=10 BENCH_CYCLES=8 BENCH_SEED=1 by default; BENCH_FIXED=1 keeps the emulator's
//   default timings (2 s new, 15 s preparing, 4 s a step) instead.
import { StaticTokenSource } from "../lib/core/auth/static-token.js";
import { silentLogger } from "../lib/core/util/log.js";
import { PingOneClient } from "../lib/platforms/pingone/client.js";
import {
  pingOneScenarioFromDocument,
  startPingOneEmulator,
} from "../lib/platforms/pingone/emulator/index.js";
import { validatePingOne } from "../lib/platforms/pingone/inputs.js";
import { runPingOne } from "../lib/platforms/pingone/procedure.js";
import { POLL_MS } from "../lib/platforms/pingone/timing.js";

const SPEED = Number(process.env.BENCH_SPEED ?? 10);
const CYCLES = Number(process.env.BENCH_CYCLES ?? 8);
const FIXED = process.env.BENCH_FIXED === "1";
let seed = Number(process.env.BENCH_SEED ?? 1) >>> 0;
/** How often (wall ms) the emulator's promotions are sampled to learn when each status changed. */
const SAMPLE_MS = 5;

/** mulberry32: the same timings for the same seed. */
function random() {
  seed = (seed + 0x6d2b79f5) >>> 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const between = (low, high) => Math.round((low + random() * (high - low)) * 100) / 100;

/** Real-tenant seconds: planning takes seconds to a minute, each step a few seconds. */
function timings() {
  if (FIXED) return undefined;
  return {
    newSeconds: between(0.5, 5),
    preparingSeconds: between(15, 60),
    stepSeconds: between(3, 12),
  };
}

/** Keeps every line the run logs with the time it was written. */
function recordingLogger(lines) {
  const keep = (level) => (message) => lines.push({ at: Date.now(), level, message });
  return { info: keep("info"), warn: keep("warn"), debug: silentLogger.debug };
}

const runs = [];
/** Every status each promotion took, with the emulator's own time of the change. */
const changes = [];
/** Every request the emulators received. */
const requests = [];
const cycleTimings = [];

for (let cycle = 0; cycle < CYCLES; cycle++) {
  const drawn = timings();
  if (drawn) cycleTimings.push(drawn);
  const emulator = await startPingOneEmulator({
    speed: SPEED,
    scenario: pingOneScenarioFromDocument({
      base: "default",
      ...(drawn ? { timings: drawn } : {}),
    }),
  });
  const [source, target] = emulator.environments;
  const token = emulator.accessTokens[0];
  // A transition sets updatedAt to its exact scheduled time, so sampling only has to be
  // frequent enough not to miss a status altogether.
  const lastStatus = new Map();
  const sample = () => {
    for (const p of emulator.promotions()) {
      if (lastStatus.get(p.id) === p.status) continue;
      lastStatus.set(p.id, p.status);
      changes.push({ id: p.id, status: p.status, at: Date.parse(p.updatedAt) });
    }
  };
  const sampler = setInterval(sample, SAMPLE_MS);
  const api = new PingOneClient({
    apiUrl: emulator.origin,
    sourceEnvironmentId: source.id,
    tokens: new StaticTokenSource(token),
  });
  for (const mode of ["promote", "rollback"]) {
    const config = validatePingOne(
      {
        "source-environment-id": source.id,
        "target-environment-id": target.id,
        "pingone-api-url": emulator.origin,
        "pingone-access-token": token,
      },
      {
        mode,
        timeoutMs: 10 * 60_000,
        lockWaitMs: 0,
        requestTimeoutMs: 30_000,
        timeScale: 1 / SPEED,
      },
      (input) => `--${input}`,
    );
    const lines = [];
    const start = Date.now();
    const result = await runPingOne({
      config,
      api,
      logger: recordingLogger(lines),
      description: `bench cycle ${cycle + 1}`,
    });
    runs.push({ mode, start, end: Date.now(), id: result.promotionId, lines });
    if (result.result !== "succeeded")
      throw new Error(`${mode} ended ${result.result}: ${result.message}`);
  }
  sample();
  clearInterval(sampler);
  requests.push(...emulator.requests);
  await emulator.close();
}

// Delays, in real-tenant milliseconds: from the emulator's change to the run's log line saying
// it. NEW/ROLLBACK_NEW are how a promotion starts and IN_PROGRESS is the run's own execute: no
// change to notice. The others are what the run waits for.
const CATEGORY = {
  PREPARING: "planning started",
  ROLLBACK_PREPARING: "planning started",
  READY: "plan ready",
  VALIDATION_FAILED: "plan ready",
  COMPLETED: "execution finished",
  ERROR: "execution finished",
};
const delays = { "planning started": [], "plan ready": [], "execution finished": [] };
let missed = 0;
const STATUS_LINE = /^\[(plan|promotion|rollback)\] ([A-Z_]+)\b/;
for (const run of runs) {
  const seen = run.lines
    .map((line) => ({ at: line.at, status: STATUS_LINE.exec(line.message)?.[2] }))
    .filter((line) => line.status);
  for (const change of changes.filter((c) => c.id === run.id && CATEGORY[c.status])) {
    const line = seen.find((l) => l.status === change.status && l.at >= change.at);
    if (line) delays[CATEGORY[change.status]].push((line.at - change.at) * SPEED);
    else missed++;
  }
}

// Request rate per real-tenant minute. A poll is a GET of one promotion; every request counts
// too. Windows stay inside one run: back-to-back runs are an artifact of this benchmark.
const realMinute = 60_000 / SPEED;
const busyTime = runs.reduce((sum, r) => sum + (r.end - r.start), 0);
const realMinutes = (busyTime * SPEED) / 60_000;
const inRun = (run, list) => list.filter((r) => r.at >= run.start && r.at <= run.end);
const inRuns = runs.flatMap((run) => inRun(run, requests));
const polls = inRuns.filter((r) => r.method === "GET" && /\/promotions\/[^/]+\/?$/.test(r.path));
function busiest(list) {
  let most = 0;
  for (const run of runs) {
    const mine = inRun(run, list);
    for (const request of mine) {
      const window = mine.filter((r) => r.at >= request.at && r.at < request.at + realMinute);
      most = Math.max(most, window.length);
    }
  }
  return most;
}

function stats(values) {
  if (values.length === 0) return { n: 0 };
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { n: sorted.length, median: at(0.5), p90: at(0.9), max: sorted[sorted.length - 1] };
}
const sec = (x) => (x === undefined ? "-" : `${(x / 1000).toFixed(2)} s`);
const range = (key) => {
  const values = cycleTimings.map((t) => t[key]);
  return `${Math.min(...values)}–${Math.max(...values)} s`;
};

console.log(
  `tenant-promote PingOne polling benchmark: emulator speed x${SPEED}, ${CYCLES} promote+rollback cycles, ${runs.length} runs`,
);
console.log(
  FIXED
    ? "emulator timings: the default scenario's (2 s new, 15 s preparing, 4 s a step)"
    : `emulator timings drawn per cycle (seed ${process.env.BENCH_SEED ?? 1}): new ${range("newSeconds")}, preparing ${range("preparingSeconds")}, a step ${range("stepSeconds")}`,
);
console.log(
  `intervals (POLL_MS): first read ${POLL_MS.firstRead} ms, plan ${POLL_MS.plan} ms, execution ${POLL_MS.execution} ms, each ±10 %`,
);
const runMinutes = runs.map((r) => ((r.end - r.start) * SPEED) / 60_000);
console.log(
  `real-tenant time covered: ${realMinutes.toFixed(1)} min (runs of ${Math.min(...runMinutes).toFixed(1)}–${Math.max(...runMinutes).toFixed(1)} min); promotion reads: ${polls.length}; all requests: ${inRuns.length}`,
);
console.log("");
console.log("| status change noticed | n | median | p90 | max | target (median) |");
console.log("| --- | ---: | ---: | ---: | ---: | --- |");
const all = Object.values(delays).flat();
for (const [label, values] of [...Object.entries(delays), ["all status changes", all]]) {
  const st = stats(values);
  console.log(
    `| ${label} | ${st.n} | ${sec(st.median)} | ${sec(st.p90)} | ${sec(st.max)} | < 2 s |`,
  );
}
console.log("");
console.log(`status changes never logged (too short to be seen between two polls): ${missed}`);
const worst = busiest(polls);
console.log(
  `promotion reads (GET .../promotions/{id}) per minute: ${(polls.length / realMinutes).toFixed(1)} average, ${worst} in the busiest minute of a run (target <= 30)`,
);
console.log(
  `all requests per minute: ${(inRuns.length / realMinutes).toFixed(1)} average, ${busiest(inRuns)} in the busiest minute of a run`,
);
const median = stats(all).median ?? Number.POSITIVE_INFINITY;
if (median >= 2000)
  console.log(`TARGET MISSED: median ${sec(median)} is ${sec(median - 2000)} over 2 s`);
if (worst > 30) console.log(`TARGET MISSED: ${worst} reads in a minute is ${worst - 30} over 30`);
