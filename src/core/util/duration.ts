const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/**
 * Parses "90s", "45m", "2h", "1h30m", "500ms" or a bare number of seconds.
 * Throws with the offending text so callers can name the input it came from.
 */
export function parseDuration(text: string): number {
  const trimmed = text.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const parts = [...trimmed.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h)/g)];
  const consumed = parts.map((p) => p[0]).join("");
  if (parts.length === 0 || consumed !== trimmed) {
    throw new Error(
      `"${text}" is not a duration: use a number of seconds or forms like 90s, 45m, 2h, 1h30m`,
    );
  }
  return Math.round(
    parts.reduce((total, p) => total + Number(p[1]) * (UNIT_MS[p[2] as string] ?? 0), 0),
  );
}

/** "2m05s", "41.2s", "850ms": short, for progress lines. */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)}ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)}s`;
  const minutes = Math.floor(ms / 60_000);
  const seconds = Math.floor((ms % 60_000) / 1000);
  return `${minutes}m${String(seconds).padStart(2, "0")}s`;
}
