// A loopback generateToken endpoint: one account, tokens expiring `expiration` minutes after its
// clock (or its own cap), and the documented refusal for a wrong password.
import type { ServerResponse } from "node:http";
import { MemoryLogger } from "../../../../src/core/util/log.js";
import {
  type GenerateTokenOptions,
  GenerateTokenSource,
} from "../../../../src/platforms/arcgis/auth.js";
import { type Loopback, type RecordedRequest, sendJson } from "../../../core/http/loopback.js";
import { CONTEXT, fixture, loopback, newDispatcher } from "./setup.js";

export const TOKEN_PATH = `${CONTEXT}/sharing/rest/generateToken`;
export const USERNAME = "siteadmin";
export const PASSWORD = "pa ss&word=s3cr3t!";

export interface TokenServerOptions {
  /** The server's clock, epoch ms (default Date.now). */
  now?: () => number;
  /** The longest token it issues, in minutes. */
  maxMinutes?: number;
  /** Replaces the normal answer for request `index` when it returns true. */
  override?: (req: RecordedRequest, res: ServerResponse, index: number) => boolean;
}

export async function startTokenServer(options: TokenServerOptions = {}): Promise<Loopback> {
  const now = options.now ?? Date.now;
  return loopback((req, res, index) => {
    if (options.override?.(req, res, index)) return;
    if (req.method !== "POST" || req.url !== TOKEN_PATH) {
      return sendJson(res, 404, { error: { code: 404, message: "Not found" } });
    }
    const form = new URLSearchParams(req.body);
    if (form.get("username") !== USERNAME || form.get("password") !== PASSWORD) {
      return sendJson(res, 200, fixture("generate-token-refused"));
    }
    const minutes = Math.min(Number(form.get("expiration")), options.maxMinutes ?? 20_160);
    sendJson(res, 200, { token: `arcgis-token-${index}`, expires: now() + minutes * 60_000 });
  });
}

export function tokenSource(
  server: Loopback,
  options: Partial<GenerateTokenOptions> = {},
): GenerateTokenSource {
  return new GenerateTokenSource({
    orgUrl: `${server.url}${CONTEXT}`,
    username: USERNAME,
    password: PASSWORD,
    dispatcher: newDispatcher(),
    logger: new MemoryLogger(),
    retry: { retries: 2, baseDelayMs: 1, maxDelayMs: 5 },
    ...options,
  });
}
