// The built-in scenario as a plain document (the shape of a scenario YAML file). Development
// differs from staging and production: it adds a password policy, a population, a sign-on
// policy and an application, and modifies a population and the theme; staging and production
// also hold a population development no longer has, which promotions leave alone.
// scenarios/pingone/default.yaml holds the same. Every id is fixed so docs can name them.

export const DEVELOPMENT_ID = "11111111-1111-4111-8111-111111111111";
export const STAGING_ID = "22222222-2222-4222-8222-222222222222";
export const PRODUCTION_ID = "33333333-3333-4333-8333-333333333333";

type Env = 1 | 2 | 3;
const TYPES = {
  passwordPolicies: 1,
  populations: 2,
  themes: 3,
  signOnPolicies: 4,
  applications: 5,
};

/** e.g. the second population of staging: 22222222-0202-4000-8000-000000000202. */
function id(env: Env, type: keyof typeof TYPES, item: number): string {
  const code = `0${TYPES[type]}0${item}`;
  return `${String(env).repeat(8)}-${code}-4000-8000-${code.padStart(12, "0")}`;
}

function passwordPolicies(env: Env, withPassphrase: boolean) {
  const standard = {
    id: id(env, "passwordPolicies", 1),
    name: "Standard",
    description: "Default password policy",
    length: { min: 8, max: 255 },
    history: { count: 6, retentionDays: 365 },
    lockout: { failureCount: 5, durationSeconds: 900 },
  };
  const passphrase = {
    id: id(env, "passwordPolicies", 2),
    name: "Passphrase",
    description: "Long passphrases for external staff",
    length: { min: 16, max: 255 },
    history: { count: 12, retentionDays: 730 },
    lockout: { failureCount: 3, durationSeconds: 1800 },
  };
  return withPassphrase ? [standard, passphrase] : [standard];
}

function development() {
  const policy = (item: number) => ({ id: id(1, "passwordPolicies", item) });
  return {
    id: DEVELOPMENT_ID,
    resources: {
      passwordPolicies: passwordPolicies(1, true),
      populations: [
        {
          id: id(1, "populations", 1),
          name: "Employees",
          description: "Staff",
          passwordPolicy: policy(1),
        },
        // Modified: new description, and the new passphrase policy.
        {
          id: id(1, "populations", 2),
          name: "Contractors",
          description: "External contractors",
          passwordPolicy: policy(2),
        },
        // Refers to a policy and a theme, as seed 003's population: selected alone, it brings both.
        {
          id: id(1, "populations", 3),
          name: "Partners",
          description: "Partner organizations",
          passwordPolicy: policy(2),
          theme: { id: id(1, "themes", 1) },
        },
      ],
      themes: [theme(1, "#1a4d8f")],
      signOnPolicies: [
        {
          id: id(1, "signOnPolicies", 1),
          name: "Single Factor",
          description: "Username and password",
          default: true,
        },
        {
          id: id(1, "signOnPolicies", 2),
          name: "Partner MFA",
          description: "Password, then a one-time code",
          default: false,
        },
      ],
      applications: [
        portal(1, 1, "Employee Portal", "https://portal.example.com/callback", 1),
        portal(1, 2, "Partner Portal", "https://partners.example.com/callback", 2),
      ],
    },
  };
}

function theme(env: Env, buttonColor: string) {
  return {
    id: id(env, "themes", 1),
    name: "Corporate",
    default: true,
    configuration: { bodyBackgroundColor: "#f7f7f7", buttonColor, linkTextColor: "#1a4d8f" },
  };
}

function portal(env: Env, item: number, name: string, redirectUri: string, policy: number) {
  return {
    id: id(env, "applications", item),
    name,
    protocol: "OPENID_CONNECT",
    type: "WEB_APP",
    enabled: true,
    redirectUris: [redirectUri],
    signOnPolicy: { id: id(env, "signOnPolicies", policy) },
  };
}

/** Staging and production: the same resources under their own ids. */
function upstream(env: Env, envId: string) {
  const policy = { id: id(env, "passwordPolicies", 1) };
  return {
    id: envId,
    resources: {
      passwordPolicies: passwordPolicies(env, false),
      populations: [
        {
          id: id(env, "populations", 1),
          name: "Employees",
          description: "Staff",
          passwordPolicy: policy,
        },
        {
          id: id(env, "populations", 2),
          name: "Contractors",
          description: "Contractors",
          passwordPolicy: policy,
        },
        {
          id: id(env, "populations", 4),
          name: "Legacy Vendors",
          description: "Vendors before 2024",
          passwordPolicy: policy,
        },
      ],
      themes: [theme(env, "#2996cc")],
      signOnPolicies: [
        {
          id: id(env, "signOnPolicies", 1),
          name: "Single Factor",
          description: "Username and password",
          default: true,
        },
      ],
      applications: [portal(env, 1, "Employee Portal", "https://portal.example.com/callback", 1)],
    },
  };
}

export const DEFAULT_PINGONE_SCENARIO_DOCUMENT = {
  speed: 60,
  accessTokens: ["emulator-token"],
  promoteDeletions: false,
  timings: { newSeconds: 2, preparingSeconds: 15, stepSeconds: 4 },
  workerApp: {
    environment: "development",
    clientId: "emulator-client",
    clientSecret: "emulator-secret",
    tokenEndpointAuthMethod: "client_secret_basic",
    tokenLifetimeSeconds: 3600,
  },
  environments: {
    development: development(),
    staging: upstream(2, STAGING_ID),
    production: upstream(3, PRODUCTION_ID),
  },
};
