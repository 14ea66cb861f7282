// The messages a rollback (or upgrade) job writes on the upgrades resource, in the order of a
// real patch rollback, each due a real-platform delay after the one before. Modules take most
// of the time; the organization is read-only from 2165 to 2166, while pods restart.

export type JobType = "rollback" | "upgrade";

/** Real-platform durations in seconds; the emulator divides them by its speed. */
export interface ArcGisTimings {
  /** Job start until the system goes read-only (2072 -> 2165). */
  launchSeconds: number;
  /** Read-only until the plan is ready (2165 -> 2270): the upgrader's pods restart. */
  preparationSeconds: number;
  /** Each module's rollback (2293 -> 2177), in order. */
  modules: { name: string; seconds: number }[];
  /** Leaving read-only until the post-upgrade operations (2166 -> 2179). */
  postUpgradeSeconds: number;
}

export interface JobStep {
  code: number;
  /** Real-platform milliseconds after the previous step. */
  afterMs: number;
  message: string;
  readOnly?: "start" | "end";
}

/** A failure of one module: the job ends "failed" where that module would have completed. */
export interface JobFailurePlan {
  module: string;
  code: number;
  /** Why it failed, e.g. "pods did not become ready". */
  reason: string;
}

const WORDS = {
  rollback: { process: "rollback", module: "Rollback", doing: "rolling back", done: "rolled-back" },
  upgrade: { process: "upgrade", module: "Upgrade", doing: "upgrading", done: "upgraded" },
};

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** 417048 -> 00hr:06min:57sec:048millisec. */
export function durationText(ms: number): string {
  const whole = Math.round(ms);
  const hours = Math.floor(whole / 3_600_000);
  const minutes = Math.floor(whole / 60_000) % 60;
  const seconds = Math.floor(whole / 1000) % 60;
  return `${pad(hours)}hr:${pad(minutes)}min:${pad(seconds)}sec:${pad(whole % 1000, 3)}millisec`;
}

export function jobSteps(
  type: JobType,
  from: string,
  to: string,
  timings: ArcGisTimings,
  failure?: JobFailurePlan,
): JobStep[] {
  const w = WORDS[type];
  const seconds = (s: number) => Math.round(s * 1000);
  // Sub-second gaps between bookkeeping messages are the seed's, fixed.
  const steps: JobStep[] = [
    { code: 2072, afterMs: 0, message: `Starting the ${w.process} process from ${from} to ${to}.` },
    { code: 2168, afterMs: 170, message: "Launching upgrader... " },
    {
      code: 2165,
      afterMs: Math.max(0, seconds(timings.launchSeconds) - 170),
      message: "System is going into Read-Only mode.",
      readOnly: "start",
    },
    {
      code: 2270,
      afterMs: seconds(timings.preparationSeconds),
      message: "Preparing an upgrade plan.",
    },
    { code: 2287, afterMs: 500, message: "Pre-diagnostics started." },
    { code: 2288, afterMs: 70, message: "Pre-diagnostics completed." },
    { code: 2271, afterMs: 20, message: "Executing upgrade plan." },
  ];
  const leaveReadOnly: JobStep = {
    code: 2166,
    afterMs: 30,
    message: "System is coming out of Read-Only mode.",
    readOnly: "end",
  };
  for (const { name, seconds: moduleSeconds } of timings.modules) {
    const took = seconds(moduleSeconds);
    steps.push({ code: 2293, afterMs: 12, message: `${w.module} of ${name} module started.` });
    if (failure?.module === name) {
      steps.push({ ...leaveReadOnly, afterMs: took });
      const message = `The ${w.process} process from ${from} to ${to} failed: ${failure.reason}`;
      steps.push({ code: failure.code, afterMs: 20, message });
      return steps;
    }
    steps.push({
      code: 2177,
      afterMs: took,
      message: `The ${w.doing} of ${name} has completed in ${took} millis (~ ${Math.floor(took / 60_000)} minutes).`,
    });
  }
  steps.push(
    leaveReadOnly,
    {
      code: 2179,
      afterMs: seconds(timings.postUpgradeSeconds),
      message: "Post-upgrade operations started.",
    },
    { code: 2183, afterMs: 17, message: "Post-upgrade operations completed." },
    { code: 2263, afterMs: 0, message: `Persisting ${w.process} state to database.` },
  );
  const total = steps.reduce((sum, step) => sum + step.afterMs, 18);
  steps.push(
    {
      code: 2077,
      afterMs: 18,
      message: `The ${w.process} process from ${from} to ${to} has completed in ${durationText(total)}.`,
    },
    {
      code: 2076,
      afterMs: 0,
      message: `The ArcGIS Enterprise on Kubernetes has been ${w.done} from ${from} to ${to} successfully.`,
    },
  );
  return steps;
}
