// Replays the rollback page's example bodies (the immediate reply, the finished job) and the
// version chain of the notes through the client.
import { describe, expect, it } from "vitest";
import { sendJson } from "../../../core/http/loopback.js";
import { fixture, form, setup, UPGRADES } from "./setup.js";

describe("ArcGisClient on the documented examples", () => {
  it("reads the rollback's immediate reply: in progress, one 2072 message", async () => {
    const body = fixture("rollback-reply");
    const { server, client } = await setup((_req, res) => sendJson(res, 200, body));
    const job = await client.rollback("pat_345432_505");
    expect(job).toEqual(body);
    expect(job.status.state).toBe("in_progress");
    expect(job.status.code).toBe(1);
    expect(job.status.messages).toEqual([
      {
        code: 2072,
        message: "Starting the rollback process from 10.9.0.506 to 10.9.0.505.",
        when: 1602276011623,
      },
    ]);
    expect(server.requests[0]?.url).toBe(`${UPGRADES}/rollback`);
    expect(form(server.requests[0]?.body).versionManifest).toBe('{"id":"pat_345432_505"}');
  });

  it("reads the finished job's messages from the upgrades resource, in order", async () => {
    const body = fixture("upgrades-rollback-success");
    const { client } = await setup((_req, res) => sendJson(res, 200, body));
    const { status } = await client.upgrades();
    expect(status.state).toBe("success");
    expect(status.code).toBe(3);
    const messages = status.messages ?? [];
    expect(messages).toHaveLength(19);
    expect(messages.map((m) => m.code)).toEqual([
      2072, 2168, 2165, 2270, 2287, 2288, 2271, 2293, 2177, 2293, 2177, 2293, 2177, 2166, 2179,
      2183, 2263, 2077, 2076,
    ]);
    expect(messages.every((m) => typeof m.when === "number")).toBe(true);
    expect(messages.at(-2)?.message).toContain("00hr:06min:45sec");
    expect(messages.at(-1)?.message).toMatch(/rolled-back from 10\.9\.0\.1090 to 10\.9\.0\.1089/);
    // 6 min 45 s from the first message to the last.
    const first = messages[0]?.when ?? 0;
    const last = messages.at(-1)?.when ?? 0;
    expect(last - first).toBe(417_048);
  });

  it("reads checkRollback and installed over the notes' version chain", async () => {
    const bodies = [fixture("check-rollback"), fixture("installed")];
    const { client } = await setup((_req, res, index) => sendJson(res, 200, bodies[index]));
    const targets = await client.checkRollback();
    expect(targets.map((v) => v.id)).toEqual([
      "pat_23102025_6825",
      "pat_07102025_6820",
      "pat_11092025_6815",
      "pat_12082025_6805",
    ]);
    expect(targets[1]).toMatchObject({ type: "patch", version: "11.5.0", previousBuild: "6815" });
    const installed = await client.installed();
    expect(installed[0]).toMatchObject({ id: "rel_24062025_6745", type: "release" });
    expect(installed.at(-1)?.id).toBe("pat_04122025_6835");
  });
});
