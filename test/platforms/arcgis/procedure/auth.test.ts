// Which next steps a refused credential gets: a token refused on use (498, after the client's
// fresh-token retry) points at arcgis-referer; a password generateToken refused points at the
// username and password.
import { describe, expect, it } from "vitest";
import { AuthError } from "../../../../src/core/http/errors.js";
import { ArcGisError } from "../../../../src/platforms/arcgis/errors.js";
import { FakeArcGis } from "./fake-arcgis.js";
import { run } from "./run.js";

const PASSWORD = { "arcgis-username": "admin", "arcgis-password": "emulator-password" };

function refused(code: number): ArcGisError {
  const endpoint = {
    method: "POST",
    path: "/arcgis/admin/system/upgrades/checkRollback",
    origin: "https://gis.example.com",
  };
  const message = code === 498 ? "Invalid token." : "Token Required.";
  return new ArcGisError({ operation: "checkRollback", endpoint, status: 200, code, message });
}

async function failing(error: () => Error, raw: Record<string, string> = {}) {
  const api = new FakeArcGis();
  api.before.checkRollback = () => error();
  const { r } = await run(api, "rollback", { raw });
  expect(r).toMatchObject({ result: "failed", reason: "auth" });
  expect(api.count("rollback")).toBe(0);
  return { message: r.message, steps: r.nextSteps.join("\n") };
}

describe("a token refused on use (498)", () => {
  it("given in arcgis-token: names the Referer sent and arcgis-referer", async () => {
    const { message, steps } = await failing(() => refused(498));
    expect(message).toContain("answered error 498 (HTTP 200): Invalid token.");
    expect(message).toContain("refused the token given in arcgis-token");
    expect(message).toContain("this run sends Referer: tenant-promote (arcgis-referer)");
    expect(steps).toContain("Set arcgis-referer to the referer the token was minted with");
    expect(steps).toContain("client=referer&referer=tenant-promote");
    expect(steps).toContain("client=requestip");
    expect(steps).not.toContain("Check arcgis-username and arcgis-password");
  });

  it("with arcgis-referer given: names that referer", async () => {
    const referer = "https://gis-admin.example.com/";
    const { message, steps } = await failing(() => refused(498), { "arcgis-referer": referer });
    expect(message).toContain(`this run sends Referer: ${referer} (arcgis-referer)`);
    expect(steps).toContain(`client=referer&referer=${referer}`);
  });

  it("minted from the password: the password is fine, the Referer header is not", async () => {
    const { message, steps } = await failing(() => refused(498), PASSWORD);
    expect(message).toContain("refused a token it had just issued to admin");
    expect(message).toContain("(arcgis-referer)");
    expect(steps).toContain("drops or rewrites the Referer header");
    expect(steps).not.toContain("Check arcgis-username and arcgis-password");
  });
});

describe("other refusals keep the credential hints", () => {
  it.for([
    ["generateToken refusing the password", () => new AuthError("Invalid username or password.")],
    ["a token still required (499)", () => refused(499)],
  ] as const)("%s: check the username and password", async ([, error]) => {
    const { steps } = await failing(error, PASSWORD);
    expect(steps).toContain("Check arcgis-username and arcgis-password");
    expect(steps).not.toContain("arcgis-referer");
  });
});
