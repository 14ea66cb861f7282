// Benchmark: how soon the engine notices a state change, and how many status requests it makes.
// Runs promote and rollback cycles against the emulator sped up by SPEED, with the engine's
// intervals scaled by 1/SPEED, and converts every figure back to real-tenant time.
// Usage: npm run bench   (BENCH_SPEED=20 BENCH_CYCLES=3 by default)

import { StaticTokenSource } from "../lib/core/auth/static-token.js";
import { silentLogger } from "../lib/core/util/log.js";
import { AicClient } from "../lib/platforms/aic/client.js";
import { startAicEmulator } from "../lib/platforms/aic/emulator/index.js";
import { runAic } from "../lib/platforms/aic/procedure.js";
import { busiestMinute, envNumber, inRun, printDelays, realMinutes } from "./stats.js";

const SPEED = envNumber("BENCH_SPEED", 20);
const CYCLES = envNumber("BENCH_CYCLES", 3);

/** Wraps the client so every status read is recorded with the time its answer arrived. */
function instrument(client, reads) {
  return new Proxy(client, {
    get(target, prop) {
      const value = Reflect.get(target, prop);
      if (prop !== "getLockState" && prop !== "getPromotionStatus")
        return typeof value === "function" ? value.bind(target) : value;
      return async (...args) => {
        const reply = await value.apply(target, args);
        reads.push({
          at: performance.timeOrigin + performance.now(),
          kind: prop === "getLockState" ? "lock" : "status",
          reply,
        });
        return reply;
      };
    },
  });
}

function firstRead(reads, kind, after, accept) {
  return reads.find((r) => r.kind === kind && r.at >= after && accept(r.reply));
}

const emulator = await startAicEmulator({ speed: SPEED, lowerPort: 0, upperPort: 0 });
const reads = [];
const api = instrument(
  new AicClient({
    baseUrl: emulator.upperUrl,
    tokens: new StaticTokenSource("emulator-upper-token"),
  }),
  reads,
);
const runs = [];
for (let cycle = 0; cycle < CYCLES; cycle++) {
  for (const mode of ["promote", "rollback"]) {
    const start = Date.now();
    const result = await runAic({
      mode,
      upper: api,
      logger: silentLogger,
      timeScale: 1 / SPEED,
    });
    runs.push({ mode, start, end: Date.now(), result: result.result });
    if (result.result !== "succeeded")
      throw new Error(`${mode} ended ${result.result}: ${result.message}`);
  }
}
await emulator.close();

// Delays, in real-tenant milliseconds.
const delays = { lock: [], unlock: [], phase: [], finish: [] };
let missedPhases = 0;
const events = emulator.events;
const byId = (kind, id) => events.filter((e) => e.kind === kind && e.detail === id);
for (const id of new Set(events.filter((e) => e.kind === "lock-requested").map((e) => e.detail))) {
  const locked = byId("locked", id);
  if (locked.length === 2) {
    const at = Math.max(...locked.map((e) => e.at));
    const seen = firstRead(reads, "lock", at, (r) => r.result === "locked");
    if (seen) delays.lock.push((seen.at - at) * SPEED);
  }
  const unlocked = byId("unlocked", id);
  if (unlocked.length === 2) {
    const at = Math.max(...unlocked.map((e) => e.at));
    const seen = firstRead(reads, "lock", at, (r) => r.result === "unlocked");
    if (seen) delays.unlock.push((seen.at - at) * SPEED);
  }
}
const upperSteps = events.filter(
  (e) => e.env === "upper" && (e.kind === "phase" || e.kind.endsWith("-finished")),
);
upperSteps.forEach((event, index) => {
  const next = upperSteps[index + 1];
  if (event.kind === "phase") {
    const message = event.detail.replace(/^\w+: /, "");
    const seen = firstRead(
      reads,
      "status",
      event.at,
      (r) => r.status === "RUNNING" && r.message === message,
    );
    if (seen && (!next || seen.at < next.at)) delays.phase.push((seen.at - event.at) * SPEED);
    else missedPhases++;
  } else {
    const seen = firstRead(reads, "status", event.at, (r) => r.status !== "RUNNING");
    if (seen) delays.finish.push((seen.at - event.at) * SPEED);
  }
});

// Request rate: status reads per real-tenant minute, overall and in the busiest minute.
const minutes = realMinutes(runs, SPEED);
const overallRate = reads.length / minutes;
const busiest = busiestMinute(runs, (run) => inRun(run, reads), SPEED);

console.log(
  `tenant-promote polling benchmark: emulator speed x${SPEED}, ${CYCLES} promote+rollback cycles, ${runs.length} runs`,
);
console.log(`real-tenant time covered: ${minutes.toFixed(1)} min; status reads: ${reads.length}`);
console.log("");
const targets = { lock: "< 1 s", unlock: "< 1 s", phase: "< 2 s", finish: "< 2 s" };
const labels = {
  lock: "locked",
  unlock: "unlocked",
  phase: "promotion/rollback phase started",
  finish: "promotion/rollback finished",
};
printDelays(
  "state change noticed",
  Object.keys(delays).map((key) => [labels[key], delays[key], targets[key]]),
);
console.log("");
console.log(`phases too short to be seen between two polls: ${missedPhases}`);
console.log(
  `status requests per minute: ${overallRate.toFixed(1)} overall, ${busiest} in the busiest minute of a run (target <= 30)`,
);
