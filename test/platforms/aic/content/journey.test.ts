// Journeys compared node by node: added and removed nodes, rewired outcomes, changed settings,
// inner nodes of page nodes; the canvas layout is no change.
import { describe, expect, it } from "vitest";
import {
  diffJourneys,
  journeyFingerprint,
  readJourney,
} from "../../../../src/platforms/aic/content/journey.js";
import { fakeContent, SUCCESS } from "./fake-source.js";

const TREES = "/realm-config/authentication/authenticationtrees/trees";
const NODES = "/realm-config/authentication/authenticationtrees/nodes";

function tenant(options: { retries: number; counter?: boolean; x?: number; prompt?: string }) {
  const nodes: Record<string, unknown> = {
    page1: {
      nodeType: "PageNode",
      displayName: "Sign In",
      connections: { outcome: "store1" },
      x: options.x ?? 100,
      y: 50,
    },
    store1: {
      nodeType: "DataStoreDecisionNode",
      displayName: "Check Password",
      connections: {
        true: options.counter ? "count1" : SUCCESS,
        false: "e301438c-0bd0-429c-ab0c-66126501069a",
      },
      x: 300,
      y: 50,
    },
  };
  if (options.counter)
    nodes.count1 = {
      nodeType: "IncrementLoginCountNode",
      displayName: "Count Login",
      connections: { outcome: SUCCESS },
    };
  const am: Record<string, Record<string, unknown>> = {
    [`alpha${TREES}/Login`]: {
      _id: "Login",
      _rev: `r${options.retries}`,
      entryNodeId: "page1",
      enabled: true,
      nodes,
      staticNodes: { startNode: { x: 0, y: 0 } },
    },
    [`alpha${NODES}/PageNode/page1`]: {
      _id: "page1",
      _rev: "1",
      _type: { _id: "PageNode", name: "Page Node" },
      nodes: [{ _id: "user1", nodeType: "ValidatedUsernameNode", displayName: "Username" }],
      pageHeader: { en: "Sign in" },
    },
    [`alpha${NODES}/ValidatedUsernameNode/user1`]: {
      _id: "user1",
      _rev: "2",
      _type: { _id: "ValidatedUsernameNode" },
      usernameAttribute: "userName",
      prompt: options.prompt ?? "Username",
    },
    [`alpha${NODES}/DataStoreDecisionNode/store1`]: {
      _id: "store1",
      _rev: "3",
      _type: { _id: "DataStoreDecisionNode" },
      retries: options.retries,
    },
  };
  if (options.counter)
    am[`alpha${NODES}/IncrementLoginCountNode/count1`] = {
      _id: "count1",
      _type: { _id: "IncrementLoginCountNode" },
      identityAttribute: "userName",
    };
  return fakeContent("https://upper.example.com", { am: am as never });
}

describe("journeys", () => {
  it("reads the tree, its nodes and the inner nodes of page nodes", async () => {
    const source = tenant({ retries: 1 });
    const journey = await readJourney(source, "alpha", "Login");
    expect(Object.keys(journey?.nodes ?? {}).sort()).toEqual(["page1", "store1", "user1"]);
    expect(source.reads).toContain(
      `/am/json/realms/root/realms/alpha${NODES}/ValidatedUsernameNode/user1`,
    );
  });

  it("names the node added, the outcome rewired and the settings changed, by display name", async () => {
    const upper = await readJourney(tenant({ retries: 1 }), "alpha", "Login");
    const lower = await readJourney(
      tenant({ retries: 3, counter: true, prompt: "Email" }),
      "alpha",
      "Login",
    );
    if (!upper || !lower) throw new Error("not read");
    const changes = diffJourneys(upper, lower);
    expect(changes).toEqual(
      expect.arrayContaining([
        { path: 'node "Count Login"', after: "added (IncrementLoginCountNode)" },
        // A new node's outcomes and settings show too: an edit to it after review is named.
        { path: 'node "Count Login".connections.outcome', after: "Success" },
        { path: 'node "Count Login".settings.identityAttribute', after: "userName" },
        { path: 'node "Check Password".connections.true', before: "Success", after: "Count Login" },
        { path: 'node "Check Password".settings.retries', before: "1", after: "3" },
        { path: 'node "Username".settings.prompt', before: "Username", after: "Email" },
      ]),
    );
    // Revisions are bookkeeping, not changes.
    expect(changes.some((c) => c.path.includes("_rev"))).toBe(false);
  });

  it("names a node removed", async () => {
    const upper = await readJourney(tenant({ retries: 1, counter: true }), "alpha", "Login");
    const lower = await readJourney(tenant({ retries: 1 }), "alpha", "Login");
    if (!upper || !lower) throw new Error("not read");
    expect(diffJourneys(upper, lower)).toContainEqual({
      path: 'node "Count Login"',
      before: "IncrementLoginCountNode",
      after: "(removed)",
    });
  });

  it("a node moved on the canvas is no change, and digests the same", async () => {
    const upper = await readJourney(tenant({ retries: 1, x: 100 }), "alpha", "Login");
    const lower = await readJourney(tenant({ retries: 1, x: 640 }), "alpha", "Login");
    if (!upper || !lower) throw new Error("not read");
    expect(diffJourneys(upper, lower)).toEqual([]);
    expect(journeyFingerprint(lower)).toBe(journeyFingerprint(upper));
  });

  it("a changed setting changes the digest", async () => {
    const a = await readJourney(tenant({ retries: 1 }), "alpha", "Login");
    const b = await readJourney(tenant({ retries: 2 }), "alpha", "Login");
    if (!a || !b) throw new Error("not read");
    expect(journeyFingerprint(a)).not.toBe(journeyFingerprint(b));
  });

  it("a tree that is not there reads as undefined", async () => {
    expect(await readJourney(tenant({ retries: 1 }), "alpha", "Nope")).toBeUndefined();
  });
});

describe("versioned nodes (AM 8.1 and later, as AIC runs)", () => {
  it("reads each node under the version the tree lists, inner nodes too", async () => {
    const versions: string[] = [];
    const base = fakeContent("https://upper.example.com", {
      am: {
        [`alpha${TREES}/Login`]: {
          _id: "Login",
          entryNodeId: "page1",
          nodes: {
            page1: {
              nodeType: "PageNode",
              version: "1.0",
              displayName: "Sign In",
              connections: {},
            },
          },
        },
        [`alpha${NODES}/PageNode/1.0/page1`]: {
          _id: "page1",
          _type: { _id: "PageNode", version: "1.0" },
          nodes: [
            {
              _id: "user1",
              nodeType: "ValidatedUsernameNode",
              nodeVersion: "2.0",
              displayName: "Username",
            },
          ],
        },
        [`alpha${NODES}/ValidatedUsernameNode/2.0/user1`]: { _id: "user1", prompt: "Username" },
      },
    });
    const source = {
      ...base,
      am: (realm: string, path: string, version: string) => {
        versions.push(version);
        return base.am(realm, path, version);
      },
    };
    const journey = await readJourney(source, "alpha", "Login");
    expect(journey?.nodes.user1).toEqual({ _id: "user1", prompt: "Username" });
    expect(base.reads.slice(1)).toEqual([
      `/am/json/realms/root/realms/alpha${NODES}/PageNode/1.0/page1`,
      `/am/json/realms/root/realms/alpha${NODES}/ValidatedUsernameNode/2.0/user1`,
    ]);
    expect(versions.slice(1)).toEqual(["protocol=2.1,resource=3.0", "protocol=2.1,resource=3.0"]);
  });
});
