// Journeys: the tree and every node it holds (inner nodes of page nodes too), compared node by
// node: which were added or removed, how the connections were rewired, which settings changed.
// Layout (x, y) is left out: moving a node on the canvas changes nothing a user meets.
import { contentFingerprint, diffFields } from "../../../core/report/field-diff.js";
import type { FieldChange } from "../../../core/report/model.js";
import { isJsonObject } from "../../../core/util/json.js";
import type { ContentSource, JsonObject } from "./client.js";
import { AM_CONFIG_VERSION, ESV_PLACEHOLDER } from "./locate.js";

/** Accept-API-Version of versioned node reads (AM 8.1 and later). */
const AM_VERSIONED_NODE_VERSION = "protocol=2.1,resource=3.0";

const TREES = "/realm-config/authentication/authenticationtrees/trees";
const NODES = "/realm-config/authentication/authenticationtrees/nodes";
/** AM's fixed end nodes: every tree connects to them by these ids. */
const END_NODES: Record<string, string> = {
  "70e691a5-1e33-4ac3-a356-e7b6d60d92e0": "Success",
  "e301438c-0bd0-429c-ab0c-66126501069a": "Failure",
  startNode: "Start",
};
const TREE_BOOKKEEPING = new Set(["_id", "_rev", "nodes", "staticNodes", "entryNodeId"]);
const NODE_BOOKKEEPING = new Set(["_id", "_rev", "_type", "_outcomes"]);

export interface JourneyContent {
  tree: JsonObject;
  /** Node id -> its settings as AM serves them; inner nodes of page nodes included. */
  nodes: Record<string, JsonObject>;
  /** Node id -> its type, from the tree or the page node that holds it. */
  types: Record<string, string>;
}

/** The tree and its nodes; undefined when the tree is absent. A node that is gone reads as {}. */
export async function readJourney(
  source: ContentSource,
  realm: string,
  id: string,
  signal?: AbortSignal,
): Promise<JourneyContent | undefined> {
  const tree = await source.am(
    realm,
    `${TREES}/${encodeURIComponent(id)}`,
    AM_CONFIG_VERSION,
    signal,
  );
  if (!tree) return undefined;
  const types: Record<string, string> = {};
  const versions: Record<string, string> = {};
  const refs = isJsonObject(tree.nodes) ? tree.nodes : {};
  for (const [nodeId, ref] of Object.entries(refs)) {
    if (!isJsonObject(ref) || typeof ref.nodeType !== "string") continue;
    types[nodeId] = ref.nodeType;
    if (typeof ref.version === "string") versions[nodeId] = ref.version;
  }
  const nodes: Record<string, JsonObject> = {};
  const read = async (nodeId: string) => {
    nodes[nodeId] =
      (await readNode(source, realm, types[nodeId] ?? "", nodeId, versions[nodeId], signal)) ?? {};
  };
  await Promise.all(Object.keys(types).map(read));
  // Page nodes hold inner nodes, listed in their own settings.
  const inner: string[] = [];
  for (const node of Object.values(nodes))
    for (const child of Array.isArray(node.nodes) ? node.nodes : []) {
      if (
        !isJsonObject(child) ||
        typeof child._id !== "string" ||
        typeof child.nodeType !== "string"
      )
        continue;
      types[child._id] = child.nodeType;
      if (typeof child.nodeVersion === "string") versions[child._id] = child.nodeVersion;
      inner.push(child._id);
    }
  await Promise.all(inner.map(read));
  return { tree, nodes, types };
}

/**
 * One node. AM 8.1 and later (AIC) version node types: the tree names each node's version, and
 * the node is read under it with resource 3.0, as frodo-lib and fr-config-manager do; a tree
 * without versions is read the older way.
 */
function readNode(
  source: ContentSource,
  realm: string,
  type: string,
  id: string,
  version: string | undefined,
  signal?: AbortSignal,
): Promise<JsonObject | undefined> {
  const typed = `${NODES}/${encodeURIComponent(type)}`;
  return version === undefined
    ? source.am(realm, `${typed}/${encodeURIComponent(id)}`, AM_CONFIG_VERSION, signal)
    : source.am(
        realm,
        `${typed}/${encodeURIComponent(version)}/${encodeURIComponent(id)}`,
        AM_VERSIONED_NODE_VERSION,
        signal,
      );
}

/** What the promotion writes, as one digest: the same journey reads the same everywhere. */
export function journeyFingerprint(journey: JourneyContent): string | undefined {
  return contentFingerprint(
    { tree: withoutLayout(journey.tree), nodes: journey.nodes },
    new Set(),
    (path, value) => (/(^|\.)_rev$/.test(path) ? undefined : value),
  );
}

/** The journey's changes from `upper` (as it is) to `lower` (what the promotion writes). */
export function diffJourneys(upper: JourneyContent, lower: JourneyContent): FieldChange[] {
  const upperNames = nodeNames(upper);
  const lowerNames = nodeNames(lower);
  const changes: FieldChange[] = diffFields(
    treeView(upper, upperNames),
    treeView(lower, lowerNames),
    { prefix: "journey", placeholder: ESV_PLACEHOLDER },
  );
  const ids = [...new Set([...Object.keys(lower.types), ...Object.keys(upper.types)])];
  for (const id of ids.sort((a, b) =>
    label(lowerNames, upperNames, a).localeCompare(label(lowerNames, upperNames, b)),
  )) {
    const name = `node ${label(lowerNames, upperNames, id)}`;
    const before = upper.types[id] === undefined ? undefined : nodeView(upper, id, upperNames);
    const after = lower.types[id] === undefined ? undefined : nodeView(lower, id, lowerNames);
    if (!before) {
      changes.push({ path: name, after: `added (${lower.types[id]})` });
      // What the new node does: where its outcomes lead and its settings.
      const { type: _type, displayName: _name, ...added } = after ?? {};
      changes.push(...diffFields({}, added, { prefix: name, placeholder: ESV_PLACEHOLDER }));
    } else if (!after) changes.push({ path: name, before: upper.types[id], after: "(removed)" });
    else changes.push(...diffFields(before, after, { prefix: name, placeholder: ESV_PLACEHOLDER }));
  }
  return changes;
}

/** The tree's own settings, its entry node by name. */
function treeView(journey: JourneyContent, names: Map<string, string>): JsonObject {
  const view: JsonObject = {};
  for (const [key, value] of Object.entries(journey.tree))
    if (!TREE_BOOKKEEPING.has(key)) view[key] = value;
  const entry = journey.tree.entryNodeId;
  if (typeof entry === "string") view.entry = nameOf(names, entry);
  return view;
}

/** A node as a reviewer reads it: type, name, where each outcome leads, and its settings. */
function nodeView(journey: JourneyContent, id: string, names: Map<string, string>): JsonObject {
  const ref = isJsonObject(journey.tree.nodes) ? journey.tree.nodes[id] : undefined;
  const view: JsonObject = { type: journey.types[id] };
  if (isJsonObject(ref)) {
    if (ref.displayName !== undefined) view.displayName = ref.displayName;
    if (isJsonObject(ref.connections))
      view.connections = Object.fromEntries(
        Object.entries(ref.connections).map(([outcome, to]) => [
          outcome,
          typeof to === "string" ? nameOf(names, to) : to,
        ]),
      );
  }
  const settings: JsonObject = {};
  for (const [key, value] of Object.entries(journey.nodes[id] ?? {})) {
    if (NODE_BOOKKEEPING.has(key)) continue;
    // A page node lists its inner nodes: by name, their settings show as nodes of their own.
    settings[key] =
      key === "nodes" && Array.isArray(value)
        ? value.map((child) =>
            isJsonObject(child) && typeof child._id === "string" ? nameOf(names, child._id) : child,
          )
        : value;
  }
  if (Object.keys(settings).length > 0) view.settings = settings;
  return view;
}

/** Node id -> "Display Name", made unique with the id's start where two share a name. */
function nodeNames(journey: JourneyContent): Map<string, string> {
  const refs = isJsonObject(journey.tree.nodes) ? journey.tree.nodes : {};
  const raw = new Map<string, string>();
  for (const id of Object.keys(journey.types)) {
    const ref = refs[id];
    const pageChild = Object.values(journey.nodes)
      .flatMap((n) => (Array.isArray(n.nodes) ? n.nodes : []))
      .find((child) => isJsonObject(child) && child._id === id);
    const display =
      (isJsonObject(ref) && typeof ref.displayName === "string" && ref.displayName) ||
      (isJsonObject(pageChild) &&
        typeof pageChild.displayName === "string" &&
        pageChild.displayName) ||
      journey.types[id] ||
      id;
    raw.set(id, display);
  }
  const counts = new Map<string, number>();
  for (const name of raw.values()) counts.set(name, (counts.get(name) ?? 0) + 1);
  return new Map(
    [...raw].map(([id, name]) => [
      id,
      (counts.get(name) ?? 0) > 1 ? `${name} [${id.slice(0, 8)}]` : name,
    ]),
  );
}

function nameOf(names: Map<string, string>, id: string): string {
  return END_NODES[id] ?? names.get(id) ?? id;
}

function label(lower: Map<string, string>, upper: Map<string, string>, id: string): string {
  return `"${lower.get(id) ?? upper.get(id) ?? id}"`;
}

function withoutLayout(tree: JsonObject): JsonObject {
  const { staticNodes: _layout, _rev, ...rest } = tree;
  if (!isJsonObject(rest.nodes)) return rest;
  const nodes = Object.fromEntries(
    Object.entries(rest.nodes).map(([id, ref]) => {
      if (!isJsonObject(ref)) return [id, ref];
      const { x: _x, y: _y, ...kept } = ref;
      return [id, kept];
    }),
  );
  return { ...rest, nodes };
}
