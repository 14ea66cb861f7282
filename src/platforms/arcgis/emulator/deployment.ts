// An ArcGIS Enterprise on Kubernetes deployment: its release and patches, the one job the
// upgrades resource reports on, the upgrade history, tokens, one clock and the faults.
import { isRequestFault, RequestFaults } from "../../../core/emulator/faults.js";
import { Timeline } from "../../../core/emulator/timeline.js";
import type { HistoryEntry, UpgradeStatus, VersionObject } from "../types.js";
import type { ArcGisFault, JobFailureFault, PodRestartWindow } from "./faults.js";
import { Job, runJob, statusOf } from "./job.js";
import { type JobType, jobSteps } from "./job-plan.js";
import type { ArcGisScenario } from "./scenario.js";
import { ArcGisTokens } from "./tokens.js";
import type { ArcGisEmulatorState } from "./types.js";
import {
  available,
  current,
  fullVersion,
  installed,
  installedCountAt,
  jobTarget,
  type VersionChain,
} from "./versions.js";

const DAY_MS = 86_400_000;

/** The upgrades behind the installed patches: each a week after its release, seven minutes. */
function seededHistory(chain: VersionChain): HistoryEntry[] {
  const versions = installed(chain);
  return versions.slice(1).map((patch, i) => {
    const start = Number(patch.released) + 7 * DAY_MS;
    const from = fullVersion(versions[i] as VersionObject);
    const to = fullVersion(patch);
    return { type: "upgrade", from, to, state: "success", start, end: start + 417_000 };
  });
}

export class Deployment {
  readonly timeline: Timeline;
  readonly requestFaults = new RequestFaults();
  readonly tokens: ArcGisTokens;
  readonly chain: VersionChain;
  readonly history: HistoryEntry[];
  job: Job | undefined;
  private readonly failures: { fault: JobFailureFault; remaining: number }[] = [];
  private readonly restarts: PodRestartWindow[] = [];

  constructor(
    readonly scenario: ArcGisScenario,
    readonly speed: number,
    now = Date.now(),
  ) {
    this.timeline = new Timeline(speed);
    this.tokens = new ArcGisTokens(scenario, speed);
    // A copy: jobs move installedCount, the scenario stays as loaded.
    this.chain = { ...scenario.versions };
    this.history = seededHistory(this.chain);
    for (const fault of scenario.faults) this.addFault(fault, now);
  }

  /** Runs every job step due by `now`, so replies show the present. */
  advance(now = Date.now()): void {
    this.timeline.advance(now);
  }

  get busy(): boolean {
    return this.job?.running ?? false;
  }

  /** The upgrades resource: the last job, or what the installed versions imply. */
  status(): UpgradeStatus {
    if (this.job) return this.job.status();
    return this.chain.installedCount > 0
      ? statusOf("success", 3, [])
      : statusOf("no_upgrade", 0, []);
  }

  /** Starts a rollback to `target`, one of rollbackOptions (the caller checked no job runs). */
  rollback(target: VersionObject, now: number): Job {
    return this.startJob("rollback", target, now);
  }

  /** The pod-restart window the ingress is in at `now`, if any. */
  restartAt(now: number): PodRestartWindow | undefined {
    const since = this.job?.running ? this.job.readOnlySince : undefined;
    if (since === undefined) return undefined;
    const realSeconds = ((now - since) * this.speed) / 1000;
    return this.restarts.find(
      (w) => realSeconds >= w.afterSeconds && realSeconds < w.afterSeconds + w.forSeconds,
    );
  }

  addFault(fault: ArcGisFault, now = Date.now()): void {
    this.advance(now);
    if (isRequestFault(fault)) this.requestFaults.add(fault);
    else if (fault.kind === "podRestart") this.restarts.push(fault);
    else if (fault.kind === "jobFailure") {
      const modules = this.scenario.timings.modules.map((m) => m.name);
      if (fault.module !== undefined && !modules.includes(fault.module))
        throw new Error(`jobFailure.module must be one of: ${modules.join(", ")}`);
      this.failures.push({ fault, remaining: fault.count });
    } else {
      if (this.busy) throw new Error("a job is already in progress");
      const target = jobTarget(this.chain, fault.type, fault.to);
      if (typeof target === "string") throw new Error(target);
      this.startJob(fault.type, target, now - this.timeline.scaled(fault.elapsedSeconds * 1000));
      this.advance(now);
    }
  }

  state(): ArcGisEmulatorState {
    this.advance();
    return {
      currentVersion: fullVersion(current(this.chain)),
      current: current(this.chain).id,
      installed: installed(this.chain).map((v) => v.id),
      available: available(this.chain).map((v) => v.id),
      readOnly: this.job?.running === true && this.job.readOnlySince !== undefined,
      job: { type: this.job?.type, ...this.status() },
    };
  }

  close(): void {
    this.timeline.close();
  }

  private startJob(type: JobType, to: VersionObject, start: number): Job {
    const from = current(this.chain);
    const job = new Job(type, from, to, Math.round(start));
    const failure = this.failures.find((f) => f.remaining > 0);
    if (failure) failure.remaining -= 1;
    const modules = this.scenario.timings.modules;
    const plan = failure && {
      module: failure.fault.module ?? modules[modules.length - 1]?.name ?? "",
      code: failure.fault.code,
      reason: failure.fault.reason,
    };
    const steps = jobSteps(type, fullVersion(from), fullVersion(to), this.scenario.timings, plan);
    this.job = job;
    runJob(this.timeline, job, steps, plan ? "failed" : "success", (ended, at) =>
      this.finish(ended, at),
    );
    return job;
  }

  private finish(job: Job, at: number): void {
    const { type, from, to, start, state } = job;
    this.history.push({
      type,
      from: fullVersion(from),
      to: fullVersion(to),
      state,
      start,
      end: at,
    });
    if (state !== "success") return;
    this.chain.installedCount = installedCountAt(this.chain, to.id) ?? this.chain.installedCount;
  }
}
