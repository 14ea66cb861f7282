// Lenient reading of API replies: keep every field, reject only what the engine cannot use.

import { isJsonObject, parseJsonObject } from "../util/json.js";
import { ApiError, type Endpoint } from "./errors.js";
import type { HttpReply } from "./exchange.js";

function header(reply: HttpReply, name: string): string | undefined {
  const value = reply.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** A 2xx reply the client cannot use; `problem` never quotes the body. */
export function shapeError(endpoint: Endpoint, reply: HttpReply, problem: string): ApiError {
  return new ApiError(endpoint, reply.status, undefined, problem);
}

/** The parsed JSON body; an empty body reads as {}. The body text is never echoed. */
export function parseJson(endpoint: Endpoint, reply: HttpReply): unknown {
  if (reply.text.trim() === "") return {};
  try {
    return JSON.parse(reply.text);
  } catch {
    const type = header(reply, "content-type") ?? "no content type";
    throw shapeError(
      endpoint,
      reply,
      `reply is not JSON (${type}, ${reply.text.length} characters); is the URL the environment's?`,
    );
  }
}

/** A JSON object, optionally with a string field the caller relies on. */
export function expectObject<T>(endpoint: Endpoint, reply: HttpReply, requiredField?: string): T {
  const body = parseJson(endpoint, reply);
  if (!isJsonObject(body)) {
    throw shapeError(endpoint, reply, `reply is ${describe(body)}, expected a JSON object`);
  }
  if (requiredField && typeof body[requiredField] !== "string") {
    throw shapeError(endpoint, reply, `reply has no "${requiredField}" text field`);
  }
  return body as T;
}

/** A JSON array of objects. */
export function expectArrayOfObjects<T>(endpoint: Endpoint, reply: HttpReply): T[] {
  const body = reply.text.trim() === "" ? [] : parseJson(endpoint, reply);
  if (!Array.isArray(body)) {
    throw shapeError(endpoint, reply, `reply is ${describe(body)}, expected a JSON array`);
  }
  const bad = body.findIndex((item) => !isJsonObject(item));
  if (bad >= 0) {
    throw shapeError(
      endpoint,
      reply,
      `item ${bad} of the reply is ${describe(body[bad])}, expected an object`,
    );
  }
  return body as T[];
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return typeof value === "object" ? "an object" : `a ${typeof value}`;
}

/** ApiError for a non-2xx reply, with the body's `code` and `message` when it has them. */
export function errorFromReply(
  endpoint: Endpoint,
  reply: HttpReply,
  outcomeUnknown: boolean,
): ApiError {
  // Gateways answer with HTML or plain text; the status alone must do.
  const body = parseJsonObject(reply.text) ?? {};
  const code =
    typeof body.code === "number" || typeof body.code === "string" ? body.code : undefined;
  const message =
    typeof body.message === "string" && body.message !== "" ? body.message : undefined;
  return new ApiError(endpoint, reply.status, code, message, outcomeUnknown);
}

/** ApiError for a 3xx: names where it pointed, never follows it. */
export function redirectError(endpoint: Endpoint, reply: HttpReply): ApiError {
  const location = header(reply, "location");
  let target = "no Location";
  if (location) {
    try {
      target = new URL(location, endpoint.origin).host;
    } catch {
      target = "an unreadable Location";
    }
  }
  return new ApiError(
    endpoint,
    reply.status,
    undefined,
    `redirect to ${target} not followed; check the environment URL (the API does not redirect)`,
  );
}
