// One item's content as each kind reads it from one environment, and two sides compared: the
// readers of journeys, scripts, IDM objects, SAML entities and other AM JSON behind one call.
import { contentFingerprint, diffFields } from "../../../core/report/field-diff.js";
import type { FieldChange } from "../../../core/report/model.js";
import { isJsonObject } from "../../../core/util/json.js";
import { readAgent } from "./agent.js";
import type { ContentSource, JsonObject } from "./client.js";
import type { IdmReader } from "./idm.js";
import { diffJourneys, type JourneyContent, journeyFingerprint, readJourney } from "./journey.js";
import { AM_CONFIG_VERSION, type ContentTarget, ESV_PLACEHOLDER } from "./locate.js";
import { diffScripts, readScript, type ScriptContent, scriptFingerprint } from "./script.js";

/** Ids and revisions: set by the tenant, never a change worth showing. */
const BOOKKEEPING = new Set(["_id", "_rev"]);

/** A side's content of one entry, in the form its kind compares. */
export type Read = { fingerprint: string | undefined } & (
  | { kind: "journey"; content: JourneyContent }
  | { kind: "script"; content: ScriptContent }
  | { kind: "json"; content: JsonObject }
);

/** The item's content; a sentence when it cannot be matched; undefined when absent. */
export async function readSide(
  source: ContentSource,
  idm: IdmReader,
  target: ContentTarget,
  signal: AbortSignal | undefined,
): Promise<Read | string | undefined> {
  switch (target.kind) {
    case "journey": {
      const journey = await readJourney(source, target.realm, target.id, signal);
      return (
        journey && { kind: "journey", content: journey, fingerprint: journeyFingerprint(journey) }
      );
    }
    case "script": {
      const script = await readScript(source, target.realm, target.id, signal);
      return script && { kind: "script", content: script, fingerprint: scriptFingerprint(script) };
    }
    case "am-agent": {
      const agent = await readAgent(source, target.realm, target.id, signal);
      return agent && jsonRead(agent);
    }
    case "am-json": {
      const json = await source.am(target.realm, target.path, target.version, signal);
      return json && jsonRead(json);
    }
    case "saml": {
      const json = await readSamlEntity(source, target.realm, target.entityId, signal);
      return typeof json === "string" ? json : json && jsonRead(json);
    }
    case "idm": {
      const match = await idm.find(target);
      if (!match.found)
        return match.why === "ambiguous" ? `more than one match in ${match.where}` : undefined;
      return jsonRead(match.found);
    }
    case "unsupported":
      return undefined;
  }
}

/**
 * A SAML entity: AM lists it by entity id with its location (hosted or remote) and the id it is
 * read under, as frodo-lib finds one.
 */
async function readSamlEntity(
  source: ContentSource,
  realm: string,
  entityId: string,
  signal: AbortSignal | undefined,
): Promise<JsonObject | string | undefined> {
  const filter = encodeURIComponent(`entityId eq "${entityId.replaceAll('"', '\\"')}"`);
  const list = await source.am(
    realm,
    `/realm-config/saml2?_queryFilter=${filter}`,
    AM_CONFIG_VERSION,
    signal,
  );
  const found = (Array.isArray(list?.result) ? list.result : []).filter(
    (e): e is JsonObject => isJsonObject(e) && e.entityId === entityId,
  );
  if (found.length > 1) return "more than one SAML entity with that id";
  const [stub] = found;
  if (!stub || typeof stub.location !== "string" || typeof stub._id !== "string") return undefined;
  const path = `/realm-config/saml2/${encodeURIComponent(stub.location)}/${encodeURIComponent(stub._id)}`;
  return source.am(realm, path, AM_CONFIG_VERSION, signal);
}

function jsonRead(json: JsonObject): Read {
  return { kind: "json", content: json, fingerprint: contentFingerprint(json, BOOKKEEPING) };
}

/** Both sides were read by the same kind's reader, so they share a kind. */
export function diffContent(upper: Read, lower: Read): FieldChange[] {
  if (upper.kind === "journey" && lower.kind === "journey")
    return diffJourneys(upper.content, lower.content);
  if (upper.kind === "script" && lower.kind === "script")
    return diffScripts(upper.content, lower.content);
  return diffFields(upper.content, lower.content, {
    ignored: BOOKKEEPING,
    placeholder: ESV_PLACEHOLDER,
  });
}
