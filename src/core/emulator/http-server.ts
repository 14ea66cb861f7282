// Serves an emulator over node:http on loopback, one server per listener, and applies the
// request faults around the platform's handler: delays, injected error statuses, and
// connections destroyed before the handler runs or after it (the action took effect but
// the reply is lost).
import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from "node:http";
import type { AddressInfo, Socket } from "node:net";
import type { Logger } from "../util/log.js";
import type { RequestFaults } from "./faults.js";
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
  record(entry: RequestRecord<Name>): void;
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
  const sockets = new Set<Socket>();
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
    const log = (status: number, dropped?: "before" | "after") => {
      const entry: RequestRecord<Name> = {
        server: listener.name,
        method,
        path: url.pathname,
        status,
        at,
      };
      if (contentType !== undefined) entry.contentType = contentType;
      if (dropped) entry.dropped = dropped;
      options.record(entry);
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
      log(0, "before");
      return;
    }
    const reply = plan.httpError
      ? injectedReply(options, plan.httpError)
      : listener.handle({ method, url, headers: req.headers, body }, origin);
    if (plan.drop === "after") {
      // The request took effect; only its reply is lost.
      req.socket.destroy();
      log(reply.status, "after");
      return;
    }
    send(res, reply, extraHeaders());
    log(reply.status);
  }

  function serve(listener: Listener<Name>): Server {
    const server = createServer((req, res) => {
      handle(listener, req, res).catch((error: unknown) => {
        logger?.warn(
          `${options.logLabel(listener.name)} request failed: ${(error as Error).message}`,
        );
        send(res, options.failureReply(500, "Internal Server Error"), extraHeaders());
      });
    });
    server.on("connection", (socket) => {
      sockets.add(socket);
      socket.on("close", () => sockets.delete(socket));
    });
    return server;
  }

  const servers = options.listeners.map((listener) => ({ listener, server: serve(listener) }));
  const listen = (listener: Listener<Name>, server: Server) =>
    new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(listener.port, options.host, () => {
        server.off("error", reject);
        const { port } = server.address() as AddressInfo;
        const host = options.host.includes(":") ? `[${options.host}]` : options.host;
        origins[listener.name] = `http://${host}:${port}`;
        resolve();
      });
    });

  const close = async () => {
    for (const timer of delays) clearTimeout(timer);
    delays.clear();
    await Promise.all(
      servers.map(
        ({ server }) =>
          new Promise<void>((resolve) => {
            if (!server.listening) return resolve();
            server.close(() => resolve());
            server.closeAllConnections();
            for (const socket of sockets) socket.destroy();
          }),
      ),
    );
  };

  try {
    // One after the other, so a fixed port in use fails before the next one is taken.
    for (const { listener, server } of servers) await listen(listener, server);
  } catch (error) {
    await close();
    throw error;
  }
  return { origins, close };
}
