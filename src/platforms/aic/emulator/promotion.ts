// Promotions (dry or real) and rollbacks on the upper environment of a pair.

import { ok, type Reply } from "../../../core/emulator/reply.js";
import type { PromoteRequest, RollbackRequest } from "../types.js";
import {
  type ConfigChanges,
  cloneConfig,
  diffConfig,
  findEncryptedValues,
  findMissingEsvs,
} from "./config-model.js";
import type { EmulatedEnvironment } from "./environment.js";
import type { PairLock } from "./lock.js";
import type { Outcome, Phase, PhaseHost } from "./phases.js";
import { startRun } from "./phases.js";
import { errorReply } from "./reply.js";
import { buildReport } from "./reports.js";
import type { EnvironmentConfig } from "./types.js";

export interface PairHost extends PhaseHost {
  readonly lock: PairLock;
  readonly lower: EmulatedEnvironment;
  readonly upper: EmulatedEnvironment;
  blockingErrorFor(kind: "promotion" | "dryRun" | "rollback"): boolean;
  /** Called when a dry run has ended, whatever its outcome (scenario edits may be due). */
  dryRunEnded(): void;
}

/** Real-tenant phase durations in milliseconds. Restarting workloads dominates. */
export const PHASE_MS = {
  prepare: 20_000,
  dryRunUpdate: 40_000,
  promote: 90_000,
  rollback: 60_000,
  restart: 30_000,
  waitPromotion: 420_000,
  waitRollback: 360_000,
} as const;

const MISSING_ESVS = "Missing ESVs";
const ENCRYPTED = "Found encrypted values in the AM/IDM configuration";

/** Why the environment cannot start a promotion or rollback now, if it cannot. */
function refusal(host: PairHost, env: EmulatedEnvironment): Reply | undefined {
  if (env.blocked)
    return errorReply(409, "Environment is blocked from a previous failed promotion or rollback");
  if (!host.lock.isLockedFor(env.name))
    return errorReply(409, "Environment is not in locked state");
  if (env.running) return errorReply(409, "A promotion or rollback is already running");
  return undefined;
}

function withoutChange(changes: ConfigChanges): boolean {
  return changes.total === 0;
}

/** POST /promote on `env`; `body` has been validated. */
export function startPromotion(
  host: PairHost,
  env: EmulatedEnvironment,
  body: PromoteRequest,
  now: number,
): Reply {
  if (env.name === "lower")
    return errorReply(409, "This environment has no lower environment to promote from");
  const refused = refusal(host, env);
  if (refused) return refused;
  const promotionId = host.lock.promotionId;
  const dryRun = body.dryRun;
  let snapshot: EnvironmentConfig = {};
  let changes: ConfigChanges = { report: {}, written: [], total: 0 };
  let ignored: string[] = [];
  const storeReport = (at: number, missingESVs?: string[]) =>
    env.reports.push(
      buildReport({
        type: "promotion",
        promotionId,
        dryRun,
        at,
        changes,
        promoter: body.promoter,
        promotionDescription: body.promotionDescription,
        missingESVs,
        ignoredEncryptedSecrets: ignored,
      }),
    );

  // Integrity checks run on what would be written to the upper environment.
  const check = (at: number): Outcome | undefined => {
    snapshot = cloneConfig(host.lower.config);
    changes = diffConfig(env.config, snapshot);
    const missingESVs = findMissingEsvs(changes.written, env.esvs);
    const secrets = findEncryptedValues(changes.written);
    if (missingESVs.length > 0) {
      if (dryRun) storeReport(at, missingESVs);
      return { status: "ERROR", message: MISSING_ESVS, missingESVs };
    }
    if (secrets.length > 0 && !body.ignoreEncryptedSecrets) {
      if (dryRun) storeReport(at);
      return { status: "ERROR", message: ENCRYPTED, encryptedSecrets: secrets };
    }
    ignored = secrets;
    return undefined;
  };
  const failed: Outcome = {
    status: "ERROR",
    message: "Failed to promote config",
    blockingError: true,
  };
  const completed = (): Outcome => ({
    status: "READY",
    message: withoutChange(changes) ? "Promotion completed (no change)" : "Promotion completed",
  });

  const phases: Phase[] = dryRun
    ? [
        { message: "Prepare config", realMs: PHASE_MS.prepare, onEnd: check },
        {
          message: "Update configuration",
          realMs: PHASE_MS.dryRunUpdate,
          onEnd: (at) => {
            if (host.blockingErrorFor("dryRun")) return failed;
            storeReport(at);
            return undefined;
          },
        },
      ]
    : [
        { message: "Prepare config", realMs: PHASE_MS.prepare, onEnd: check },
        {
          message: "Promote configuration",
          realMs: PHASE_MS.promote,
          onEnd: (at) => {
            if (host.blockingErrorFor("promotion")) return failed;
            storeReport(at);
            // Nothing to write: no restart needed.
            if (withoutChange(changes)) return completed();
            env.history.push({ promotionId: promotionId ?? "", previousConfig: env.config });
            env.config = snapshot;
            return undefined;
          },
        },
        { message: "Restart workloads", realMs: PHASE_MS.restart },
        { message: "Waiting for workloads to restart", realMs: PHASE_MS.waitPromotion },
      ];
  startRun(
    host,
    {
      env,
      type: "promotion",
      promotionId,
      phases,
      finish: completed,
      after: (outcome, at) => {
        if (dryRun) host.dryRunEnded();
        if (!dryRun && outcome.status === "READY" && body.unlockEnvironmentsAfterPromotion)
          host.lock.startUnlocking(at);
      },
    },
    now,
  );
  return ok({ result: "Promotion process initiated successfully" }, 202);
}

/** POST /rollback on `env`: reverts the most recent promotion that changed something. */
export function startRollback(
  host: PairHost,
  env: EmulatedEnvironment,
  body: RollbackRequest,
  now: number,
): Reply {
  const refused = refusal(host, env);
  if (refused) return refused;
  const target = env.history.at(-1);
  if (!target) return errorReply(409, "There is no promotion to roll back");
  const promotionId = host.lock.promotionId;

  const check = (): Outcome | undefined => {
    const restored = diffConfig(env.config, target.previousConfig).written;
    const missingESVs = findMissingEsvs(restored, env.esvs);
    return missingESVs.length > 0
      ? { status: "ERROR", message: MISSING_ESVS, missingESVs }
      : undefined;
  };
  const revert = (at: number): Outcome | undefined => {
    if (host.blockingErrorFor("rollback"))
      return { status: "ERROR", message: "Failed to rollback config", blockingError: true };
    // The report lists the promotion's changes that the rollback reverts.
    const changes = diffConfig(target.previousConfig, env.config);
    env.config = target.previousConfig;
    env.history.pop();
    env.reports.push(
      buildReport({
        type: "rollback",
        promotionId,
        dryRun: false,
        at,
        changes,
        promoter: body.promoter,
        promotionDescription: body.promotionDescription,
      }),
    );
    return undefined;
  };
  startRun(
    host,
    {
      env,
      type: "rollback",
      promotionId,
      phases: [
        { message: "Prepare config", realMs: PHASE_MS.prepare, onEnd: check },
        { message: "Rollback configuration", realMs: PHASE_MS.rollback, onEnd: revert },
        { message: "Restart workloads", realMs: PHASE_MS.restart },
        { message: "Waiting for workloads to restart", realMs: PHASE_MS.waitRollback },
      ],
      finish: () => ({ status: "READY", message: "Rollback completed" }),
      after: (outcome, at) => {
        if (outcome.status === "READY" && body.unlockEnvironmentsAfterPromotion)
          host.lock.startUnlocking(at);
      },
    },
    now,
  );
  return ok({ result: "Rollback process initiated successfully" }, 202);
}
