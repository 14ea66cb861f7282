// Every reply of a full run over all endpoints must fit the response schema the public
// AIC OpenAPI spec declares for its path, method and status.
import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { RunningAicEmulator } from "../../../../src/platforms/aic/emulator/index.js";
import {
  type Answer,
  BASE,
  type Client,
  client,
  countEvents,
  start,
  waitUntil,
} from "./helpers.js";
import { check, type OpenApiSpec, responseSchema, specPathFor } from "./schema.js";

// The spec is vendored in the repository (spec/README.md says where it comes from), found from
// this file's location: the repository root is the nearest folder up with a package.json.
function repoRoot(): URL {
  let dir = new URL(".", import.meta.url);
  while (!existsSync(new URL("package.json", dir))) {
    const up = new URL("..", dir);
    if (up.href === dir.href) throw new Error(`no package.json above ${import.meta.url}`);
    dir = up;
  }
  return dir;
}
const spec = JSON.parse(
  readFileSync(new URL("spec/aic-openapi.json", repoRoot()), "utf8"),
) as OpenApiSpec;

interface Seen {
  method: string;
  path: string;
  status: number;
  body: unknown;
}

/** A client that records every reply it gets. */
function recording(inner: Client, seen: Seen[]): Client {
  const keep = async <T>(method: string, path: string, answer: Promise<Answer<T>>) => {
    const reply = await answer;
    seen.push({
      method,
      path: `${BASE}${path.split("?")[0]}`,
      status: reply.status,
      body: reply.body,
    });
    return reply;
  };
  return {
    get: (path) => keep("GET", path, inner.get(path)),
    post: (path, body) => keep("POST", path, inner.post(path, body)),
    del: (path) => keep("DELETE", path, inner.del(path)),
    send: (method, path, init) => keep(method, path, inner.send(method, path, init)),
  };
}

async function finish(emulator: RunningAicEmulator, api: Client, path: string, body: unknown) {
  const kind = path === "/promote" ? "promotion-finished" : "rollback-finished";
  const before = countEvents(emulator, kind);
  expect((await api.post(path, body)).status).toBe(202);
  await api.get("/promote");
  await waitUntil(() => countEvents(emulator, kind) > before);
  await api.get("/promote");
}

/** Drives every endpoint through success and error replies. */
async function fullRun(emulator: RunningAicEmulator, seen: Seen[]) {
  const api = recording(client(emulator), seen);
  const lower = recording(client(emulator, "lower"), seen);
  const anonymous = recording(client(emulator, "upper", "no-such-token"), seen);
  const all = [
    "/lock/state",
    "/promote",
    "/report",
    "/reports",
    "/report/x",
    "/report/provisional",
    "/report/provisional-rollback",
  ];
  for (const path of all) await anonymous.get(path);
  await anonymous.post("/lock");
  await anonymous.del("/lock/x");
  await anonymous.post("/promote", { dryRun: true });
  await anonymous.post("/rollback", {});

  await api.get("/lock/state");
  await api.get("/promote");
  await api.get("/reports");
  await api.get("/report");
  await api.get("/report/provisional-rollback");
  await lower.get("/report/provisional");
  await api.post("/promote", { dryRun: true });
  await api.post("/rollback", {});
  await api.del("/lock/not-locked");

  const id = (await api.post<{ promotionId: string }>("/lock")).body.promotionId;
  await api.post("/lock");
  await api.get("/lock/state");
  await waitUntil(() => emulator.upper.lockState().result === "locked");
  await api.get("/lock/state");
  await api.get("/lock/state?localLockOnly=true");
  await api.del("/lock/someone-else");
  await api.post("/promote", {});
  await api.post("/rollback", {});

  await finish(emulator, api, "/promote", { dryRun: true, promoter: "ci" });
  await api.get("/report");
  await finish(emulator, api, "/promote", { dryRun: false, promotionDescription: "all" });
  const reports = (await api.get<{ reportId: string }[]>("/reports")).body;
  await api.get(`/report/${reports[0]?.reportId}`);
  await api.get("/report/unknown-id");
  await api.get("/report/provisional-rollback");
  await finish(emulator, api, "/rollback", { promoter: "ci" });
  await api.get("/report");

  emulator.upper.esvs.delete("esv-email-from");
  await finish(emulator, api, "/promote", { dryRun: true });
  emulator.upper.esvs.add("esv-email-from");
  emulator.lower.config.AMConfig?.Scripts?.push({
    name: "Secret",
    uid: "secret-script",
    content: { value: { $crypto: { type: "x", value: "y" } } },
  });
  await finish(emulator, api, "/promote", { dryRun: true });
  await finish(emulator, api, "/promote", { dryRun: false, ignoreEncryptedSecrets: true });
  await api.get("/report");
  emulator.addFault({ kind: "blockingError", rollback: true });
  await finish(emulator, api, "/rollback", {});
  await api.post("/rollback", {});
  await api.post("/promote", { dryRun: true });

  await api.del(`/lock/${id}`);
  await waitUntil(() => emulator.upper.lockState().result === "unlocked");
  await api.del(`/lock/${id}`);
}

describe("OpenAPI conformance", () => {
  it("every reply of a full run fits the spec's response schema", async () => {
    const emulator = await start();
    const seen: Seen[] = [];
    await fullRun(emulator, seen);

    const problems: string[] = [];
    const statuses = new Set<string>();
    for (const reply of seen) {
      const label = `${reply.method} ${reply.path} ${reply.status}`;
      const template = specPathFor(spec, reply.path);
      if (!template) {
        problems.push(`${label}: path not in the spec`);
        continue;
      }
      statuses.add(`${reply.method} ${template} ${reply.status}`);
      const schema = responseSchema(spec, template, reply.method, reply.status);
      if (!schema) {
        problems.push(`${label}: status not declared for this operation`);
        continue;
      }
      const { errors, extras } = check(schema, reply.body, spec);
      // The guide's report lists IDM entries as names (strings) and gives each IDM category
      // its fileDestinationPattern, fileName and type; the spec's schema omits both.
      const guideIdmEntry =
        /^\$\.report\.IDMConfig\[\d+\]\.configChange\.\w+\[\d+\]: expected object, got string$/;
      const guideIdmField =
        /^\$\.report\.IDMConfig\[\d+\]\.(fileDestinationPattern|fileName|type)$/;
      problems.push(...errors.filter((e) => !guideIdmEntry.test(e)).map((e) => `${label}: ${e}`));
      // The 409 lock schema only names message; the tenant also sends code, as the guide shows.
      const allowed = reply.status === 409 && template.includes("/lock") ? ["$.code"] : [];
      const unexpected = extras.filter((x) => !allowed.includes(x) && !guideIdmField.test(x));
      problems.push(...unexpected.map((x) => `${label}: undeclared property ${x}`));
    }
    expect(problems).toEqual([]);
    // The run covered every operation of the spec under /environment/promotion.
    const operations = Object.entries(spec.paths)
      .filter(([path]) => path.startsWith(BASE))
      .flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`));
    const covered = new Set([...statuses].map((s) => s.split(" ").slice(0, 2).join(" ")));
    expect(operations.filter((op) => !covered.has(op))).toEqual([]);
    expect(
      [...statuses].filter((s) => s.endsWith(" 200") || s.endsWith(" 202")).length,
    ).toBeGreaterThan(10);
  });

  it("/info (not in the spec) follows the guide's shape", async () => {
    const emulator = await start();
    const info = (await client(emulator).get("/info")).body;
    expect(Object.keys(info)).toEqual(["promotionWouldTriggerReleaseUpgrade"]);
    expect(typeof info.promotionWouldTriggerReleaseUpgrade).toBe("boolean");
  });
});

describe("schema checker", () => {
  it("flags wrong types, missing required fields, enum misses and bad items", () => {
    const lockState = { $ref: "#/components/schemas/promotionLockState" };
    expect(check(lockState, { result: "maybe", lowerEnv: { state: 3 } }, spec).errors).toEqual([
      '$.result: "maybe" not in ["unlocked","locking","unlocking","locked","error"]',
      "$.lowerEnv.state: expected string, got integer",
    ]);
    const request = { $ref: "#/components/schemas/promotionRequest" };
    expect(check(request, {}, spec).errors).toEqual(["$: missing required dryRun"]);
    const list = { $ref: "#/components/schemas/promotionReportList" };
    expect(check(list, [{ dryRun: "no" }], spec).errors).toEqual([
      "$[0].dryRun: expected boolean, got string",
    ]);
    expect(check(list, {}, spec).errors).toEqual(["$: expected array, got object"]);
    expect(check(request, { dryRun: true, extra: 1 }, spec).extras).toEqual(["$.extra"]);
  });
});
