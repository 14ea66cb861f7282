// The built-in scenario as a plain document (the shape of a scenario YAML file): a small
// tenant where development (lower) has three additions, two modifications and one
// deletion compared with staging (upper), and every ESV it references exists upstairs,
// so a dry run and a promotion both succeed. scenarios/default.yaml holds the same.
// Each item's content is what the tenant's AM and IDM APIs serve for it (see content.ts).

const ALPHA = "root-alpha";
const AM_SERVICES = "ou=services,o=alpha,ou=services,ou=am-config";
/** AM's fixed ids of a tree's success and failure nodes. */
const SUCCESS = "70e691a5-1e33-4ac3-a356-e7b6d60d92e0";
const FAILURE = "e301438c-0bd0-429c-ab0c-66126501069a";

/** Node type -> the name AM's node type registry gives it. */
const NODE_TYPE_NAMES: Record<string, string> = {
  AttributeCollectorNode: "Attribute Collector",
  CreateObjectNode: "Create Object",
  DataStoreDecisionNode: "Data Store Decision",
  IncrementLoginCountNode: "Increment Login Count",
  PageNode: "Page Node",
  QueryFilterDecisionNode: "Query Filter Decision",
  UsernameCollectorNode: "Username Collector",
  ValidatedPasswordNode: "Platform Password",
  ValidatedUsernameNode: "Platform Username",
};

interface InnerNodeSpec {
  id: string;
  type: string;
  name: string;
  settings?: Record<string, unknown>;
}

interface NodeSpec extends InnerNodeSpec {
  connections: Record<string, string>;
  /** A page node's inner nodes. */
  inner?: InnerNodeSpec[];
}

function nodeJson(node: InnerNodeSpec, extra: Record<string, unknown> = {}) {
  const type = {
    _id: node.type,
    name: NODE_TYPE_NAMES[node.type] ?? node.type,
    collection: true,
    version: "1.0",
  };
  return { _id: node.id, _type: type, ...extra, ...node.settings };
}

function journey(name: string, nodes: NodeSpec[]) {
  const treeNodes = Object.fromEntries(
    nodes.map((node, i) => [
      node.id,
      {
        nodeType: node.type,
        version: "1.0",
        displayName: node.name,
        connections: node.connections,
        x: 210 + 240 * i,
        y: 140,
      },
    ]),
  );
  const nodeContents: Record<string, unknown> = {};
  for (const node of nodes) {
    const inner = node.inner ?? [];
    nodeContents[node.id] =
      node.type === "PageNode"
        ? nodeJson(node, {
            nodes: inner.map((n) => ({
              _id: n.id,
              nodeType: n.type,
              nodeVersion: "1.0",
              displayName: n.name,
            })),
            pageDescription: {},
            pageHeader: {},
            stage: "",
          })
        : nodeJson(node);
    for (const n of inner) nodeContents[n.id] = nodeJson(n);
  }
  return {
    name,
    realm: "/alpha",
    uid: `ou=${name},ou=trees,ou=default,ou=OrganizationConfig,ou=1.0,ou=authenticationTreesService,${AM_SERVICES}`,
    file: `am/services/realm/${ALPHA}/authenticationtreesservice/1.0/organizationconfig/default/trees/${name}.json`,
    content: {
      tree: {
        _id: name,
        entryNodeId: nodes[0]?.id,
        nodes: treeNodes,
        staticNodes: {
          startNode: { x: 50, y: 140 },
          [SUCCESS]: { x: 210 + 240 * nodes.length, y: 80 },
          [FAILURE]: { x: 210 + 240 * nodes.length, y: 200 },
        },
        enabled: true,
        uiConfig: {},
      },
      nodes: nodeContents,
    },
  };
}

function script(name: string, id: string, description: string, source: string[]) {
  return {
    name,
    realm: "/alpha",
    uid: `ou=${id},ou=scriptConfigurations,ou=default,ou=OrganizationConfig,ou=1.0,ou=ScriptingService,${AM_SERVICES}`,
    file: `am/services/realm/${ALPHA}/scriptingservice/1.0/organizationconfig/default/scriptconfigurations/${id}.json`,
    content: {
      _id: id,
      name,
      description,
      language: "JAVASCRIPT",
      context: "AUTHENTICATION_TREE_DECISION_NODE",
      evaluatorVersion: "1.0",
      source: `${source.join("\n")}\n`,
    },
  };
}

function emailTemplate(name: string, id: string, subject: string) {
  return {
    name,
    uid: `emailTemplate/${id}`,
    file: `idm/conf/emailTemplate-${id}.json`,
    content: {
      _id: `emailTemplate/${id}`,
      displayName: name,
      enabled: true,
      from: "&{esv.email.from}",
      mimeType: "text/html",
      subject: { en: subject },
      message: { en: `<p>${subject}, {{object.givenName}}.</p>` },
    },
  };
}

const SIGN_IN_PAGE = (validateInput: boolean): NodeSpec => ({
  id: "a0f3c1d2-0001",
  type: "PageNode",
  name: "Sign In",
  connections: { outcome: "a0f3c1d2-0002" },
  inner: [
    {
      id: "a0f3c1d2-0011",
      type: "ValidatedUsernameNode",
      name: "Username",
      settings: { usernameAttribute: "userName", validateInput },
    },
    {
      id: "a0f3c1d2-0012",
      type: "ValidatedPasswordNode",
      name: "Password",
      settings: { passwordAttribute: "password", validateInput: false },
    },
  ],
});
const DATA_STORE = (whenTrue: string): NodeSpec => ({
  id: "a0f3c1d2-0002",
  type: "DataStoreDecisionNode",
  name: "Data Store Decision",
  connections: { true: whenTrue, false: FAILURE },
});

const LOGIN_UPPER = journey("Login", [SIGN_IN_PAGE(false), DATA_STORE(SUCCESS)]);
// The modification: development now validates the username, and counts logins after the
// data store check (a node added and a connection rewired).
const LOGIN_LOWER = journey("Login", [
  SIGN_IN_PAGE(true),
  DATA_STORE("a0f3c1d2-0003"),
  {
    id: "a0f3c1d2-0003",
    type: "IncrementLoginCountNode",
    name: "Increment Login Count",
    settings: { identityAttribute: "userName" },
    connections: { outcome: SUCCESS },
  },
]);
const REGISTRATION = journey("Registration", [
  {
    id: "b1e4d2c3-0001",
    type: "PageNode",
    name: "Your Details",
    connections: { outcome: "b1e4d2c3-0002" },
    inner: [
      {
        id: "b1e4d2c3-0011",
        type: "AttributeCollectorNode",
        name: "Attribute Collector",
        settings: { attributesToCollect: ["givenName", "sn", "mail"], required: true },
      },
    ],
  },
  {
    id: "b1e4d2c3-0002",
    type: "CreateObjectNode",
    name: "Create Object",
    settings: { identityResource: "managed/alpha_user" },
    connections: { CREATED: SUCCESS, FAILURE },
  },
]);
const LEGACY_LOGIN = journey("LegacyLogin", [
  {
    id: "c2f5e3d4-0001",
    type: "UsernameCollectorNode",
    name: "Username Collector",
    connections: { outcome: SUCCESS },
  },
]);
const PROGRESSIVE_PROFILE = journey("ProgressiveProfile", [
  {
    id: "d3a6f4e5-0001",
    type: "QueryFilterDecisionNode",
    name: "Missing Preferences",
    settings: { identityAttribute: "userName", queryFilter: "!(/preferences pr)" },
    connections: { true: "d3a6f4e5-0002", false: SUCCESS },
  },
  {
    id: "d3a6f4e5-0002",
    type: "PageNode",
    name: "Preferences",
    connections: { outcome: SUCCESS },
    inner: [
      {
        id: "d3a6f4e5-0021",
        type: "AttributeCollectorNode",
        name: "Marketing Consent",
        settings: { attributesToCollect: ["preferences/marketing"], required: false },
      },
    ],
  },
]);

const LOGIN_HELPER_ID = "9c1e6a70-5b2d-4f3e-8a41-0d7c2b9e1f01";
const LOGIN_HELPER_DESCRIPTION = "Decides whether a signed-in user may continue";
const LOGIN_HELPER_UPPER = script("Login Helper", LOGIN_HELPER_ID, LOGIN_HELPER_DESCRIPTION, [
  "/* Login Helper: may the user continue? */",
  'var username = nodeState.get("username");',
  "if (username) {",
  '  outcome = "true";',
  "} else {",
  '  outcome = "false";',
  "}",
]);
// The other modification: development also refuses locked accounts and logs the decision.
const LOGIN_HELPER_LOWER = script("Login Helper", LOGIN_HELPER_ID, LOGIN_HELPER_DESCRIPTION, [
  "/* Login Helper: may the user continue? */",
  'var username = nodeState.get("username");',
  'var locked = nodeState.get("accountLocked");',
  "if (username && !locked) {",
  '  logger.message("Login Helper: " + username + " may continue");',
  '  outcome = "true";',
  "} else {",
  '  outcome = "false";',
  "}",
]);
const SESSION_PROPERTIES = script(
  "Set Session Properties",
  "4b8d2f16-7c3a-4e59-9b02-6e1a5d3c8f02",
  "Puts the login count into the session",
  ['action = Action.goTo("true").putSessionProperty("loginCount", "1").build();'],
);
const WELCOME = emailTemplate("Welcome", "welcome", "Welcome");
const FORGOTTEN_USERNAME = emailTemplate(
  "Forgotten Username",
  "forgottenUsername",
  "Your username",
);

export const DEFAULT_SCENARIO_DOCUMENT = {
  speed: 60,
  tokenLifetimeSeconds: 899,
  environments: {
    lower: {
      accessTokens: ["emulator-lower-token"],
      esvs: ["esv-email-from", "esv-recaptcha-site-key"],
      config: {
        AMConfig: {
          Journeys: [LOGIN_LOWER, REGISTRATION, PROGRESSIVE_PROFILE],
          Scripts: [LOGIN_HELPER_LOWER, SESSION_PROPERTIES],
        },
        IDMConfig: { "Email > Templates": [WELCOME, FORGOTTEN_USERNAME] },
      },
    },
    upper: {
      accessTokens: ["emulator-upper-token"],
      esvs: ["esv-email-from", "esv-recaptcha-site-key"],
      config: {
        AMConfig: {
          Journeys: [LOGIN_UPPER, REGISTRATION, LEGACY_LOGIN],
          Scripts: [LOGIN_HELPER_UPPER],
        },
        IDMConfig: { "Email > Templates": [WELCOME] },
      },
    },
  },
};
