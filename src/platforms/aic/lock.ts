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
    let conflict: LockConflict | undefined;
    if (before.result === "unlocked") {
      try {
        // Not cancellable: a lock request cut off mid-flight could take the lock unseen.
        const reply = await ctx.api.lock();
        const id = reply.promotionId ?? (await ctx.api.getLockState()).promotionId;
        if (!id)
          throw new EngineFailure(
            "api-error",
            "The lock request was accepted but returned no promotion id.",
          );
        onLockRequested(id);
        ctx.log.info(`[lock] requested: promotion ${id}`);
        await waitForLocked(ctx, id);
        return id;
      } catch (error) {
        if (error instanceof ApiError && error.status === 409) {
          conflict = parseLockConflict(error.serverMessage);
        } else if (isOutcomeUnknown(error)) {
          // The reply was lost; the lock state tells whether our request took effect.
          const after = await ctx.api.getLockState(ctx.signal);
          if ((after.result === "locking" || after.result === "locked") && after.promotionId) {
            ctx.log.warn(
              `[lock] the lock reply was lost, but the environments were unlocked before it and now hold promotion ${after.promotionId}: taking it as this run's lock`,
            );
            onLockRequested(after.promotionId);
            await waitForLocked(ctx, after.promotionId);
            return after.promotionId;
          }
          if (after.result !== "unlocked" || resentAfterUnknown) throw error;
          resentAfterUnknown = true;
          ctx.log.warn(
            "[lock] the lock reply was lost and the lock did not take: requesting it once more",
          );
          continue;
        } else {
          throw error;
        }
      }
    } else if (before.result === "error") {
      throw new EngineFailure(
        "api-error",
        `The lock state of ${ctx.api.origin} is "error"${before.description ? `: ${before.description}` : ""}.`,
        ["Open a support case with Ping Identity (component: Self-Service Promotion)."],
      );
    } else {
      conflict = {
        holder: before.promotionId,
        maintenance: /maintenance/i.test(before.description ?? ""),
        message: before.description,
      };
    }
    const waited = Date.now() - waitStart;
    // A lock being released will be gone in seconds: worth a short wait even without --lock-wait.
    const releasing = before.result === "unlocking" && waited < scaled(ctx, PHASE_LIMIT_MS.unlock);
    if (waited >= lockWaitMs && !releasing) throw lockConflictFailure(conflict, ctx.api.origin);
    ctx.log.info(
      `[lock wait] ${ctx.api.origin} is held by ${conflict.maintenance ? "maintenance" : `promotion ${conflict.holder ?? "unknown"}`} (${before.result}); waiting (${formatDuration(waited)} of ${formatDuration(lockWaitMs)})`,
    );
    await sleep(scaled(ctx, POLL_MS.lock * 3), ctx.signal);
  }
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
