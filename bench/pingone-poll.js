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
import { PingOneClient } from "../lib/platforms/pingone/client.js";
import {
  pingOneScenarioFromDocument,
  startPingOneEmulator,
} from "../lib/platforms/pingone/emulator/index.js";
import { validatePingOne } from "../lib/platforms/pingone/inputs.js";
import { runPingOne } from "../lib/platforms/pingone/procedure.js";
import { POLL_MS } from "../lib/platforms/pingone/timing.js";
import {
  busiestMinute,
  drawBetween,
  envNumber,
  inRun,
  printDelays,
  realMinutes,
  recordingLogger,
  runOptions,
  sec,
  seededRandom,
  stats,
} from "./stats.js";

const SPEED = envNumber("BENCH_SPEED", 10);
const CYCLES = envNumber("BENCH_CYCLES", 8);
const FIXED = process.env.BENCH_FIXED === "1";
const SEED = envNumber("BENCH_SEED", 1);
/** How often (wall ms) the emulator's promotions are sampled to learn when each status changed. */
const SAMPLE_MS = 5;

const between = drawBetween(seededRandom(SEED), 2);

/** Real-tenant seconds: planning takes seconds to a minute, each step a few seconds. */
function timings() {
  if (FIXED) return undefined;
  return {
    newSeconds: between(0.5, 5),
    preparingSeconds: between(15, 60),
    stepSeconds: between(3, 12),
  };
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
      runOptions(mode, 10 * 60_000, SPEED),
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
const minutes = realMinutes(runs, SPEED);
const inRuns = runs.flatMap((run) => inRun(run, requests));
const polls = inRuns.filter((r) => r.method === "GET" && /\/promotions\/[^/]+\/?$/.test(r.path));
const busiest = (list) => busiestMinute(runs, (run) => inRun(run, list), SPEED);
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
    : `emulator timings drawn per cycle (seed ${SEED}): new ${range("newSeconds")}, preparing ${range("preparingSeconds")}, a step ${range("stepSeconds")}`,
);
console.log(
  `intervals (POLL_MS): first read ${POLL_MS.firstRead} ms, plan ${POLL_MS.plan} ms, execution ${POLL_MS.execution} ms, each ±10 %`,
);
const runMinutes = runs.map((r) => ((r.end - r.start) * SPEED) / 60_000);
console.log(
  `real-tenant time covered: ${minutes.toFixed(1)} min (runs of ${Math.min(...runMinutes).toFixed(1)}–${Math.max(...runMinutes).toFixed(1)} min); promotion reads: ${polls.length}; all requests: ${inRuns.length}`,
);
console.log("");
const all = Object.values(delays).flat();
printDelays(
  "status change noticed",
  [...Object.entries(delays), ["all status changes", all]].map(([label, values]) => [
    label,
    values,
    "< 2 s",
  ]),
);
console.log("");
console.log(`status changes never logged (too short to be seen between two polls): ${missed}`);
const worst = busiest(polls);
console.log(
  `promotion reads (GET .../promotions/{id}) per minute: ${(polls.length / minutes).toFixed(1)} average, ${worst} in the busiest minute of a run (target <= 30)`,
);
console.log(
  `all requests per minute: ${(inRuns.length / minutes).toFixed(1)} average, ${busiest(inRuns)} in the busiest minute of a run`,
);
const median = stats(all).median ?? Number.POSITIVE_INFINITY;
if (median >= 2000)
  console.log(`TARGET MISSED: median ${sec(median)} is ${sec(median - 2000)} over 2 s`);
if (worst > 30) console.log(`TARGET MISSED: ${worst} reads in a minute is ${worst - 30} over 30`);
