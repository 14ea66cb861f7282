// The deployment's ingress, the one public origin. It forwards each request to the admin
// service (the shared emulator server, which applies the request faults) and keeps the request
// log, since it alone sees what reached the client. While pods restart it answers for them, as
// a real ingress does: an HTML error page, an error object, or a destroyed socket. (serveEmulator
// writes JSON replies only, so the HTML page has to come from here.) The listener itself and
// the request record are core's.
import {
  type IncomingHttpHeaders,
  type IncomingMessage,
  request,
  type ServerResponse,
} from "node:http";
import { type HttpListener, listenHttp } from "../../../core/emulator/listener.js";
import { describeOutcome } from "../../../core/emulator/request-record.js";
import { RequestBodyTooLarge, readBody, send } from "../../../core/emulator/wire.js";
import type { Logger } from "../../../core/util/log.js";
import { errorObject, ingressPage } from "./errors.js";
import type { PodRestartWindow } from "./faults.js";
import type { ArcGisRequestRecord } from "./types.js";

/** Tags each forwarded request, so the admin service can say what it did with a lost one. */
export const REQUEST_ID_HEADER = "x-arcgis-emulator-request";

const HOP_BY_HOP = ["connection", "keep-alive", "transfer-encoding", "content-length"];

export interface IngressOptions {
  host: string;
  port: number;
  /** Origin of the admin service behind the ingress. */
  upstream: string;
  /** The pod-restart window `path` falls in at `now`, if any. */
  restartAt(path: string, now: number): PodRestartWindow | undefined;
  /** The status the admin service computed for request `id`, once (undefined: not handled). */
  takeHandledStatus(id: string): number | undefined;
  record(entry: ArcGisRequestRecord): void;
  logger?: Logger;
}

interface Upstream {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

function withoutHopByHop(headers: IncomingHttpHeaders): IncomingHttpHeaders {
  const copy = { ...headers };
  for (const name of HOP_BY_HOP) delete copy[name];
  return copy;
}

/** One fresh connection per request: a reused idle one could be closed under it, a false drop. */
function forward(upstream: string, req: IncomingMessage, body: string, id: string) {
  return new Promise<Upstream | undefined>((resolve) => {
    const headers = { ...withoutHopByHop(req.headers), [REQUEST_ID_HEADER]: id };
    const url = new URL(req.url ?? "/", upstream);
    const out = request(url, { method: req.method, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () =>
        resolve({
          status: res.statusCode ?? 502,
          headers: res.headers,
          body: Buffer.concat(chunks),
        }),
      );
      res.on("error", () => resolve(undefined));
    });
    out.on("error", () => resolve(undefined));
    out.end(body);
  });
}

/** The ingress's own answer while the pods restart: its HTML page, or an error object. */
function answerForRestartingPods(res: ServerResponse, window: PodRestartWindow): void {
  if (window.reply === "json") {
    const message = "Service unavailable while pods restart";
    send(res, errorObject(window.status, message, [], window.status), {});
    return;
  }
  res.writeHead(window.status, { "Content-Type": "text/html" });
  res.end(ingressPage(window.status));
}

export async function startIngress(options: IngressOptions): Promise<HttpListener> {
  let sequence = 0;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const at = Date.now();
    const method = req.method ?? "GET";
    const path = new URL(req.url ?? "/", "http://ingress").pathname;
    const entry: ArcGisRequestRecord = { method, path, status: 0, dropped: false, at };
    const contentType = req.headers["content-type"];
    if (contentType !== undefined) entry.contentType = contentType;
    const referer = req.headers.referer;
    if (referer !== undefined) entry.referer = referer;
    const done = () => {
      options.record(entry);
      options.logger?.debug(`[arcgis emulator] ${method} ${path} -> ${describeOutcome(entry)}`);
    };
    const restart = options.restartAt(path, at);
    if (restart?.reply === "refuse") {
      req.socket.destroy();
      entry.dropped = true;
      return done();
    }
    let body: string;
    try {
      body = await readBody(req);
    } catch (error) {
      if (!(error instanceof RequestBodyTooLarge)) throw error;
      send(res, errorObject(413, "Request body too large", [], 413), {});
      entry.status = 413;
      return done();
    }
    if (method === "POST") entry.tokenInBody = Boolean(new URLSearchParams(body).get("token"));
    if (restart) {
      answerForRestartingPods(res, restart);
      entry.status = restart.status;
      return done();
    }
    const id = String(++sequence);
    const reply = await forward(options.upstream, req, body, id);
    const handled = options.takeHandledStatus(id);
    if (!reply) {
      // The admin service dropped the connection: before handling it, or after (a lost reply).
      req.socket.destroy();
      entry.status = handled ?? 0;
      entry.dropped = true;
      return done();
    }
    res.writeHead(reply.status, withoutHopByHop(reply.headers));
    res.end(reply.body);
    entry.status = reply.status;
    done();
  }

  return listenHttp({
    host: options.host,
    port: options.port,
    handle,
    failed: (res, error) => {
      options.logger?.warn(`[arcgis emulator] request failed: ${(error as Error).message}`);
      send(res, errorObject(500, "Internal Server Error", [], 500), {});
    },
  });
}
