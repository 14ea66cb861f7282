// The CLI's end-to-end tests on PingOne: ../platform-cli.ts with the PingOne emulator and
// `--platform pingone`, the worker app in CI-style variables; and what PingOne tests check with.
import {
  DEVELOPMENT_ID,
  defaultPingOneScenario,
  EXECUTE_TYPE,
  loadPingOneScenario,
  loadPingOneScenarioFile,
  type PingOneRequestRecord,
  type PingOneScenario,
  PRODUCTION_ID,
  ROLLBACK_TYPE,
  type RunningPingOneEmulator,
  STAGING_ID,
  startPingOneEmulator,
} from "../../../src/platforms/pingone/emulator/index.js";
import type { Promotion } from "../../../src/platforms/pingone/types.js";
import { type PlatformCli, platformCli, platformScenarios } from "../platform-cli.js";

export { allOutput, parseJson } from "../emulated.js";
export { DEVELOPMENT_ID, PRODUCTION_ID, STAGING_ID };

/** Planning (17 platform seconds) takes about 30 ms, each step about 7 ms. */
export const SPEED = 600;
export const PROMOTIONS = `/v1/environments/${DEVELOPMENT_ID}/promotions`;
export const TOKEN_PATH = `/${DEVELOPMENT_ID}/as/token`;
/** The statuses of a promotion a run left behind undecided. */
export const DRAFT_STATUSES = ["NEW", "PREPARING", "READY"];

export type PingOneE2e = PlatformCli<RunningPingOneEmulator, PingOneScenario>;

export const it = platformCli({
  platform: "pingone",
  defaultScenario: defaultPingOneScenario,
  speed: SPEED,
  start: (scenario, speed) => startPingOneEmulator({ scenario, speed }),
  ciEnv,
});

const scenarios = platformScenarios("pingone/", loadPingOneScenario, loadPingOneScenarioFile);
/** One of scenarios/pingone/*.yaml. */
export const shippedScenario = scenarios.shipped;
/** A scenario built on the default one, e.g. "faults:\n  stepErrors: [...]". */
export const onDefault = scenarios.onDefault;

/** Variables a CI job would set for this emulator: development promoted to staging. */
export function ciEnv(emulator: RunningPingOneEmulator): Record<string, string> {
  return {
    TENANT_PROMOTE_PINGONE_API_URL: emulator.origin,
    TENANT_PROMOTE_SOURCE_ENVIRONMENT_ID: DEVELOPMENT_ID,
    TENANT_PROMOTE_TARGET_ENVIRONMENT_ID: STAGING_ID,
    TENANT_PROMOTE_PINGONE_CLIENT_ID: emulator.workerApp.clientId,
    TENANT_PROMOTE_PINGONE_CLIENT_SECRET: emulator.workerApp.clientSecret,
  };
}

/** Requests by method and path; `path` may end in * for a prefix. */
export function calls(
  emulator: RunningPingOneEmulator,
  method: string,
  path?: string,
): PingOneRequestRecord[] {
  return emulator.requests.filter(
    (r) =>
      r.method === method &&
      (path === undefined ||
        (path.endsWith("*") ? r.path.startsWith(path.slice(0, -1)) : r.path === path)),
  );
}

function withMediaType(emulator: RunningPingOneEmulator, type: string): PingOneRequestRecord[] {
  return emulator.requests.filter(
    (r) =>
      r.method === "POST" && (r.contentType ?? "").split(";")[0]?.trim().toLowerCase() === type,
  );
}

/** POSTs sent with the execute media type. */
export const executes = (emulator: RunningPingOneEmulator) => withMediaType(emulator, EXECUTE_TYPE);
/** POSTs sent with the rollback media type. */
export const rollbacks = (emulator: RunningPingOneEmulator) =>
  withMediaType(emulator, ROLLBACK_TYPE);
/** POST /promotions: creations. */
export const creates = (emulator: RunningPingOneEmulator) => calls(emulator, "POST", PROMOTIONS);
export const deletes = (emulator: RunningPingOneEmulator) =>
  calls(emulator, "DELETE", `${PROMOTIONS}/*`);

/** DELETE requests for one promotion. */
export const deletesOf = (emulator: RunningPingOneEmulator, id: string) =>
  calls(emulator, "DELETE", `${PROMOTIONS}/${id}`);

/** Promotions still NEW, PREPARING or READY: drafts nobody deleted. */
export function drafts(emulator: RunningPingOneEmulator): Promotion[] {
  return emulator.promotions().filter((p) => DRAFT_STATUSES.includes(p.status));
}

export function promotion(emulator: RunningPingOneEmulator, id: string): Promotion | undefined {
  return emulator.promotions().find((p) => p.id === id);
}

/** Names of an environment's resources of one type, sorted. */
export function names(emulator: RunningPingOneEmulator, envId: string, type: string): string[] {
  return emulator
    .resources(envId)
    .filter((r) => r.type === type)
    .map((r) => r.name)
    .sort();
}

/** Everything staging holds, to compare before and after. */
export const stagingNow = (emulator: RunningPingOneEmulator) => emulator.resources(STAGING_ID);

/** Creates a promotion development -> staging as a crashed run would have, waiting until READY. */
export async function createDraft(emulator: RunningPingOneEmulator): Promise<string> {
  const token = emulator.accessTokens[0] as string;
  const reply = await fetch(`${emulator.origin}${PROMOTIONS}`, {
    method: "POST",
    headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
    body: JSON.stringify({
      targetEnvironment: { id: STAGING_ID },
      selectedResources: [DEVELOPMENT_ID],
      description: "left behind by a crashed run",
    }),
  });
  if (reply.status !== 201) throw new Error(`create answered ${reply.status}`);
  const { id } = (await reply.json()) as { id: string };
  const deadline = Date.now() + 5000;
  while (promotion(emulator, id)?.status !== "READY") {
    if (Date.now() > deadline) throw new Error(`draft ${id} never became READY`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  return id;
}

/**
 * The default scenario, except that no changed resource refers to one the promotion creates:
 * Contractors, Partners and Partner Portal keep to the Standard policy and Single Factor, which
 * staging has. Its plan's payloads hold no id PingOne assigns per promotion.
 */
export const NO_NEW_REFERENCES = `environments:
  development:
    resources:
      populations:
        - { id: 11111111-0201-4000-8000-000000000201, name: Employees, description: Staff, passwordPolicy: { id: 11111111-0101-4000-8000-000000000101 } }
        - { id: 11111111-0202-4000-8000-000000000202, name: Contractors, description: External contractors, passwordPolicy: { id: 11111111-0101-4000-8000-000000000101 } }
        - { id: 11111111-0203-4000-8000-000000000203, name: Partners, description: Partner organizations, passwordPolicy: { id: 11111111-0101-4000-8000-000000000101 } }
      applications:
        - { id: 11111111-0501-4000-8000-000000000501, name: Employee Portal, protocol: OPENID_CONNECT, type: WEB_APP, enabled: true, redirectUris: [https://portal.example.com/callback], signOnPolicy: { id: 11111111-0401-4000-8000-000000000401 } }
        - { id: 11111111-0502-4000-8000-000000000502, name: Partner Portal, protocol: OPENID_CONNECT, type: WEB_APP, enabled: true, redirectUris: [https://partners.example.com/callback], signOnPolicy: { id: 11111111-0401-4000-8000-000000000401 } }
`;

/** NO_NEW_REFERENCES with one more population in development: a source that changed. */
export const ONE_MORE_POPULATION = NO_NEW_REFERENCES.replace(
  "      applications:\n",
  "        - { id: 11111111-0204-4000-8000-000000000204, name: Auditors, description: External auditors }\n      applications:\n",
);

const STRICT = "{ name: Strict, description: For administrators, length: { min: 20, max: 255 } }";

/**
 * NO_NEW_REFERENCES where a Strict password policy exists alike in development and staging, and
 * `contractorsPolicy` (Standard or Strict) is the one development's Contractors refers to.
 */
export function withStrictPolicy(contractorsPolicy: "Standard" | "Strict"): string {
  const policyId =
    contractorsPolicy === "Strict"
      ? "11111111-0103-4000-8000-000000000103"
      : "11111111-0101-4000-8000-000000000101";
  return `${NO_NEW_REFERENCES.replace(
    "name: Contractors, description: External contractors, passwordPolicy: { id: 11111111-0101-4000-8000-000000000101 }",
    `name: Contractors, description: External contractors, passwordPolicy: { id: ${policyId} }`,
  ).replace(
    "    resources:\n",
    `    resources:
      passwordPolicies:
        - { id: 11111111-0101-4000-8000-000000000101, name: Standard, description: Default password policy, length: { min: 8, max: 255 }, history: { count: 6, retentionDays: 365 }, lockout: { failureCount: 5, durationSeconds: 900 } }
        - { id: 11111111-0102-4000-8000-000000000102, name: Passphrase, description: Long passphrases for external staff, length: { min: 16, max: 255 }, history: { count: 12, retentionDays: 730 }, lockout: { failureCount: 3, durationSeconds: 1800 } }
        - { id: 11111111-0103-4000-8000-000000000103, ${STRICT.slice(2)}
`,
  )}  staging:
    resources:
      passwordPolicies:
        - { id: 22222222-0101-4000-8000-000000000101, name: Standard, description: Default password policy, length: { min: 8, max: 255 }, history: { count: 6, retentionDays: 365 }, lockout: { failureCount: 5, durationSeconds: 900 } }
        - { id: 22222222-0103-4000-8000-000000000103, ${STRICT.slice(2)}
`;
}
