// Benchmark: how much time AIC content diffs add to a dry run with many modified items, and how
// many requests they keep in flight. Seeds the emulator with BENCH_ITEMS (default 200) modified
// items (journeys of four nodes with a page node, scripts of 40 lines, email templates), reads
// the provisional report, then compares content the way a dry run does, BENCH_ROUNDS times.
// Usage: npm run build && node bench/content-diff.js

import { StaticTokenSource } from "../lib/core/auth/static-token.js";
import { silentLogger } from "../lib/core/util/log.js";
import { AicClient } from "../lib/platforms/aic/client.js";
import { AicContentClient } from "../lib/platforms/aic/content/client.js";
import { readContentDiffs, withContentDiffs } from "../lib/platforms/aic/content/collect.js";
import { loadScenario, startAicEmulator } from "../lib/platforms/aic/emulator/index.js";
import { normalizeReport } from "../lib/platforms/aic/report.js";
import { envNumber } from "./stats.js";

const ITEMS = envNumber("BENCH_ITEMS", 200);
const ROUNDS = envNumber("BENCH_ROUNDS", 5);
const DN = "ou=services,o=alpha,ou=services,ou=am-config";
const SUCCESS = "70e691a5-1e33-4ac3-a356-e7b6d60d92e0";

function node(id, type, settings, extra = {}) {
  return {
    _id: id,
    _type: { _id: type, name: type, collection: true, version: "1.0" },
    ...extra,
    ...settings,
  };
}

function journey(i, side) {
  const id = (n) => `j${i}-000${n}`;
  const lower = side === "lower";
  return {
    name: `Journey${i}`,
    realm: "/alpha",
    uid: `ou=Journey${i},ou=trees,ou=default,ou=OrganizationConfig,ou=1.0,ou=authenticationTreesService,${DN}`,
    content: {
      tree: {
        _id: `Journey${i}`,
        entryNodeId: id(1),
        enabled: true,
        nodes: {
          [id(1)]: {
            nodeType: "PageNode",
            displayName: "Sign In",
            connections: { outcome: id(2) },
          },
          [id(2)]: {
            nodeType: "DataStoreDecisionNode",
            version: "1.0",
            displayName: "Check",
            connections: { true: lower ? id(3) : SUCCESS, false: SUCCESS },
          },
          [id(3)]: {
            nodeType: "IncrementLoginCountNode",
            displayName: "Count",
            connections: { outcome: SUCCESS },
          },
        },
      },
      nodes: {
        [id(1)]: node(
          id(1),
          "PageNode",
          {},
          {
            nodes: [
              {
                _id: id(4),
                nodeType: "ValidatedUsernameNode",
                nodeVersion: "1.0",
                displayName: "Username",
              },
              {
                _id: id(5),
                nodeType: "ValidatedPasswordNode",
                nodeVersion: "1.0",
                displayName: "Password",
              },
            ],
          },
        ),
        [id(2)]: node(id(2), "DataStoreDecisionNode", {}),
        [id(3)]: node(id(3), "IncrementLoginCountNode", { identityAttribute: "userName" }),
        [id(4)]: node(id(4), "ValidatedUsernameNode", { validateInput: lower }),
        [id(5)]: node(id(5), "ValidatedPasswordNode", { validateInput: false }),
      },
    },
  };
}

function script(i, side) {
  const lines = Array.from({ length: 40 }, (_, n) => `var line${n} = ${n};`);
  if (side === "lower") lines.splice(20, 2, "var changed = true;", 'logger.message("changed");');
  return {
    name: `Script ${i}`,
    realm: "/alpha",
    uid: `ou=s-${i},ou=scriptConfigurations,ou=default,ou=OrganizationConfig,ou=1.0,ou=ScriptingService,${DN}`,
    content: {
      _id: `s-${i}`,
      name: `Script ${i}`,
      language: "JAVASCRIPT",
      context: "AUTHENTICATION_TREE_DECISION_NODE",
      source: `${lines.join("\n")}\n`,
    },
  };
}

function template(i, side) {
  return {
    name: `Template ${i}`,
    uid: `emailTemplate/t${i}`,
    file: `idm/conf/emailTemplate-t${i}.json`,
    content: {
      _id: `emailTemplate/t${i}`,
      displayName: `Template ${i}`,
      enabled: true,
      subject: { en: side === "lower" ? `Hello ${i}, again` : `Hello ${i}` },
      message: { en: "<p>{{object.givenName}}</p>" },
    },
  };
}

/** The same items on both sides, each with other content in lower: all modified. */
function config(side) {
  const kinds = [journey, script, template];
  const items = Array.from({ length: ITEMS }, (_, i) => kinds[i % 3](i, side));
  const byKind = (k) => items.filter((_, i) => i % 3 === k);
  return {
    AMConfig: { Journeys: byKind(0), Scripts: byKind(1) },
    IDMConfig: { "Email > Templates": byKind(2) },
  };
}

const scenario = loadScenario(
  JSON.stringify({
    base: "default",
    environments: { lower: { config: config("lower") }, upper: { config: config("upper") } },
  }),
);
const emulator = await startAicEmulator({ scenario, speed: 600, lowerPort: 0, upperPort: 0 });
try {
  const tokens = (token) => new StaticTokenSource(token, "token");
  const [lowerToken] = emulator.accessTokens.lower;
  const [upperToken] = emulator.accessTokens.upper;
  const lowerApi = new AicClient({ baseUrl: emulator.lowerUrl, tokens: tokens(lowerToken) });
  const report = normalizeReport(await lowerApi.getProvisionalReport(), "provisional");
  const sides = {
    lower: new AicContentClient({ baseUrl: emulator.lowerUrl, tokens: tokens(lowerToken) }),
    upper: new AicContentClient({ baseUrl: emulator.upperUrl, tokens: tokens(upperToken) }),
  };
  const times = [];
  let last;
  for (let round = 0; round < ROUNDS; round++) {
    const before = emulator.requests.length;
    const start = performance.now();
    const diffs = await readContentDiffs(report, sides, { mode: "auto", logger: silentLogger });
    const withDiffs = withContentDiffs(report, diffs);
    times.push(performance.now() - start);
    last = { diffs, requests: emulator.requests.length - before, withDiffs };
  }
  times.sort((a, b) => a - b);
  const fielded = last.withDiffs.areas
    .flatMap((a) => a.items)
    .flatMap((i) => i.modified)
    .filter((e) => e.fields?.length);
  console.log(`modified items: ${report.counts.modified} (${fielded.length} with field diffs)`);
  console.log(
    `requests per comparison: ${last.requests}; in flight at most: ${last.diffs.peakInFlight}`,
  );
  console.log(
    `time added: median ${(times[Math.floor(times.length / 2)] / 1000).toFixed(2)} s, max ${(times.at(-1) / 1000).toFixed(2)} s over ${ROUNDS} rounds`,
  );
  if (last.diffs.notes.length) console.log(`notes: ${last.diffs.notes.join(" | ")}`);
} finally {
  await emulator.close();
}
