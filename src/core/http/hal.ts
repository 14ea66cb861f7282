// Reading HAL collection pages: items under _embedded.<key>, the next page at _links.next.href.

import { isJsonObject } from "../util/json.js";
import { ApiError, type Endpoint } from "./errors.js";
import type { HttpReply } from "./exchange.js";
import { expectObject, shapeError } from "./reply.js";

/** Where a page is: a path on the client's origin and its query string (with "?"). */
export interface PageRequest {
  path: string;
  query: string;
}

/** A guard against a server whose next links never end. */
const MAX_PAGES = 1000;

/**
 * Every item of a HAL collection, following next links until the last page. `read` turns an
 * item into a value, or says what is wrong with it (the page's reply then fails).
 */
export async function collectHalItems<T>(
  first: PageRequest,
  key: string,
  fetchPage: (page: PageRequest) => Promise<{ endpoint: Endpoint; reply: HttpReply }>,
  read: (item: Record<string, unknown>, where: string) => T | string,
): Promise<T[]> {
  const all: T[] = [];
  const seen = new Set<string>();
  let next: PageRequest | undefined = first;
  while (next) {
    const { endpoint, reply } = await fetchPage(next);
    const page = readHalPage(endpoint, reply, key);
    for (const item of page.items) {
      const value = read(item, `item ${all.length} of _embedded.${key}`);
      if (typeof value === "string") throw shapeError(endpoint, reply, value);
      all.push(value);
    }
    seen.add(`${next.path}${next.query}`);
    next = page.next && { path: page.next.pathname, query: page.next.search };
    if (next && (seen.has(`${next.path}${next.query}`) || seen.size >= MAX_PAGES)) {
      throw shapeError(
        endpoint,
        reply,
        "next-page links do not end (a loop, or over 1000 pages); stopped",
      );
    }
  }
  return all;
}

export interface HalPage {
  items: Record<string, unknown>[];
  /** The next page on the same origin; undefined on the last page. */
  next: URL | undefined;
}

/** One page of a HAL collection. A missing _embedded or key reads as no items. */
export function readHalPage(endpoint: Endpoint, reply: HttpReply, key: string): HalPage {
  const body = expectObject<Record<string, unknown>>(endpoint, reply);
  const embedded = body._embedded;
  if (embedded !== undefined && !isJsonObject(embedded)) {
    throw shapeError(endpoint, reply, "reply's _embedded is not an object");
  }
  const list = embedded?.[key] ?? [];
  if (!Array.isArray(list)) {
    throw shapeError(endpoint, reply, `reply's _embedded.${key} is not an array`);
  }
  const bad = list.findIndex((item) => !isJsonObject(item));
  if (bad >= 0) {
    throw shapeError(endpoint, reply, `item ${bad} of _embedded.${key} is not an object`);
  }
  return { items: list as Record<string, unknown>[], next: nextLink(endpoint, reply, body) };
}

function nextLink(
  endpoint: Endpoint,
  reply: HttpReply,
  body: Record<string, unknown>,
): URL | undefined {
  const links = isJsonObject(body._links) ? body._links : undefined;
  const next = links && isJsonObject(links.next) ? links.next : undefined;
  if (typeof next?.href !== "string" || next.href === "") return undefined;
  let url: URL;
  try {
    url = new URL(next.href, endpoint.origin);
  } catch {
    throw shapeError(endpoint, reply, "reply's next-page link is not a URL");
  }
  // The bearer token goes with every page: never to another host.
  if (url.origin !== endpoint.origin) {
    throw new ApiError(
      endpoint,
      reply.status,
      undefined,
      `next-page link points to ${url.host}, not ${new URL(endpoint.origin).host}; not followed`,
    );
  }
  return url;
}
