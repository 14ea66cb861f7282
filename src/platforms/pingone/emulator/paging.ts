// HAL collections with PingOne's paging: `limit` and an opaque `cursor`, with a `next` link
// while more remain.
import { ok, type Reply } from "../../../core/emulator/reply.js";
import { invalidData } from "./errors.js";

const DEFAULT_LIMIT = 100;
const MAX_LIMIT = 1000;

export interface Collection<T> {
  /** Key under _embedded, e.g. "promotions". */
  name: string;
  items: T[];
  /** A number that grows (or shrinks) along the list, so a cursor survives inserts. */
  key: (item: T) => number;
  descending: boolean;
}

const encode = (key: number) => Buffer.from(`after:${key}`).toString("base64url");

function decode(cursor: string): number | undefined {
  const match = /^after:(-?\d+)$/.exec(Buffer.from(cursor, "base64url").toString("utf8"));
  return match ? Number(match[1]) : undefined;
}

/** One page of `collection` for the request `url`, or a 400 for a bad limit or cursor. */
export function page<T>(collection: Collection<T>, url: URL, render: (item: T) => unknown): Reply {
  const limitText = url.searchParams.get("limit");
  const limit = limitText === null ? DEFAULT_LIMIT : Number(limitText);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT)
    return invalidData("limit", `limit must be an integer from 1 to ${MAX_LIMIT}`);
  const cursor = url.searchParams.get("cursor");
  let rest = collection.items;
  if (cursor !== null) {
    const after = decode(cursor);
    if (after === undefined) return invalidData("cursor", "cursor is not one this API returned");
    rest = rest.filter((item) =>
      collection.descending ? collection.key(item) < after : collection.key(item) > after,
    );
  }
  const items = rest.slice(0, limit);
  const last = items.at(-1);
  const links: Record<string, { href: string }> = { self: { href: url.href } };
  if (last !== undefined && rest.length > items.length) {
    const next = new URL(url.href);
    next.searchParams.set("cursor", encode(collection.key(last)));
    next.searchParams.set("limit", String(limit));
    links.next = { href: next.href };
  }
  return ok({
    _links: links,
    _embedded: { [collection.name]: items.map(render) },
    count: collection.items.length,
    size: items.length,
  });
}

/** Statuses named by `filter=status eq "X"` (clauses may be joined with `or`); [] for none. */
export function statusFilter(filter: string | null): string[] | Reply {
  if (filter === null || filter.trim() === "") return [];
  const statuses: string[] = [];
  for (const clause of filter.trim().split(/\s+or\s+/i)) {
    const match = /^status\s+eq\s+"([A-Za-z_]+)"$/i.exec(clause.trim());
    if (!match?.[1])
      return invalidData(
        "filter",
        'Only filter=status eq "<STATUS>", optionally joined with or, is supported',
      );
    statuses.push(match[1].toUpperCase());
  }
  return statuses;
}
