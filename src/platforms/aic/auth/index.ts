export { redact } from "../../../core/auth/redact.js";
export { StaticTokenSource } from "../../../core/auth/static-token.js";
export type { TokenSource } from "../../../core/auth/token-source.js";
export { createTokenSource, type TokenSourceOptions } from "./factory.js";
export {
  PROMOTION_SCOPE,
  type ServiceAccountOptions,
  ServiceAccountTokenSource,
} from "./service-account.js";
