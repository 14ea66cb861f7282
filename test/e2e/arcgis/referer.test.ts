// Referer-bound tokens through the real CLI: ArcGIS refuses a token minted with client=referer on
// any request whose Referer header is not that referer, so the CLI sends arcgis-referer on every
// request, and a token bound to another referer ends in a clear auth failure that names it.
import { describe, expect } from "vitest";
import {
  allOutput,
  it,
  onDefault,
  PREVIOUS,
  parseJson,
  rollbacks,
  TOKEN_PATH,
  tokens,
} from "./emulated.js";

const ELSEWHERE = "https://gis-admin.example.com/";
/** Static token instead of the administrator's password. */
const withToken = (token: string) => ({
  TENANT_PROMOTE_ARCGIS_USERNAME: "",
  TENANT_PROMOTE_ARCGIS_PASSWORD: "",
  TENANT_PROMOTE_ARCGIS_TOKEN: token,
});

describe.concurrent("the Referer header", () => {
  it("arcgis-referer: minted with, and sent on every request, generateToken and the job's reads included", async ({
    e2e,
  }) => {
    const emulator = await e2e.emulate();
    const run = await e2e.run(emulator, "rollback", ["--arcgis-referer", ELSEWHERE]);
    expect(run.code, run.stderr).toBe(0);
    expect(emulator.state().current).toBe(PREVIOUS);
    expect(tokens(emulator).length).toBeGreaterThanOrEqual(1);
    expect(emulator.requests.length).toBeGreaterThan(10);
    expect(emulator.requests.filter((r) => r.referer !== ELSEWHERE)).toEqual([]);
  });
});

describe.concurrent("a token bound to another referer", () => {
  it("arcgis-token minted for another referer: exit 1 auth naming arcgis-referer, nothing sent; with it, the rollback runs", async ({
    e2e,
  }) => {
    const emulator = await e2e.emulate(onDefault(`tokenReferer: "${ELSEWHERE}"`));
    const token = emulator.accessTokens[0] as string;
    const refused = await e2e.run(emulator, "rollback", ["--format", "json"], withToken(token));
    expect(refused.code, refused.stderr).toBe(1);
    const json = parseJson(refused);
    expect(json).toMatchObject({ result: "failed", reason: "auth" });
    expect(json.message).toContain("Invalid token.");
    expect(json.message).toContain("this run sends Referer: tenant-promote (arcgis-referer)");
    expect(json.nextSteps.join("\n")).toContain(
      "Set arcgis-referer to the referer the token was minted with",
    );
    expect(allOutput(refused)).not.toContain(token);
    expect(rollbacks(emulator)).toEqual([]);

    const accepted = await e2e.run(emulator, "rollback", ["--format", "json"], {
      ...withToken(token),
      TENANT_PROMOTE_ARCGIS_REFERER: ELSEWHERE,
    });
    expect(accepted.code, accepted.stderr).toBe(0);
    expect(emulator.state().current).toBe(PREVIOUS);
    expect(rollbacks(emulator)).toHaveLength(1);
  });

  it("a token the user minted with generateToken for another referer: the same auth failure", async ({
    e2e,
  }) => {
    const emulator = await e2e.emulate();
    const minted = await fetch(`${emulator.origin}${TOKEN_PATH}`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        ...emulator.credentials,
        client: "referer",
        referer: ELSEWHERE,
        f: "json",
      }).toString(),
    });
    const { token } = (await minted.json()) as { token: string };
    const run = await e2e.run(emulator, "rollback-preview", ["--format", "json"], withToken(token));
    expect(run.code, run.stderr).toBe(1);
    expect(parseJson(run)).toMatchObject({ result: "failed", reason: "auth" });
    expect(parseJson(run).message).toContain("(arcgis-referer)");
    expect(allOutput(run)).not.toContain(token);

    const withIt = await e2e.run(
      emulator,
      "rollback-preview",
      ["--arcgis-referer", ELSEWHERE],
      withToken(token),
    );
    expect(withIt.code, withIt.stderr).toBe(0);
  });
});
