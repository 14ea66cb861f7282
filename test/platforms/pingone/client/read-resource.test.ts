import { describe, expect, it } from "vitest";
import { sendJson } from "../../../core/http/loopback.js";
import { sendError, setup, TARGET } from "./setup.js";

describe("PingOneClient readResource", () => {
  it("reads a resource on the API origin, with its query", async () => {
    const { server, client } = await setup((_req, res) =>
      sendJson(res, 200, { id: "pop-1", name: "Staff" }),
    );
    const url = `${server.url}/v1/environments/${TARGET}/populations/pop-1?expand=x`;
    expect(await client.readResource(url)).toEqual({ id: "pop-1", name: "Staff" });
    expect(server.requests[0]?.url).toBe(`/v1/environments/${TARGET}/populations/pop-1?expand=x`);
  });

  it("returns undefined for a refusal, a 404, an unreadable body, another host or a bad URL", async () => {
    const { server, client } = await setup((req, res) => {
      if (req.url.endsWith("/forbidden")) return sendError(res, 403, "ACCESS_FAILED", "no");
      if (req.url.endsWith("/html")) {
        res.writeHead(200, { "content-type": "text/html" }).end("<html>");
        return;
      }
      sendError(res, 404, "NOT_FOUND", "gone");
    });
    for (const path of ["/forbidden", "/missing", "/html"]) {
      expect(await client.readResource(`${server.url}/v1/x${path}`)).toBeUndefined();
    }
    expect(await client.readResource("https://elsewhere.example/v1/x")).toBeUndefined();
    expect(await client.readResource("not a url")).toBeUndefined();
    expect(server.requests).toHaveLength(3);
  });

  it("lets a network error through", async () => {
    const { server, client } = await setup(
      (_req, res) => {
        res.socket?.destroy();
      },
      {
        retry: { retries: 1, baseDelayMs: 1, maxDelayMs: 2 },
      },
    );
    await expect(client.readResource(`${server.url}/v1/x`)).rejects.toMatchObject({
      name: "NetworkError",
    });
    expect(server.requests).toHaveLength(2);
  });
});
