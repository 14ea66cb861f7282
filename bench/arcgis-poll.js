// Benchmark: how soon an ArcGIS rollback run notices a new job message and the job's end, and
// how often it reads the upgrades resource, through jobs of about an hour. Runs rollbacks through
// runArcGis and the real ArcGisClient against the ArcGIS emulator sped up by SPEED, with the run's
// intervals scaled by 1/SPEED, and converts every figure back to real-tenant time (× SPEED).
// Each cycle gets a fresh emulator whose job timings are drawn at random (seeded): fixed
// durations fall into step with the poll interval and skew the delays.
// Usage: npm run build && node bench/arcgis-poll.js
//   BENCH_SPEED=60 BENCH_CYCLES=3 BENCH_SEED=1 by default (about a wall-clock minute a cycle).
import { StaticTokenSource } from "../lib/core/auth/static-token.js";
import { ArcGisClient } from "../lib/platforms/arcgis/client.js";
import {
  arcGisScenarioFromDocument,
  startArcGisEmulator,
} from "../lib/platforms/arcgis/emulator/index.js";
import { validateArcGis } from "../lib/platforms/arcgis/inputs.js";
import { runArcGis } from "../lib/platforms/arcgis/procedure.js";
import { POLL_MS } from "../lib/platforms/arcgis/timing.js";
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

const SPEED = envNumber("BENCH_SPEED", 60);
const CYCLES = envNumber("BENCH_CYCLES", 3);
const SEED = envNumber("BENCH_SEED", 1);
const MODULES = 12;

const between = drawBetween(seededRandom(SEED), 1);

/** Real seconds: twelve modules of 2–7 minutes make a job of about an hour. */
function timings() {
  return {
    launchSeconds: between(5, 20),
    preparationSeconds: between(40, 120),
    modules: Array.from({ length: MODULES }, (_, i) => ({
      name: `module ${i + 1}`,
      seconds: between(120, 420),
    })),
    postUpgradeSeconds: between(30, 90),
  };
}

const runs = [];
for (let cycle = 0; cycle < CYCLES; cycle++) {
  const drawn = timings();
  const emulator = await startArcGisEmulator({
    speed: SPEED,
    scenario: arcGisScenarioFromDocument({ base: "default", timings: drawn }),
  });
  const token = emulator.accessTokens[0];
  const api = new ArcGisClient({ orgUrl: emulator.orgUrl, tokens: new StaticTokenSource(token) });
  const config = validateArcGis(
    { "arcgis-url": emulator.orgUrl, "arcgis-token": token },
    runOptions("rollback", 30 * 60_000, SPEED),
    (input) => `--${input}`,
  );
  const lines = [];
  const start = Date.now();
  const result = await runArcGis({ config, api, logger: recordingLogger(lines) });
  const end = Date.now();
  if (result.result !== "succeeded")
    throw new Error(`rollback ended ${result.result}: ${result.message}`);
  const messages = emulator.state().job.messages ?? [];
  runs.push({ start, end, lines, messages, requests: [...emulator.requests], drawn });
  await emulator.close();
}

// Delays, in real-tenant milliseconds: from a message's own time (the emulator writes each at
// its exact scheduled moment) to the run's log line showing it. The job ends with its last
// message (the state turns success in the same instant).
const messageDelays = [];
const endDelays = [];
let missed = 0;
for (const run of runs) {
  const logged = run.lines.filter((l) => /^\[job\] \d\d:\d\d:\d\d /.test(l.message));
  run.messages.forEach((m, i) => {
    const text = m.message.trim();
    const line = logged.find((l) => l.message.trimEnd().endsWith(text) && l.at >= m.when);
    if (!line) {
      missed++;
      return;
    }
    const delay = (line.at - m.when) * SPEED;
    messageDelays.push(delay);
    if (i === run.messages.length - 1) endDelays.push(delay);
  });
}

// Reads per real-tenant minute: GETs of the upgrades resource, and every request. Windows stay
// inside one run.
const UPGRADES = "/arcgis/admin/system/upgrades";
const requestsIn = (run) => inRun(run, run.requests);
const reads = (run) => requestsIn(run).filter((r) => r.method === "GET" && r.path === UPGRADES);
const minutes = realMinutes(runs, SPEED);
const readCount = runs.reduce((sum, r) => sum + reads(r).length, 0);
const requestCount = runs.reduce((sum, r) => sum + requestsIn(r).length, 0);
const jobMinutes = runs.map((r) => {
  const when = r.messages.map((m) => m.when);
  return ((Math.max(...when) - Math.min(...when)) * SPEED) / 60_000;
});

console.log(
  `tenant-promote ArcGIS polling benchmark: emulator speed x${SPEED}, ${CYCLES} rollbacks (seed ${SEED}), jobs of ${Math.min(...jobMinutes).toFixed(1)}–${Math.max(...jobMinutes).toFixed(1)} real minutes, ${MODULES} modules of 2–7 min each`,
);
console.log(
  `intervals (POLL_MS): first read ${POLL_MS.firstRead} ms, job ${POLL_MS.job} ms ±10 %, API away ${POLL_MS.unavailable} ms`,
);
console.log(
  `real-tenant time covered: ${minutes.toFixed(1)} min; upgrades reads: ${readCount}; all requests: ${requestCount}`,
);
console.log("");
printDelays("noticed", [
  ["a new job message", messageDelays, "< 5 s"],
  ["the job's end", endDelays, "< 5 s"],
]);
console.log("");
console.log(`messages never logged: ${missed}`);
const worstReads = busiestMinute(runs, reads, SPEED);
const worstAll = busiestMinute(runs, requestsIn, SPEED);
console.log(
  `upgrades reads (GET .../system/upgrades) per minute: ${(readCount / minutes).toFixed(1)} average, ${worstReads} in the busiest minute of a run (target <= 12)`,
);
console.log(
  `all requests per minute: ${(requestCount / minutes).toFixed(1)} average, ${worstAll} in the busiest minute of a run`,
);
for (const [label, values] of [
  ["messages", messageDelays],
  ["end", endDelays],
]) {
  const median = stats(values).median ?? Number.POSITIVE_INFINITY;
  if (median >= 5000)
    console.log(`TARGET MISSED: ${label} median ${sec(median)}; lower POLL_MS.job`);
}
if (worstReads > 12)
  console.log(`TARGET MISSED: ${worstReads} reads in a minute; raise POLL_MS.job`);
