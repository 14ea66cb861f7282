// Secrets through the bundled action: a service-account key is masked line by line before
// anything runs, re-read by post rather than stored, and never shows in a log, output or summary.
import { generateKeyPairSync } from "node:crypto";
import { describe, expect } from "vitest";
import { defaultScenario } from "../../src/platforms/aic/emulator/index.js";
import { it, pushEvent, unlocksOf } from "./emulated-action.js";
import { cancelLikeRunner } from "./runner.js";

const ACCOUNT_ID = "3a2f6c1e-5d4b-4e8f-9a7c-1b2d3e4f5a6b";

describe.concurrent("secrets in the action", () => {
  it("masks every line of a PEM key, keeps tokens out of state, and post re-authenticates from the inputs", async ({
    action,
  }) => {
    const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
    const pem = privateKey.export({ type: "pkcs8", format: "pem" }).toString();
    const scenario = defaultScenario();
    scenario.environments.upper.serviceAccount = {
      id: ACCOUNT_ID,
      publicKey: publicKey.export({ type: "spki", format: "pem" }).toString(),
    };
    const emulator = await action.emulate(scenario, 60);
    const inputs = {
      mode: "promote",
      comment: "never",
      "upper-access-token": "",
      "upper-service-account-id": ACCOUNT_ID,
      "upper-service-account-key": pem,
    };
    const job = await action.job(pushEvent(), emulator);
    const main = await job.startMain(inputs);
    await main.waitForStdout(/\[promotion\] started/);
    const killed = await cancelLikeRunner(main, 0.2);
    const post = await job.post(inputs);

    const keyLines = pem.split("\n").filter((line) => line && !line.startsWith("-----"));
    for (const line of keyLines) expect(killed.masks).toContain(line);
    expect(killed.masks.indexOf(pem)).toBeLessThan(killed.stdout.indexOf("[lock]"));
    const minted = emulator.requests.filter((r) => r.path === "/am/oauth2/access_token");
    expect(minted.length).toBeGreaterThanOrEqual(2); // main and post each authenticated
    const everything = [
      killed.stdout,
      killed.stderr,
      JSON.stringify(killed.state),
      JSON.stringify(killed.outputs),
      post.stdout,
      post.summary,
    ]
      .join("\n")
      .split("\n")
      .filter((line) => !line.startsWith("::add-mask::"))
      .join("\n");
    for (const line of keyLines) expect(everything).not.toContain(line);
    expect(Object.keys(killed.state).sort()).toEqual([
      "held-id",
      "held-kind",
      "held-label",
      "held-origin",
      "held-recovery",
      "held-release",
      "is-post",
      "platform",
      "point-of-no-return",
      "started-at",
    ]);
    expect(post.code, post.stdout).toBe(0);
    expect(unlocksOf(emulator, killed.state["held-id"] as string)).toBe(1);
    expect(emulator.upper.lockState().result).toBe("unlocked");
  }, 60_000);
});
