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
  const seen = new Set<string>();
  const messages: JobMessage[] = [];
  let seenRunning = false;
  let readOnlySince: number | undefined;
  let awaySince: number | undefined;
  let lastLine = Date.now();
  const note = (status: UpgradeStatus) => {
    for (const m of status.messages ?? []) {
      if (seen.has(key(m))) continue;
      seen.add(key(m));
      messages.push(m);
      ctx.log.info(`[job] ${messageLine(m)}`);
      lastLine = Date.now();
      if (m.code === READ_ONLY_STARTS) {
        readOnlySince = m.when ?? Date.now();
        ctx.log.warn(
          `[read-only] the organization is read-only from ${clock(readOnlySince)} until the job ends`,
        );
      } else if (m.code === READ_ONLY_ENDS) {
        const end = m.when ?? Date.now();
        const lasted =
          readOnlySince === undefined ? "" : `, after ${formatDuration(end - readOnlySince)}`;
        ctx.log.info(`[read-only] the organization is writable again at ${clock(end)}${lasted}`);
      }
    }
  };
  const started = (s: UpgradeStatus) =>
    seenRunning ||
    (s.messages ?? []).some((m) => m.code === JOB_STARTS && (m.when ?? 0) >= sentAt - 60_000);
  // Each read is settled at once, before any wait: its new messages logged, its end noticed.
  const ended = (s: UpgradeStatus) => {
    note(s);
    if (s.state === "in_progress") seenRunning = true;
    else if (started(s)) return true;
    return false;
  };
  if (first && ended(first)) return { final: first, messages };
  await sleep(scaled(ctx, POLL_MS.firstRead), ctx.signal);
  for (;;) {
    let status: UpgradeStatus;
    try {
      status = (await ctx.api.upgrades(ctx.signal)).status;
      if (awaySince !== undefined) {
        ctx.log.info(
          `[job] the admin API answers again, after ${formatDuration(Date.now() - awaySince)}`,
        );
        awaySince = undefined;
      }
    } catch (error) {
      if (!isTransient(error) || ctx.signal.aborted) throw error;
      if (awaySince === undefined) {
        awaySince = Date.now();
        ctx.log.warn(
          `[job] the admin API is away (${(error as Error).message}); pods may be restarting: still following`,
        );
      }
      await sleep(scaled(ctx, POLL_MS.unavailable), ctx.signal);
      continue;
    }
    if (ended(status)) return { final: status, messages };
    if (Date.now() - lastLine >= heartbeatMs(ctx)) {
      ctx.log.info(
        `[job] still ${status.state ?? "unknown"} (${formatDuration(Date.now() - sentAt)} since the request)`,
      );
      lastLine = Date.now();
    }
    await sleep(jittered(scaled(ctx, POLL_MS.job)), ctx.signal);
  }
}
