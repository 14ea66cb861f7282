// Scrubs secrets from text bound for logs, summaries and error output.

const MIN_SECRET_LENGTH = 6;
const JWK_PRIVATE_FIELDS = ["d", "p", "q", "dp", "dq", "qi"] as const;

/** The secret and the pieces of it that may show up alone: PEM lines, private JWK members. */
function fragments(secret: string): string[] {
  const pieces = [secret, secret.trim()];
  if (secret.includes("\n")) {
    // A PEM reflowed or quoted elsewhere still leaks line by line; its armour lines are public.
    for (const line of secret.split(/\r?\n/)) {
      const trimmed = line.trim();
      if (!trimmed.startsWith("-----")) pieces.push(trimmed);
    }
  }
  pieces.push(...jwkPrivateValues(secret));
  return pieces.filter((piece) => piece.length >= MIN_SECRET_LENGTH);
}

function jwkPrivateValues(secret: string): string[] {
  const text = secret.trim();
  if (!text.startsWith("{")) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return [];
  }
  const keys = (parsed as { keys?: unknown }).keys;
  const jwks = Array.isArray(keys) ? keys : [parsed];
  const values: string[] = [];
  for (const jwk of jwks) {
    if (typeof jwk !== "object" || jwk === null) continue;
    for (const field of JWK_PRIVATE_FIELDS) {
      const value = (jwk as Record<string, unknown>)[field];
      if (typeof value === "string") values.push(value);
    }
  }
  return values;
}

/** Replaces every occurrence of each secret (and its fragments) with "***". */
export function redact(text: string, secrets: string[]): string {
  const all = [...new Set(secrets.flatMap(fragments))];
  // Longest first, so a whole secret is not left half-replaced by one of its pieces.
  all.sort((a, b) => b.length - a.length);
  let result = text;
  for (const piece of all) result = result.replaceAll(piece, "***");
  return result;
}
