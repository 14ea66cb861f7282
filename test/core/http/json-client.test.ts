// The JSON client base on its own, against a loopback server: a 5xx read is retried, a POST
// whose answer leaves its effect unknown is never sent twice, and a refused token is minted
// again once.
import { describe, expect, it } from "vitest";
import type { TokenSource } from "../../../src/core/auth/token-source.js";
import { type ApiError, isOutcomeUnknown } from "../../../src/core/http/errors.js";
import type { HttpMethod } from "../../../src/core/http/exchange.js";
import { JsonApiClient, type JsonRequest } from "../../../src/core/http/json-client.js";
import { parseJson } from "../../../src/core/http/reply.js";
import { type Handler, sendJson, startLoopback } from "./loopback.js";

class CountingTokens implements TokenSource {
  /** How many tokens were minted: the first on the first request, one more per invalidate. */
  minted = 1;
  async getToken(): Promise<string> {
    return `token-${this.minted}`;
  }
  invalidate(): void {
    this.minted++;
  }
  secrets(): string[] {
    return [];
  }
}

class TestClient extends JsonApiClient {
  protected isRetryable(_method: HttpMethod, error: ApiError): boolean {
    return error.status >= 500;
  }
  async call(request: JsonRequest): Promise<unknown> {
    const { endpoint, reply } = await this.send(request);
    return parseJson(endpoint, reply);
  }
}

async function setup(handler: Handler) {
  const server = await startLoopback(handler);
  const tokens = new CountingTokens();
  const client = new TestClient({
    baseUrl: server.url,
    tokens,
    retry: { baseDelayMs: 1, maxDelayMs: 2, retries: 3 },
  });
  return { server, tokens, client };
}

describe("JsonApiClient", () => {
  it("retries a read that met a 5xx, then returns the JSON", async () => {
    const { server, client } = await setup((_req, res, index) =>
      index === 0 ? sendJson(res, 502, { message: "bad gateway" }) : sendJson(res, 200, { ok: 1 }),
    );
    try {
      expect(await client.call({ method: "GET", path: "/thing" })).toEqual({ ok: 1 });
      expect(server.requests).toHaveLength(2);
      expect(server.requests[0]?.headers.authorization).toBe("Bearer token-1");
    } finally {
      await server.close();
    }
  });

  it("never sends a POST twice when a 500 leaves its effect unknown", async () => {
    const { server, client } = await setup((_req, res) => sendJson(res, 500, { message: "oops" }));
    try {
      const error = await client
        .call({ method: "POST", path: "/promote", body: { dryRun: false } })
        .catch((e: unknown) => e);
      expect(isOutcomeUnknown(error)).toBe(true);
      expect(server.requests).toHaveLength(1);
      expect(server.requests[0]?.body).toBe('{"dryRun":false}');
    } finally {
      await server.close();
    }
  });

  it("a refused token is minted again once, and the request sent again with it", async () => {
    const { server, tokens, client } = await setup((req, res) =>
      req.headers.authorization === "Bearer token-1"
        ? sendJson(res, 401, { message: "unauthorized" })
        : sendJson(res, 200, { ok: 2 }),
    );
    try {
      expect(await client.call({ method: "POST", path: "/lock" })).toEqual({ ok: 2 });
      expect(tokens.minted).toBe(2);
      expect(server.requests.map((r) => r.headers.authorization)).toEqual([
        "Bearer token-1",
        "Bearer token-2",
      ]);
    } finally {
      await server.close();
    }
  });
});
