// The promotions endpoints under /v1/environments/{sourceEnvId}/promotions.

import { mediaType } from "../../../core/emulator/faults.js";
import type { EmulatorCall } from "../../../core/emulator/http-server.js";
import { ok, type Reply } from "../../../core/emulator/reply.js";
import { invalidRequest, notFound, pingError } from "./errors.js";
import type { Organization } from "./organization.js";
import { page, statusFilter } from "./paging.js";
import { replan, schedulePlanning } from "./planning.js";
import { PLANNED_STATUSES, PLANNING_STATUSES, type PromotionRecord } from "./promotion-record.js";
import { promotionJson, stepJson } from "./render.js";
import { parseCreate, parsePatch } from "./requests.js";
import type { Environment } from "./resources.js";
import { execute, rollback } from "./run.js";

export const EXECUTE_TYPE = "application/vnd.pingidentity.promotion.execute+json";
export const ROLLBACK_TYPE = "application/vnd.pingidentity.promotion.rollback+json";

export interface PromotionCall {
  org: Organization;
  call: EmulatorCall;
  source: Environment;
  now: number;
  /** undefined when the caller may act on every environment listed, else the 401/403 reply. */
  authorize(envIds: string[]): Reply | undefined;
}

const isJson = (call: EmulatorCall) =>
  /^application\/([\w.+-]+\+)?json$/.test(mediaType(call.headers["content-type"]));

function unsupported(call: EmulatorCall, expected: string): Reply {
  const given = call.headers["content-type"] ?? "none";
  return pingError(
    415,
    "INVALID_REQUEST",
    `Unsupported Content-Type ${given}; expected ${expected}`,
  );
}

function notAllowed(call: EmulatorCall): Reply {
  return pingError(405, "INVALID_REQUEST", `${call.method} is not allowed on ${call.url.pathname}`);
}

function list(ctx: PromotionCall): Reply {
  const statuses = statusFilter(ctx.call.url.searchParams.get("filter"));
  if (!Array.isArray(statuses)) return statuses;
  const items = ctx.org.promotions
    .list(ctx.source.id)
    .filter((r) => statuses.length === 0 || statuses.includes(r.status));
  return page(
    { name: "promotions", items, key: (r) => r.seq, descending: true },
    ctx.call.url,
    (r) => promotionJson(r, ctx.org.apiUrl),
  );
}

function create(ctx: PromotionCall): Reply {
  if (!isJson(ctx.call)) return unsupported(ctx.call, "application/json");
  const parsed = parseCreate(ctx.call.body, ctx.source, (id) => ctx.org.environment(id));
  if ("error" in parsed) return parsed.error;
  const { target, ...fields } = parsed.value;
  const denied = ctx.authorize([target.id]);
  if (denied) return denied;
  const record = ctx.org.promotions.add(
    {
      source: ctx.source,
      target,
      status: "NEW",
      ...fields,
      requestedMapping: fields.resourceMapping,
    },
    ctx.now,
  );
  schedulePlanning(ctx.org, record, ctx.now);
  return ok(promotionJson(record, ctx.org.apiUrl), 201);
}

function patch(ctx: PromotionCall, record: PromotionRecord): Reply {
  if (!isJson(ctx.call)) return unsupported(ctx.call, "application/json");
  if (record.previousPromotionId) return invalidRequest("A rollback promotion cannot be changed");
  if (![...PLANNING_STATUSES, ...PLANNED_STATUSES].includes(record.status))
    return invalidRequest(
      `Promotion ${record.id} is ${record.status} and can no longer be changed`,
    );
  const target = ctx.org.environment(record.targetId);
  if (!target) return invalidRequest("The promotion's target environment no longer exists");
  const parsed = parsePatch(ctx.call.body, ctx.source, target);
  if ("error" in parsed) return parsed.error;
  const { resourceMapping, ...rest } = parsed.value;
  Object.assign(record, rest);
  if (resourceMapping) record.requestedMapping = resourceMapping;
  record.updatedAt = ctx.now;
  // The snapshots stay; only the plan drawn from them changes.
  if (PLANNED_STATUSES.includes(record.status)) replan(ctx.org, record, ctx.now);
  return ok(promotionJson(record, ctx.org.apiUrl));
}

function post(ctx: PromotionCall, record: PromotionRecord): Reply {
  const type = mediaType(ctx.call.headers["content-type"]);
  if (type !== EXECUTE_TYPE && type !== ROLLBACK_TYPE)
    return unsupported(ctx.call, `${EXECUTE_TYPE} or ${ROLLBACK_TYPE}`);
  const denied = ctx.authorize([record.targetId]);
  if (denied) return denied;
  return type === EXECUTE_TYPE
    ? execute(ctx.org, record, ctx.now)
    : rollback(ctx.org, record, ctx.now);
}

function remove(ctx: PromotionCall, record: PromotionRecord): Reply {
  if (record.status !== "NEW" && record.status !== "READY")
    return invalidRequest(
      `Promotion ${record.id} is ${record.status}; only NEW or READY promotions can be deleted`,
    );
  ctx.org.promotions.remove(record);
  return { status: 204, body: undefined };
}

function one(ctx: PromotionCall, record: PromotionRecord, sub: string | undefined): Reply {
  const { method } = ctx.call;
  if (sub === "status")
    return method === "GET" ? ok({ id: record.id, status: record.status }) : notAllowed(ctx.call);
  if (sub === "promotionSteps") {
    if (method !== "GET") return notAllowed(ctx.call);
    const items = (record.steps ?? []).map((step, index) => ({ step, index }));
    return page(
      { name: "promotionSteps", items, key: (s) => s.index, descending: false },
      ctx.call.url,
      (s) => stepJson(s.step),
    );
  }
  if (sub !== undefined) return notFound(`No such endpoint: ${ctx.call.url.pathname}`);
  if (method === "GET") return ok(promotionJson(record, ctx.org.apiUrl));
  if (method === "POST") return post(ctx, record);
  if (method === "PATCH") return patch(ctx, record);
  if (method === "DELETE") return remove(ctx, record);
  return notAllowed(ctx.call);
}

/** `rest` is the path after /promotions: "", "/{id}" or "/{id}/{sub}". */
export function promotionRoute(ctx: PromotionCall, rest: string): Reply {
  if (rest === "" || rest === "/") {
    if (ctx.call.method === "GET") return list(ctx);
    if (ctx.call.method === "POST") return create(ctx);
    return notAllowed(ctx.call);
  }
  const match = /^\/([^/]+)(?:\/([^/]+))?\/?$/.exec(rest);
  const id = decodeURIComponent(match?.[1] ?? "");
  const record = ctx.org.promotions.get(ctx.source.id, id);
  if (!match || !record)
    return notFound(`Promotion ${id} not found in environment ${ctx.source.id}`);
  return one(ctx, record, match[2]);
}
