// Content diffs on a report: what reviewers see for journeys, scripts, IDM objects and AM JSON,
// and how the run goes on when content cannot be read.
import { describe, expect, it } from "vitest";
import { ApiError, AuthError } from "../../../../src/core/http/errors.js";
import { buildReport } from "../../../../src/core/report/build.js";
import type { ConfigItemChanges, Report } from "../../../../src/core/report/model.js";
import { EngineFailure } from "../../../../src/core/run/failure.js";
import { MemoryLogger } from "../../../../src/core/util/log.js";
import {
  type ContentDiffMode,
  readContentDiffs,
  withContentDiffs,
} from "../../../../src/platforms/aic/content/collect.js";
import { fakeContent } from "./fake-source.js";

const AM = "ou=services,o=alpha,ou=services,ou=am-config";
const SCRIPT_UID = `ou=abc,ou=scriptConfigurations,ou=default,ou=OrganizationConfig,ou=1.0,ou=ScriptingService,${AM}`;
const CLIENT_UID = `ou=portal,ou=default,ou=OrganizationConfig,ou=1.0,ou=AgentService,${AM}`;
const THEME_UID = `ou=theme1,ou=default,ou=OrganizationConfig,ou=1.0,ou=UiThemes,${AM}`;

const b64 = (text: string) => Buffer.from(text, "utf8").toString("base64");

function report(items: Array<[area: string, item: ConfigItemChanges]>): Report {
  const areas = ["AMConfig", "IDMConfig"].map((name) => ({
    name,
    items: items.filter(([a]) => a === name).map(([, item]) => item),
  }));
  return buildReport({ kind: "dry-run", title: "Dry run", areas, locationKey: "realm" });
}

const SAMPLE = report([
  [
    "AMConfig",
    {
      configItem: "Scripts",
      added: [],
      modified: [{ name: "Login Helper", location: "/alpha", uid: SCRIPT_UID }],
      deleted: [],
    },
  ],
  [
    "AMConfig",
    {
      configItem: "OAuth2 Clients",
      added: [],
      modified: [{ name: "portal", location: "/alpha", uid: CLIENT_UID }],
      deleted: [],
    },
  ],
  [
    "AMConfig",
    {
      configItem: "Themes",
      added: [{ name: "theme1", location: "/alpha", uid: THEME_UID }],
      modified: [],
      deleted: [],
    },
  ],
  [
    "IDMConfig",
    {
      configItem: "Email > Templates",
      added: [],
      modified: [{ name: "Welcome" }],
      deleted: [],
      extra: {
        fileDestinationPattern: "idm/conf/emailTemplate-*.json",
        fileName: "displayName",
        type: "single",
      },
    },
  ],
]);

function environment(
  origin: string,
  version: { source: string; subject: string; redirect: string; secret: string; key: string },
) {
  return fakeContent(origin, {
    am: {
      "alpha/scripts/abc": {
        _id: "abc",
        name: "Login Helper",
        language: "JAVASCRIPT",
        script: b64(version.source),
        lastModifiedDate: Date.now(),
      },
      "alpha/realm-config/agents/OAuth2Client/portal": {
        _id: "portal",
        coreOAuth2ClientConfig: {
          redirectionUris: [version.redirect],
          clientSecret: version.secret,
        },
        signingKey: version.key,
      },
    },
    idm: {
      "emailTemplate/welcome": {
        _id: "emailTemplate/welcome",
        displayName: "Welcome",
        subject: { en: version.subject },
        from: "&{esv.email.from}",
      },
    },
  });
}

const UPPER = {
  source: 'outcome = "true";\n',
  subject: "Welcome",
  redirect: "https://a",
  secret: "s3cr3t-up",
  key: "&{esv.portal.key.old}",
};
const LOWER = {
  source: 'var count = 1;\noutcome = "true";\n',
  subject: "Welcome aboard",
  redirect: "https://b",
  secret: "s3cr3t-low",
  key: "&{esv.portal.key}",
};

async function compare(
  sample: Report,
  upper = environment("https://up", UPPER),
  lower = environment("https://low", LOWER),
  mode: ContentDiffMode = "auto",
) {
  const logger = new MemoryLogger();
  const diffs = await readContentDiffs(sample, { upper, lower }, { mode, logger });
  return { diffs, report: withContentDiffs(sample, diffs), upper, lower, logger };
}

function entry(r: Report, configItem: string) {
  const item = r.areas.flatMap((a) => a.items).find((i) => i.configItem === configItem);
  return item?.modified[0] ?? item?.added[0];
}

describe("content diffs on a report", () => {
  it("shows a script's source as a line diff, decoded from base64", async () => {
    const { report: shown } = await compare(SAMPLE);
    const fields = entry(shown, "Scripts")?.fields ?? [];
    expect(fields).toEqual([
      { path: "script", diff: '@@ -1,1 +1,2 @@\n+var count = 1;\n outcome = "true";' },
    ]);
  });

  it("shows IDM objects field by field, found by the report's name field", async () => {
    const { report: shown, lower } = await compare(SAMPLE);
    expect(entry(shown, "Email > Templates")?.fields).toEqual([
      { path: "subject.en", before: "Welcome", after: "Welcome aboard" },
    ]);
    // One query per pattern and environment, as fr-config-manager reads email templates.
    expect(lower.reads.filter((r) => r.startsWith("/openidm/"))).toEqual([
      `/openidm/config?_queryFilter=${encodeURIComponent('_id sw "emailTemplate"')}`,
    ]);
  });

  it("masks secret values, and shows ESV placeholders as written", async () => {
    const { report: shown } = await compare(SAMPLE);
    const fields = entry(shown, "OAuth2 Clients")?.fields ?? [];
    expect(fields).toContainEqual({
      path: "coreOAuth2ClientConfig.clientSecret",
      before: "***",
      after: "***",
    });
    expect(fields).toContainEqual({
      path: "signingKey",
      before: "&{esv.portal.key.old}",
      after: "&{esv.portal.key}",
    });
    expect(JSON.stringify(shown)).not.toContain("s3cr3t");
  });

  it("reads an agent under the type AM names, not as an OAuth2 client", async () => {
    const WEB_AGENT_UID = CLIENT_UID.replace("ou=portal,", "ou=intranet,");
    const sample = report([
      [
        "AMConfig",
        {
          configItem: "Web Agents",
          added: [],
          modified: [{ name: "intranet", location: "/alpha", uid: WEB_AGENT_UID }],
          deleted: [],
        },
      ],
    ]);
    const agent = (agentUrl: string) =>
      fakeContent("https://x", {
        am: { "alpha/realm-config/agents/WebAgent/intranet": { _id: "intranet", agentUrl } },
      });
    const { report: shown, diffs } = await compare(
      sample,
      agent("https://old.example.com"),
      agent("https://new.example.com"),
      "required",
    );
    expect(entry(shown, "Web Agents")?.fields).toEqual([
      { path: "agentUrl", before: "https://old.example.com", after: "https://new.example.com" },
    ]);
    expect(diffs.notes).toEqual([]);
  });

  it("lists kinds without a reader by name, with one note, and never reads them", async () => {
    const { report: shown, lower } = await compare(SAMPLE);
    expect(entry(shown, "Themes")?.fields).toBeUndefined();
    expect(shown.notes.find((n) => n.title === "Content diffs")?.items).toContain(
      "No content diff for AM UiThemes entries: listed by name.",
    );
    expect(lower.reads.some((r) => r.includes("theme1"))).toBe(false);
  });

  it("puts each item's content in the hash: an edit after review changes it", async () => {
    const first = await compare(SAMPLE);
    const again = await compare(SAMPLE);
    expect(again.report.hash).toBe(first.report.hash);
    const edited = await compare(
      SAMPLE,
      environment("https://up", UPPER),
      environment("https://low", { ...LOWER, subject: "Hi" }),
    );
    expect(edited.report.hash).not.toBe(first.report.hash);
    expect(first.report.hash).not.toBe(SAMPLE.hash);
  });

  it("an item found on one side only is said so, not guessed at", async () => {
    const upper = fakeContent("https://up", {});
    const { report: shown } = await compare(SAMPLE, upper);
    expect(entry(shown, "Scripts")?.detail).toBe(
      "no content diff: not found in the upper environment",
    );
    expect(entry(shown, "Scripts")?.fields).toBeUndefined();
  });

  it("credentials without the AM/IDM scopes: names only, said once, and the reads stop", async () => {
    const lower = environment("https://low", LOWER);
    lower.refuseScopes = true;
    const { report: shown } = await compare(SAMPLE, undefined, lower);
    const notes = shown.notes.find((n) => n.title === "Content diffs")?.items ?? [];
    expect(notes.filter((n) => n.includes("fr:am:* fr:idm:*"))).toEqual([
      "Content diffs need the fr:am:* fr:idm:* scopes, which the lower environment's credentials lack (https://low); showing names.",
    ]);
    expect(entry(shown, "Scripts")?.fields).toBeUndefined();
    expect(shown.hash).toBe(SAMPLE.hash);
  });

  it("a token endpoint that refuses the AM/IDM scopes reads as missing scopes, said once", async () => {
    const lower = environment("https://low", LOWER);
    const refused = new AuthError(
      "POST https://low/am/oauth2/access_token answered HTTP 400: invalid_scope",
      400,
      "invalid_scope",
    );
    const minting = {
      ...lower,
      am: async () => Promise.reject(refused),
      idm: async () => Promise.reject(refused),
    };
    const { report: shown, logger } = await compare(SAMPLE, undefined, minting);
    const notes = shown.notes.find((n) => n.title === "Content diffs")?.items ?? [];
    expect(notes.filter((n) => n.includes("scopes"))).toHaveLength(1);
    expect(notes[0]).toContain("the lower environment's credentials lack");
    expect(logger.lines.filter((l) => l.includes("invalid_scope"))).toEqual([]);
  });

  it("upper credentials without the scopes: the hash still covers what lower will write", async () => {
    const full = await compare(SAMPLE);
    const upper = environment("https://up", UPPER);
    upper.refuseScopes = true;
    const { report: shown } = await compare(SAMPLE, upper);
    expect(entry(shown, "Scripts")?.fields).toBeUndefined();
    expect(shown.notes.find((n) => n.title === "Content diffs")?.items).toContain(
      "Content diffs need the fr:am:* fr:idm:* scopes, which the upper environment's credentials lack (https://up); showing names.",
    );
    // The fingerprint is the lower side's: a review and a merge agree whatever upper allows.
    expect(shown.hash).toBe(full.report.hash);
  });

  it("lower credentials with some of the scopes: no item's content in the hash, run after run", async () => {
    const lower = environment("https://low", LOWER);
    // fr:am:* but not fr:idm:*: the AM reads would succeed, racing the IDM refusal.
    lower.idm = async () => {
      throw new ApiError(
        { method: "GET", path: "/openidm/config", origin: "https://low" },
        403,
        403,
        "Forbidden",
      );
    };
    const { report: shown } = await compare(SAMPLE, undefined, lower);
    expect(shown.hash).toBe(SAMPLE.hash);
    expect(entry(shown, "Scripts")?.fingerprint).toBeUndefined();
  });

  it("reads that fail keep their items' names, and the report says why once", async () => {
    const upper = environment("https://up", UPPER);
    const failing = (path: string) =>
      new ApiError({ method: "GET", path, origin: "https://up" }, 503, 503, "Unavailable");
    upper.am = async (_realm, path) => {
      throw failing(path);
    };
    upper.idm = async (path) => {
      throw failing(path);
    };
    const { report: shown } = await compare(SAMPLE, upper);
    const notes = shown.notes.find((n) => n.title === "Content diffs")?.items ?? [];
    expect(notes.filter((n) => n.startsWith("Could not read some content"))).toHaveLength(1);
    expect(entry(shown, "Scripts")?.fields).toBeUndefined();
    expect(entry(shown, "Email > Templates")?.fields).toBeUndefined();
  });

  it("required: content that cannot be read fails the run", async () => {
    const lower = environment("https://low", LOWER);
    lower.refuseScopes = true;
    const failure = await compare(SAMPLE, undefined, lower, "required").catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(EngineFailure);
    expect((failure as EngineFailure).reason).toBe("content-unreadable");
  });

  it("off reads nothing", async () => {
    const { report: shown, lower, upper } = await compare(SAMPLE, undefined, undefined, "off");
    expect(lower.reads).toEqual([]);
    expect(upper.reads).toEqual([]);
    expect(shown.hash).toBe(SAMPLE.hash);
  });

  it("bounds the items read and the requests in flight, and says how many were left out", async () => {
    const many = report([
      [
        "AMConfig",
        {
          configItem: "Scripts",
          added: [],
          modified: Array.from({ length: 30 }, (_, i) => ({
            name: `s${i}`,
            location: "/alpha",
            uid: SCRIPT_UID.replace("ou=abc", `ou=s${i}`),
          })),
          deleted: [],
        },
      ],
    ]);
    const am = (source: string) =>
      Object.fromEntries(
        Array.from({ length: 30 }, (_, i) => [
          `alpha/scripts/s${i}`,
          { _id: `s${i}`, script: b64(`${source}${i}`) },
        ]),
      );
    const upper = fakeContent("https://up", { am: am("a") });
    const lower = fakeContent("https://low", { am: am("b") });
    const logger = new MemoryLogger();
    const diffs = await readContentDiffs(
      many,
      { upper, lower },
      { mode: "auto", logger, maxItems: 20, concurrency: 4 },
    );
    expect(diffs.entries.size).toBe(20);
    expect(diffs.notes).toContain(
      "Content compared for the first 20 items; 10 more are listed by name only.",
    );
    expect(upper.peak + lower.peak).toBeLessThanOrEqual(4);
    expect(diffs.peakInFlight).toBe(4);
  });

  it("without one environment: names only, saying which inputs would show content", async () => {
    const logger = new MemoryLogger();
    const diffs = await readContentDiffs(
      SAMPLE,
      {
        upper: environment("https://up", UPPER),
        missing: "give lower-fqdn and the lower environment's credentials",
      },
      { mode: "auto", logger },
    );
    expect(diffs.notes).toEqual([
      "Content diffs need both environments: give lower-fqdn and the lower environment's credentials. Showing names.",
    ]);
  });
});
