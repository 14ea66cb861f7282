// One upgrade or rollback job on the timeline: its messages appear as they fall due, the
// organization is read-only between 2165 and 2166, and it ends success or failed.
import type { Timeline } from "../../../core/emulator/timeline.js";
import type { JobMessage, UpgradeStatus, VersionObject } from "../types.js";
import type { JobStep, JobType } from "./job-plan.js";

export type JobState = "in_progress" | "success" | "failed";

// in_progress and success are documented; failed's code is not, 2 is the emulator's choice.
const STATE_CODES: Record<JobState, number> = { in_progress: 1, failed: 2, success: 3 };

export function statusOf(state: string, code: number, messages: JobMessage[]): UpgradeStatus {
  return { state, code, messages: messages.map((message) => ({ ...message })) };
}

export class Job {
  readonly messages: JobMessage[] = [];
  state: JobState = "in_progress";
  /** When the system went read-only; undefined before 2165 and after 2166. */
  readOnlySince: number | undefined;
  end: number | undefined;

  constructor(
    readonly type: JobType,
    readonly from: VersionObject,
    readonly to: VersionObject,
    readonly start: number,
  ) {}

  get running(): boolean {
    return this.state === "in_progress";
  }

  status(): UpgradeStatus {
    return statusOf(this.state, STATE_CODES[this.state], this.messages);
  }
}

/**
 * Plays `steps` from job.start: the first at once (the rollback reply carries it), each next
 * one its delay after the one before. After the last, the job ends with `outcome`.
 */
export function runJob(
  timeline: Timeline,
  job: Job,
  steps: JobStep[],
  outcome: "success" | "failed",
  onEnd: (job: Job, at: number) => void,
): void {
  const play = (index: number, due: number) => {
    const step = steps[index];
    if (!step) return;
    // Scaled delays fall between milliseconds; the wire carries whole epoch milliseconds.
    const at = Math.round(due);
    job.messages.push({ code: step.code, message: step.message, when: at });
    if (step.readOnly === "start") job.readOnlySince = at;
    if (step.readOnly === "end") job.readOnlySince = undefined;
    if (index + 1 < steps.length) {
      const next = steps[index + 1]?.afterMs ?? 0;
      timeline.after(due, next, (nextDue) => play(index + 1, nextDue));
      return;
    }
    job.state = outcome;
    job.end = at;
    onEnd(job, at);
  };
  play(0, job.start);
}
