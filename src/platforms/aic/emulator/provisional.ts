// Provisional reports: computed on request, never stored.

import { ok, type Reply } from "../../../core/emulator/reply.js";
import { diffConfig, findMissingEsvs } from "./config-model.js";
import type { EmulatedEnvironment } from "./environment.js";
import { errorReply } from "./reply.js";
import { buildReport } from "./reports.js";
import type { Tenant } from "./tenant.js";

/** GET /report/provisional on the lower environment: what a promotion to its upper peer would change. */
export function provisionalReport(tenant: Tenant, env: EmulatedEnvironment, now: number): Reply {
  if (env.name !== "lower")
    return errorReply(
      400,
      "This environment has no upper environment; ask the lower environment for its provisional report",
    );
  const upper = tenant.upper;
  const changes = diffConfig(upper.config, env.config);
  return ok(
    buildReport({
      type: "provisional",
      promotionId: tenant.lock.promotionId,
      dryRun: true,
      at: now,
      changes,
      missingESVs: findMissingEsvs(changes.written, upper.esvs),
    }),
  );
}

/** GET /report/provisional-rollback: the changes of the most recent promotion a rollback would revert. */
export function provisionalRollbackReport(env: EmulatedEnvironment, now: number): Reply {
  const target = env.history.at(-1);
  if (!target) return errorReply(404, "There is no promotion to roll back");
  return ok(
    buildReport({
      type: "provisional-rollback",
      promotionId: target.promotionId,
      dryRun: true,
      at: now,
      changes: diffConfig(target.previousConfig, env.config),
    }),
  );
}
