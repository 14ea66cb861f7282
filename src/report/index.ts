// Public API of the report module: normalize tenant reports, hash their changes, render them.
export type { ChangeKind, ChangeRecord } from "./changes.js";
export {
  CHANGE_KINDS,
  countChanges,
  countItem,
  formatCounts,
  listChanges,
  summarizeCounts,
} from "./changes.js";
export { parseCreatedDate } from "./dates.js";
export { diffReports } from "./diff.js";
export { escapeMarkdown, sanitizeText } from "./escape.js";
export { reportHash, shortHash } from "./hash.js";
export { renderJson } from "./json.js";
export { reportTitle } from "./labels.js";
export type { MarkdownOptions } from "./markdown.js";
export { renderMarkdown } from "./markdown.js";
export type {
  ChangeCounts,
  ChangeEntry,
  ConfigItemChanges,
  Report,
  ReportArea,
  ReportKind,
} from "./model.js";
export { normalizeReport } from "./normalize.js";
export { entryLabel, renderText } from "./text.js";
