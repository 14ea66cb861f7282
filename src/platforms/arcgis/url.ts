// The organization URL of ArcGIS Enterprise on Kubernetes, https://<host>/<context>, and the
// URLs derived from it: the admin API root and the token endpoint.
import { environmentOrigin } from "../../core/http/origin.js";
import { UsageError } from "../../core/util/usage-error.js";

export const EXAMPLE_ORG_URL = "https://organization.example.com/arcgis";

export interface ArcGisUrls {
  /** https://host[:port] */
  origin: string;
  /** The context path without a trailing slash, e.g. /arcgis. */
  contextPath: string;
  /** https://host/context */
  orgUrl: string;
  /** https://host/context/admin */
  adminUrl: string;
  /** https://host/context/sharing/rest/generateToken */
  tokenUrl: string;
}

/**
 * Path segments that belong to an API or an app below the organization URL, never to the
 * context: a URL holding one was copied from a browser or another tool.
 */
const BELOW_CONTEXT = new Set(["admin", "portaladmin", "sharing", "rest", "home", "manager"]);

/** Checks the organization URL; http:// only for loopback hosts (the local emulator). */
export function arcGisUrls(value: string, inputName = "ArcGIS organization URL"): ArcGisUrls {
  const text = value.trim();
  const origin = environmentOrigin(text, inputName, EXAMPLE_ORG_URL);
  const url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`);
  if (url.search || url.hash) {
    throw new UsageError(
      `${inputName} must not have a query or fragment; give e.g. ${EXAMPLE_ORG_URL}`,
    );
  }
  const segments = url.pathname.split("/").filter((segment) => segment !== "");
  const below = segments.findIndex((segment) => BELOW_CONTEXT.has(segment.toLowerCase()));
  if (below === 0 || segments.length === 0) {
    throw new UsageError(
      `${inputName} ${text} has no context path: give the organization URL, ${origin}/<context> (e.g. ${EXAMPLE_ORG_URL})`,
    );
  }
  if (below > 0) {
    const suggestion = `${origin}/${segments.slice(0, below).join("/")}`;
    throw new UsageError(
      `${inputName} ${text} points below the organization (/${segments[below]}); give the organization URL itself, e.g. ${suggestion}`,
    );
  }
  const contextPath = `/${segments.join("/")}`;
  const orgUrl = `${origin}${contextPath}`;
  return {
    origin,
    contextPath,
    orgUrl,
    adminUrl: `${orgUrl}/admin`,
    tokenUrl: `${orgUrl}/sharing/rest/generateToken`,
  };
}
