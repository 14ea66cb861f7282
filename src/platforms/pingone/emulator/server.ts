// Serves the organization over node:http on one loopback origin: token endpoint and API alike.

import { randomUUID } from "node:crypto";
import { type ServingEmulator, serveEmulator } from "../../../core/emulator/http-server.js";
import { emulatorSpeed } from "../../../core/emulator/speed.js";
import { failureReply, faultReply } from "./errors.js";
import { Organization } from "./organization.js";
import { promotionJson } from "./render.js";
import { cloneResources } from "./resources.js";
import { route } from "./routes.js";
import { defaultPingOneScenario } from "./scenario.js";
import type {
  PingOneEmulatorOptions,
  PingOneRequestRecord,
  RunningPingOneEmulator,
} from "./types.js";

export async function startPingOneEmulator(
  options: PingOneEmulatorOptions = {},
): Promise<RunningPingOneEmulator> {
  const scenario = options.scenario ?? defaultPingOneScenario();
  const speed = emulatorSpeed(options.speed, scenario.speed);
  const { logger } = options;
  const org = new Organization(scenario, speed);
  const requests: PingOneRequestRecord[] = [];
  let serving: ServingEmulator<"api">;
  try {
    serving = await serveEmulator<"api">({
      host: options.host ?? "127.0.0.1",
      listeners: [
        { name: "api", port: options.port ?? 0, handle: (call) => route(org, call, Date.now()) },
      ],
      faults: org.requestFaults,
      faultReply,
      failureReply,
      replyHeaders: () => ({ "Correlation-Id": randomUUID() }),
      record: (_server, entry) => requests.push(entry),
      logger,
      logLabel: () => "[pingone emulator]",
    });
  } catch (error) {
    org.close();
    throw error;
  }
  const origin = serving.origins.api;
  org.apiUrl = `${origin}/v1`;
  logger?.debug(`[pingone emulator] ${origin}, speed x${speed}`);
  return {
    origin,
    apiUrl: org.apiUrl,
    speed,
    scenario,
    requests,
    environments: org.environments.map(({ name, id }) => ({ name, id })),
    workerApp: { ...scenario.workerApp },
    accessTokens: [...scenario.accessTokens],
    tokenUrl: `${origin}/${scenario.workerApp.environmentId}/as/token`,
    resources: (id) => {
      org.advance();
      return cloneResources(org.environment(id)?.resources ?? []);
    },
    promotions: () => {
      org.advance();
      return org.promotions.all().map((record) => promotionJson(record, org.apiUrl));
    },
    addFault: (fault) => org.addFault(fault),
    close: async () => {
      org.close();
      await serving.close();
    },
  };
}
