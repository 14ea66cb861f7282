// Reading request bodies and writing JSON replies on node:http.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Reply } from "./reply.js";

const MAX_BODY_BYTES = 1024 * 1024;

export class RequestBodyTooLarge extends Error {
  override readonly name = "RequestBodyTooLarge";
}

export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) reject(new RequestBodyTooLarge("request body too large"));
      else chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

/** Writes `reply` as JSON (no body when reply.body is undefined), unless the socket is gone. */
export function send(res: ServerResponse, reply: Reply, headers: Record<string, string>): void {
  if (res.destroyed || res.headersSent) return;
  const hasBody = reply.body !== undefined;
  res.writeHead(reply.status, {
    ...(hasBody ? { "Content-Type": "application/json" } : {}),
    ...headers,
    ...reply.headers,
  });
  res.end(hasBody ? JSON.stringify(reply.body) : undefined);
}
