// Maps one HTTP request to a reply, against the pair's state at `now`.
import type { IncomingHttpHeaders } from "node:http";
import type { EmulatorCall } from "../../../core/emulator/http-server.js";
import { ok, type Reply } from "../../../core/emulator/reply.js";
import { contentRoute } from "./content.js";
import type { EmulatedEnvironment } from "./environment.js";
import { startPromotion, startRollback } from "./promotion.js";
import { provisionalReport, provisionalRollbackReport } from "./provisional.js";
import { errorReply, forgeRockError, missingScope, unauthorized } from "./reply.js";
import { reportMeta } from "./reports.js";
import { parsePromoteRequest, parseRollbackRequest } from "./requests.js";
import { PROMOTION_BASE as BASE, PROMOTION_SCOPE, scopeForPath } from "./scopes.js";
import type { Tenant } from "./tenant.js";
import { TOKEN_PATH } from "./tokens.js";

export type Call = EmulatorCall;

interface Route {
  method: string;
  pattern: RegExp;
  handle: (ctx: RouteContext, match: RegExpExecArray) => Reply;
}

interface RouteContext {
  tenant: Tenant;
  env: EmulatedEnvironment;
  call: Call;
  now: number;
}

// Fixed paths come before /report/{reportId} so "provisional" is never taken for an id.
const ROUTES: Route[] = [
  {
    method: "GET",
    pattern: /^\/lock\/state$/,
    handle: ({ env, call }) =>
      ok(env.lockState(/^(true|)$/i.test(call.url.searchParams.get("localLockOnly") ?? "false"))),
  },
  {
    method: "POST",
    pattern: /^\/lock$/,
    handle: ({ tenant, env, now }) =>
      tenant.lock.requestLock(env.name, now, tenant.takeStuckLock()),
  },
  {
    method: "DELETE",
    pattern: /^\/lock\/([^/]+)$/,
    handle: ({ tenant, env, now }, m) =>
      tenant.lock.requestUnlock(
        env.name,
        decodeURIComponent(m[1] ?? ""),
        now,
        tenant.lower.running || tenant.upper.running,
      ),
  },
  { method: "GET", pattern: /^\/promote$/, handle: ({ env }) => ok(env.promotionStatus()) },
  {
    method: "POST",
    pattern: /^\/promote$/,
    handle: ({ tenant, env, call, now }) => {
      const parsed = parsePromoteRequest(call.body);
      return "error" in parsed ? parsed.error : startPromotion(tenant, env, parsed.value, now);
    },
  },
  {
    method: "POST",
    pattern: /^\/rollback$/,
    handle: ({ tenant, env, call, now }) => {
      const parsed = parseRollbackRequest(call.body);
      return "error" in parsed ? parsed.error : startRollback(tenant, env, parsed.value, now);
    },
  },
  { method: "GET", pattern: /^\/info$/, handle: ({ env }) => ok(env.info()) },
  { method: "GET", pattern: /^\/reports$/, handle: ({ env }) => ok(env.reports.map(reportMeta)) },
  {
    method: "GET",
    pattern: /^\/report$/,
    handle: ({ env }) => {
      const latest = env.reports.at(-1);
      return latest ? ok(latest) : errorReply(404, "No promotion report found");
    },
  },
  {
    method: "GET",
    pattern: /^\/report\/provisional$/,
    handle: ({ tenant, env, now }) => provisionalReport(tenant, env, now),
  },
  {
    method: "GET",
    pattern: /^\/report\/provisional-rollback$/,
    handle: ({ env, now }) => provisionalRollbackReport(env, now),
  },
  {
    method: "GET",
    pattern: /^\/report\/([^/]+)$/,
    handle: ({ env }, m) => {
      const id = decodeURIComponent(m[1] ?? "");
      const found = env.reports.find((r) => r.reportId === id);
      return found ? ok(found) : errorReply(404, `Report ${id} not found`);
    },
  },
];

/** Lenient: "resource=1.0" anywhere in the header, e.g. "protocol=1.0,resource=1.0". */
function hasApiVersion(headers: IncomingHttpHeaders): boolean {
  const value = headers["accept-api-version"];
  const text = Array.isArray(value) ? value.join(",") : (value ?? "");
  return /resource\s*=\s*1\.0\b/.test(text);
}

export function route(
  tenant: Tenant,
  env: EmulatedEnvironment,
  call: Call,
  origin: string,
  now: number,
): Reply {
  tenant.advance(now);
  const path = call.url.pathname;
  if (path === TOKEN_PATH) {
    if (call.method !== "POST") return errorReply(405, `${call.method} is not allowed here`);
    return env.tokens.mint(new URLSearchParams(call.body), origin, now);
  }
  const scope = scopeForPath(path);
  if (scope === undefined) return errorReply(404, `No such endpoint: ${path}`);
  const verdict = env.tokens.authorize(call.headers.authorization, scope, now);
  if (scope !== PROMOTION_SCOPE) {
    // AM and IDM answer in their own error shape.
    if (verdict === "unauthorized") return forgeRockError(401, "Access Denied");
    if (verdict === "forbidden") return forgeRockError(403, missingScope(scope));
    return contentRoute(env, call);
  }
  if (verdict === "unauthorized") return unauthorized();
  if (verdict === "forbidden") return errorReply(403, missingScope(scope));
  if (!hasApiVersion(call.headers))
    return errorReply(400, "Accept-API-Version header must ask for resource=1.0");
  const rest = path.slice(BASE.length);
  const candidates = ROUTES.map((r) => ({ r, m: r.pattern.exec(rest) })).filter((c) => c.m);
  const chosen = candidates.find((c) => c.r.method === call.method);
  if (!chosen?.m) {
    if (candidates.length > 0) return errorReply(405, `${call.method} is not allowed on ${path}`);
    return errorReply(404, `No such endpoint: ${path}`);
  }
  return chosen.r.handle({ tenant, env, call, now }, chosen.m);
}
