// What the benchmarks share: their settings from the environment, seeded draws, a logger that
// keeps the time of each line, and the figures they print (percentiles, read rates, tables).
// Times are wall-clock milliseconds unless a name says "real": real-tenant time is wall time
// multiplied by the emulator's speed.

/** A number from the environment variable `name`, or `fallback` when it is not set. */
export function envNumber(name, fallback) {
  return Number(process.env[name] ?? fallback);
}

/** mulberry32: the same draws for the same seed; numbers in [0, 1). */
export function seededRandom(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `(low, high)` → a draw of `random` between them, rounded to `decimals` places. */
export function drawBetween(random, decimals) {
  const scale = 10 ** decimals;
  return (low, high) => Math.round((low + random() * (high - low)) * scale) / scale;
}

/** A logger that keeps every line the run writes with the time it was written. */
export function recordingLogger(lines) {
  const keep = (level) => (message) => lines.push({ at: Date.now(), level, message });
  return { info: keep("info"), warn: keep("warn"), debug() {} };
}

/** The options a run is validated with: no lock wait, intervals scaled to the emulator. */
export function runOptions(mode, timeoutMs, speed) {
  return { mode, timeoutMs, lockWaitMs: 0, requestTimeoutMs: 30_000, timeScale: 1 / speed };
}

/** How many values, the median, p90, the least and the most (undefined when there are none). */
export function stats(values) {
  if (values.length === 0) return { n: 0 };
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return {
    n: sorted.length,
    median: at(0.5),
    p90: at(0.9),
    min: sorted[0],
    max: sorted[sorted.length - 1],
  };
}

/** Milliseconds as seconds with two decimals, "-" for none. */
export const sec = (x) => (x === undefined ? "-" : `${(x / 1000).toFixed(2)} s`);

/** The records of `list` (each with an `at`) that fall within `run` (its `start` to `end`). */
export const inRun = (run, list) => list.filter((r) => r.at >= run.start && r.at <= run.end);

/** Real-tenant minutes the runs took, at `speed`. */
export function realMinutes(runs, speed) {
  return (runs.reduce((sum, r) => sum + (r.end - r.start), 0) * speed) / 60_000;
}

/**
 * The most records `select(run)` holds in any real-tenant minute (wall `60 s / speed`) that
 * starts at one of them. Windows stay inside one run: back-to-back runs are an artifact of a
 * benchmark.
 */
export function busiestMinute(runs, select, speed) {
  const realMinute = 60_000 / speed;
  let most = 0;
  for (const run of runs) {
    const mine = select(run);
    for (const record of mine) {
      const window = mine.filter((r) => r.at >= record.at && r.at < record.at + realMinute);
      most = Math.max(most, window.length);
    }
  }
  return most;
}

/** Prints a Markdown table of delays: rows of [label, values in ms, target]. */
export function printDelays(heading, rows) {
  console.log(`| ${heading} | n | median | p90 | max | target (median) |`);
  console.log("| --- | ---: | ---: | ---: | ---: | --- |");
  for (const [label, values, target] of rows) {
    const s = stats(values);
    console.log(
      `| ${label} | ${s.n} | ${sec(s.median)} | ${sec(s.p90)} | ${sec(s.max)} | ${target} |`,
    );
  }
}
