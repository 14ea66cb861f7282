// Starts the emulator: the admin service (the shared emulator server with the request faults)
// on a private loopback port, and the ingress in front of it on the public one.

import { type ServingEmulator, serveEmulator } from "../../../core/emulator/http-server.js";
import type { HttpListener } from "../../../core/emulator/listener.js";
import { emulatorSpeed } from "../../../core/emulator/speed.js";
import type { Logger } from "../../../core/util/log.js";
import { Deployment } from "./deployment.js";
import { failureReply, faultReply } from "./errors.js";
import { REQUEST_ID_HEADER, startIngress } from "./ingress.js";
import { route } from "./routes.js";
import { defaultArcGisScenario } from "./scenario.js";
import type { ArcGisEmulatorOptions, ArcGisRequestRecord, RunningArcGisEmulator } from "./types.js";

/** The admin service's own debug lines would repeat the ingress's; its warnings still count. */
function warningsOnly(logger: Logger | undefined): Logger | undefined {
  return logger && { info: () => {}, debug: () => {}, warn: (m) => logger.warn(m) };
}

export async function startArcGisEmulator(
  options: ArcGisEmulatorOptions = {},
): Promise<RunningArcGisEmulator> {
  const scenario = options.scenario ?? defaultArcGisScenario();
  const speed = emulatorSpeed(options.speed, scenario.speed);
  const { logger } = options;
  const deployment = new Deployment(scenario, speed);
  const requests: ArcGisRequestRecord[] = [];
  const handled = new Map<string, number>();
  let admin: ServingEmulator<"admin"> | undefined;
  let ingress: HttpListener;
  try {
    admin = await serveEmulator<"admin">({
      host: "127.0.0.1",
      listeners: [
        {
          name: "admin",
          port: 0,
          handle: (call) => {
            const reply = route(deployment, call, Date.now());
            const id = call.headers[REQUEST_ID_HEADER];
            if (typeof id === "string") handled.set(id, reply.status);
            return reply;
          },
        },
      ],
      faults: deployment.requestFaults,
      faultReply,
      failureReply,
      // The ingress keeps the log: it alone sees what reached the client.
      record: () => {},
      logger: warningsOnly(logger),
      logLabel: () => "[arcgis emulator]",
    });
    const adminPrefix = `/${scenario.context}/admin/`;
    ingress = await startIngress({
      host: options.host ?? "127.0.0.1",
      port: options.port ?? 0,
      upstream: admin.origins.admin,
      restartAt: (path, now) => {
        if (!path.startsWith(adminPrefix)) return undefined;
        deployment.advance(now);
        return deployment.restartAt(now);
      },
      takeHandledStatus: (id) => {
        const status = handled.get(id);
        handled.delete(id);
        return status;
      },
      record: (entry) => requests.push(entry),
      logger,
    });
  } catch (error) {
    deployment.close();
    await admin?.close();
    throw error;
  }
  const orgUrl = `${ingress.origin}/${scenario.context}`;
  logger?.debug(`[arcgis emulator] ${orgUrl}, speed x${speed}`);
  return {
    origin: ingress.origin,
    orgUrl,
    speed,
    scenario,
    requests,
    credentials: { ...scenario.credentials },
    accessTokens: [...scenario.accessTokens],
    state: () => deployment.state(),
    addFault: (fault) => deployment.addFault(fault),
    close: async () => {
      deployment.close();
      await Promise.all([ingress.close(), admin?.close()]);
    },
  };
}
