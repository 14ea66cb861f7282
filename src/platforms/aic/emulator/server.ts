// Serves the pair over node:http: one server per environment on loopback. The HTTP plumbing
// and request faults are core/emulator's; this file adds AIC's headers and error bodies.

import { randomUUID } from "node:crypto";
import {
  type EmulatorCall,
  type ServingEmulator,
  serveEmulator,
} from "../../../core/emulator/http-server.js";
import type { Reply } from "../../../core/emulator/reply.js";
import { emulatorSpeed } from "../../../core/emulator/speed.js";
import type { Fault } from "./faults.js";
import { errorReply } from "./reply.js";
import { route } from "./routes.js";
import type { AicEmulatorOptions, RunningAicEmulator } from "./running.js";
import { defaultScenario } from "./scenario.js";
import { Tenant } from "./tenant.js";
import type { EmulatorRequestRecord, EnvName } from "./types.js";

/** Fixed ports when none are given, so URLs stay the same between runs of the CLI. */
export const DEFAULT_PORTS: Record<EnvName, number> = { lower: 8471, upper: 8472 };

const FAULT_MESSAGES: Record<number, string> = {
  401: "unauthorized",
  429: "Too Many Requests",
  500: "Internal Server Error",
  502: "Bad Gateway",
  503: "Service Unavailable",
  504: "Gateway Timeout",
};

function faultReply(status: number): Reply {
  const headers: Record<string, string> = {};
  if (status === 401) headers["WWW-Authenticate"] = 'Bearer realm="promotion"';
  return errorReply(status, FAULT_MESSAGES[status] ?? "Injected error", headers);
}

export async function startAicEmulator(
  options: AicEmulatorOptions = {},
): Promise<RunningAicEmulator> {
  const scenario = options.scenario ?? defaultScenario();
  const speed = emulatorSpeed(options.speed, scenario.speed);
  const logger = options.logger;
  const tenant = new Tenant(scenario, speed);
  const requests: EmulatorRequestRecord[] = [];
  const listener = (name: EnvName, port: number) => ({
    name,
    port,
    handle: (call: EmulatorCall, origin: string) =>
      route(tenant, tenant[name], call, origin, Date.now()),
  });

  let serving: ServingEmulator<EnvName>;
  try {
    serving = await serveEmulator<EnvName>({
      host: options.host ?? "127.0.0.1",
      listeners: [
        listener("lower", options.lowerPort ?? DEFAULT_PORTS.lower),
        listener("upper", options.upperPort ?? DEFAULT_PORTS.upper),
      ],
      faults: tenant.requestFaults,
      faultReply,
      failureReply: errorReply,
      replyHeaders: () => ({
        "Content-API-Version": "resource=1.0",
        "X-ForgeRock-TransactionId": randomUUID(),
      }),
      // AIC's log keeps its original shape: status 0 for any dropped connection.
      record: (env, { method, path, status, dropped, at }) =>
        requests.push({ env, method, path, status: dropped ? 0 : status, at }),
      logger,
      logLabel: (name) => `[emulator ${name}]`,
    });
  } catch (error) {
    tenant.close();
    throw error;
  }
  const { origins } = serving;
  logger?.debug(`[emulator] lower ${origins.lower}, upper ${origins.upper}, speed x${speed}`);
  return {
    lowerUrl: origins.lower,
    upperUrl: origins.upper,
    lower: tenant.lower,
    upper: tenant.upper,
    events: tenant.events,
    requests,
    accessTokens: {
      lower: scenario.environments.lower.accessTokens.map((t) => t.token),
      upper: scenario.environments.upper.accessTokens.map((t) => t.token),
    },
    speed,
    addFault: (fault: Fault) => tenant.addFault(fault),
    editItem: (env, uid, content) => tenant.editItem(env, uid, content),
    close: async () => {
      tenant.close();
      await serving.close();
    },
  };
}
