import type { TokenSource } from "../../core/auth/token-source.js";
import type { Logger } from "../../core/util/log.js";
import { UsageError } from "../../core/util/usage-error.js";
import { createTokenSource } from "./auth/factory.js";
import { AicClient } from "./client.js";
import type { EnvironmentConfig } from "./inputs.js";

export interface EnvironmentApi {
  client: AicClient;
  tokens: TokenSource;
}

/** Builds the client of one environment. Key problems surface here, before any request. */
export function createEnvironmentApi(
  config: EnvironmentConfig,
  envName: "upper" | "lower",
  logger: Logger,
  requestTimeoutMs: number,
): EnvironmentApi {
  let tokens: TokenSource;
  try {
    tokens = createTokenSource(
      {
        baseUrl: config.origin,
        accessToken: config.credentials.accessToken,
        serviceAccountId: config.credentials.serviceAccountId,
        serviceAccountKey: config.credentials.serviceAccountKey,
        logger,
        requestTimeoutMs,
      },
      envName,
    );
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  return {
    client: new AicClient({ baseUrl: config.origin, tokens, logger, requestTimeoutMs }),
    tokens,
  };
}
