// The token endpoint's form POST that PingOne, AIC (through requestToken) and ArcGIS share.
import { afterEach, describe, expect, it } from "vitest";
import { postTokenForm } from "../../../src/core/auth/token-endpoint.js";
import { AuthError, NetworkError } from "../../../src/core/http/errors.js";
import { retryPolicy } from "../../../src/core/http/retry.js";
import { silentLogger } from "../../../src/core/util/log.js";
import { closedPortUrl, type Loopback, sendJson, startLoopback } from "../http/loopback.js";

let server: Loopback | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const post = (url: string) => ({
  endpoint: { method: "POST", path: "/token", origin: url },
  url: `${url}/token`,
  form: () => new URLSearchParams({ username: "admin", f: "json" }),
  headers: { referer: "https://ci.example" },
  policy: retryPolicy({ retries: 2, baseDelayMs: 1, maxDelayMs: 5 }),
  logger: silentLogger,
});

describe("postTokenForm", () => {
  it("posts the form with the platform's headers and hands each reply to the platform's reader", async () => {
    server = await startLoopback((_req, res, index) =>
      index === 0 ? sendJson(res, 200, { error: "busy" }) : sendJson(res, 200, { token: "t" }),
    );
    const token = await postTokenForm(post(server.url), (reply) =>
      reply.text.includes("busy")
        ? { error: new Error("busy"), retry: { what: "busy" } }
        : { value: reply.text },
    );
    expect(token).toBe('{"token":"t"}');
    expect(server.requests).toHaveLength(2);
    expect(server.requests[0]?.body).toBe("username=admin&f=json");
    expect(server.requests[0]?.headers).toMatchObject({
      "content-type": "application/x-www-form-urlencoded",
      referer: "https://ci.example",
    });
  });

  it("refuses a redirect before the platform's reader sees it", async () => {
    server = await startLoopback((_req, res) => {
      res.writeHead(302, { location: "https://elsewhere.example/login" });
      res.end();
    });
    let read = 0;
    const attempt = postTokenForm(post(server.url), () => {
      read++;
      return { value: "never" };
    });
    await expect(attempt).rejects.toBeInstanceOf(AuthError);
    expect(read).toBe(0);
  });

  it("retries a refused connection, then gives up with the network error", async () => {
    const url = await closedPortUrl();
    await expect(postTokenForm(post(url), () => ({ value: "never" }))).rejects.toBeInstanceOf(
      NetworkError,
    );
  });
});
