// Serves the pair over node:http: one server per environment on loopback.
import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import type { Logger } from "../../../core/util/log.js";
import type { EmulatedEnvironment } from "./environment.js";
import type { Fault, RequestPlan } from "./faults.js";
import { errorReply, type Reply } from "./reply.js";
import { route } from "./routes.js";
import { defaultScenario } from "./scenario.js";
import { Tenant } from "./tenant.js";
import type { EmulatorOptions, EmulatorRequestRecord, EnvName, RunningEmulator } from "./types.js";

/** Fixed ports when none are given, so URLs stay the same between runs of the CLI. */
export const DEFAULT_PORTS: Record<EnvName, number> = { lower: 8471, upper: 8472 };
const MAX_BODY_BYTES = 1024 * 1024;

const FAULT_MESSAGES: Record<number, string> = {
  401: "unauthorized",
  429: "Too Many Requests",
  500: "Internal Server Error",
  502: "Bad Gateway",
  503: "Service Unavailable",
  504: "Gateway Timeout",
};

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) reject(new Error("request body too large"));
      else chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function faultReply(plan: RequestPlan): Reply | undefined {
  if (!plan.httpError) return undefined;
  const { status, retryAfterSeconds } = plan.httpError;
  const headers: Record<string, string> = {};
  if (status === 429) headers["Retry-After"] = String(retryAfterSeconds);
  if (status === 401) headers["WWW-Authenticate"] = 'Bearer realm="promotion"';
  return errorReply(status, FAULT_MESSAGES[status] ?? "Injected error", headers);
}

function send(res: ServerResponse, reply: Reply): void {
  if (res.destroyed) return;
  res.writeHead(reply.status, {
    "Content-Type": "application/json",
    "Content-API-Version": "resource=1.0",
    "X-ForgeRock-TransactionId": randomUUID(),
    ...reply.headers,
  });
  res.end(JSON.stringify(reply.body));
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const scenario = options.scenario ?? defaultScenario();
  const speed = options.speed ?? scenario.speed;
  if (!(speed > 0) || !Number.isFinite(speed))
    throw new Error(`emulator speed must be a positive number, got ${speed}`);
  const host = options.host ?? "127.0.0.1";
  const logger: Logger | undefined = options.logger;
  const tenant = new Tenant(scenario, speed);
  const requests: EmulatorRequestRecord[] = [];
  const sockets = new Set<Socket>();
  const delays = new Set<NodeJS.Timeout>();
  const origins: Record<EnvName, string> = { lower: "", upper: "" };

  const wait = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        delays.delete(timer);
        resolve();
      }, ms);
      delays.add(timer);
    });

  async function handle(env: EmulatedEnvironment, req: IncomingMessage, res: ServerResponse) {
    const at = Date.now();
    const method = req.method ?? "GET";
    const url = new URL(req.url ?? "/", origins[env.name]);
    const log = (status: number) => {
      requests.push({ env: env.name, method, path: url.pathname, status, at });
      const outcome = status === 0 ? "connection dropped" : String(status);
      logger?.debug(`[emulator ${env.name}] ${method} ${url.pathname} -> ${outcome}`);
    };
    let body: string;
    try {
      body = await readBody(req);
    } catch {
      send(res, errorReply(413, "Request body too large"));
      log(413);
      return;
    }
    const plan = tenant.requestFaults.plan(env.name, method, url.pathname);
    if (plan.delayMs > 0) await wait(plan.delayMs);
    if (plan.drop === "before") {
      req.socket.destroy();
      log(0);
      return;
    }
    const reply =
      faultReply(plan) ??
      route(
        tenant,
        env,
        { method, url, headers: req.headers, body },
        origins[env.name],
        Date.now(),
      );
    if (plan.drop === "after") {
      // The request took effect; only its reply is lost.
      req.socket.destroy();
      log(0);
      return;
    }
    send(res, reply);
    log(reply.status);
  }

  function serve(env: EmulatedEnvironment): Server {
    const server = createServer((req, res) => {
      handle(env, req, res).catch((error: unknown) => {
        logger?.warn(`[emulator ${env.name}] request failed: ${(error as Error).message}`);
        send(res, errorReply(500, "Internal Server Error"));
      });
    });
    server.on("connection", (socket) => {
      sockets.add(socket);
      socket.on("close", () => sockets.delete(socket));
    });
    return server;
  }

  const servers: Record<EnvName, Server> = {
    lower: serve(tenant.lower),
    upper: serve(tenant.upper),
  };
  const listen = (name: EnvName, port: number) =>
    new Promise<void>((resolve, reject) => {
      const server = servers[name];
      server.once("error", reject);
      server.listen(port, host, () => {
        server.off("error", reject);
        const { port: actual } = server.address() as AddressInfo;
        const hostInUrl = host.includes(":") ? `[${host}]` : host;
        origins[name] = `http://${hostInUrl}:${actual}`;
        resolve();
      });
    });

  const close = async () => {
    tenant.close();
    for (const timer of delays) clearTimeout(timer);
    delays.clear();
    await Promise.all(
      Object.values(servers).map(
        (server) =>
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
    await listen("lower", options.lowerPort ?? DEFAULT_PORTS.lower);
    await listen("upper", options.upperPort ?? DEFAULT_PORTS.upper);
  } catch (error) {
    await close();
    throw error;
  }
  logger?.debug(`[emulator] lower ${origins.lower}, upper ${origins.upper}, speed x${speed}`);
  return {
    lowerUrl: origins.lower,
    upperUrl: origins.upper,
    lower: tenant.lower,
    upper: tenant.upper,
    events: tenant.events,
    requests,
    accessTokens: {
      lower: [...scenario.environments.lower.accessTokens],
      upper: [...scenario.environments.upper.accessTokens],
    },
    speed,
    addFault: (fault: Fault) => tenant.addFault(fault),
    close,
  };
}
