// Dates as the tenant sends them: "2024-06-12T17:32:05Z" and also "2022-01-27T15-23+00Z"
// (hyphen between hour and minute, offset followed by a stray "Z").
const ISO_LIKE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2})[-:](\d{2})(?:[-:](\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?Z?)?$/i;

// "Wed, 12 Jun 2024 17:32:05 GMT": explicit zone, so Date.parse is deterministic for it.
const RFC_1123 =
  /^[A-Za-z]{3}, \d{1,2} [A-Za-z]{3} \d{4} \d{2}:\d{2}(?::\d{2})? (?:GMT|UTC|[+-]\d{4})$/;

/** ISO 8601 (UTC) for a tenant date string, or undefined when it cannot be read reliably. */
export function parseCreatedDate(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const trimmed = text.trim();
  const match = ISO_LIKE.exec(trimmed);
  if (match) return fromParts(match);
  if (RFC_1123.test(trimmed)) {
    const ms = Date.parse(trimmed);
    return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
  }
  return undefined;
}

function fromParts(match: RegExpExecArray): string | undefined {
  const [year, month, day, hour, minute, second] = [1, 2, 3, 4, 5, 6].map((i) =>
    Number(match[i] ?? 0),
  ) as [number, number, number, number, number, number];
  const millis = Number((match[7] ?? "").padEnd(3, "0").slice(0, 3));
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  const local = Date.UTC(year, month - 1, day, hour, minute, second, millis);
  const check = new Date(local);
  // Date.UTC rolls 2024-02-31 over to March; reject instead of guessing.
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1) return undefined;
  if (check.getUTCDate() !== day) return undefined;
  const offset = offsetMinutes(match[8]);
  if (offset === undefined) return undefined;
  return new Date(local - offset * 60_000).toISOString();
}

/** Minutes east of UTC; no zone at all is read as UTC, which is what the tenant uses. */
function offsetMinutes(zone: string | undefined): number | undefined {
  if (zone === undefined || zone.toUpperCase() === "Z") return 0;
  const parts = /^([+-])(\d{2}):?(\d{2})?Z?$/i.exec(zone);
  if (!parts) return undefined;
  const hours = Number(parts[2]);
  const minutes = Number(parts[3] ?? 0);
  if (hours > 23 || minutes > 59) return undefined;
  return (parts[1] === "-" ? -1 : 1) * (hours * 60 + minutes);
}
