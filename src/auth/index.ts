export { createTokenSource, type TokenSourceOptions } from "./factory.js";
export { redact } from "./redact.js";
export {
  PROMOTION_SCOPE,
  type ServiceAccountOptions,
  ServiceAccountTokenSource,
} from "./service-account.js";
export { StaticTokenSource } from "./static-token.js";
export type { TokenSource } from "./types.js";
