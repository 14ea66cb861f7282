// Failures with a machine reason, a message and next steps; anything thrown maps onto one.
import { ApiError, AuthError, NetworkError } from "../http/errors.js";
import { isLoopbackUrl } from "../http/origin.js";
import type { FailureReason, Work } from "./types.js";

export interface FailureDetails {
  lockHolder?: string;
  reportDiff?: string;
  /** A platform's own facts, copied into the result's details. */
  extra?: Record<string, unknown>;
}

/** A failure the run understands: a reason for machines, a message and next steps for humans. */
export class EngineFailure extends Error {
  override readonly name = "EngineFailure";
  constructor(
    readonly reason: FailureReason,
    message: string,
    readonly nextSteps: string[] = [],
    readonly details: FailureDetails = {},
  ) {
    super(message);
  }
}

/** What to tell the user when the platform refused the credentials or could not be reached. */
export interface FailureHints {
  /** The platform's id: a loopback URL nothing listens on suggests starting its emulator. */
  platform: string;
  auth: string[];
  unreachable: string[];
}

/** A host that refused the connection or has no address: one line, which host and what happened. */
function unreachableFailure(error: NetworkError, hints: FailureHints): EngineFailure {
  const { origin } = error.endpoint;
  const what = `Cannot connect to ${origin}: ${error.detail}`;
  if (isLoopbackUrl(origin))
    return new EngineFailure(
      "api-error",
      `${what}; is the emulator running? \`tenant-promote emulator --platform ${hints.platform}\``,
    );
  return new EngineFailure("api-error", `${what}.`, hints.unreachable);
}

/** Maps anything thrown during a run to a reason, keeping EngineFailures as they are. */
export function classifyError(error: unknown, hints: FailureHints): EngineFailure {
  if (error instanceof EngineFailure) return error;
  if (error instanceof NetworkError && error.unreachable) return unreachableFailure(error, hints);
  if (
    error instanceof AuthError ||
    (error instanceof ApiError && (error.status === 401 || error.status === 403))
  ) {
    return new EngineFailure("auth", (error as Error).message, hints.auth);
  }
  if (error instanceof ApiError || error instanceof NetworkError) {
    return new EngineFailure("api-error", error.message, hints.unreachable);
  }
  const message = error instanceof Error ? error.message : String(error);
  return new EngineFailure("api-error", message);
}

/** The failed result of a failure. */
export function failedWork(failure: EngineFailure): Work {
  return {
    result: "failed",
    reason: failure.reason,
    message: failure.message,
    nextSteps: failure.nextSteps,
    lockHolder: failure.details.lockHolder,
    reportDiff: failure.details.reportDiff,
    details: failure.details.extra,
  };
}
