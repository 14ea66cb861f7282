// The AM and IDM reads the content diffs use: reply shapes, 404s, and that they serve the same
// model the reports and promotions use.
import { generateKeyPairSync } from "node:crypto";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { StaticTokenSource } from "../../../../src/core/auth/static-token.js";
import { assertionClaims, signJwt } from "../../../../src/platforms/aic/auth/jwt.js";
import { readAgent } from "../../../../src/platforms/aic/content/agent.js";
import { AicContentClient } from "../../../../src/platforms/aic/content/client.js";
import {
  type EnvName,
  loadScenario,
  loadScenarioFile,
  type RunningAicEmulator,
} from "../../../../src/platforms/aic/emulator/index.js";
import type { RawReport } from "../../../../src/platforms/aic/types.js";
import { client, lockPair, runToEnd, start, startWith, unlockPair } from "./helpers.js";

const ALPHA = "/am/json/realms/root/realms/alpha";
const TREES = `${ALPHA}/realm-config/authentication/authenticationtrees`;
const LOGIN_HELPER = "9c1e6a70-5b2d-4f3e-8a41-0d7c2b9e1f01";
const SUCCESS = "70e691a5-1e33-4ac3-a356-e7b6d60d92e0";

function am(emulator: RunningAicEmulator, env: EnvName, path: string, version = "resource=1.0") {
  return client(emulator, env).send<Record<string, unknown>>("GET", path, {
    headers: { "Accept-API-Version": `protocol=2.1,${version}` },
  });
}

function idm(emulator: RunningAicEmulator, env: EnvName, path: string) {
  return client(emulator, env).get<Record<string, unknown>>(`/openidm${path}`);
}

describe("AM journeys", () => {
  it("serves a node under its type's version, as AM 8.1 does, only with resource 3.0", async () => {
    const emulator = await start();
    const path = `${TREES}/nodes/DataStoreDecisionNode/1.0/a0f3c1d2-0002`;
    const tree = await am(emulator, "upper", `${TREES}/trees/Login`);
    expect(tree.body.nodes).toMatchObject({ "a0f3c1d2-0002": { version: "1.0" } });
    const versioned = await am(emulator, "upper", path, "resource=3.0");
    expect(versioned.status).toBe(200);
    expect(versioned.body).toMatchObject({ _id: "a0f3c1d2-0002", _type: { version: "1.0" } });
    expect((await am(emulator, "upper", path)).status).toBe(400);
    const otherVersion = path.replace("/1.0/", "/2.0/");
    expect((await am(emulator, "upper", otherVersion, "resource=3.0")).status).toBe(404);
  });

  it("serves a tree with its nodes and connections, differing between lower and upper", async () => {
    const emulator = await start();
    const upper = await am(emulator, "upper", `${TREES}/trees/Login`);
    expect(upper.status).toBe(200);
    expect(Object.keys(upper.body).slice(0, 2)).toEqual(["_id", "_rev"]);
    expect(upper.body).toMatchObject({
      _id: "Login",
      _rev: expect.any(String),
      entryNodeId: "a0f3c1d2-0001",
      enabled: true,
      staticNodes: expect.objectContaining({ startNode: expect.any(Object) }),
      nodes: {
        "a0f3c1d2-0001": {
          nodeType: "PageNode",
          displayName: "Sign In",
          connections: { outcome: "a0f3c1d2-0002" },
          x: expect.any(Number),
          y: expect.any(Number),
        },
        "a0f3c1d2-0002": { nodeType: "DataStoreDecisionNode", connections: { true: SUCCESS } },
      },
    });
    const lower = await am(emulator, "lower", `${TREES}/trees/Login`);
    const nodes = lower.body.nodes as Record<string, { connections: object }>;
    expect(nodes["a0f3c1d2-0002"]?.connections).toMatchObject({ true: "a0f3c1d2-0003" });
    expect(nodes["a0f3c1d2-0003"]).toMatchObject({ nodeType: "IncrementLoginCountNode" });
    expect(lower.body._rev).not.toBe(upper.body._rev);
  });

  it("serves nodes, and a page node's inner nodes the same way", async () => {
    const emulator = await start();
    const page = await am(emulator, "upper", `${TREES}/nodes/PageNode/a0f3c1d2-0001`);
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({
      _id: "a0f3c1d2-0001",
      _rev: expect.any(String),
      _type: { _id: "PageNode", name: "Page Node", collection: true },
      nodes: [
        { _id: "a0f3c1d2-0011", nodeType: "ValidatedUsernameNode", displayName: "Username" },
        { _id: "a0f3c1d2-0012", nodeType: "ValidatedPasswordNode", displayName: "Password" },
      ],
    });
    const inner = `${TREES}/nodes/ValidatedUsernameNode/a0f3c1d2-0011`;
    expect((await am(emulator, "upper", inner)).body).toMatchObject({
      _type: { _id: "ValidatedUsernameNode" },
      validateInput: false,
    });
    // The modification's changed setting, read from the lower environment.
    expect((await am(emulator, "lower", inner)).body).toMatchObject({ validateInput: true });
    // A node is found by its type and id together.
    const wrongType = await am(emulator, "upper", `${TREES}/nodes/PageNode/a0f3c1d2-0011`);
    expect(wrongType.status).toBe(404);
  });

  it("serves an agent under its own type only, and names the type to a query by id", async () => {
    const WEB_AGENT_DN = CLIENT_DN.replace("ou=reviewer-app,", "ou=intranet,");
    const emulator = await startWith(`
environments:
  upper:
    config:
      AMConfig:
        Web Agents:
          - name: intranet
            realm: /alpha
            uid: ${WEB_AGENT_DN}
            content: { _type: { _id: WebAgent }, globalWebAgentConfig: { agentUrl: https://intranet.example.com } }
`);
    const asClient = await am(
      emulator,
      "upper",
      `${ALPHA}/realm-config/agents/OAuth2Client/intranet`,
    );
    expect(asClient.status).toBe(404);
    const query = await am(
      emulator,
      "upper",
      `${ALPHA}/realm-config/agents?_queryFilter=${encodeURIComponent("_id eq 'intranet'")}`,
    );
    expect(query.body).toMatchObject({ result: [{ _id: "intranet", _type: { _id: "WebAgent" } }] });
    const asWebAgent = await am(
      emulator,
      "upper",
      `${ALPHA}/realm-config/agents/WebAgent/intranet`,
    );
    expect(asWebAgent.body).toMatchObject({
      _id: "intranet",
      globalWebAgentConfig: { agentUrl: "https://intranet.example.com" },
    });
    const unfiltered = await am(emulator, "upper", `${ALPHA}/realm-config/agents`);
    expect(unfiltered.status).toBe(400);
    // The product's own client reads it the same way: the query, then the agent under its type.
    const content = new AicContentClient({
      baseUrl: emulator.upperUrl,
      tokens: new StaticTokenSource("emulator-upper-token", "upper access token"),
    });
    expect(await readAgent(content, "alpha", "intranet")).toMatchObject({
      globalWebAgentConfig: { agentUrl: "https://intranet.example.com" },
    });
  });

  it("answers unknown ids with AM's 404 body, and refuses requests without a resource version", async () => {
    const emulator = await start();
    for (const path of [
      `${TREES}/trees/LegacyLogin`, // deleted in lower
      `${TREES}/nodes/PageNode/nope`,
      `${ALPHA}/scripts/nope`,
      `${ALPHA}/realm-config/agents/OAuth2Client/nope`,
      "/am/json/realms/root/realms/bravo/realm-config/authentication/authenticationtrees/trees/Login",
    ]) {
      const reply = await am(emulator, "lower", path);
      expect(reply.status, path).toBe(404);
      expect(reply.body).toEqual({ code: 404, reason: "Not Found", message: expect.any(String) });
    }
    const unversioned = await client(emulator, "upper").send("GET", `${TREES}/trees/Login`, {
      headers: { "Accept-API-Version": "protocol=2.1" },
    });
    expect(unversioned.status).toBe(400);
    expect(unversioned.body).toEqual({
      code: 400,
      reason: "Bad Request",
      message: expect.stringContaining("Unsupported major version"),
    });
    // Each endpoint answers the resource versions AM serves it under, no other.
    for (const [path, version] of [
      [`${TREES}/trees/Login`, "resource=3.0"],
      [`${ALPHA}/scripts/${LOGIN_HELPER}`, "resource=2.0"],
    ] as const) {
      const reply = await am(emulator, "lower", path, version);
      expect(reply.status, `${path} ${version}`).toBe(400);
    }
  });
});

describe("AM scripts", () => {
  it("serves the source base64-encoded with the script's settings", async () => {
    const emulator = await start();
    const reply = await am(emulator, "lower", `${ALPHA}/scripts/${LOGIN_HELPER}`, "resource=1.0");
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({
      _id: LOGIN_HELPER,
      _rev: expect.any(String),
      name: "Login Helper",
      description: expect.any(String),
      default: false,
      language: "JAVASCRIPT",
      context: "AUTHENTICATION_TREE_DECISION_NODE",
      evaluatorVersion: "1.0",
      createdBy: expect.any(String),
      creationDate: expect.any(Number),
      lastModifiedBy: expect.any(String),
      lastModifiedDate: expect.any(Number),
    });
    expect(reply.body).not.toHaveProperty("source");
    const source = Buffer.from(reply.body.script as string, "base64").toString("utf8");
    expect(source).toContain('var locked = nodeState.get("accountLocked");');
    const upper = await am(emulator, "upper", `${ALPHA}/scripts/${LOGIN_HELPER}`);
    const upperSource = Buffer.from(upper.body.script as string, "base64").toString("utf8");
    expect(upperSource).not.toContain("accountLocked");
    expect(upperSource).toContain('outcome = "true";');
  });
});

const CLIENT_DN =
  "ou=reviewer-app,ou=default,ou=OrganizationConfig,ou=1.0,ou=AgentService,ou=services,o=alpha,ou=services,ou=am-config";
const GOOGLE_DN =
  "ou=google,ou=googleConfig,ou=default,ou=OrganizationConfig,ou=1.0,ou=SocialIdentityProviders,ou=services,o=alpha,ou=services,ou=am-config";
const OAUTH2_PROVIDER_DN =
  "ou=default,ou=OrganizationConfig,ou=1.0,ou=OAuth2Provider,ou=services,o=alpha,ou=services,ou=am-config";

describe("AM realm entries read as plain JSON", () => {
  it("serves OAuth2 clients without their secret, social providers and realm services", async () => {
    const emulator = await startWith(`
environments:
  upper:
    config:
      AMConfig:
        OAuth2 Clients:
          - name: reviewer-app
            realm: /alpha
            uid: ${CLIENT_DN}
            content:
              _type: { _id: OAuth2Client, name: OAuth2 Clients, collection: true }
              coreOAuth2ClientConfig: { userpassword: s3cret-value, clientType: Confidential, scopes: [openid] }
              advancedOAuth2ClientConfig: { grantTypes: [authorization_code] }
        Social Identity Providers:
          - name: google
            realm: /alpha
            uid: ${GOOGLE_DN}
            content: { _type: { _id: googleConfig }, clientId: abc.apps.googleusercontent.com, enabled: true }
        OAuth2 Provider:
          - name: OAuth2Provider
            realm: /alpha
            uid: ${OAUTH2_PROVIDER_DN}
            content: { coreOAuth2Config: { accessTokenLifetime: 3600 } }
`);
    const oauth = await am(
      emulator,
      "upper",
      `${ALPHA}/realm-config/agents/OAuth2Client/reviewer-app`,
    );
    expect(oauth.status).toBe(200);
    expect(oauth.body).toMatchObject({
      _id: "reviewer-app",
      _rev: expect.any(String),
      _type: { _id: "OAuth2Client" },
      coreOAuth2ClientConfig: { clientType: "Confidential", scopes: ["openid"] },
      advancedOAuth2ClientConfig: { grantTypes: ["authorization_code"] },
    });
    expect(JSON.stringify(oauth.body)).not.toContain("s3cret-value");
    expect(JSON.stringify(oauth.body)).not.toContain("userpassword");

    const google = await am(
      emulator,
      "upper",
      `${ALPHA}/realm-config/services/SocialIdentityProviders/googleConfig/google`,
    );
    expect(google.body).toMatchObject({
      _id: "google",
      clientId: "abc.apps.googleusercontent.com",
    });
    const wrongType = `${ALPHA}/realm-config/services/SocialIdentityProviders/appleConfig/google`;
    expect((await am(emulator, "upper", wrongType)).status).toBe(404);

    const provider = await am(emulator, "upper", `${ALPHA}/realm-config/services/oauth-oidc`);
    expect(provider.body).toMatchObject({ coreOAuth2Config: { accessTokenLifetime: 3600 } });
    expect((await am(emulator, "lower", `${ALPHA}/realm-config/services/oauth-oidc`)).status).toBe(
      404,
    );
  });
});

describe("IDM configuration", () => {
  it("serves a config object by id, with a slash in the id", async () => {
    const emulator = await start();
    const reply = await idm(emulator, "lower", "/config/emailTemplate/forgottenUsername");
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({
      _id: "emailTemplate/forgottenUsername",
      displayName: "Forgotten Username",
      from: "&{esv.email.from}",
      subject: { en: "Your username" },
    });
    const missing = await idm(emulator, "upper", "/config/emailTemplate/forgottenUsername");
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({ code: 404, reason: "Not Found", message: expect.any(String) });
  });

  it("queries config objects by id prefix (double or single quotes) or all of them", async () => {
    const emulator = await start();
    for (const filter of ['_id sw "emailTemplate"', "_id sw 'emailTemplate/'"]) {
      const reply = await idm(
        emulator,
        "lower",
        `/config?_queryFilter=${encodeURIComponent(filter)}`,
      );
      expect(reply.status).toBe(200);
      expect(reply.body).toEqual({
        result: [
          expect.objectContaining({ _id: "emailTemplate/welcome", displayName: "Welcome" }),
          expect.objectContaining({ _id: "emailTemplate/forgottenUsername" }),
        ],
        resultCount: 2,
        pagedResultsCookie: null,
        totalPagedResultsPolicy: "NONE",
        totalPagedResults: -1,
        remainingPagedResults: -1,
      });
    }
    const none = await idm(
      emulator,
      "lower",
      `/config?_queryFilter=${encodeURIComponent('_id sw "managed"')}`,
    );
    expect(none.body).toMatchObject({ result: [], resultCount: 0 });
    const all = await idm(emulator, "upper", "/config?_queryFilter=true");
    expect(all.body).toMatchObject({ resultCount: 1 });
  });
});

describe("one model for reports, reads and promotions", () => {
  it("lists IDM changes by displayName with the category's file pattern", async () => {
    const emulator = await start();
    const report = (await client(emulator, "lower").get<RawReport>("/report/provisional")).body;
    expect(report.report?.IDMConfig).toEqual([
      {
        configItem: "Email > Templates",
        configChange: { added: ["Forgotten Username"] },
        fileDestinationPattern: "idm/conf/emailTemplate-*.json",
        fileName: "displayName",
        type: "single",
      },
    ]);
  });

  it("lists exactly the items whose content differs", async () => {
    const emulator = await startWith(`
environments:
  upper:
    config:
      AMConfig:
        Scripts: []
`);
    const report = (await client(emulator, "lower").get<RawReport>("/report/provisional")).body;
    const scripts = (
      (report.report?.AMConfig ?? []) as { configItem: string; configChange: object }[]
    ).find((c) => c.configItem === "Scripts");
    expect(scripts?.configChange).toEqual({
      added: [
        expect.objectContaining({ name: "Login Helper", realm: "/alpha" }),
        expect.objectContaining({ name: "Set Session Properties" }),
      ],
    });
    // Registration's content is the same on both sides: it is not listed.
    expect(JSON.stringify(report)).not.toContain("Registration");
  });

  it("a category can set its own fileDestinationPattern and fileName", async () => {
    const emulator = await startWith(`
environments:
  lower:
    config:
      IDMConfig:
        Managed Objects:
          fileDestinationPattern: idm/conf/managed.json
          fileName: _id
          items:
            - { name: managed, uid: managed, content: { _id: managed, objects: [] } }
`);
    const report = (await client(emulator, "lower").get<RawReport>("/report/provisional")).body;
    expect(report.report?.IDMConfig).toContainEqual({
      configItem: "Managed Objects",
      configChange: { added: ["managed"] },
      fileDestinationPattern: "idm/conf/managed.json",
      fileName: "_id",
      type: "single",
    });
  });

  it("a promotion copies the content: upper then serves what lower had", async () => {
    const emulator = await start();
    const tree = `${TREES}/trees/Login`;
    const script = `${ALPHA}/scripts/${LOGIN_HELPER}`;
    const lowerTree = (await am(emulator, "lower", tree)).body;
    const lowerScript = (await am(emulator, "lower", script)).body;
    const upperTree = (await am(emulator, "upper", tree)).body;
    expect(upperTree).not.toEqual(lowerTree);
    await lockPair(emulator);
    await runToEnd(emulator, "/promote", { dryRun: false });
    expect((await am(emulator, "upper", tree)).body).toEqual(lowerTree);
    expect((await am(emulator, "upper", script)).body).toEqual(lowerScript);
    const template = await idm(emulator, "upper", "/config/emailTemplate/forgottenUsername");
    expect(template.status).toBe(200);
    expect((await am(emulator, "upper", `${TREES}/trees/LegacyLogin`)).status).toBe(404);
    // A rollback restores what upper served before.
    await runToEnd(emulator, "/rollback", {});
    expect((await am(emulator, "upper", tree)).body).toEqual(upperTree);
    expect((await am(emulator, "upper", `${TREES}/trees/LegacyLogin`)).status).toBe(200);
    // AM and IDM reads are in the request log like the others.
    expect(emulator.requests).toContainEqual(
      expect.objectContaining({ env: "upper", method: "GET", path: tree, status: 200 }),
    );
  });
});

const LOGIN_UID =
  "ou=Login,ou=trees,ou=default,ou=OrganizationConfig,ou=1.0,ou=authenticationTreesService,ou=services,o=alpha,ou=services,ou=am-config";
const REGISTRATION_UID = LOGIN_UID.replace("ou=Login,", "ou=Registration,");

describe("content edits", () => {
  it("a scenario edit changes the lower environment's item once its dry run has let go of the lock", async () => {
    const emulator = await startWith(`
edits:
  - env: lower
    afterDryRuns: 1
    uid: ${LOGIN_UID}
    content: { tree: { description: Edited after review } }
`);
    const tree = `${TREES}/trees/Login`;
    const before = (await am(emulator, "lower", tree)).body;
    expect(before).not.toHaveProperty("description");
    const id = await lockPair(emulator);
    await runToEnd(emulator, "/promote", { dryRun: true });
    // Not while the run that reviews it still holds the lock: it reads what was there.
    expect((await am(emulator, "lower", tree)).body).not.toHaveProperty("description");
    await unlockPair(emulator, id);
    const after = (await am(emulator, "lower", tree)).body;
    expect(after).toMatchObject({
      description: "Edited after review",
      entryNodeId: "a0f3c1d2-0001",
    });
    expect(after._rev).not.toBe(before._rev);
    // The rest of the content is kept: the edit merges into it.
    expect(after.nodes).toEqual(before.nodes);
    // The promotion then copies the edited content.
    await lockPair(emulator);
    await runToEnd(emulator, "/promote", { dryRun: false });
    expect((await am(emulator, "upper", tree)).body).toMatchObject({
      description: "Edited after review",
    });
  });

  it("editItem changes content in-process, and the reports follow", async () => {
    const emulator = await start();
    const names = async () =>
      JSON.stringify((await client(emulator, "lower").get("/report/provisional")).body);
    expect(await names()).not.toContain("Registration");
    emulator.editItem("lower", REGISTRATION_UID, { tree: { enabled: false } });
    expect(await names()).toContain('"name":"Registration"');
    expect((await am(emulator, "lower", `${TREES}/trees/Registration`)).body.enabled).toBe(false);
    expect(() => emulator.editItem("upper", "ou=nope", {})).toThrow(
      /upper environment has no config item with uid ou=nope/,
    );
  });

  it("names a bad edit in the scenario", () => {
    expect(() =>
      loadScenario("base: default\nedits: [{ env: lower, uid: ou=nope, content: {} }]"),
    ).toThrow(/edits\[0\].uid names no config item of environments.lower/);
    expect(() =>
      loadScenario(
        `base: default\nedits: [{ env: lower, afterDryRuns: -1, uid: "${LOGIN_UID}", content: {} }]`,
      ),
    ).toThrow(/edits\[0\].afterDryRuns must be an integer of at least 0/);
  });
});

describe("scenarios/edited-after-review.yaml", () => {
  it("changes the Login journey's new node in lower after the first dry run", async () => {
    const scenario = loadScenarioFile(
      fileURLToPath(new URL("../../../../scenarios/edited-after-review.yaml", import.meta.url)),
    );
    const emulator = await start({ scenario });
    const counter = `${TREES}/nodes/IncrementLoginCountNode/a0f3c1d2-0003`;
    expect((await am(emulator, "lower", counter)).body.identityAttribute).toBe("userName");
    await unlockPair(emulator, await dryRunLocked(emulator));
    expect((await am(emulator, "lower", counter)).body).toMatchObject({
      _type: { _id: "IncrementLoginCountNode" },
      identityAttribute: "mail",
    });
  });
});

async function dryRunLocked(emulator: Awaited<ReturnType<typeof start>>): Promise<string> {
  const id = await lockPair(emulator);
  await runToEnd(emulator, "/promote", { dryRun: true });
  return id;
}

describe("scenarios/no-content-scopes.yaml", () => {
  it("promotes with its static tokens but refuses them, and its service account, the content scopes", async () => {
    const scenario = loadScenarioFile(
      fileURLToPath(new URL("../../../../scenarios/no-content-scopes.yaml", import.meta.url)),
    );
    const keys = generateKeyPairSync("rsa", { modulusLength: 2048 });
    const account = scenario.environments.upper.serviceAccount;
    if (!account) throw new Error("the scenario has no upper service account");
    account.publicKey = keys.publicKey.export({ format: "jwk" }) as Record<string, unknown>;
    const emulator = await start({ scenario });

    for (const env of ["lower", "upper"] as const) {
      expect((await client(emulator, env).get("/lock/state")).status).toBe(200);
      expect((await am(emulator, env, `${TREES}/trees/Login`)).status).toBe(403);
      expect((await idm(emulator, env, "/config/emailTemplate/welcome")).status).toBe(403);
    }
    const tokenUrl = `${emulator.upperUrl}/am/oauth2/access_token`;
    const mint = (scope: string) =>
      fetch(tokenUrl, {
        method: "POST",
        body: new URLSearchParams({
          grant_type: "urn:ietf:params:oauth:grant-type:jwt-bearer",
          client_id: "service-account",
          scope,
          assertion: signJwt(assertionClaims(account.id, tokenUrl), keys.privateKey),
        }),
      }).then(async (reply) => ({
        status: reply.status,
        body: (await reply.json()) as { error?: string },
      }));
    expect((await mint("fr:am:* fr:idm:*")).body.error).toBe("invalid_scope");
    expect((await mint("fr:idc:promotion:*")).status).toBe(200);
  });
});
