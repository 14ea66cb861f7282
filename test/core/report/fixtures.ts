import type { RawReport } from "../../../src/platforms/aic/types.js";

/** The guide's report: string entries, extra item fields, "+00Z"-free ISO date. */
export function guideReport(): RawReport {
  return {
    createdDate: "2024-06-12T17:32:05Z",
    promotionId: "8acd3a87-2272-450f-a3b3-1eb222108740",
    report: {
      IDMConfig: [
        {
          configChange: { added: ["Forgotten Username"] },
          configItem: "Email > Templates",
          fileDestinationPattern: "idm/conf/emailTemplate-*.json",
          fileName: "displayName",
          type: "single",
        },
      ],
    },
    reportId: "c41286bb-30cd-4109-ba9d-dc4788b6a75c",
    reportName: "Report_2024-06-12T17-32+00Z_dryrun=false_8acd3a87-2272-450f-a3b3-1eb222108740",
    type: "promotion",
  };
}

/** Spec-style report: {name, realm, uid} entries, compact date, ESVs and secrets. */
export function specReport(): RawReport {
  return {
    createdDate: "2022-01-27T15-23+00Z",
    dryRun: true,
    promoter: "Barb Jensen",
    promotionDescription: "Promoting our Forgotten Username journey",
    promotionId: "da0c66a4-9f37-4f9a-9988-0786ad301b17",
    reportId: "11111111-2222-3333-4444-555555555555",
    reportName: "Report_2022-01-27T15-23+00Z_dryrun=true_a7456dd2-1acd-4bd9-8555-d44b2275a2da",
    type: "promotion",
    missingESVs: ["esv-smtp-password"],
    previouslyIgnoredEncryptedSecrets: ["am.services.secret"],
    report: {
      IDMConfig: [
        {
          configItem: "Email > Templates",
          configChange: { modified: [{ name: "Welcome", uid: "emailTemplate/welcome" }] },
        },
      ],
      AMConfig: [
        {
          configItem: "Journeys",
          configChange: {
            added: [{ name: "Login", realm: "alpha", uid: "journey-login" }],
            modified: [{ name: "Registration", realm: "alpha", uid: "journey-registration" }],
            deleted: [{ name: "OldLogin", realm: "bravo", uid: "journey-old" }],
          },
        },
        {
          configItem: "Scripts",
          configChange: {
            added: [
              {
                realm: "/bravo",
                uid: "ou=39c08084-1238-43e8-857f-2e11005eac49,ou=scriptConfigurations",
              },
            ],
          },
        },
      ],
    },
  };
}

/** A report from a tenant newer than the spec: unknown area, unknown fields everywhere. */
export function unknownFieldsReport(): RawReport {
  return {
    createdDate: "yesterday afternoon",
    promotionId: "p-unknown",
    tenantRegion: "europe-west1",
    report: {
      ScriptConfig: [
        {
          configItem: "Library scripts",
          configChange: { added: [{ name: "utils.js", language: "JAVASCRIPT" }] },
          checksum: "abc123",
        },
      ],
      AMConfig: [{ configItem: "Journeys", configChange: { added: ["Login"] } }],
      Notes: { comment: "not a list" },
    },
  };
}
