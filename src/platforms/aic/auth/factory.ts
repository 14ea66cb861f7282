import type { TokenEndpointOptions } from "../../../core/auth/cached-token-source.js";
import { StaticTokenSource } from "../../../core/auth/static-token.js";
import type { TokenSource } from "../../../core/auth/token-source.js";
import { ServiceAccountTokenSource } from "./service-account.js";

export interface TokenSourceOptions extends TokenEndpointOptions {
  /** The environment's base URL (its origin). */
  baseUrl: string;
  accessToken?: string;
  serviceAccountId?: string;
  serviceAccountKey?: string;
  scope?: string;
}

function given(value: string | undefined): string | undefined {
  return value !== undefined && value.trim() !== "" ? value : undefined;
}

/**
 * The token source of one environment: a service account when both its id and key are
 * given (it can re-mint), else a ready-made token. Errors name inputs, never values.
 */
export function createTokenSource(
  options: TokenSourceOptions,
  envName: "upper" | "lower",
): TokenSource {
  const id = given(options.serviceAccountId);
  const key = given(options.serviceAccountKey);
  const token = given(options.accessToken);
  if (id && !key) {
    throw new Error(
      `${envName} service account id is set but its key is missing: give the service account's private key (JWK JSON or PEM)`,
    );
  }
  if (key && !id) {
    throw new Error(
      `${envName} service account key is set but its id is missing: give the service account's id`,
    );
  }
  if (id && key) {
    return new ServiceAccountTokenSource({
      ...options,
      accountId: id.trim(),
      privateKey: key,
      keyInputName: `${envName} service account key`,
    });
  }
  if (token) return new StaticTokenSource(token, `${envName} access token`);
  throw new Error(
    `no credentials for the ${envName} environment: give a service account id and key, or an access token`,
  );
}
