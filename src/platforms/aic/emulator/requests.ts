// Validation of request bodies of POST /promote and POST /rollback.

import { jsonObjectBody, type Parsed, type Reply } from "../../../core/emulator/reply.js";
import type { PromoteRequest, RollbackRequest } from "../types.js";
import { errorReply } from "./reply.js";

const BOOLEAN_FIELDS = ["ignoreEncryptedSecrets", "unlockEnvironmentsAfterPromotion"] as const;
const STRING_FIELDS = ["promoter", "promotionDescription", "zendeskTicketReference"] as const;

function parseObject(text: string, allowEmpty: boolean): Parsed<Record<string, unknown>> {
  if (text.trim() === "") {
    return allowEmpty
      ? { value: {} }
      : { error: errorReply(400, "A JSON request body is required") };
  }
  return jsonObjectBody(text, (problem) => errorReply(400, problem));
}

/** Checks the optional fields both requests share. */
function fieldError(body: Record<string, unknown>): Reply | undefined {
  for (const field of BOOLEAN_FIELDS) {
    if (body[field] !== undefined && typeof body[field] !== "boolean")
      return errorReply(400, `${field} must be a boolean`);
  }
  for (const field of STRING_FIELDS) {
    if (body[field] !== undefined && typeof body[field] !== "string")
      return errorReply(400, `${field} must be a string`);
  }
  return undefined;
}

export function parsePromoteRequest(text: string): Parsed<PromoteRequest> {
  const parsed = parseObject(text, false);
  if ("error" in parsed) return parsed;
  const body = parsed.value;
  if (typeof body.dryRun !== "boolean")
    return { error: errorReply(400, "dryRun is required and must be a boolean") };
  const error = fieldError(body);
  return error ? { error } : { value: body as unknown as PromoteRequest };
}

export function parseRollbackRequest(text: string): Parsed<RollbackRequest> {
  const parsed = parseObject(text, true);
  if ("error" in parsed) return parsed;
  const error = fieldError(parsed.value);
  return error ? { error } : { value: parsed.value as RollbackRequest };
}
