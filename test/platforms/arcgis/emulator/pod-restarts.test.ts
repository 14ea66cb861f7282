// The pods behind the ingress restarting during the job's read-only phase. At the scenarios'
// speed (60) each stretch lasts half a second or more: a loaded machine still sees it.
import { describe, expect, it } from "vitest";
import type { RunningArcGisEmulator } from "../../../../src/platforms/arcgis/emulator/index.js";
import { type Answer, admin, attempt, shipped, sleep, start } from "./helpers.js";

type Outcome = Answer | "dropped";

const statuses = (seen: Outcome[]) => seen.map((s) => (s === "dropped" ? "dropped" : s.status));

/** True once a 200 has followed the last `fault` seen: that stretch is over. */
const recoveredFrom = (fault: number | "dropped") => (seen: Outcome[]) => {
  const all = statuses(seen);
  return all.includes(fault) && all.at(-1) === 200;
};

/** Reads the upgrades resource every few ms until `enough` or the job's end; every outcome. */
async function watch(emulator: RunningArcGisEmulator, enough: (seen: Outcome[]) => boolean) {
  const client = admin(emulator);
  const seen: Outcome[] = [];
  while (!enough(seen) && emulator.state().job.state === "in_progress") {
    seen.push(await attempt(() => client.get()));
    await sleep(5);
  }
  return seen;
}

describe("pod restarts", () => {
  it("pods restarting: 502 then 503 error objects for stretches of the read-only phase", async () => {
    const emulator = await start({ scenario: shipped("pod-restart-errors"), speed: 60 });
    await admin(emulator).rollback("pat_07102025_6820");
    const seen = await watch(emulator, recoveredFrom(503));
    // The first stretch starts 0.27 s in: a slow first read may miss the 200 before it.
    const order = statuses(seen).filter((s, i, all) => s !== all[i - 1]);
    expect(order.slice(order.indexOf(502))).toEqual([502, 200, 503, 200]);
    const bad = seen.find((s) => s !== "dropped" && s.status === 502) as Answer;
    expect(bad.body).toMatchObject({ error: { code: 502 } });
  });

  it("pods restarting: the ingress's HTML 502 Bad Gateway page", async () => {
    const emulator = await start({ scenario: shipped("pod-restart-html"), speed: 60 });
    await admin(emulator).rollback("pat_07102025_6820");
    const seen = await watch(emulator, recoveredFrom(502));
    const page = seen.find((s) => s !== "dropped" && s.status === 502) as Answer;
    expect(page.headers.get("content-type")).toBe("text/html");
    expect(page.body).toMatch(/^<html>[\s\S]*502 Bad Gateway[\s\S]*<\/html>/);
    // After the stretch, the admin API answers again.
    expect(statuses(seen).at(-1)).toBe(200);
  });

  it("pods restarting: connections destroyed without a reply", async () => {
    const emulator = await start({ scenario: shipped("pod-restart-refused"), speed: 60 });
    await admin(emulator).rollback("pat_07102025_6820");
    const seen = await watch(emulator, recoveredFrom("dropped"));
    expect(statuses(seen)).toContain("dropped");
    expect(emulator.requests).toContainEqual(
      expect.objectContaining({ method: "GET", status: 0, dropped: true }),
    );
    expect(statuses(seen).at(-1)).toBe(200);
  });

  it("pod restarts added at runtime apply to the next job", async () => {
    const emulator = await start({ speed: 60 });
    emulator.addFault({
      kind: "podRestart",
      afterSeconds: 0,
      forSeconds: 60,
      reply: "json",
      status: 503,
    });
    await admin(emulator).rollback("pat_07102025_6820");
    expect(statuses(await watch(emulator, recoveredFrom(503)))).toContain(503);
  });
});
