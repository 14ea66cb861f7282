import type { ReportNote } from "../core/report/model.js";

/**
 * The two lists every platform's report JSON has carried from the start (AIC's missing ESVs and
 * previously ignored encrypted secrets): AIC fills them, the others leave them empty, so that a
 * script reading them finds a list on every platform. Empty lists show only in the JSON.
 */
export function reportNotes(
  missingESVs: string[] = [],
  previouslyIgnoredEncryptedSecrets: string[] = [],
): ReportNote[] {
  return [
    { title: "Missing ESVs", key: "missingESVs", items: missingESVs },
    {
      title: "Previously ignored encrypted secrets",
      key: "previouslyIgnoredEncryptedSecrets",
      items: previouslyIgnoredEncryptedSecrets,
    },
  ];
}
