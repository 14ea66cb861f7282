// AM agents: OAuth2 clients, web and Java agents, gateways and more share one service
// (AgentService), and an agent's DN does not say its type. A query by id names the type, then
// the agent is read under it, as frodo-lib's findAgentById does: a web agent is never read as
// an OAuth2 client (AM would answer 404, shown as "not found").
import { isJsonObject } from "../../../core/util/json.js";
import type { ContentSource, JsonObject } from "./client.js";
import { AM_CONFIG_VERSION } from "./locate.js";

/** AI agents are served under resource 2.0 only (frodo-lib's aiagentVersion). */
const VERSION_BY_TYPE: Record<string, string> = { AIAgent: "protocol=2.1,resource=2.0" };

/** The query path of one agent by id, the filter quoted as CREST reads it. */
export function agentQueryPath(id: string): string {
  const quoted = `'${id.replaceAll("\\", "\\\\").replaceAll("'", "\\'")}'`;
  return `/realm-config/agents?_queryFilter=${encodeURIComponent(`_id eq ${quoted}`)}`;
}

/** The agent with `id`, read under its type; undefined when the realm has none. */
export async function readAgent(
  source: ContentSource,
  realm: string,
  id: string,
  signal?: AbortSignal,
): Promise<JsonObject | undefined> {
  const found = await source.am(realm, agentQueryPath(id), AM_CONFIG_VERSION, signal);
  const match = (Array.isArray(found?.result) ? found.result : [])
    .filter(isJsonObject)
    .find((agent) => agent._id === id);
  const type = isJsonObject(match?._type) ? match._type._id : undefined;
  if (typeof type !== "string") return undefined;
  return source.am(
    realm,
    `/realm-config/agents/${encodeURIComponent(type)}/${encodeURIComponent(id)}`,
    VERSION_BY_TYPE[type] ?? AM_CONFIG_VERSION,
    signal,
  );
}
