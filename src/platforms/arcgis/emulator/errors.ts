// ArcGIS's error replies: HTTP 200 with {"error":{code, message, details}} for most refusals
// (or, on some deployments, the older admin form {"status":"error", messages, code}); 498 and
// 499 for tokens; and the pages an ingress serves while the pods behind it restart.
import { STATUS_CODES } from "node:http";
import type { Reply } from "../../../core/emulator/reply.js";
import type { OperationErrorForm } from "./scenario.js";

export function errorObject(
  code: number,
  message: string,
  details: unknown[] = [],
  status = 200,
): Reply {
  return { status, body: { error: { code, message, details } } };
}

/** An operation's refusal (bad target, job running, ...) in the deployment's form. */
export function refusal(form: OperationErrorForm, code: number, message: string): Reply {
  if (form === "status")
    return { status: 200, body: { status: "error", messages: [message], code } };
  return errorObject(code, message);
}

export function tokenRequired(asHttpStatus: boolean): Reply {
  const error = { code: 499, message: "Token Required.", messageCode: "GWM_0003", details: [] };
  return { status: asHttpStatus ? 499 : 200, body: { error } };
}

export function invalidToken(asHttpStatus: boolean): Reply {
  return errorObject(498, "Invalid token.", [], asHttpStatus ? 498 : 200);
}

function statusText(status: number): string {
  return STATUS_CODES[status] ?? "Error";
}

/** An injected error status (request faults): the status on the wire, an error object inside. */
export function faultReply(status: number, _retryAfterSeconds: number | undefined): Reply {
  return errorObject(status, statusText(status), [], status);
}

/** Failures of the HTTP plumbing itself: a too-large body (413) or a handler that threw. */
export function failureReply(status: number, message: string): Reply {
  return errorObject(status, message, [], status);
}

/** The page an nginx ingress serves when the pods behind it do not answer. */
export function ingressPage(status: number): string {
  const title = `${status} ${statusText(status)}`;
  return `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`;
}
