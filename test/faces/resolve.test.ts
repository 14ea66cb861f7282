// The one resolution both faces use: each face words the refusals, the rules are the same.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Held } from "../../src/core/run/shell.js";
import { UsageError } from "../../src/core/util/usage-error.js";
import {
  type FaceWording,
  givenSecrets,
  resolveRun,
  secretScrubber,
} from "../../src/faces/resolve.js";
import { watchRun } from "../../src/faces/signals.js";
import { textInput } from "../../src/platforms/common.js";
import type { Connection } from "../../src/platforms/platform.js";
import { platformById } from "../../src/platforms/registry.js";

const wording: FaceWording = {
  name: (input) => `<${input}>`,
  unpaired: (missing) => `missing ${missing}`,
  noSuchMode: (platform, mode) => `${platform.id} lacks ${mode}`,
  foreignInput: (spec, platform, value) =>
    value === spec.default ? undefined : `${spec.name} is not ${platform.id}'s`,
};

async function refusal(run: Promise<unknown>): Promise<string> {
  const error = await run.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UsageError);
  return (error as Error).message;
}

const pingone = {
  platform: "pingone",
  "source-environment-id": "27a86265-bc63-496a-8e39-337670544b0d",
  "target-environment-id": "5b55a297-9a34-4405-aa23-3760522336a3",
  "pingone-access-token": "token-value-123",
};

describe("resolveRun", () => {
  it("refuses config without target, and target without config, in the face's words", async () => {
    expect(await refusal(resolveRun("status", { config: "envs.yml" }, wording))).toBe(
      "missing target",
    );
    expect(await refusal(resolveRun("status", { target: "staging" }, wording))).toBe(
      "missing config",
    );
  });

  it("takes the platform's default mode when none is given, and refuses a mode it lacks", async () => {
    const resolved = await resolveRun(undefined, { ...pingone }, wording);
    expect(resolved.platform.id).toBe("pingone");
    expect(resolved.mode).toBe("dry-run");
    expect(await refusal(resolveRun("preview", { platform: "arcgis" }, wording))).toBe(
      "arcgis lacks preview",
    );
  });

  it("refuses another platform's input as the face says, and leaves out what it lets pass", async () => {
    expect(
      await refusal(resolveRun("status", { ...pingone, "upper-fqdn": "tenant.example" }, wording)),
    ).toBe("upper-fqdn is not pingone's");
    const referer = platformById("arcgis").inputs.find((s) => s.name === "arcgis-referer");
    const resolved = await resolveRun(
      "status",
      { ...pingone, "arcgis-referer": referer?.default },
      wording,
    );
    expect(resolved.raw).not.toHaveProperty("arcgis-referer");
  });

  it("fills the inputs from the environments file's target", async () => {
    const dir = mkdtempSync(join(tmpdir(), "resolve-"));
    const file = join(dir, "envs.yml");
    writeFileSync(
      file,
      [
        "platform: pingone",
        "environments:",
        `  - { name: dev, environmentId: ${pingone["source-environment-id"]} }`,
        `  - { name: staging, environmentId: ${pingone["target-environment-id"]} }`,
        "",
      ].join("\n"),
    );
    const resolved = await resolveRun(
      "status",
      { config: file, target: "staging", "pingone-access-token": "token-value-123" },
      wording,
    );
    expect(resolved.platform.id).toBe("pingone");
    expect(textInput(resolved.raw, "target-environment-id")).toBe(pingone["target-environment-id"]);
  });
});

describe("secrets", () => {
  it("scrubs the given secrets and, once connected, every token the connection minted", () => {
    const given = givenSecrets(platformById("pingone").inputs, (name) =>
      name === "pingone-client-secret"
        ? "client-secret-456"
        : name === "pingone-client-id"
          ? "id"
          : "",
    );
    expect(given).toEqual(["client-secret-456"]);
    const secrets = secretScrubber(given);
    const minted = ["minted-token-789"];
    expect(secrets.scrub("client-secret-456 minted-token-789")).toBe("*** minted-token-789");
    secrets.connected({ secrets: () => minted } as unknown as Connection);
    expect(secrets.scrub("client-secret-456 minted-token-789")).toBe("*** ***");
  });
});

describe("watchRun", () => {
  it("tracks what the run holds and its point of no return, and tells the face's hooks too", () => {
    const watch = watchRun();
    const told: string[] = [];
    const hooks = watch.hooks({
      onHeld: () => told.push("held"),
      onPointOfNoReturn: (w) => told.push(w),
    });
    const held = { id: "p1" } as unknown as Held;
    hooks.onHeld?.(held);
    expect(watch.held()).toBe(held);
    hooks.onPointOfNoReturn?.("the execution");
    hooks.onReleased?.(held);
    expect(watch.held()).toBeUndefined();
    expect(watch.pastPointOfNoReturn()).toBe("the execution");
    expect(told).toEqual(["held", "the execution"]);
    expect(hooks.signal).toBe(watch.cancel.signal);
  });
});
