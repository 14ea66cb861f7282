// The built-in scenario as a plain document (the shape of a scenario YAML file): a small
// tenant where development (lower) has three additions, one modification and one
// deletion compared with staging (upper), and every ESV it references exists upstairs,
// so a dry run and a promotion both succeed. scenarios/default.yaml holds the same.

const ALPHA = "root-alpha";
const AM_SERVICES = "ou=services,o=alpha,ou=services,ou=am-config";

function journey(name: string, nodes: Record<string, string>) {
  const ids = Object.keys(nodes);
  return {
    name,
    realm: "/alpha",
    uid: `ou=${name},ou=trees,ou=default,ou=OrganizationConfig,ou=1.0,ou=authenticationTreesService,${AM_SERVICES}`,
    file: `am/services/realm/${ALPHA}/authenticationtreesservice/1.0/organizationconfig/default/trees/${name}.json`,
    content: {
      _id: name,
      enabled: true,
      entryNodeId: ids[0],
      nodes: Object.fromEntries(
        ids.map((id, i) => [
          id,
          { nodeType: nodes[id], connections: { outcome: ids[i + 1] ?? "success" } },
        ]),
      ),
    },
  };
}

function script(name: string, id: string, source: string) {
  return {
    name,
    realm: "/alpha",
    uid: `ou=${id},ou=scriptConfigurations,ou=default,ou=OrganizationConfig,ou=1.0,ou=ScriptingService,${AM_SERVICES}`,
    file: `am/services/realm/${ALPHA}/scriptingservice/1.0/organizationconfig/default/scriptconfigurations/${id}.json`,
    content: {
      _id: id,
      name,
      language: "JAVASCRIPT",
      context: "AUTHENTICATION_TREE_DECISION_NODE",
      script: source,
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
      enabled: true,
      from: "&{esv.email.from}",
      mimeType: "text/html",
      subject: { en: subject },
      message: { en: `<p>${subject}, {{object.givenName}}.</p>` },
    },
  };
}

const LOGIN_UPPER = journey("Login", {
  "a0f3c1d2-0001": "PageNode",
  "a0f3c1d2-0002": "DataStoreDecisionNode",
});
// The modification: development added a login counter to the Login journey.
const LOGIN_LOWER = journey("Login", {
  "a0f3c1d2-0001": "PageNode",
  "a0f3c1d2-0002": "DataStoreDecisionNode",
  "a0f3c1d2-0003": "IncrementLoginCountNode",
});
const REGISTRATION = journey("Registration", {
  "b1e4d2c3-0001": "PageNode",
  "b1e4d2c3-0002": "CreateObjectNode",
});
const LEGACY_LOGIN = journey("LegacyLogin", { "c2f5e3d4-0001": "UsernameCollectorNode" });
const PROGRESSIVE_PROFILE = journey("ProgressiveProfile", {
  "d3a6f4e5-0001": "QueryFilterDecisionNode",
  "d3a6f4e5-0002": "PageNode",
});
const LOGIN_HELPER = script(
  "Login Helper",
  "9c1e6a70-5b2d-4f3e-8a41-0d7c2b9e1f01",
  'outcome = "true";',
);
const SESSION_PROPERTIES = script(
  "Set Session Properties",
  "4b8d2f16-7c3a-4e59-9b02-6e1a5d3c8f02",
  'action = Action.goTo("true").putSessionProperty("loginCount", "1").build();',
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
          Scripts: [LOGIN_HELPER, SESSION_PROPERTIES],
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
          Scripts: [LOGIN_HELPER],
        },
        IDMConfig: { "Email > Templates": [WELCOME] },
      },
    },
  },
};
