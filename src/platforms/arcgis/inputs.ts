// ArcGIS Enterprise on Kubernetes inputs and their validation, before any request.
import { UsageError } from "../../core/util/usage-error.js";
import { textInput } from "../common.js";
import type { CommonSettings, InputNamer, InputSpec, RawInputs } from "../platform.js";
import { arcGisUrls } from "./url.js";

/** The referer tokens are minted with and the Referer header sent, unless arcgis-referer says. */
export const DEFAULT_REFERER = "tenant-promote";

export const ARCGIS_INPUTS: readonly InputSpec[] = [
  {
    name: "arcgis-url",
    type: "string",
    env: ["TENANT_PROMOTE_ARCGIS_URL"],
    placeholder: "URL",
    help: "The organization URL, https://<host>/<context>; http:// only for loopback (the emulator).",
  },
  {
    name: "arcgis-username",
    type: "string",
    env: ["TENANT_PROMOTE_ARCGIS_USERNAME"],
    placeholder: "NAME",
    help: "An administrator (default administrator, or the Security and infrastructure or Servers privilege).",
  },
  {
    name: "arcgis-password",
    type: "string",
    secret: true,
    env: ["TENANT_PROMOTE_ARCGIS_PASSWORD"],
    placeholder: "PASSWORD",
    help: "Its password; a token lasting the whole run is asked for, and asked again before it expires.",
  },
  {
    name: "arcgis-token",
    type: "string",
    secret: true,
    env: ["TENANT_PROMOTE_ARCGIS_TOKEN"],
    placeholder: "TOKEN",
    help: "A ready-made token instead of the username and password (it must outlast the job).",
  },
  {
    name: "arcgis-referer",
    type: "string",
    env: ["TENANT_PROMOTE_ARCGIS_REFERER"],
    placeholder: "REFERER",
    default: DEFAULT_REFERER,
    help: "The referer tokens are bound to (client=referer), sent as the Referer header of every request; for an arcgis-token, the referer it was minted with.",
  },
  {
    name: "rollback-to",
    type: "string",
    env: ["TENANT_PROMOTE_ROLLBACK_TO"],
    placeholder: "ID|VERSION",
    help: "rollback-preview and rollback: the version to go back to, an id (pat_07102025_6820) or a version (11.5.0.6820); default the newest one checkRollback offers, by build.",
  },
];

export type ArcGisCredentials =
  | { kind: "password"; username: string; password: string }
  | { kind: "token"; token: string };

export interface ArcGisConfig extends CommonSettings {
  orgUrl: string;
  credentials: ArcGisCredentials;
  /** Minted with (client=referer) and sent as the Referer header of every request. */
  referer: string;
  rollbackTo?: string;
}

/** pat_07102025_6820, rel_24062025_6745, or a dotted version such as 11.5.0.6820. */
const TARGET = /^((pat|rel)_\d{8}_\d+|\d+(\.\d+){2,3})$/;

export function validateArcGis(
  raw: RawInputs,
  common: CommonSettings,
  name: InputNamer,
): ArcGisConfig {
  const url = textInput(raw, "arcgis-url");
  if (!url)
    throw new UsageError(
      `${name("arcgis-url")} is required: the organization URL, e.g. https://gis.example.com/arcgis`,
    );
  const orgUrl = arcGisUrls(url, name("arcgis-url")).orgUrl;
  const username = textInput(raw, "arcgis-username");
  const password = textInput(raw, "arcgis-password");
  const token = textInput(raw, "arcgis-token");
  let credentials: ArcGisCredentials;
  if (username && password) credentials = { kind: "password", username, password };
  else if (username || password)
    throw new UsageError(
      `${name(username ? "arcgis-password" : "arcgis-username")} is missing: give both ${name("arcgis-username")} and ${name("arcgis-password")}, or ${name("arcgis-token")}`,
    );
  else if (token) credentials = { kind: "token", token };
  else
    throw new UsageError(
      `no ArcGIS credentials: give ${name("arcgis-username")} and ${name("arcgis-password")} (an administrator), or ${name("arcgis-token")}`,
    );
  const referer = textInput(raw, "arcgis-referer") ?? DEFAULT_REFERER;
  // Sent as a header: a line break or a non-ASCII character would fail every request.
  if (!/^[\x20-\x7e]+$/.test(referer))
    throw new UsageError(
      `${name("arcgis-referer")} must be printable ASCII on one line (a URL, or a name such as ${DEFAULT_REFERER}); percent-encode anything else`,
    );
  const rollbackTo = textInput(raw, "rollback-to");
  if (rollbackTo && !TARGET.test(rollbackTo))
    throw new UsageError(
      `${name("rollback-to")} "${rollbackTo}" is neither a version id (pat_07102025_6820) nor a version (11.5.0.6820)`,
    );
  // A safety check the user may expect from the other platforms: say it does nothing here.
  if (common.promotionId)
    throw new UsageError(
      `${name("promotion-id")} means nothing on ArcGIS (a rollback goes to a version): use ${name("rollback-to")}`,
    );
  if (rollbackTo && common.mode === "status")
    throw new UsageError(`${name("rollback-to")} means nothing to status; drop it`);
  return { ...common, orgUrl, credentials, referer, rollbackTo };
}
