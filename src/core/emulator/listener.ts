// One node:http server on loopback, the plumbing every emulator server shares: a free or fixed
// port, its origin, a handler that failed answered by the caller, and a close that leaves no
// socket behind.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";

export interface HttpListenerOptions {
  host: string;
  /** 0 picks a free port. */
  port: number;
  handle(req: IncomingMessage, res: ServerResponse): Promise<void>;
  /** Answers a request whose handler threw, e.g. with a 500. */
  failed(res: ServerResponse, error: unknown): void;
}

export interface HttpListener {
  /** http://host:port, an IPv6 host in brackets. */
  origin: string;
  close(): Promise<void>;
}

export async function listenHttp(options: HttpListenerOptions): Promise<HttpListener> {
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    options.handle(req, res).catch((error: unknown) => options.failed(res, error));
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host.includes(":") ? `[${options.host}]` : options.host;
  return {
    origin: `http://${host}:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
        for (const socket of sockets) socket.destroy();
      }),
  };
}
