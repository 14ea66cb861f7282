// Maps one request to a reply against the deployment at `now`: generateToken, and the upgrades
// resource with its operations. POSTs must carry `token` in the form body (the docs say so; a
// query or header token is not read for them); GETs take `?token=`, Authorization: Bearer or
// X-Esri-Authorization: Bearer. A referer-bound token needs its referer as the Referer header.
import { isMapping } from "../../../core/emulator/fields.js";
import type { EmulatorCall } from "../../../core/emulator/http-server.js";
import { ok, type Reply } from "../../../core/emulator/reply.js";
import type { Deployment } from "./deployment.js";
import { errorObject, invalidToken, refusal, tokenRequired } from "./errors.js";
import type { CheckRollbackOrder } from "./scenario.js";
import {
  available,
  current,
  fullVersion,
  installed,
  rollbackOptions,
  type VersionChain,
} from "./versions.js";

const TOKEN_PATH = /^\/sharing\/rest\/generateToken\/?$/;
const UPGRADES_PATH = /^\/admin\/system\/upgrades(?:\/([A-Za-z]+))?\/?$/;
const FORMATS = ["json", "pjson"];

interface Operation {
  postOnly?: boolean;
  /** Answers while a job runs; the others are unavailable then. */
  whileBusy?: boolean;
  run(d: Deployment, form: URLSearchParams, now: number): Reply;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function rollback(d: Deployment, form: URLSearchParams, now: number): Reply {
  const refuse = (code: number, message: string) =>
    refusal(d.scenario.operationErrorForm, code, message);
  if (d.job?.running) return refuse(409, `A ${d.job.type} job is in progress; wait until it ends.`);
  const manifest = parseJson(form.get("versionManifest") ?? "");
  const id = isMapping(manifest) ? manifest.id : undefined;
  if (typeof id !== "string")
    return refuse(400, "'versionManifest' must be a JSON object with the id of a version.");
  if (!isMapping(parseJson(form.get("rollbackSettings") || "{}")))
    return refuse(400, "'rollbackSettings' must be a JSON object.");
  const options = rollbackOptions(d.chain);
  const target = options.find((version) => version.id === id);
  if (!target) {
    const offered = options.map((version) => version.id).join(", ") || "none";
    const from = fullVersion(current(d.chain));
    return refuse(400, `Version ${id} is not a rollback option for ${from} (offered: ${offered}).`);
  }
  return ok({ status: d.rollback(target, now).status() });
}

/**
 * checkRollback's list in the scenario's order; the API documents none. "shuffled" is fixed:
 * newest first, turned halfway round, so the newest option is neither first nor (from three
 * options on) last.
 */
function offered(chain: VersionChain, order: CheckRollbackOrder) {
  const newestFirst = rollbackOptions(chain);
  if (order === "oldest-first") return newestFirst.reverse();
  if (order === "shuffled") {
    const half = Math.floor(newestFirst.length / 2);
    return [...newestFirst.slice(half), ...newestFirst.slice(0, half)];
  }
  return newestFirst;
}

const OPERATIONS: Record<string, Operation> = {
  "": { whileBusy: true, run: (d) => ok({ status: d.status() }) },
  checkRollback: {
    postOnly: true,
    run: (d) => ok({ updates: offered(d.chain, d.scenario.checkRollbackOrder) }),
  },
  rollback: { postOnly: true, whileBusy: true, run: rollback },
  installed: { postOnly: true, run: (d) => ok({ updates: installed(d.chain) }) },
  available: { postOnly: true, run: (d) => ok({ updates: available(d.chain) }) },
  currentVersion: { run: (d) => ok({ ...current(d.chain), status: d.status() }) },
  history: { run: (d) => ok({ history: d.history }) },
};

function bearer(header: string | string[] | undefined): string | undefined {
  return typeof header === "string" ? /^Bearer\s+(\S+)\s*$/i.exec(header)?.[1] : undefined;
}

function tokenOf(call: EmulatorCall, form: URLSearchParams): string | undefined {
  if (call.method === "POST") return form.get("token") || undefined;
  return (
    call.url.searchParams.get("token") ||
    bearer(call.headers["x-esri-authorization"]) ||
    bearer(call.headers.authorization)
  );
}

function upgrades(
  d: Deployment,
  call: EmulatorCall,
  form: URLSearchParams,
  name: string,
  now: number,
): Reply {
  const operation = OPERATIONS[name];
  if (!operation) return errorObject(404, `Resource not found: ${call.url.pathname}`);
  if (operation.postOnly && call.method !== "POST")
    return errorObject(405, `${name} is a POST operation.`);
  const check = d.tokens.check(tokenOf(call, form), call.headers.referer, now);
  const asHttp = d.scenario.tokenErrorsAsHttpStatus;
  if (check === "missing") return tokenRequired(asHttp);
  if (check !== "valid") return invalidToken(asHttp);
  if (d.job?.running && !operation.whileBusy)
    return refusal(
      d.scenario.operationErrorForm,
      409,
      `The upgrades operations are unavailable while an ${d.job.type} job is in progress.`,
    );
  return operation.run(d, form, now);
}

export function route(d: Deployment, call: EmulatorCall, now: number): Reply {
  d.advance(now);
  const prefix = `/${d.scenario.context}`;
  const path = call.url.pathname;
  if (!path.startsWith(`${prefix}/`)) return errorObject(404, `Not found: ${path}`, [], 404);
  const rest = path.slice(prefix.length);
  const form = call.method === "POST" ? new URLSearchParams(call.body) : call.url.searchParams;
  // The real default is an HTML page; the emulator speaks JSON only and says so.
  const format = form.get("f") ?? call.url.searchParams.get("f") ?? "html";
  if (!FORMATS.includes(format))
    return errorObject(
      400,
      `Unsupported format '${format}': the emulator answers f=json or pjson.`,
    );
  if (TOKEN_PATH.test(rest)) {
    if (call.method !== "POST") return errorObject(405, "generateToken must be sent with POST.");
    return d.tokens.generate(form, now);
  }
  const upgradesMatch = UPGRADES_PATH.exec(rest);
  if (!upgradesMatch) return errorObject(404, `Resource not found: ${path}`);
  return upgrades(d, call, form, upgradesMatch[1] ?? "", now);
}
