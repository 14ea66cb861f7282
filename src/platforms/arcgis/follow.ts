// Follows the one upgrades job to its end: each new message logged once with its time, the
// read-only window named when it opens and closes, and the API's absence while pods restart
// (502/503, HTML pages, refused connections) waited out until the run's own deadline.
import { ApiError, AuthError, NetworkError } from "../../core/http/errors.js";
import { heartbeatMs, jittered, scaled } from "../../core/run/poll.js";
import { formatDuration } from "../../core/util/duration.js";
import { sleep } from "../../core/util/sleep.js";
import type { ArcGisContext } from "./context.js";
import { ArcGisError } from "./errors.js";
import { clock, messageLine } from "./failures.js";
import { POLL_MS } from "./timing.js";
import type { JobMessage, UpgradeStatus } from "./types.js";

const GATEWAY = new Set([500, 502, 503, 504]);
const READ_ONLY_STARTS = 2165;
const READ_ONLY_ENDS = 2166;
const JOB_STARTS = 2072;

/** The API is away, not wrong: keep following. Auth problems and refusals are real failures. */
export function isTransient(error: unknown): boolean {
  if (error instanceof AuthError) return false;
  if (error instanceof NetworkError) return true;
  if (error instanceof ArcGisError && (error.htmlPage || GATEWAY.has(error.code))) return true;
  return error instanceof ApiError && GATEWAY.has(error.status);
}

export interface Followed {
  final: UpgradeStatus;
  /** Every message seen, in order. */
  messages: JobMessage[];
}

const key = (m: JobMessage) => `${m.code}|${m.when}|${m.message}`;

/** What one follow of the job has seen so far; each read is settled at once, before any wait. */
class JobFollower {
  private readonly seen = new Set<string>();
  readonly messages: JobMessage[] = [];
  private seenRunning = false;
  private readOnlySince: number | undefined;
  private awaySince: number | undefined;
  private lastLine = Date.now();

  constructor(
    private readonly ctx: ArcGisContext,
    private readonly sentAt: number,
  ) {}

  /** Logs the read's new messages; true once the job has ended. */
  ended(status: UpgradeStatus): boolean {
    for (const m of status.messages ?? []) this.note(m);
    if (status.state === "in_progress") this.seenRunning = true;
    else if (this.started(status)) return true;
    return false;
  }

  /** The next read; undefined while the API is away (pods restarting), after a wait. */
  async read(): Promise<UpgradeStatus | undefined> {
    const { ctx } = this;
    try {
      const { status } = await ctx.api.upgrades(ctx.signal);
      if (this.awaySince !== undefined) {
        ctx.log.info(
          `[job] the admin API answers again, after ${formatDuration(Date.now() - this.awaySince)}`,
        );
        this.awaySince = undefined;
      }
      return status;
    } catch (error) {
      if (!isTransient(error) || ctx.signal.aborted) throw error;
      if (this.awaySince === undefined) {
        this.awaySince = Date.now();
        ctx.log.warn(
          `[job] the admin API is away (${(error as Error).message}); pods may be restarting: still following`,
        );
      }
      await sleep(scaled(ctx, POLL_MS.unavailable), ctx.signal);
      return undefined;
    }
  }

  /** A "still …" line when nothing new was logged for a while. */
  heartbeat(status: UpgradeStatus): void {
    if (Date.now() - this.lastLine < heartbeatMs(this.ctx)) return;
    this.ctx.log.info(
      `[job] still ${status.state ?? "unknown"} (${formatDuration(Date.now() - this.sentAt)} since the request)`,
    );
    this.lastLine = Date.now();
  }

  private note(m: JobMessage): void {
    const { log } = this.ctx;
    if (this.seen.has(key(m))) return;
    this.seen.add(key(m));
    this.messages.push(m);
    log.info(`[job] ${messageLine(m)}`);
    this.lastLine = Date.now();
    if (m.code === READ_ONLY_STARTS) {
      this.readOnlySince = m.when ?? Date.now();
      log.warn(
        `[read-only] the organization is read-only from ${clock(this.readOnlySince)} until the job ends`,
      );
    } else if (m.code === READ_ONLY_ENDS) {
      const end = m.when ?? Date.now();
      const lasted =
        this.readOnlySince === undefined
          ? ""
          : `, after ${formatDuration(end - this.readOnlySince)}`;
      log.info(`[read-only] the organization is writable again at ${clock(end)}${lasted}`);
    }
  }

  /** Right after the request the resource may still show the previous job. */
  private started(status: UpgradeStatus): boolean {
    return (
      this.seenRunning ||
      (status.messages ?? []).some(
        (m) => m.code === JOB_STARTS && (m.when ?? 0) >= this.sentAt - 60_000,
      )
    );
  }
}

/**
 * `sentAt`: when this run asked for the job. A state other than in_progress ends it only once
 * this job was seen running or its start message is there: right after the request the
 * resource may still show the previous job.
 */
export async function followJob(
  ctx: ArcGisContext,
  sentAt: number,
  first?: UpgradeStatus,
): Promise<Followed> {
  const follower = new JobFollower(ctx, sentAt);
  if (first && follower.ended(first)) return { final: first, messages: follower.messages };
  await sleep(scaled(ctx, POLL_MS.firstRead), ctx.signal);
  for (;;) {
    const status = await follower.read();
    if (status === undefined) continue;
    if (follower.ended(status)) return { final: status, messages: follower.messages };
    follower.heartbeat(status);
    await sleep(jittered(scaled(ctx, POLL_MS.job)), ctx.signal);
  }
}
