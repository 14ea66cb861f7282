// The HTTP listener and request record that every emulator's servers share (ArcGIS's ingress too).
import { describe, expect, it } from "vitest";
import { listenHttp } from "../../../src/core/emulator/listener.js";
import { describeOutcome } from "../../../src/core/emulator/request-record.js";

const quiet = { host: "127.0.0.1", port: 0 };

describe("listenHttp", () => {
  it("serves on a free loopback port and names its origin", async () => {
    const listener = await listenHttp({
      ...quiet,
      handle: async (_req, res) => {
        res.end("hello");
      },
      failed: () => {},
    });
    expect(listener.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(await (await fetch(listener.origin)).text()).toBe("hello");
    await listener.close();
  });

  it("answers through `failed` when the handler throws", async () => {
    const listener = await listenHttp({
      ...quiet,
      handle: async () => {
        throw new Error("broken");
      },
      failed: (res, error) => {
        res.writeHead(500);
        res.end((error as Error).message);
      },
    });
    const reply = await fetch(listener.origin);
    expect([reply.status, await reply.text()]).toEqual([500, "broken"]);
    await listener.close();
  });

  it("closes with a request still open, and refuses a port in use", async () => {
    const hanging = await listenHttp({
      ...quiet,
      handle: () => new Promise(() => {}),
      failed: () => {},
    });
    const request = fetch(hanging.origin).catch(() => "dropped");
    await new Promise((resolve) => setTimeout(resolve, 50));
    const port = Number(new URL(hanging.origin).port);
    await expect(
      listenHttp({ host: "127.0.0.1", port, handle: async () => {}, failed: () => {} }),
    ).rejects.toThrow(/EADDRINUSE/);
    await hanging.close();
    expect(await request).toBe("dropped");
  });
});

describe("describeOutcome", () => {
  const record = { method: "POST", path: "/p", at: 0 };
  it("tells a reply, a dropped connection and a lost reply apart", () => {
    expect(describeOutcome({ ...record, status: 202, dropped: false })).toBe("202");
    expect(describeOutcome({ ...record, status: 0, dropped: true })).toBe("connection dropped");
    expect(describeOutcome({ ...record, status: 202, dropped: true })).toBe("202, reply dropped");
  });
});
