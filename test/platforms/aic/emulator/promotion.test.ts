import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { loadScenarioFile } from "../../../../src/platforms/aic/emulator/index.js";
import { PHASE_MS } from "../../../../src/platforms/aic/emulator/promotion.js";
import type { RawReport } from "../../../../src/platforms/aic/types.js";
import { changeNames, client, lockPair, runToEnd, start, waitUntil } from "./helpers.js";

const scenarioPath = (name: string) =>
  fileURLToPath(new URL(`../../../../scenarios/${name}`, import.meta.url));

const DEFAULT_CHANGES = [
  "AMConfig/Journeys/added:ProgressiveProfile",
  "AMConfig/Journeys/deleted:LegacyLogin",
  "AMConfig/Journeys/modified:Login",
  "AMConfig/Scripts/added:Set Session Properties",
  "AMConfig/Scripts/modified:Login Helper",
  "IDMConfig/Email > Templates/added:Forgotten Username",
];

describe("dry run", () => {
  it("reports the default scenario's changes and applies nothing", async () => {
    const emulator = await start();
    const id = await lockPair(emulator);
    const upperBefore = structuredClone(emulator.upper.config);
    const status = await runToEnd(emulator, "/promote", {
      dryRun: true,
      promoter: "ci-bot",
      promotionDescription: "nightly",
    });
    expect(status).toMatchObject({
      status: "READY",
      message: "Promotion completed",
      blockingError: false,
      globalLock: "LOCKED",
      promotionId: id,
      type: "promotion",
    });
    expect(emulator.upper.config).toEqual(upperBefore);

    const report = (await client(emulator).get<RawReport>("/report")).body;
    expect(changeNames(report)).toEqual(DEFAULT_CHANGES);
    expect(report).toMatchObject({
      promotionId: id,
      dryRun: true,
      type: "promotion",
      promoter: "ci-bot",
      promotionDescription: "nightly",
      missingESVs: [],
    });
    expect(report.reportName).toMatch(
      new RegExp(`^Report_\\d{4}-\\d\\d-\\d\\dT\\d\\d-\\d\\d\\+00Z_dryrun=true_${id}$`),
    );
    expect(report.createdDate).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    const journeys = (report.report?.AMConfig as { configChange: object }[] | undefined)?.[0];
    expect(journeys?.configChange).toEqual({
      added: [
        {
          name: "ProgressiveProfile",
          realm: "/alpha",
          uid: expect.stringMatching(/^ou=ProgressiveProfile,ou=trees,/),
        },
      ],
      modified: [{ name: "Login", realm: "/alpha", uid: expect.stringMatching(/^ou=Login,/) }],
      deleted: [{ name: "LegacyLogin", realm: "/alpha", uid: expect.any(String) }],
    });
    // A dry run does not restart workloads.
    const phases = emulator.events.filter((e) => e.kind === "phase").map((e) => e.detail);
    expect(phases).toEqual(["promotion: Prepare config", "promotion: Update configuration"]);
  });

  it("rejects a body without a boolean dryRun", async () => {
    const emulator = await start();
    await lockPair(emulator);
    const api = client(emulator);
    for (const body of [{}, { dryRun: "yes" }]) {
      const reply = await api.post("/promote", body);
      expect(reply.status).toBe(400);
      expect(reply.body.message).toMatch(/dryRun/);
    }
    expect((await api.send("POST", "/promote", { body: "not json" })).status).toBe(400);
  });

  it("refuses to start when not locked or already running", async () => {
    const emulator = await start({ speed: 100 });
    const api = client(emulator);
    const unlocked = await api.post("/promote", { dryRun: true });
    expect(unlocked.status).toBe(409);
    expect(unlocked.body).toEqual({ code: 409, message: "Environment is not in locked state" });
    await lockPair(emulator);
    expect((await api.post("/promote", { dryRun: true })).status).toBe(202);
    expect((await api.get("/promote")).body).toMatchObject({
      status: "RUNNING",
      message: "Prepare config",
    });
    const again = await api.post("/promote", { dryRun: true });
    expect(again.status).toBe(409);
    expect(again.body.message).toMatch(/already running/);
  });
});

describe("promotion", () => {
  it("applies the changes; a later dry run finds no change", async () => {
    const emulator = await start();
    const id = await lockPair(emulator);
    const api = client(emulator);
    const final = await runToEnd(emulator, "/promote", { dryRun: false });
    expect(final).toMatchObject({ status: "READY", message: "Promotion completed" });
    expect(emulator.upper.config).toEqual(emulator.lower.config);

    const real = (await api.get<RawReport>("/report")).body;
    expect(real.dryRun).toBe(false);
    expect(changeNames(real)).toEqual(DEFAULT_CHANGES);

    const again = await runToEnd(emulator, "/promote", { dryRun: true });
    expect(again.message).toBe("Promotion completed (no change)");
    expect((await api.get<RawReport>("/report")).body.report).toEqual({});
    const noop = await runToEnd(emulator, "/promote", { dryRun: false });
    expect(noop.message).toBe("Promotion completed (no change)");

    const list = (await api.get<{ reportId: string; dryRun: boolean }[]>("/reports")).body;
    expect(list.map((m) => m.dryRun)).toEqual([false, true, false]);
    expect(
      list.every(
        (m) => Object.keys(m).sort().join() === "createdDate,dryRun,promotionId,reportId,type",
      ),
    ).toBe(true);
    const first = await api.get<RawReport>(`/report/${list[0]?.reportId}`);
    expect(first.body.promotionId).toBe(id);
    const unknown = await api.get("/report/no-such-report");
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe(404);
  });

  it("runs every phase for its scaled duration", async () => {
    const speed = 5000;
    const emulator = await start({ speed });
    await lockPair(emulator);
    await runToEnd(emulator, "/promote", { dryRun: false });
    const timeline = emulator.events.filter(
      (e) => e.kind === "phase" || e.kind === "promotion-finished",
    );
    expect(timeline.map((e) => e.detail)).toEqual([
      "promotion: Prepare config",
      "promotion: Promote configuration",
      "promotion: Restart workloads",
      "promotion: Waiting for workloads to restart",
      "READY: Promotion completed",
    ]);
    const gaps = timeline.slice(1).map((e, i) => e.at - (timeline[i]?.at ?? 0));
    const expected = [PHASE_MS.prepare, PHASE_MS.promote, PHASE_MS.restart, PHASE_MS.waitPromotion];
    gaps.forEach((gap, i) => {
      expect(gap).toBeCloseTo((expected[i] ?? 0) / speed, 6);
    });
  });

  it("unlocks by itself when asked to", async () => {
    const emulator = await start();
    await lockPair(emulator);
    await runToEnd(emulator, "/promote", { dryRun: false, unlockEnvironmentsAfterPromotion: true });
    await waitUntil(() => emulator.upper.lockState().result === "unlocked");
  });

  it("serves the provisional report on the lower environment, without a lock", async () => {
    const emulator = await start();
    const lower = client(emulator, "lower");
    const report = await lower.get<RawReport>("/report/provisional");
    expect(report.status).toBe(200);
    expect(report.body.type).toBe("provisional");
    expect(changeNames(report.body)).toEqual(DEFAULT_CHANGES);
    expect((await client(emulator).get("/report/provisional")).status).toBe(400);
    expect((await client(emulator).get("/report")).status).toBe(404);
  });
});

describe("integrity checks", () => {
  it("stops on missing ESVs, not blocking; passes once the ESV exists", async () => {
    const emulator = await start({ scenario: loadScenarioFile(scenarioPath("missing-esvs.yaml")) });
    await lockPair(emulator);
    const failed = await runToEnd(emulator, "/promote", { dryRun: true });
    expect(failed).toMatchObject({
      status: "ERROR",
      message: "Missing ESVs",
      blockingError: false,
      missingESVs: ["email.from"],
    });
    expect((await client(emulator).get<RawReport>("/report")).body.missingESVs).toEqual([
      "email.from",
    ]);
    expect(
      (await client(emulator, "lower").get<RawReport>("/report/provisional")).body.missingESVs,
    ).toEqual(["email.from"]);
    emulator.upper.esvs.add("esv-email-from");
    const passed = await runToEnd(emulator, "/promote", { dryRun: false });
    expect(passed.message).toBe("Promotion completed");
  });

  it("stops on encrypted values with file and line, unless told to ignore them", async () => {
    const emulator = await start({
      scenario: loadScenarioFile(scenarioPath("encrypted-secrets.yaml")),
    });
    await lockPair(emulator);
    const file =
      "am/services/realm/root-alpha/persistentcookiedecisionnode/1.0/organizationconfig/default/dd35c42f-177e-4633-9107-373214858fa7.json";
    const failed = await runToEnd(emulator, "/promote", { dryRun: false });
    // Line 7 of the pretty-printed item: {, _id, idleTimeout, maxLife, useHttpOnlyCookie, hmacSigningKey, "$crypto".
    expect(failed).toMatchObject({
      status: "ERROR",
      message: "Found encrypted values in the AM/IDM configuration",
      blockingError: false,
      encryptedSecrets: [`* ${file}:7`],
    });
    expect(emulator.upper.history).toHaveLength(0);
    const passed = await runToEnd(emulator, "/promote", {
      dryRun: false,
      ignoreEncryptedSecrets: true,
    });
    expect(passed.message).toBe("Promotion completed");
    const report = (await client(emulator).get<RawReport>("/report")).body;
    expect(report.previouslyIgnoredEncryptedSecrets).toEqual([`* ${file}:7`]);
  });
});
