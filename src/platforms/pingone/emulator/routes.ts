// Maps one HTTP request to a reply, against the organization's state at `now`.
import type { EmulatorCall } from "../../../core/emulator/http-server.js";
import { ok, type Reply } from "../../../core/emulator/reply.js";
import { notFound, pingError } from "./errors.js";
import type { Organization } from "./organization.js";
import { promotionRoute } from "./promotion-routes.js";
import { type Environment, findResource, resourceJson } from "./resources.js";

const TOKEN_PATH = /^\/([^/]+)\/as\/token\/?$/;
const ENVIRONMENT_PATH = /^\/v1\/environments\/([^/]+)(\/.*)?$/;

function environmentJson(env: Environment, apiUrl: string) {
  return {
    _links: { self: { href: `${apiUrl}/environments/${env.id}` } },
    id: env.id,
    name: env.name,
    region: "NA",
    type: "SANDBOX",
  };
}

function environmentRoute(
  org: Organization,
  call: EmulatorCall,
  env: Environment,
  rest: string,
  now: number,
): Reply {
  const authorize = (envIds: string[]) =>
    org.tokens.authorize(call.headers.authorization, envIds, now);
  const denied = authorize([env.id]);
  if (denied) return denied;
  if (rest === "/promotions" || rest.startsWith("/promotions/"))
    return promotionRoute(
      { org, call, source: env, now, authorize },
      rest.slice("/promotions".length),
    );
  if (call.method !== "GET")
    return pingError(
      405,
      "INVALID_REQUEST",
      `${call.method} is not allowed on ${call.url.pathname}`,
    );
  if (rest === "" || rest === "/") return ok(environmentJson(env, org.apiUrl));
  const resource = /^\/([A-Za-z]+)\/([^/]+)\/?$/.exec(rest);
  const found =
    resource &&
    findResource(
      env.resources,
      resource[1] ?? "",
      decodeURIComponent(resource[2] ?? "").toLowerCase(),
    );
  if (!found) return notFound(`No resource at ${call.url.pathname}`);
  return ok(resourceJson(env.id, found, org.apiUrl));
}

export function route(org: Organization, call: EmulatorCall, now: number): Reply {
  org.advance(now);
  const path = call.url.pathname;
  const token = TOKEN_PATH.exec(path);
  if (token) {
    if (call.method !== "POST")
      return pingError(405, "INVALID_REQUEST", `${call.method} is not allowed on ${path}`);
    return org.tokens.mint(
      decodeURIComponent(token[1] ?? "").toLowerCase(),
      call.headers,
      call.body,
      now,
    );
  }
  const match = ENVIRONMENT_PATH.exec(path);
  if (!match) return notFound(`No such endpoint: ${path}`);
  // A bad token is refused before anything is said about the environment.
  const invalid = org.tokens.authorize(call.headers.authorization, [], now);
  if (invalid) return invalid;
  const env = org.environment(decodeURIComponent(match[1] ?? ""));
  if (!env) return notFound(`Environment ${match[1]} not found`);
  return environmentRoute(org, call, env, match[2] ?? "", now);
}
