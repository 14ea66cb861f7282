import { describe, expect, it } from "vitest";
import { reportHash } from "../../../src/core/report/hash.js";
import { normalizeReport } from "../../../src/platforms/aic/report.js";
import type { RawChangeEntry, RawReport } from "../../../src/platforms/aic/types.js";
import { specReport } from "./fixtures.js";

// Pinned: changing the canonical form changes every hash and invalidates stored approvals.
const EMPTY_HASH = "dfc8e5d825af55fc245ce0580a4307a8eb86e01cd8ec1edacadad9f69cedfbbe";
// Pinned from the form hashes had when an entry's location was a `realm` field: a hash reviewed
// before the report model became neutral must match the same change now.
const LOGIN_IN_ALPHA_HASH = "cd1335b1f844dd44cda288c2facfeb2f26b0da93de02364fe99350f58a8539b2";

function hashOf(raw: RawReport): string {
  return normalizeReport(raw, "dry-run").hash;
}

const login = { name: "Login", realm: "alpha", uid: "journey-login" };
const registration = { name: "Registration", realm: "alpha", uid: "journey-registration" };
const oldLogin = { name: "OldLogin", realm: "bravo", uid: "journey-old" };
const script = {
  realm: "/bravo",
  uid: "ou=39c08084-1238-43e8-857f-2e11005eac49,ou=scriptConfigurations",
};
const welcome = { name: "Welcome", uid: "emailTemplate/welcome" };

/** specReport's changes, with journeys' lists given by the caller. */
function withJourneys(changes: Record<string, RawChangeEntry[]>): RawReport {
  return {
    report: {
      AMConfig: [
        { configItem: "Journeys", configChange: changes },
        { configItem: "Scripts", configChange: { added: [script] } },
      ],
      IDMConfig: [{ configItem: "Email > Templates", configChange: { modified: [welcome] } }],
    },
  };
}

describe("reportHash", () => {
  const base = hashOf(specReport());

  it("is the same for the same changes in another order, with other ids, dates and extras", () => {
    const reordered: RawReport = {
      reportId: "another-report",
      promotionId: "another-promotion",
      createdDate: "2030-01-01T00:00:00Z",
      promoter: "Someone Else",
      promotionDescription: "different words",
      dryRun: false,
      missingESVs: ["not-a-change"],
      report: {
        IDMConfig: [
          {
            configItem: "Email > Templates",
            fileName: "cosmetic",
            configChange: { modified: [{ uid: welcome.uid, name: welcome.name, note: "extra" }] },
          },
        ],
        AMConfig: [
          {
            configItem: "Scripts",
            configChange: { added: [{ uid: script.uid, realm: script.realm }] },
          },
          {
            configItem: "Journeys",
            configChange: { deleted: [oldLogin], modified: [registration], added: [login] },
          },
        ],
      },
    };
    expect(hashOf(reordered)).toBe(base);
    expect(
      hashOf(withJourneys({ added: [login], modified: [registration], deleted: [oldLogin] })),
    ).toBe(base);
  });

  it("changes when one change is added, removed, moved to another kind or realm", () => {
    const variants = [
      withJourneys({
        added: [login, { name: "Extra" }],
        modified: [registration],
        deleted: [oldLogin],
      }),
      withJourneys({ added: [login], modified: [registration], deleted: [] }),
      withJourneys({ added: [login], modified: [registration, oldLogin], deleted: [] }),
      withJourneys({
        added: [{ ...login, realm: "beta" }],
        modified: [registration],
        deleted: [oldLogin],
      }),
      withJourneys({
        added: [{ ...login, uid: "other" }],
        modified: [registration],
        deleted: [oldLogin],
      }),
    ];
    const hashes = variants.map(hashOf);
    for (const hash of hashes) expect(hash).not.toBe(base);
    expect(new Set(hashes).size).toBe(variants.length);
  });

  it("changes when the same change sits in another area or config item", () => {
    const entry = { added: [{ name: "n" }], modified: [], deleted: [] };
    const inAm = reportHash([{ name: "AMConfig", items: [{ configItem: "X", ...entry }] }]);
    const inIdm = reportHash([{ name: "IDMConfig", items: [{ configItem: "X", ...entry }] }]);
    const inY = reportHash([{ name: "AMConfig", items: [{ configItem: "Y", ...entry }] }]);
    expect(new Set([inAm, inIdm, inY]).size).toBe(3);
  });

  it("gives every report without changes the same fixed hash", () => {
    expect(reportHash([])).toBe(EMPTY_HASH);
    expect(
      hashOf({
        report: {
          AMConfig: [{ configItem: "Journeys", configChange: { added: [login] } }],
        },
      }),
    ).toBe(LOGIN_IN_ALPHA_HASH);
    expect(reportHash([{ name: "AMConfig", items: [] }])).toBe(EMPTY_HASH);
    expect(hashOf({ reportId: "x", report: { IDMConfig: [{ configItem: "Empty" }] } })).toBe(
      EMPTY_HASH,
    );
  });
});
