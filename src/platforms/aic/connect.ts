import type { TokenSource } from "../../core/auth/token-source.js";
import type { Logger } from "../../core/util/log.js";
import { UsageError } from "../../core/util/usage-error.js";
import { createTokenSource } from "./auth/factory.js";
import { AicClient } from "./client.js";
import { AicContentClient } from "./content/client.js";
import { CONTENT_SCOPES } from "./content/collect.js";
import type { EnvironmentConfig } from "./inputs.js";

export interface EnvironmentApi {
  client: AicClient;
  tokens: TokenSource;
  /** AM and IDM reads for content diffs, with a token of their own scopes. */
  content: AicContentClient;
  contentTokens: TokenSource;
}

/** Builds the client of one environment. Key problems surface here, before any request. */
export function createEnvironmentApi(
  config: EnvironmentConfig,
  envName: "upper" | "lower",
  logger: Logger,
  requestTimeoutMs: number,
): EnvironmentApi {
  const source = (scope?: string): TokenSource => {
    try {
      return createTokenSource(
        {
          baseUrl: config.origin,
          accessToken: config.credentials.accessToken,
          serviceAccountId: config.credentials.serviceAccountId,
          serviceAccountKey: config.credentials.serviceAccountKey,
          logger,
          requestTimeoutMs,
          scope,
        },
        envName,
      );
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
  };
  const tokens = source();
  // A token of its own: an account without the AM/IDM scopes still gets its promotion token.
  const contentTokens = source(CONTENT_SCOPES);
  const base = { baseUrl: config.origin, logger, requestTimeoutMs };
  return {
    client: new AicClient({ ...base, tokens }),
    tokens,
    content: new AicContentClient({ ...base, tokens: contentTokens }),
    contentTokens,
  };
}
