// A loopback PingOne token endpoint that accepts one client authentication method, like a
// worker application configured for client_secret_basic or client_secret_post.
import type { ServerResponse } from "node:http";
import type { ClientAuthMethod } from "../../../../src/platforms/pingone/auth.js";
import {
  type Loopback,
  type RecordedRequest,
  sendJson,
  startLoopback,
} from "../../../core/http/loopback.js";
import { afterTest } from "./setup.js";

export const WORKER_ENV = "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0";
export const CLIENT_ID = "worker-client-id";
export const CLIENT_SECRET = "s3cr3t:with spaces+and/slash";

export interface TokenServer extends Loopback {
  /** How each request authenticated, in order. */
  methods: Array<ClientAuthMethod | "none">;
}

export interface TokenServerOptions {
  accepts?: ClientAuthMethod;
  secret?: string;
  expiresIn?: number;
  /** Replaces the normal answer for request `index` when it returns true. */
  override?: (req: RecordedRequest, res: ServerResponse, index: number) => boolean;
}

export async function startTokenServer(options: TokenServerOptions = {}): Promise<TokenServer> {
  const accepts = options.accepts ?? "client_secret_basic";
  const secret = options.secret ?? CLIENT_SECRET;
  const methods: TokenServer["methods"] = [];
  const server = await startLoopback((req, res, index) => {
    const form = new URLSearchParams(req.body);
    const method = authMethod(req, form);
    methods.push(method.name);
    if (options.override?.(req, res, index)) return;
    if (req.method !== "POST" || req.url !== `/${WORKER_ENV}/as/token`) {
      return sendJson(res, 404, { error: "not_found" });
    }
    if (form.get("grant_type") !== "client_credentials") {
      return sendJson(res, 400, { error: "unsupported_grant_type" });
    }
    if (method.name !== accepts || method.id !== CLIENT_ID || method.secret !== secret) {
      return sendJson(res, 401, {
        error: "invalid_client",
        error_description: "Request denied: Unsupported authentication method",
      });
    }
    sendJson(res, 200, {
      access_token: `pingone-token-${index}`,
      token_type: "Bearer",
      expires_in: options.expiresIn ?? 3600,
    });
  });
  afterTest(() => server.close());
  return Object.assign(server, { methods });
}

function authMethod(
  req: RecordedRequest,
  form: URLSearchParams,
): { name: ClientAuthMethod | "none"; id?: string; secret?: string } {
  const header = req.headers.authorization;
  if (header?.startsWith("Basic ")) {
    const [id = "", secret = ""] = Buffer.from(header.slice(6), "base64")
      .toString("utf8")
      .split(":");
    const decode = (text: string) => decodeURIComponent(text.replaceAll("+", " "));
    return { name: "client_secret_basic", id: decode(id), secret: decode(secret) };
  }
  const id = form.get("client_id");
  const secret = form.get("client_secret");
  if (id !== null && secret !== null) return { name: "client_secret_post", id, secret };
  return { name: "none" };
}
