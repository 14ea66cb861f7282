// One OAuth token request: a form POST, retried on 429, 5xx and network errors (asking for a
// token twice does no harm), never redirected. A refusal becomes an AuthError whose message
// carries the server's reason, scrubbed of anything secret it may echo.
import type { Dispatcher } from "undici";
import { AuthError, describeEndpoint, type Endpoint, NetworkError } from "../http/errors.js";
import { type HttpReply, sendRequest } from "../http/exchange.js";
import { DEFAULT_REQUEST_TIMEOUT_MS } from "../http/json-client.js";
import { redirectError } from "../http/reply.js";
import { type Attempt, parseRetryAfter, type RetryPolicy, withRetries } from "../http/retry.js";
import { parseJsonObject } from "../util/json.js";
import type { Logger } from "../util/log.js";
import { VERSION } from "../version.js";
import { redact } from "./redact.js";

/** One token endpoint's form POST, as every platform sends it. */
export interface TokenFormPost {
  /** Names the token endpoint in messages. */
  endpoint: Endpoint;
  url: string;
  /** Built per attempt, so a single-use assertion is fresh each time. */
  form: () => URLSearchParams;
  /** Extra headers, e.g. HTTP Basic client authentication or a Referer. */
  headers?: Record<string, string>;
  policy: RetryPolicy;
  logger: Logger;
  dispatcher?: Dispatcher;
  timeoutMs?: number;
  signal?: AbortSignal;
}

export interface TokenRequest extends TokenFormPost {
  /** Scrubbed from the server's reason, which may echo what it was sent. */
  secrets: () => string[];
  /** Appended to a refusal to say what to check, e.g. "Check the client id and secret." */
  hint?: string;
}

export interface TokenGrant {
  accessToken: string;
  /** From expires_in; undefined when the server did not say. */
  lifetimeMs: number | undefined;
}

/**
 * Posts the form until an answer settles: network errors are retried, a redirect is refused,
 * and `read` (the platform's reading of a reply) says what else is retried.
 */
export async function postTokenForm<T>(
  post: TokenFormPost,
  read: (reply: HttpReply) => Attempt<T>,
): Promise<T> {
  return withRetries(() => attemptPost(post, read), {
    policy: post.policy,
    logger: post.logger,
    signal: post.signal,
  });
}

async function attemptPost<T>(
  post: TokenFormPost,
  read: (reply: HttpReply) => Attempt<T>,
): Promise<Attempt<T>> {
  let reply: HttpReply;
  try {
    reply = await sendRequest({
      endpoint: post.endpoint,
      url: post.url,
      method: "POST",
      headers: {
        accept: "application/json",
        "content-type": "application/x-www-form-urlencoded",
        "user-agent": `tenant-promote/${VERSION}`,
        ...post.headers,
      },
      body: post.form().toString(),
      dispatcher: post.dispatcher,
      timeoutMs: post.timeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS,
      signal: post.signal,
      logger: post.logger,
    });
  } catch (error) {
    if (!(error instanceof NetworkError)) throw error;
    return { error, retry: { what: error.message } };
  }
  if (reply.status >= 300 && reply.status < 400) {
    return { error: new AuthError(redirectError(post.endpoint, reply).message, reply.status) };
  }
  return read(reply);
}

/** An OAuth token request: its access_token and lifetime. */
export async function requestToken(request: TokenRequest): Promise<TokenGrant> {
  const body = await postTokenForm(request, (reply) => readOAuthReply(reply, request));
  if (typeof body.access_token !== "string" || body.access_token === "") {
    throw new AuthError(`${describeEndpoint(request.endpoint)} answered without an access_token`);
  }
  const expiresIn = Number(body.expires_in);
  return {
    accessToken: body.access_token,
    lifetimeMs: Number.isFinite(expiresIn) && expiresIn > 0 ? expiresIn * 1000 : undefined,
  };
}

function readOAuthReply(reply: HttpReply, request: TokenRequest): Attempt<Record<string, unknown>> {
  const what = `${describeEndpoint(request.endpoint)} answered HTTP ${reply.status}`;
  const body = parseJsonObject(reply.text);
  if (reply.status >= 200 && reply.status < 300) {
    if (body) return { value: body };
    return {
      error: new AuthError(`${what} with a reply that is not a JSON object`, reply.status),
    };
  }
  const oauthError = typeof body?.error === "string" ? body.error : undefined;
  const error = new AuthError(`${what}${serverReason(body, request)}`, reply.status, oauthError);
  if (reply.status === 429 || reply.status >= 500) {
    return {
      error,
      retry: { what, retryAfterMs: parseRetryAfter(reply.headers["retry-after"]) },
    };
  }
  if (!request.hint) return { error };
  return {
    error: new AuthError(`${error.message}. ${request.hint}`, reply.status, oauthError),
  };
}

/**
 * The server's `error: error_description` (or, from a server answering in its API's envelope,
 * `code: message`), scrubbed in case it echoes what it was sent.
 */
function serverReason(body: Record<string, unknown> | undefined, request: TokenRequest): string {
  const texts = (...values: unknown[]) =>
    values.filter((value): value is string => typeof value === "string" && value !== "");
  const oauth = texts(body?.error, body?.error_description);
  const parts = oauth.length > 0 ? oauth : texts(body?.code, body?.message);
  return parts.length > 0 ? `: ${redact(parts.join(": "), request.secrets())}` : "";
}
