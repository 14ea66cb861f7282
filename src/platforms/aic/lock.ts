import { ApiError, isOutcomeUnknown } from "../../core/http/errors.js";
import { EngineFailure } from "../../core/run/failure.js";
import { pollUntil, scaled } from "../../core/run/poll.js";
import { formatDuration } from "../../core/util/duration.js";
import { sleep } from "../../core/util/sleep.js";
import type { AicContext } from "./context.js";
import { PHASE_LIMIT_MS, POLL_MS } from "./timing.js";
import type { LockState } from "./types.js";

export interface LockConflict {
  holder?: string;
  maintenance: boolean;
  message?: string;
}

/** Reads the holder's promotion id out of a 409 message such as "already locked for promotion <id>". */
export function parseLockConflict(message: string | undefined): LockConflict {
  const text = message ?? "";
  const holder = /promotion\s+([0-9A-Za-z][0-9A-Za-z-]{5,})/i.exec(text)?.[1];
  return { holder, maintenance: /maintenance/i.test(text), message };
}

export function lockConflictFailure(conflict: LockConflict, origin: string): EngineFailure {
  if (conflict.maintenance) {
    return new EngineFailure(
      "lock-conflict",
      `${origin} is locked by Ping Identity for maintenance${conflict.message ? ` ("${conflict.message}")` : ""}.`,
      [
        "Wait until Ping Identity releases the lock, then run again (or pass --lock-wait to keep trying).",
      ],
      { lockHolder: "maintenance" },
    );
  }
  const holder = conflict.holder ?? "another promotion";
  return new EngineFailure(
    "lock-conflict",
    `${origin} is already locked by promotion ${holder}; this run took no lock and left that one alone.`,
    [
      "If a teammate or another pipeline is promoting: wait for it to finish, then run again (or pass --lock-wait 15m to keep trying).",
      `If that lock was left behind by a crashed run and nobody is promoting: tenant-promote unlock --promotion-id ${holder} --upper-fqdn ${origin}`,
    ],
    { lockHolder: conflict.holder },
  );
}

function describeLock(state: LockState): string {
  const holder = state.promotionId ? ` (promotion ${state.promotionId})` : "";
  const envs = [
    state.lowerEnv?.state && `lower ${state.lowerEnv.state}`,
    state.upperEnv?.state && `upper ${state.upperEnv.state}`,
  ]
    .filter(Boolean)
    .join(", ");
  return `${state.result}${holder}${envs ? `; ${envs}` : ""}`;
}

/** What one lock request came to. */
type LockRequest =
  | { outcome: "taken"; promotionId: string }
  | { outcome: "conflict"; conflict: LockConflict }
  /** The reply was lost and the lock did not take: worth one more request. */
  | { outcome: "not-taken" };

/**
 * Takes the lock and waits until both environments are locked. Reports the promotion id
 * through `onLockRequested` the moment the lock request returns it, before waiting.
 */
export async function acquireLock(
  ctx: AicContext,
  lockWaitMs: number,
  onLockRequested: (promotionId: string) => void,
): Promise<string> {
  const waitStart = Date.now();
  let resentAfterUnknown = false;
  for (;;) {
    const before = await ctx.api.getLockState(ctx.signal);
    if (before.result === "error") throw lockStateError(ctx, before);
    let conflict: LockConflict;
    if (before.result === "unlocked") {
      const request = await requestLock(ctx, resentAfterUnknown, onLockRequested);
      if (request.outcome === "taken") {
        await waitForLocked(ctx, request.promotionId);
        return request.promotionId;
      }
      if (request.outcome === "not-taken") {
        resentAfterUnknown = true;
        continue;
      }
      conflict = request.conflict;
    } else {
      conflict = conflictOf(before);
    }
    await waitOrGiveUp(ctx, {
      conflict,
      state: before,
      waitedMs: Date.now() - waitStart,
      lockWaitMs,
    });
  }
}

/** POST lock once; a 409 is a conflict, a lost reply is settled by reading the lock state. */
async function requestLock(
  ctx: AicContext,
  resentAfterUnknown: boolean,
  onLockRequested: (promotionId: string) => void,
): Promise<LockRequest> {
  let promotionId: string | undefined;
  try {
    // Not cancellable: a lock request cut off mid-flight could take the lock unseen.
    promotionId = (await ctx.api.lock()).promotionId;
  } catch (error) {
    if (error instanceof ApiError && error.status === 409)
      return { outcome: "conflict", conflict: parseLockConflict(error.serverMessage) };
    if (!isOutcomeUnknown(error)) throw error;
    return settleLostLockReply(ctx, error, resentAfterUnknown, onLockRequested);
  }
  const id = promotionId ?? (await ctx.api.getLockState()).promotionId;
  if (!id)
    throw new EngineFailure(
      "api-error",
      "The lock request was accepted but returned no promotion id.",
    );
  onLockRequested(id);
  ctx.log.info(`[lock] requested: promotion ${id}`);
  return { outcome: "taken", promotionId: id };
}

/** The reply was lost; the lock state tells whether our request took effect. */
async function settleLostLockReply(
  ctx: AicContext,
  error: unknown,
  resentAfterUnknown: boolean,
  onLockRequested: (promotionId: string) => void,
): Promise<LockRequest> {
  const after = await ctx.api.getLockState(ctx.signal);
  if ((after.result === "locking" || after.result === "locked") && after.promotionId) {
    ctx.log.warn(
      `[lock] the lock reply was lost, but the environments were unlocked before it and now hold promotion ${after.promotionId}: taking it as this run's lock`,
    );
    onLockRequested(after.promotionId);
    return { outcome: "taken", promotionId: after.promotionId };
  }
  if (after.result !== "unlocked" || resentAfterUnknown) throw error;
  ctx.log.warn("[lock] the lock reply was lost and the lock did not take: requesting it once more");
  return { outcome: "not-taken" };
}

function lockStateError(ctx: AicContext, state: LockState): EngineFailure {
  return new EngineFailure(
    "api-error",
    `The lock state of ${ctx.api.origin} is "error"${state.description ? `: ${state.description}` : ""}.`,
    ["Open a support case with Ping Identity (component: Self-Service Promotion)."],
  );
}

/** Who holds the lock, as the lock state tells it. */
function conflictOf(state: LockState): LockConflict {
  return {
    holder: state.promotionId,
    maintenance: /maintenance/i.test(state.description ?? ""),
    message: state.description,
  };
}

/** Waits a little while lock-wait lasts; after that, fails with the conflict. */
async function waitOrGiveUp(
  ctx: AicContext,
  wait: { conflict: LockConflict; state: LockState; waitedMs: number; lockWaitMs: number },
): Promise<void> {
  const { conflict, state, waitedMs, lockWaitMs } = wait;
  // A lock being released will be gone in seconds: worth a short wait even without --lock-wait.
  const releasing = state.result === "unlocking" && waitedMs < scaled(ctx, PHASE_LIMIT_MS.unlock);
  if (waitedMs >= lockWaitMs && !releasing) throw lockConflictFailure(conflict, ctx.api.origin);
  ctx.log.info(
    `[lock wait] ${ctx.api.origin} is held by ${conflict.maintenance ? "maintenance" : `promotion ${conflict.holder ?? "unknown"}`} (${state.result}); waiting (${formatDuration(waitedMs)} of ${formatDuration(lockWaitMs)})`,
  );
  await sleep(scaled(ctx, POLL_MS.lock * 3), ctx.signal);
}

async function waitForLocked(ctx: AicContext, promotionId: string): Promise<void> {
  await pollUntil(ctx, {
    phase: "lock",
    read: () => ctx.api.getLockState(ctx.signal),
    describe: describeLock,
    done: (state) => {
      if (state.result === "locked" && (!state.promotionId || state.promotionId === promotionId))
        return true;
      if (state.result === "error") {
        throw new EngineFailure(
          "api-error",
          `Locking failed: ${state.description ?? "lock state error"}.`,
        );
      }
      if (state.result === "unlocked") {
        throw new EngineFailure(
          "api-error",
          `The lock for promotion ${promotionId} disappeared while locking.`,
        );
      }
      return false;
    },
    intervalMs: () => POLL_MS.lock,
    firstReadAfterMs: POLL_MS.lock,
    limitMs: PHASE_LIMIT_MS.lock,
    limitHint:
      "The environments did not finish locking; the lock request has been withdrawn. Run again later, or open a support case if it keeps happening.",
  });
}

export { describeLock };
