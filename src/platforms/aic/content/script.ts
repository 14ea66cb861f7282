// Scripts: the source (base64 on the wire) as a unified line diff, and the script's settings.
import { contentFingerprint, diffFields } from "../../../core/report/field-diff.js";
import { unifiedLineDiff } from "../../../core/report/line-diff.js";
import type { FieldChange } from "../../../core/report/model.js";
import type { ContentSource, JsonObject } from "./client.js";
import { AM_SCRIPT_VERSION, ESV_PLACEHOLDER } from "./locate.js";

/** Who saved the script and when: history, not content. */
const BOOKKEEPING = new Set([
  "_id",
  "_rev",
  "script",
  "createdBy",
  "creationDate",
  "lastModifiedBy",
  "lastModifiedDate",
]);

export interface ScriptContent {
  settings: JsonObject;
  source: string;
}

export async function readScript(
  source: ContentSource,
  realm: string,
  id: string,
  signal?: AbortSignal,
): Promise<ScriptContent | undefined> {
  const script = await source.am(
    realm,
    `/scripts/${encodeURIComponent(id)}`,
    AM_SCRIPT_VERSION,
    signal,
  );
  if (!script) return undefined;
  const settings: JsonObject = {};
  for (const [key, value] of Object.entries(script))
    if (!BOOKKEEPING.has(key)) settings[key] = value;
  return { settings, source: decodeSource(script.script) };
}

/** AM sends the source base64-encoded; text that is not base64 is taken as it is. */
export function decodeSource(value: unknown): string {
  if (typeof value !== "string") return "";
  const compact = value.replace(/\s+/g, "");
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(compact) || compact.length % 4 !== 0) return value;
  const decoded = Buffer.from(compact, "base64").toString("utf8");
  // Round-trip: plain text that happens to look like base64 stays as it is.
  return Buffer.from(decoded, "utf8").toString("base64") === compact ? decoded : value;
}

export function scriptFingerprint(script: ScriptContent): string | undefined {
  return contentFingerprint({ ...script.settings, source: script.source });
}

export function diffScripts(upper: ScriptContent, lower: ScriptContent): FieldChange[] {
  const changes = diffFields(upper.settings, lower.settings, { placeholder: ESV_PLACEHOLDER });
  const diff = unifiedLineDiff(upper.source, lower.source);
  if (diff !== "") changes.push({ path: "script", diff });
  return changes;
}
