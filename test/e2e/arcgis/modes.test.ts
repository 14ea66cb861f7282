// Every ArcGIS mode of the real CLI against the emulator: what a user sees, what the organization
// ends up running, and that a rollback is one POST after a fresh checkRollback.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect } from "vitest";
import {
  CURRENT,
  calls,
  it,
  jobMessages,
  loggedMessages,
  onDefault,
  PREVIOUS,
  parseJson,
  rollbacks,
  shippedScenario,
  UPGRADES,
} from "./emulated.js";

const removed = (json: ReturnType<typeof parseJson>) =>
  (
    json.report as unknown as { areas: { items: { deleted: { uid: string }[] }[] }[] }
  ).areas.flatMap((a) => a.items.flatMap((i) => i.deleted.map((d) => d.uid)));

describe.concurrent("read-only modes", () => {
  it("status: the version, the installed patches and the job; sends nothing", async ({ e2e }) => {
    const emulator = await e2e.emulate();
    const run = await e2e.run(emulator, "status", ["--format", "markdown"]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(`runs ${CURRENT} (11.5.0.6825); upgrades job: success`);
    expect(run.stdout).toContain(
      "| Installed patches | pat_12082025_6805, pat_11092025_6815, pat_07102025_6820, pat_23102025_6825 |",
    );
    expect(emulator.requests.every((r) => !/checkRollback|\/rollback$/.test(r.path))).toBe(true);
  });

  it("rollback-preview: the newest offer as target, the patches it removes; nothing sent", async ({
    e2e,
  }) => {
    const emulator = await e2e.emulate();
    const run = await e2e.run(emulator, "rollback-preview", ["--format", "json"]);
    expect(run.code, run.stderr).toBe(0);
    const json = parseJson(run);
    expect(json).toMatchObject({ mode: "rollback-preview", result: "succeeded", changes: 1 });
    expect(json.promotionId).toBeNull();
    expect(json.report).toMatchObject({
      kind: "patch-rollback-preview",
      extra: { from: `${CURRENT} (11.5.0.6825)`, to: `${PREVIOUS} (11.5.0.6820)` },
    });
    expect(removed(json)).toEqual([CURRENT]);
    expect(calls(emulator, "POST", "checkRollback")).toHaveLength(1);
    expect(rollbacks(emulator)).toEqual([]);
    expect(emulator.state().current).toBe(CURRENT);
  });
});

describe.concurrent("rollback", () => {
  it("to the newest offer: one POST after a fresh checkRollback, each message once, on the target", async ({
    e2e,
  }) => {
    const emulator = await e2e.emulate();
    const preview = parseJson(await e2e.run(emulator, "rollback-preview", ["--format", "json"]));
    const run = await e2e.run(emulator, "rollback", ["--format", "json"]);

    expect(run.code, run.stderr).toBe(0);
    const json = parseJson(run);
    expect(json).toMatchObject({ mode: "rollback", result: "succeeded", changes: 1 });
    expect(json.message).toContain(
      "from 11.5.0.6825 to 11.5.0.6820: removed 1 patch (pat_23102025_6825)",
    );
    expect(json.reportHash).toBe(preview.reportHash);
    expect(emulator.state()).toMatchObject({ current: PREVIOUS, currentVersion: "11.5.0.6820" });
    expect(emulator.state().job).toMatchObject({ type: "rollback", state: "success" });
    // Exactly one rollback POST, and a checkRollback of this run right before it.
    expect(rollbacks(emulator)).toHaveLength(1);
    const sent = emulator.requests.findIndex((r) => r.path === `${UPGRADES}/rollback`);
    const checks = emulator.requests
      .map((r, i) => (r.path === `${UPGRADES}/checkRollback` ? i : -1))
      .filter((i) => i >= 0);
    expect(checks).toHaveLength(2); // the preview's and the rollback's own
    expect(checks[1]).toBeLessThan(sent);
    // Every job message in stderr once, in order; the read-only window named.
    const messages = jobMessages(emulator);
    expect(messages).toHaveLength(19);
    expect(loggedMessages(run.stderr)).toEqual(messages);
    expect(run.stderr).toMatch(/\[read-only\] the organization is read-only from \d\d:\d\d:\d\d/);
    expect(run.stderr).toMatch(
      /\[read-only\] the organization is writable again at \d\d:\d\d:\d\d, after/,
    );
    expect(json.report?.kind).toBe("patch-rollback");
    // A referer-bound token is valid only with its referer: every request carried it.
    expect(emulator.requests.filter((r) => r.referer !== "tenant-promote")).toEqual([]);
  });

  it("text report: the job's messages as a timeline", async ({ e2e }) => {
    const emulator = await e2e.emulate();
    const run = await e2e.run(emulator, "rollback", ["--format", "markdown"]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain("### ✅ tenant-promote rollback: succeeded");
    expect(run.stdout).toContain("Job messages (19)");
    expect(run.stdout).toContain("Starting the rollback process from 11.5.0.6825 to 11.5.0.6820.");
  });

  it.for([
    ["a version, --rollback-to 11.5.0.6815", ["--rollback-to", "11.5.0.6815"], {}],
    ["an id, TENANT_PROMOTE_ROLLBACK_TO", [], { TENANT_PROMOTE_ROLLBACK_TO: "pat_11092025_6815" }],
  ] as const)("to %s: removes the two patches after it", async ([, args, env], { e2e }) => {
    const emulator = await e2e.emulate();
    const run = await e2e.run(emulator, "rollback", ["--format", "json", ...args], env);
    expect(run.code, run.stderr).toBe(0);
    const json = parseJson(run);
    expect(removed(json)).toEqual(["pat_07102025_6820", CURRENT]);
    expect(emulator.state()).toMatchObject({
      current: "pat_11092025_6815",
      installed: ["rel_24062025_6745", "pat_12082025_6805", "pat_11092025_6815"],
    });
    expect(rollbacks(emulator)).toHaveLength(1);
  });

  it("to the release: every patch removed", async ({ e2e }) => {
    const emulator = await e2e.emulate();
    const run = await e2e.run(emulator, "rollback", ["--rollback-to", "rel_24062025_6745"]);
    expect(run.code, run.stderr).toBe(0);
    expect(emulator.state()).toMatchObject({ currentVersion: "11.5.0.6745" });
    expect(emulator.state().installed).toEqual(["rel_24062025_6745"]);
  });

  it.for([
    ["rollback", "pat_04122025_6835"],
    ["rollback", "11.5.0.6825"],
    ["rollback-preview", "pat_01012025_6700"],
  ])(
    "%s --rollback-to %s, not offered: exit 2, the offers named, nothing sent",
    async ([mode, wanted], { e2e }) => {
      const emulator = await e2e.emulate();
      const run = await e2e.run(emulator, mode as string, [
        "--rollback-to",
        wanted as string,
        "--format",
        "json",
      ]);
      expect(run.code, run.stderr).toBe(2);
      const json = parseJson(run);
      expect(json).toMatchObject({ result: "failed", reason: "usage" });
      expect(json.message).toContain(`rollback-to ${wanted} is not among the versions`);
      expect(json.message).toContain(`${PREVIOUS} (11.5.0.6820), pat_11092025_6815 (11.5.0.6815)`);
      expect(rollbacks(emulator)).toEqual([]);
      expect(emulator.state().current).toBe(CURRENT);
    },
  );
});

describe.concurrent("checkRollback's order (none is documented)", () => {
  it.for(["newest-first", "oldest-first", "shuffled"])(
    "%s: the preview and the rollback go to the newest offer, with the same report hash",
    async (order, { e2e }) => {
      const emulator = await e2e.emulate(onDefault(`checkRollbackOrder: ${order}`));
      const preview = await e2e.run(emulator, "rollback-preview", ["--format", "json"]);
      expect(preview.code, preview.stderr).toBe(0);
      const previewed = parseJson(preview);
      expect(previewed.report).toMatchObject({ extra: { to: `${PREVIOUS} (11.5.0.6820)` } });

      const run = await e2e.run(emulator, "rollback", ["--format", "json"]);
      expect(run.code, run.stderr).toBe(0);
      const json = parseJson(run);
      expect(json.message).toContain("from 11.5.0.6825 to 11.5.0.6820: removed");
      expect(json.reportHash).toBe(previewed.reportHash);
      expect(emulator.state().current).toBe(PREVIOUS);
      expect(rollbacks(emulator)).toHaveLength(1);
    },
  );
});

describe.concurrent("rollback-preview lists the versions checkRollback offers", () => {
  const OFFERS = [
    `${PREVIOUS} (11.5.0.6820): the default target`,
    "pat_11092025_6815 (11.5.0.6815)",
    "pat_12082025_6805 (11.5.0.6805)",
    "rel_24062025_6745 (11.5.0.6745)",
  ];

  it("text and Markdown: one line each, newest first, the default marked", async ({ e2e }) => {
    const emulator = await e2e.emulate(onDefault("checkRollbackOrder: shuffled"));
    const text = await e2e.run(emulator, "rollback-preview", ["--format", "text"]);
    expect(text.code, text.stderr).toBe(0);
    const lines = text.stdout.split("\n").filter((l) => l.startsWith("Can go back to: "));
    expect(lines).toEqual(OFFERS.map((o) => `Can go back to: ${o}`));

    const markdown = await e2e.run(emulator, "rollback-preview", ["--format", "markdown"]);
    expect(markdown.code, markdown.stderr).toBe(0);
    const rows = markdown.stdout.split("\n").filter((l) => l.startsWith("| Can go back to |"));
    expect(rows).toHaveLength(4);
    expect(rows[0]).toContain("the default target");
  });

  it("JSON: each offer with its version, the default and the target marked", async ({ e2e }) => {
    const emulator = await e2e.emulate(onDefault("checkRollbackOrder: oldest-first"));
    const run = await e2e.run(emulator, "rollback-preview", [
      "--format",
      "json",
      "--rollback-to",
      "11.5.0.6805",
    ]);
    expect(run.code, run.stderr).toBe(0);
    expect(parseJson(run).status).toEqual({
      offered: [
        { id: PREVIOUS, version: "11.5.0.6820", default: true, target: false },
        { id: "pat_11092025_6815", version: "11.5.0.6815", default: false, target: false },
        { id: "pat_12082025_6805", version: "11.5.0.6805", default: false, target: true },
        { id: "rel_24062025_6745", version: "11.5.0.6745", default: false, target: false },
      ],
    });
  });
});

describe.concurrent("an environments file", () => {
  it("any ArcGIS organization is a target, the first of its group too", async ({ e2e }) => {
    const emulator = await e2e.emulate();
    const file = join(mkdtempSync(join(tmpdir(), "tenant-promote-")), "environments.yml");
    writeFileSync(
      file,
      [
        "groups:",
        "  gis:",
        "    platform: arcgis",
        "    environments:",
        `      - { name: development, url: "${emulator.orgUrl}" }`,
        "      - { name: production, url: https://gis.example.com/arcgis }",
        "",
      ].join("\n"),
    );
    const run = await e2e.run(
      emulator,
      "rollback-preview",
      ["--config", file, "--target", "gis/development", "--format", "json"],
      { TENANT_PROMOTE_ARCGIS_URL: "" },
    );
    expect(run.code, run.stderr).toBe(0);
    expect(parseJson(run)).toMatchObject({ result: "succeeded", changes: 1 });
    expect(calls(emulator, "POST", "checkRollback")).toHaveLength(1);
  });
});

describe.concurrent("no patch installed", () => {
  it.for(["rollback-preview", "rollback"])(
    "%s: no-change, exit 0, nothing sent",
    async (mode, { e2e }) => {
      const emulator = await e2e.emulate(shippedScenario("no-patch-installed"));
      const run = await e2e.run(emulator, mode, ["--format", "json"]);
      expect(run.code, run.stderr).toBe(0);
      const json = parseJson(run);
      expect(json).toMatchObject({ result: "no-change", changes: 0 });
      expect(json.message).toContain("checkRollback offers no earlier version");
      expect(rollbacks(emulator)).toEqual([]);
      expect(emulator.state().currentVersion).toBe("11.5.0.6745");
    },
  );
});
