// Serves an emulator over node:http on loopback, one server per listener, and applies the
// request faults around the platform's handler: delays, injected error statuses, and
// connections destroyed before the handler runs or after it (the action took effect but
// the reply is lost).
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from "node:http";
import type { Logger } from "../util/log.js";
import type { RequestFaults } from "./faults.js";
import { type HttpListener, listenHttp } from "./listener.js";
import type { Reply } from "./reply.js";
import { describeOutcome, type RequestRecord } from "./request-record.js";
import { RequestBodyTooLarge, readBody, send } from "./wire.js";

export interface EmulatorCall {
  method: string;
  url: URL;
  headers: IncomingHttpHeaders;
  body: string;
}

/** The platform's side: maps a request to a reply; `origin` is the serving server's base URL. */
export type CallHandler = (call: EmulatorCall, origin: string) => Reply;

export interface Listener<Name extends string> {
  name: Name;
  /** 0 picks a free port. */
  port: number;
  handle: CallHandler;
}

export interface ServeOptions<Name extends string> {
  host: string;
  listeners: Listener<Name>[];
  faults: RequestFaults;
  /**
   * The platform's reply for an injected error status. `retryAfterSeconds` is set for 429
   * (default 1) and whenever the fault names it; the Retry-After header is added here.
   */
  faultReply(status: number, retryAfterSeconds: number | undefined): Reply;
  /** The platform's error reply for failures of the plumbing itself (413, 500). */
  failureReply(status: number, message: string): Reply;
  /** Headers every reply carries besides Content-Type, e.g. a transaction id. */
  replyHeaders?(): Record<string, string>;
  /** Each request as the client met it, and the server that answered. */
  record(server: Name, entry: RequestRecord): void;
  logger?: Logger;
  /** Prefix of log lines, e.g. "[emulator upper]". */
  logLabel(name: Name): string;
}

export interface ServingEmulator<Name extends string> {
  origins: Record<Name, string>;
  close(): Promise<void>;
}

function injectedReply<Name extends string>(
  options: ServeOptions<Name>,
  fault: { status: number; retryAfterSeconds?: number },
): Reply {
  const seconds = fault.retryAfterSeconds ?? (fault.status === 429 ? 1 : undefined);
  const reply = options.faultReply(fault.status, seconds);
  if (seconds === undefined) return reply;
  return { ...reply, headers: { ...reply.headers, "Retry-After": String(seconds) } };
}

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

export async function serveEmulator<Name extends string>(
  options: ServeOptions<Name>,
): Promise<ServingEmulator<Name>> {
  const { logger } = options;
  const delays = new Set<NodeJS.Timeout>();
  const origins = {} as Record<Name, string>;
  const extraHeaders = () => options.replyHeaders?.() ?? {};

  const wait = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        delays.delete(timer);
        resolve();
      }, ms);
      delays.add(timer);
    });

  async function handle(listener: Listener<Name>, req: IncomingMessage, res: ServerResponse) {
    const at = Date.now();
    const method = req.method ?? "GET";
    const origin = origins[listener.name];
    const url = new URL(req.url ?? "/", origin);
    const contentType = header(req.headers, "content-type");
    const log = (status: number, dropped = false) => {
      const entry: RequestRecord = { method, path: url.pathname, status, dropped, at };
      if (contentType !== undefined) entry.contentType = contentType;
      options.record(listener.name, entry);
      logger?.debug(
        `${options.logLabel(listener.name)} ${method} ${url.pathname} -> ${describeOutcome(entry)}`,
      );
    };
    let body: string;
    try {
      body = await readBody(req);
    } catch (error) {
      if (!(error instanceof RequestBodyTooLarge)) throw error;
      send(res, options.failureReply(413, "Request body too large"), extraHeaders());
      log(413);
      return;
    }
    const plan = options.faults.plan({
      env: listener.name,
      method,
      path: url.pathname,
      contentType,
    });
    if (plan.delayMs > 0) await wait(plan.delayMs);
    if (plan.drop === "before") {
      req.socket.destroy();
      log(0, true);
      return;
    }
    const reply = plan.httpError
      ? injectedReply(options, plan.httpError)
      : listener.handle({ method, url, headers: req.headers, body }, origin);
    if (plan.drop === "after") {
      // The request took effect; only its reply is lost.
      req.socket.destroy();
      log(reply.status, true);
      return;
    }
    send(res, reply, extraHeaders());
    log(reply.status);
  }

  const running: HttpListener[] = [];
  const close = async () => {
    for (const timer of delays) clearTimeout(timer);
    delays.clear();
    await Promise.all(running.map((served) => served.close()));
  };

  try {
    // One after the other, so a fixed port in use fails before the next one is taken.
    for (const listener of options.listeners) {
      const served = await listenHttp({
        host: options.host,
        port: listener.port,
        handle: (req, res) => handle(listener, req, res),
        failed: (res, error) => {
          logger?.warn(
            `${options.logLabel(listener.name)} request failed: ${(error as Error).message}`,
          );
          send(res, options.failureReply(500, "Internal Server Error"), extraHeaders());
        },
      });
      origins[listener.name] = served.origin;
      running.push(served);
    }
  } catch (error) {
    await close();
    throw error;
  }
  return { origins, close };
}
