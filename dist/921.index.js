export const id = 921;
export const ids = [921];
export const modules = {

/***/ 3921:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  arcGisEmulatorEntry: () => (/* binding */ arcGisEmulatorEntry)
});

// EXTERNAL MODULE: ./src/platforms/common.ts
var common = __webpack_require__(2363);
;// CONCATENATED MODULE: ./src/platforms/arcgis/emulator/banner.ts
function formatArcGisEmulatorBanner(running) {
    const state = running.state();
    const { username, password } = running.credentials;
    const patches = state.installed.length - 1;
    return [
        `Emulated ArcGIS Enterprise on Kubernetes upgrades API (speed x${running.speed})`,
        `  organization:   ${running.orgUrl}`,
        `  generateToken:  ${running.orgUrl}/sharing/rest/generateToken`,
        `  upgrades:       ${running.orgUrl}/admin/system/upgrades`,
        `  administrator:  ${username} / ${password}`,
        `  static token:   ${running.accessTokens[0] ? `${running.accessTokens[0]} (referer ${running.scenario.tokenReferer})` : "(none: use generateToken)"}`,
        `  current:        ${state.currentVersion} (${state.current}), ${patches} patch(es) installed`,
        `  rollback to:    ${state.installed.slice(0, -1).reverse().join(", ") || "(nothing)"}`,
        `  available:      ${state.available.join(", ") || "(nothing)"}`,
    ].join("\n");
}

// EXTERNAL MODULE: ./src/core/emulator/fields.ts
var fields = __webpack_require__(4506);
// EXTERNAL MODULE: ./src/core/emulator/scenario-yaml.ts
var scenario_yaml = __webpack_require__(197);
;// CONCATENATED MODULE: ./src/platforms/arcgis/emulator/default-scenario.ts
// The built-in scenario as a plain document (the shape of a scenario YAML file): an 11.5
// release with four patches installed and a fifth available. scenarios/arcgis/default.yaml
// holds the same. Timings add up to about seven real minutes, like the documented rollback.
const DEFAULT_ARCGIS_SCENARIO_DOCUMENT = {
    speed: 60,
    context: "arcgis",
    credentials: { username: "admin", password: "emulator-password" },
    accessTokens: ["emulator-token"],
    tokenReferer: "tenant-promote",
    maxTokenLifetimeMinutes: 20160,
    tokenErrorsAsHttpStatus: false,
    operationErrorForm: "error",
    checkRollbackOrder: "newest-first",
    release: { id: "rel_24062025_6745", version: "11.5.0" },
    patches: {
        installed: ["pat_12082025_6805", "pat_11092025_6815", "pat_07102025_6820", "pat_23102025_6825"],
        available: ["pat_04122025_6835"],
    },
    timings: {
        launchSeconds: 11,
        preparationSeconds: 61,
        modules: [
            { name: "apps", seconds: 31.5 },
            { name: "monitoring components", seconds: 35.7 },
            { name: "main core rest APIs", seconds: 216.9 },
        ],
        postUpgradeSeconds: 60,
    },
};

// EXTERNAL MODULE: ./src/core/emulator/scenario-faults.ts
var scenario_faults = __webpack_require__(5211);
;// CONCATENATED MODULE: ./src/platforms/arcgis/emulator/faults.ts
const DEFAULT_FAILURE_CODE = 2078;
const DEFAULT_FAILURE_REASON = "pods did not become ready in time";

;// CONCATENATED MODULE: ./src/platforms/arcgis/emulator/scenario-faults.ts
// Reads the `faults:` mapping of an ArcGIS scenario (format: see faults.ts).



const FAULT_KEYS = [...scenario_faults/* REQUEST_FAULT_KEYS */.km, "podRestarts", "jobFailure", "jobInProgress"];
const REPLIES = ["html", "json", "refuse"];
function oneOf(value, path, allowed, fallback) {
    const given = (0,fields/* optionalText */.mR)(value, path) ?? fallback;
    if (!allowed.includes(given))
        throw new fields/* ScenarioError */.tp(`${path} must be ${allowed.join(", ")}, got ${JSON.stringify(given)}`);
    return given;
}
function podRestarts(value) {
    return (0,fields/* list */.p_)(value, "faults.podRestarts").map((item, i) => {
        const path = `faults.podRestarts[${i}]`;
        const raw = (0,fields/* mapping */.pq)(item, path);
        (0,fields/* onlyKeys */.Bh)(raw, path, ["afterSeconds", "forSeconds", "reply", "status"]);
        return {
            kind: "podRestart",
            afterSeconds: (0,fields/* number */.ai)(raw.afterSeconds ?? 0, `${path}.afterSeconds`, { min: 0 }),
            forSeconds: (0,fields/* number */.ai)(raw.forSeconds, `${path}.forSeconds`, { positive: true }),
            reply: oneOf(raw.reply, `${path}.reply`, REPLIES, "html"),
            status: (0,fields/* number */.ai)(raw.status ?? 502, `${path}.status`, { integer: true, min: 400 }),
        };
    });
}
function parseArcGisFaults(value) {
    if (value === undefined || value === null)
        return [];
    const raw = (0,fields/* mapping */.pq)(value, "faults");
    (0,fields/* onlyKeys */.Bh)(raw, "faults", FAULT_KEYS);
    const faults = [...(0,scenario_faults/* parseRequestFaults */.UD)(raw)];
    if (raw.podRestarts !== undefined)
        faults.push(...podRestarts(raw.podRestarts));
    const failure = (0,scenario_faults/* flagOrMapping */.cL)(raw.jobFailure, "faults.jobFailure");
    if (failure) {
        const path = "faults.jobFailure";
        (0,fields/* onlyKeys */.Bh)(failure, path, ["module", "reason", "code", "count"]);
        faults.push({
            kind: "jobFailure",
            module: (0,fields/* optionalText */.mR)(failure.module, `${path}.module`),
            reason: (0,fields/* optionalText */.mR)(failure.reason, `${path}.reason`) ?? DEFAULT_FAILURE_REASON,
            code: (0,fields/* number */.ai)(failure.code ?? DEFAULT_FAILURE_CODE, `${path}.code`, { integer: true }),
            count: (0,fields/* number */.ai)(failure.count ?? 1, `${path}.count`, { integer: true, min: 1 }),
        });
    }
    const running = (0,scenario_faults/* flagOrMapping */.cL)(raw.jobInProgress, "faults.jobInProgress");
    if (running) {
        const path = "faults.jobInProgress";
        (0,fields/* onlyKeys */.Bh)(running, path, ["type", "to", "elapsedSeconds"]);
        faults.push({
            kind: "jobInProgress",
            type: oneOf(running.type, `${path}.type`, ["upgrade", "rollback"], "upgrade"),
            to: (0,fields/* optionalText */.mR)(running.to, `${path}.to`),
            elapsedSeconds: (0,fields/* optionalNumber */.WI)(running.elapsedSeconds, `${path}.elapsedSeconds`, { min: 0 }) ?? 0,
        });
    }
    return faults;
}

;// CONCATENATED MODULE: ./src/platforms/arcgis/emulator/versions.ts
const ID = /^(rel|pat)_(\d{2})(\d{2})(\d{4})_(\d+)$/;
function parseVersionId(id) {
    const match = ID.exec(id);
    if (!match)
        return undefined;
    const [, kind, dd, mm, yyyy, build] = match;
    const released = Date.UTC(Number(yyyy), Number(mm) - 1, Number(dd));
    const date = new Date(released);
    // Date.UTC rolls 31022025 over to March; such an id is a typo.
    if (date.getUTCDate() !== Number(dd) || date.getUTCMonth() !== Number(mm) - 1)
        return undefined;
    return { type: kind === "rel" ? "release" : "patch", released, build: build ?? "" };
}
/** 11.5.0 and build 6825 -> 11.5.0.6825, the form job messages and history use. */
function fullVersion(version) {
    return `${version.version}.${version.build}`;
}
function installed(chain) {
    return [chain.release, ...chain.patches.slice(0, chain.installedCount)];
}
function available(chain) {
    return chain.patches.slice(chain.installedCount);
}
function current(chain) {
    return chain.patches[chain.installedCount - 1] ?? chain.release;
}
/** What checkRollback offers: every installed version before the current one, newest first. */
function rollbackOptions(chain) {
    return installed(chain).slice(0, -1).reverse();
}
/** How many patches stay installed once `id` is the current version; undefined if unknown. */
function installedCountAt(chain, id) {
    if (id === chain.release.id)
        return 0;
    const index = chain.patches.findIndex((patch) => patch.id === id);
    return index < 0 ? undefined : index + 1;
}
/** The version a job of `type` may go to (`to`, or the nearest one), or why there is none. */
function jobTarget(chain, type, to) {
    const options = type === "upgrade" ? available(chain) : rollbackOptions(chain);
    const ids = options.map((version) => version.id).join(", ") || "none";
    if (to === undefined)
        return options[0] ?? `there is no version to ${type} to`;
    return (options.find((version) => version.id === to) ??
        `${to} is not a version to ${type} to from ${fullVersion(current(chain))} (options: ${ids})`);
}

;// CONCATENATED MODULE: ./src/platforms/arcgis/emulator/scenario-versions.ts
// Reads a scenario's release and patches into version objects. Ids carry the release date and
// the build; names, descriptions and the previous* fields are derived unless the scenario sets
// them.
//
//   release: { id: rel_24062025_6745, version: 11.5.0 }   # also name, description
//   patches:
//     installed: [pat_12082025_6805, { id: pat_11092025_6815, name: "Security patch" }]
//     available: [pat_04122025_6835]


function entry(value, path) {
    if (!(0,fields/* isMapping */.pi)(value))
        return { id: (0,fields/* text */.Qq)(value, path) };
    (0,fields/* onlyKeys */.Bh)(value, path, ["id", "name", "description"]);
    return {
        id: (0,fields/* text */.Qq)(value.id, `${path}.id`),
        name: (0,fields/* optionalText */.mR)(value.name, `${path}.name`),
        description: (0,fields/* optionalText */.mR)(value.description, `${path}.description`),
    };
}
function releaseObject(raw) {
    (0,fields/* onlyKeys */.Bh)(raw, "release", ["id", "version", "name", "description"]);
    const id = (0,fields/* text */.Qq)(raw.id, "release.id");
    const name = (0,fields/* optionalText */.mR)(raw.name, "release.name");
    const description = (0,fields/* optionalText */.mR)(raw.description, "release.description");
    const parsed = parseVersionId(id);
    if (parsed?.type !== "release")
        throw new fields/* ScenarioError */.tp(`release.id must look like rel_<DDMMYYYY>_<build>, got ${id}`);
    const version = (0,fields/* text */.Qq)(raw.version, "release.version");
    if (!/^\d+\.\d+\.\d+$/.test(version))
        throw new fields/* ScenarioError */.tp(`release.version must look like 11.5.0, got ${version}`);
    const short = version.split(".").slice(0, 2).join(".");
    return {
        id,
        name: name ?? `ArcGIS Enterprise on Kubernetes ${short}`,
        description: description ?? `Release ${version} (build ${parsed.build})`,
        type: "release",
        version,
        build: parsed.build,
        // Esri's checkRollback example leaves both empty for the base release.
        previousVersion: "",
        previousBuild: "",
        releaseBuild: parsed.build,
        released: parsed.released,
        newLicensesRequired: false,
        containers: [],
    };
}
function patchObject(raw, path, previous) {
    const parsed = parseVersionId(raw.id);
    if (parsed?.type !== "patch")
        throw new fields/* ScenarioError */.tp(`${path} must look like pat_<DDMMYYYY>_<build>, got ${raw.id}`);
    if (Number(parsed.build) <= Number(previous.build))
        throw new fields/* ScenarioError */.tp(`${path}: build ${parsed.build} must be above the build before it (${previous.build})`);
    const version = String(previous.version);
    return {
        id: raw.id,
        name: raw.name ?? `ArcGIS Enterprise on Kubernetes ${version} patch ${parsed.build}`,
        description: raw.description ?? `Cumulative patch for ${version}, build ${parsed.build}`,
        type: "patch",
        version,
        build: parsed.build,
        previousVersion: version,
        previousBuild: String(previous.build),
        releaseBuild: String(previous.releaseBuild),
        released: parsed.released,
        newLicensesRequired: false,
        containers: [],
    };
}
/** The release and patch chain; installed patches come first, then the available ones. */
function versionChain(releaseValue, patchesValue) {
    const release = releaseObject((0,fields/* mapping */.pq)(releaseValue, "release"));
    const raw = (0,fields/* mapping */.pq)(patchesValue ?? {}, "patches");
    (0,fields/* onlyKeys */.Bh)(raw, "patches", ["installed", "available"]);
    const read = (key) => raw[key] === undefined
        ? []
        : (0,fields/* list */.p_)(raw[key], `patches.${key}`).map((item, i) => ({
            path: `patches.${key}[${i}]`,
            item: entry(item, `patches.${key}[${i}]`),
        }));
    const entries = [...read("installed"), ...read("available")];
    const patches = [];
    for (const { path, item } of entries) {
        if (patches.some((patch) => patch.id === item.id))
            throw new fields/* ScenarioError */.tp(`${path} repeats ${item.id}`);
        patches.push(patchObject(item, path, patches.at(-1) ?? release));
    }
    return { release, patches, installedCount: read("installed").length };
}

;// CONCATENATED MODULE: ./src/platforms/arcgis/emulator/scenario.ts
// ArcGIS scenarios: the organization's context and administrator, tokens, the release and its
// patches, job timings and faults, written in YAML.
//
//   base: default              # optional: start from the built-in scenario and override it
//   speed: 60                  # times faster than real ArcGIS (1 = real time)
//   context: arcgis            # the organization URL is <origin>/<context>
//   credentials: { username: admin, password: emulator-password }
//   accessTokens: [emulator-token]   # static tokens that never expire...
//   tokenReferer: tenant-promote     # ...bound to this referer, as if minted with client=referer
//   maxTokenLifetimeMinutes: 20160   # generateToken caps `expiration` at this (14 days)
//   tokenErrorsAsHttpStatus: false   # true: 498/499 also as the HTTP status, not 200
//   operationErrorForm: error  # refusals as {"error":{...}}; status: {"status":"error",...}
//   checkRollbackOrder: newest-first # or oldest-first, or shuffled (fixed: the newest in the middle)
//   release: { id: rel_24062025_6745, version: 11.5.0 }
//   patches: { installed: [pat_..., ...], available: [pat_...] }   # see scenario-versions.ts
//   timings:                   # real-platform seconds, see job-plan.ts
//     launchSeconds: 11
//     preparationSeconds: 61
//     modules: [{ name: apps, seconds: 31.5 }]
//     postUpgradeSeconds: 60
//   faults: { ... }            # see faults.ts
//
// With `base: default`, mappings merge key by key and lists replace.







const CHECK_ROLLBACK_ORDERS = ["newest-first", "oldest-first", "shuffled"];
const TOP_KEYS = [
    "base",
    "speed",
    "context",
    "credentials",
    "accessTokens",
    "tokenReferer",
    "maxTokenLifetimeMinutes",
    "tokenErrorsAsHttpStatus",
    "operationErrorForm",
    "checkRollbackOrder",
    "release",
    "patches",
    "timings",
    "faults",
];
function timings(value) {
    const raw = (0,fields/* mapping */.pq)(value ?? {}, "timings");
    (0,fields/* onlyKeys */.Bh)(raw, "timings", [
        "launchSeconds",
        "preparationSeconds",
        "modules",
        "postUpgradeSeconds",
    ]);
    const seconds = (key, fallback) => (0,fields/* number */.ai)(raw[key] ?? fallback, `timings.${key}`, { min: 0 });
    const modules = (0,fields/* list */.p_)(raw.modules ?? [], "timings.modules").map((item, i) => {
        const path = `timings.modules[${i}]`;
        const module = (0,fields/* mapping */.pq)(item, path);
        (0,fields/* onlyKeys */.Bh)(module, path, ["name", "seconds"]);
        return {
            name: (0,fields/* text */.Qq)(module.name, `${path}.name`),
            seconds: (0,fields/* number */.ai)(module.seconds, `${path}.seconds`, { min: 0 }),
        };
    });
    if (modules.length === 0)
        throw new fields/* ScenarioError */.tp("timings.modules must name at least one module");
    return {
        launchSeconds: seconds("launchSeconds", 11),
        preparationSeconds: seconds("preparationSeconds", 61),
        modules,
        postUpgradeSeconds: seconds("postUpgradeSeconds", 60),
    };
}
function credentials(value) {
    const raw = (0,fields/* mapping */.pq)(value, "credentials");
    (0,fields/* onlyKeys */.Bh)(raw, "credentials", ["username", "password"]);
    return {
        username: (0,fields/* text */.Qq)(raw.username, "credentials.username"),
        password: (0,fields/* text */.Qq)(raw.password, "credentials.password"),
    };
}
/** Faults that name a module or a version must name one the scenario has. */
function checkFaultReferences(scenario) {
    for (const fault of scenario.faults) {
        if (fault.kind === "jobFailure" && fault.module !== undefined) {
            const names = scenario.timings.modules.map((m) => m.name);
            if (!names.includes(fault.module))
                throw new fields/* ScenarioError */.tp(`faults.jobFailure.module must be one of: ${names.join(", ")}, got ${fault.module}`);
        }
        if (fault.kind === "jobInProgress") {
            const target = jobTarget(scenario.versions, fault.type, fault.to);
            if (typeof target === "string")
                throw new fields/* ScenarioError */.tp(`faults.jobInProgress: ${target}`);
        }
    }
}
/** Validates a parsed scenario document (as read from YAML) into an ArcGisScenario. */
function arcGisScenarioFromDocument(document) {
    const raw = (0,scenario_yaml/* scenarioMapping */.pp)(document, TOP_KEYS, DEFAULT_ARCGIS_SCENARIO_DOCUMENT);
    const context = (0,fields/* optionalText */.mR)(raw.context, "context") ?? "arcgis";
    if (!/^[A-Za-z0-9_-]+$/.test(context))
        throw new fields/* ScenarioError */.tp(`context must be one path segment, got ${JSON.stringify(context)}`);
    const form = (0,fields/* optionalText */.mR)(raw.operationErrorForm, "operationErrorForm") ?? "error";
    if (form !== "error" && form !== "status")
        throw new fields/* ScenarioError */.tp(`operationErrorForm must be error or status, got ${form}`);
    const order = (0,fields/* optionalText */.mR)(raw.checkRollbackOrder, "checkRollbackOrder") ?? "newest-first";
    if (!CHECK_ROLLBACK_ORDERS.some((known) => known === order))
        throw new fields/* ScenarioError */.tp(`checkRollbackOrder must be one of ${CHECK_ROLLBACK_ORDERS.join(", ")}, got ${order}`);
    const scenario = {
        speed: (0,fields/* number */.ai)(raw.speed ?? 1, "speed", { positive: true }),
        context,
        credentials: credentials(raw.credentials),
        accessTokens: raw.accessTokens === undefined ? [] : (0,fields/* textList */.gC)(raw.accessTokens, "accessTokens"),
        tokenReferer: (0,fields/* optionalText */.mR)(raw.tokenReferer, "tokenReferer") ?? "tenant-promote",
        maxTokenLifetimeMinutes: (0,fields/* number */.ai)(raw.maxTokenLifetimeMinutes ?? 20160, "maxTokenLifetimeMinutes", {
            positive: true,
        }),
        tokenErrorsAsHttpStatus: (0,fields/* optionalBoolean */.Jz)(raw.tokenErrorsAsHttpStatus, "tokenErrorsAsHttpStatus") ?? false,
        operationErrorForm: form,
        checkRollbackOrder: order,
        versions: versionChain(raw.release, raw.patches),
        timings: timings(raw.timings),
        faults: parseArcGisFaults(raw.faults),
    };
    checkFaultReferences(scenario);
    return scenario;
}
const scenarios = (0,scenario_yaml/* scenarioLoader */.e)(arcGisScenarioFromDocument, DEFAULT_ARCGIS_SCENARIO_DOCUMENT);
/** Parses and validates a YAML scenario; errors name the offending field. */
const loadArcGisScenario = scenarios.fromYaml;
const loadArcGisScenarioFile = scenarios.fromFile;
/** The built-in scenario: 11.5.0.6825 installed, three patches and the release to go back to. */
const defaultArcGisScenario = scenarios.builtIn;

// EXTERNAL MODULE: ./src/core/emulator/http-server.ts
var http_server = __webpack_require__(4983);
// EXTERNAL MODULE: ./src/core/emulator/speed.ts
var emulator_speed = __webpack_require__(4816);
// EXTERNAL MODULE: ./src/core/emulator/faults.ts
var faults = __webpack_require__(82);
// EXTERNAL MODULE: ./src/core/emulator/timeline.ts
var timeline = __webpack_require__(5636);
;// CONCATENATED MODULE: ./src/platforms/arcgis/emulator/job.ts
// in_progress and success are documented; failed's code is not, 2 is the emulator's choice.
const STATE_CODES = { in_progress: 1, failed: 2, success: 3 };
function statusOf(state, code, messages) {
    return { state, code, messages: messages.map((message) => ({ ...message })) };
}
class Job {
    type;
    from;
    to;
    start;
    messages = [];
    state = "in_progress";
    /** When the system went read-only; undefined before 2165 and after 2166. */
    readOnlySince;
    end;
    constructor(type, from, to, start) {
        this.type = type;
        this.from = from;
        this.to = to;
        this.start = start;
    }
    get running() {
        return this.state === "in_progress";
    }
    status() {
        return statusOf(this.state, STATE_CODES[this.state], this.messages);
    }
}
/**
 * Plays `steps` from job.start: the first at once (the rollback reply carries it), each next
 * one its delay after the one before. After the last, the job ends with `outcome`.
 */
function runJob(timeline, job, steps, outcome, onEnd) {
    const play = (index, due) => {
        const step = steps[index];
        if (!step)
            return;
        // Scaled delays fall between milliseconds; the wire carries whole epoch milliseconds.
        const at = Math.round(due);
        job.messages.push({ code: step.code, message: step.message, when: at });
        if (step.readOnly === "start")
            job.readOnlySince = at;
        if (step.readOnly === "end")
            job.readOnlySince = undefined;
        if (index + 1 < steps.length) {
            const next = steps[index + 1]?.afterMs ?? 0;
            timeline.after(due, next, (nextDue) => play(index + 1, nextDue));
            return;
        }
        job.state = outcome;
        job.end = at;
        onEnd(job, at);
    };
    play(0, job.start);
}

;// CONCATENATED MODULE: ./src/platforms/arcgis/emulator/job-plan.ts
// The messages a rollback (or upgrade) job writes on the upgrades resource, in the order of a
// real patch rollback, each due a real-platform delay after the one before. Modules take most
// of the time; the organization is read-only from 2165 to 2166, while pods restart.
const WORDS = {
    rollback: { process: "rollback", module: "Rollback", doing: "rolling back", done: "rolled-back" },
    upgrade: { process: "upgrade", module: "Upgrade", doing: "upgrading", done: "upgraded" },
};
const pad = (n, width = 2) => String(n).padStart(width, "0");
/** 417048 -> 00hr:06min:57sec:048millisec. */
function durationText(ms) {
    const whole = Math.round(ms);
    const hours = Math.floor(whole / 3_600_000);
    const minutes = Math.floor(whole / 60_000) % 60;
    const seconds = Math.floor(whole / 1000) % 60;
    return `${pad(hours)}hr:${pad(minutes)}min:${pad(seconds)}sec:${pad(whole % 1000, 3)}millisec`;
}
function jobSteps(type, from, to, timings, failure) {
    const w = WORDS[type];
    const seconds = (s) => Math.round(s * 1000);
    // Sub-second gaps between bookkeeping messages are the seed's, fixed.
    const steps = [
        { code: 2072, afterMs: 0, message: `Starting the ${w.process} process from ${from} to ${to}.` },
        { code: 2168, afterMs: 170, message: "Launching upgrader... " },
        {
            code: 2165,
            afterMs: Math.max(0, seconds(timings.launchSeconds) - 170),
            message: "System is going into Read-Only mode.",
            readOnly: "start",
        },
        {
            code: 2270,
            afterMs: seconds(timings.preparationSeconds),
            message: "Preparing an upgrade plan.",
        },
        { code: 2287, afterMs: 500, message: "Pre-diagnostics started." },
        { code: 2288, afterMs: 70, message: "Pre-diagnostics completed." },
        { code: 2271, afterMs: 20, message: "Executing upgrade plan." },
    ];
    const leaveReadOnly = {
        code: 2166,
        afterMs: 30,
        message: "System is coming out of Read-Only mode.",
        readOnly: "end",
    };
    for (const { name, seconds: moduleSeconds } of timings.modules) {
        const took = seconds(moduleSeconds);
        steps.push({ code: 2293, afterMs: 12, message: `${w.module} of ${name} module started.` });
        if (failure?.module === name) {
            steps.push({ ...leaveReadOnly, afterMs: took });
            const message = `The ${w.process} process from ${from} to ${to} failed: ${failure.reason}`;
            steps.push({ code: failure.code, afterMs: 20, message });
            return steps;
        }
        steps.push({
            code: 2177,
            afterMs: took,
            message: `The ${w.doing} of ${name} has completed in ${took} millis (~ ${Math.floor(took / 60_000)} minutes).`,
        });
    }
    steps.push(leaveReadOnly, {
        code: 2179,
        afterMs: seconds(timings.postUpgradeSeconds),
        message: "Post-upgrade operations started.",
    }, { code: 2183, afterMs: 17, message: "Post-upgrade operations completed." }, { code: 2263, afterMs: 0, message: `Persisting ${w.process} state to database.` });
    const total = steps.reduce((sum, step) => sum + step.afterMs, 18);
    steps.push({
        code: 2077,
        afterMs: 18,
        message: `The ${w.process} process from ${from} to ${to} has completed in ${durationText(total)}.`,
    }, {
        code: 2076,
        afterMs: 0,
        message: `The ArcGIS Enterprise on Kubernetes has been ${w.done} from ${from} to ${to} successfully.`,
    });
    return steps;
}

// EXTERNAL MODULE: ./src/core/emulator/bearer-tokens.ts
var bearer_tokens = __webpack_require__(4357);
// EXTERNAL MODULE: ./src/core/emulator/reply.ts
var reply = __webpack_require__(7507);
// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(7067);
;// CONCATENATED MODULE: ./src/platforms/arcgis/emulator/errors.ts
// ArcGIS's error replies: HTTP 200 with {"error":{code, message, details}} for most refusals
// (or, on some deployments, the older admin form {"status":"error", messages, code}); 498 and
// 499 for tokens; and the pages an ingress serves while the pods behind it restart.

function errorObject(code, message, details = [], status = 200) {
    return { status, body: { error: { code, message, details } } };
}
/** An operation's refusal (bad target, job running, ...) in the deployment's form. */
function refusal(form, code, message) {
    if (form === "status")
        return { status: 200, body: { status: "error", messages: [message], code } };
    return errorObject(code, message);
}
function tokenRequired(asHttpStatus) {
    const error = { code: 499, message: "Token Required.", messageCode: "GWM_0003", details: [] };
    return { status: asHttpStatus ? 499 : 200, body: { error } };
}
function invalidToken(asHttpStatus) {
    return errorObject(498, "Invalid token.", [], asHttpStatus ? 498 : 200);
}
function statusText(status) {
    return external_node_http_.STATUS_CODES[status] ?? "Error";
}
/** An injected error status (request faults): the status on the wire, an error object inside. */
function faultReply(status, _retryAfterSeconds) {
    return errorObject(status, statusText(status), [], status);
}
/** Failures of the HTTP plumbing itself: a too-large body (413) or a handler that threw. */
function failureReply(status, message) {
    return errorObject(status, message, [], status);
}
/** The page an nginx ingress serves when the pods behind it do not answer. */
function ingressPage(status) {
    const title = `${status} ${statusText(status)}`;
    return `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`;
}

;// CONCATENATED MODULE: ./src/platforms/arcgis/emulator/tokens.ts
// generateToken (the portal's token operation, form-encoded) and the check of tokens on admin
// calls. Lifetimes are real-platform minutes: they run `speed` times faster here, like jobs.
// A token minted with client=referer is bound to its referer: a request whose Referer header
// differs is refused as an invalid token, as the portal does. client=requestip (and ip) binds it
// to the caller's address instead, which on loopback is always the same: no header is checked.
// The scenario's static tokens are bound to its `tokenReferer`.



/** What the portal grants when `expiration` is not given. */
const DEFAULT_EXPIRATION_MINUTES = 120;
const CLIENTS = ["referer", "requestip", "ip"];
function unable(detail) {
    return errorObject(400, "Unable to generate token.", [detail]);
}
class ArcGisTokens {
    scenario;
    speed;
    tokens;
    /** Minted token -> the referer it is bound to; absent for client=requestip and ip. */
    referers = new Map();
    constructor(scenario, speed) {
        this.scenario = scenario;
        this.speed = speed;
        this.tokens = new bearer_tokens/* BearerTokens */.Q(scenario.accessTokens);
        for (const token of scenario.accessTokens)
            this.referers.set(token, scenario.tokenReferer);
    }
    /** POST <context>/sharing/rest/generateToken. */
    generate(form, now) {
        const { username, password } = this.scenario.credentials;
        const givenUser = form.get("username");
        const givenPassword = form.get("password");
        if (!givenUser)
            return unable("'username' must be specified.");
        if (!givenPassword)
            return unable("'password' must be specified.");
        if (givenUser !== username || givenPassword !== password)
            return unable("Invalid username or password.");
        const client = form.get("client") || "requestip";
        if (!CLIENTS.includes(client))
            return unable(`Invalid client type '${client}'.`);
        const referer = form.get("referer");
        if (client === "referer" && !referer)
            return unable("'referer' must be specified.");
        const asked = Number(form.get("expiration") || DEFAULT_EXPIRATION_MINUTES);
        if (!Number.isFinite(asked) || asked <= 0)
            return unable("Invalid expiration value.");
        const minutes = Math.min(asked, this.scenario.maxTokenLifetimeMinutes);
        const lifetimeMs = (minutes * 60_000) / this.speed;
        const token = this.tokens.issue(lifetimeMs, now);
        if (client === "referer" && referer)
            this.referers.set(token, referer);
        return (0,reply.ok)({ token, expires: Math.floor(now + lifetimeMs), ssl: false });
    }
    /** A token bound to a referer is valid only on a request whose Referer header equals it. */
    check(token, refererHeader, now) {
        const check = this.tokens.check(token ? `Bearer ${token}` : undefined, now);
        if (check !== "valid" || token === undefined)
            return check;
        const bound = this.referers.get(token);
        return bound === undefined || bound === refererHeader ? "valid" : "unknown";
    }
}

;// CONCATENATED MODULE: ./src/platforms/arcgis/emulator/deployment.ts
// An ArcGIS Enterprise on Kubernetes deployment: its release and patches, the one job the
// upgrades resource reports on, the upgrade history, tokens, one clock and the faults.






const DAY_MS = 86_400_000;
/** The upgrades behind the installed patches: each a week after its release, seven minutes. */
function seededHistory(chain) {
    const versions = installed(chain);
    return versions.slice(1).map((patch, i) => {
        const start = Number(patch.released) + 7 * DAY_MS;
        const from = fullVersion(versions[i]);
        const to = fullVersion(patch);
        return { type: "upgrade", from, to, state: "success", start, end: start + 417_000 };
    });
}
class Deployment {
    scenario;
    speed;
    timeline;
    requestFaults = new faults/* RequestFaults */.Rp();
    tokens;
    chain;
    history;
    job;
    failures = [];
    restarts = [];
    constructor(scenario, speed, now = Date.now()) {
        this.scenario = scenario;
        this.speed = speed;
        this.timeline = new timeline/* Timeline */.K(speed);
        this.tokens = new ArcGisTokens(scenario, speed);
        // A copy: jobs move installedCount, the scenario stays as loaded.
        this.chain = { ...scenario.versions };
        this.history = seededHistory(this.chain);
        for (const fault of scenario.faults)
            this.addFault(fault, now);
    }
    /** Runs every job step due by `now`, so replies show the present. */
    advance(now = Date.now()) {
        this.timeline.advance(now);
    }
    get busy() {
        return this.job?.running ?? false;
    }
    /** The upgrades resource: the last job, or what the installed versions imply. */
    status() {
        if (this.job)
            return this.job.status();
        return this.chain.installedCount > 0
            ? statusOf("success", 3, [])
            : statusOf("no_upgrade", 0, []);
    }
    /** Starts a rollback to `target`, one of rollbackOptions (the caller checked no job runs). */
    rollback(target, now) {
        return this.startJob("rollback", target, now);
    }
    /** The pod-restart window the ingress is in at `now`, if any. */
    restartAt(now) {
        const since = this.job?.running ? this.job.readOnlySince : undefined;
        if (since === undefined)
            return undefined;
        const realSeconds = ((now - since) * this.speed) / 1000;
        return this.restarts.find((w) => realSeconds >= w.afterSeconds && realSeconds < w.afterSeconds + w.forSeconds);
    }
    addFault(fault, now = Date.now()) {
        this.advance(now);
        if ((0,faults/* isRequestFault */._X)(fault))
            this.requestFaults.add(fault);
        else if (fault.kind === "podRestart")
            this.restarts.push(fault);
        else if (fault.kind === "jobFailure") {
            const modules = this.scenario.timings.modules.map((m) => m.name);
            if (fault.module !== undefined && !modules.includes(fault.module))
                throw new Error(`jobFailure.module must be one of: ${modules.join(", ")}`);
            this.failures.push({ fault, remaining: fault.count });
        }
        else {
            if (this.busy)
                throw new Error("a job is already in progress");
            const target = jobTarget(this.chain, fault.type, fault.to);
            if (typeof target === "string")
                throw new Error(target);
            this.startJob(fault.type, target, now - this.timeline.scaled(fault.elapsedSeconds * 1000));
            this.advance(now);
        }
    }
    state() {
        this.advance();
        return {
            currentVersion: fullVersion(current(this.chain)),
            current: current(this.chain).id,
            installed: installed(this.chain).map((v) => v.id),
            available: available(this.chain).map((v) => v.id),
            readOnly: this.job?.running === true && this.job.readOnlySince !== undefined,
            job: { type: this.job?.type, ...this.status() },
        };
    }
    close() {
        this.timeline.close();
    }
    startJob(type, to, start) {
        const from = current(this.chain);
        const job = new Job(type, from, to, Math.round(start));
        const failure = this.failures.find((f) => f.remaining > 0);
        if (failure)
            failure.remaining -= 1;
        const modules = this.scenario.timings.modules;
        const plan = failure && {
            module: failure.fault.module ?? modules[modules.length - 1]?.name ?? "",
            code: failure.fault.code,
            reason: failure.fault.reason,
        };
        const steps = jobSteps(type, fullVersion(from), fullVersion(to), this.scenario.timings, plan);
        this.job = job;
        runJob(this.timeline, job, steps, plan ? "failed" : "success", (ended, at) => this.finish(ended, at));
        return job;
    }
    finish(job, at) {
        const { type, from, to, start, state } = job;
        this.history.push({
            type,
            from: fullVersion(from),
            to: fullVersion(to),
            state,
            start,
            end: at,
        });
        if (state !== "success")
            return;
        this.chain.installedCount = installedCountAt(this.chain, to.id) ?? this.chain.installedCount;
    }
}

// EXTERNAL MODULE: ./src/core/emulator/listener.ts
var listener = __webpack_require__(5715);
// EXTERNAL MODULE: ./src/core/emulator/request-record.ts
var request_record = __webpack_require__(1646);
// EXTERNAL MODULE: ./src/core/emulator/wire.ts
var wire = __webpack_require__(2874);
;// CONCATENATED MODULE: ./src/platforms/arcgis/emulator/ingress.ts
// The deployment's ingress, the one public origin. It forwards each request to the admin
// service (the shared emulator server, which applies the request faults) and keeps the request
// log, since it alone sees what reached the client. While pods restart it answers for them, as
// a real ingress does: an HTML error page, an error object, or a destroyed socket. (serveEmulator
// writes JSON replies only, so the HTML page has to come from here.) The listener itself and
// the request record are core's.





/** Tags each forwarded request, so the admin service can say what it did with a lost one. */
const REQUEST_ID_HEADER = "x-arcgis-emulator-request";
const HOP_BY_HOP = ["connection", "keep-alive", "transfer-encoding", "content-length"];
function withoutHopByHop(headers) {
    const copy = { ...headers };
    for (const name of HOP_BY_HOP)
        delete copy[name];
    return copy;
}
/** One fresh connection per request: a reused idle one could be closed under it, a false drop. */
function forward(upstream, req, body, id) {
    return new Promise((resolve) => {
        const headers = { ...withoutHopByHop(req.headers), [REQUEST_ID_HEADER]: id };
        const url = new URL(req.url ?? "/", upstream);
        const out = (0,external_node_http_.request)(url, { method: req.method, headers, agent: false }, (res) => {
            const chunks = [];
            res.on("data", (chunk) => chunks.push(chunk));
            res.on("end", () => resolve({
                status: res.statusCode ?? 502,
                headers: res.headers,
                body: Buffer.concat(chunks),
            }));
            res.on("error", () => resolve(undefined));
        });
        out.on("error", () => resolve(undefined));
        out.end(body);
    });
}
/** The ingress's own answer while the pods restart: its HTML page, or an error object. */
function answerForRestartingPods(res, window) {
    if (window.reply === "json") {
        const message = "Service unavailable while pods restart";
        (0,wire/* send */.tN)(res, errorObject(window.status, message, [], window.status), {});
        return;
    }
    res.writeHead(window.status, { "Content-Type": "text/html" });
    res.end(ingressPage(window.status));
}
async function startIngress(options) {
    let sequence = 0;
    async function handle(req, res) {
        const at = Date.now();
        const method = req.method ?? "GET";
        const path = new URL(req.url ?? "/", "http://ingress").pathname;
        const entry = { method, path, status: 0, dropped: false, at };
        const contentType = req.headers["content-type"];
        if (contentType !== undefined)
            entry.contentType = contentType;
        const referer = req.headers.referer;
        if (referer !== undefined)
            entry.referer = referer;
        const done = () => {
            options.record(entry);
            options.logger?.debug(`[arcgis emulator] ${method} ${path} -> ${(0,request_record/* describeOutcome */.S)(entry)}`);
        };
        const restart = options.restartAt(path, at);
        if (restart?.reply === "refuse") {
            req.socket.destroy();
            entry.dropped = true;
            return done();
        }
        let body;
        try {
            body = await (0,wire/* readBody */.x8)(req);
        }
        catch (error) {
            if (!(error instanceof wire/* RequestBodyTooLarge */.nw))
                throw error;
            (0,wire/* send */.tN)(res, errorObject(413, "Request body too large", [], 413), {});
            entry.status = 413;
            return done();
        }
        if (method === "POST")
            entry.tokenInBody = Boolean(new URLSearchParams(body).get("token"));
        if (restart) {
            answerForRestartingPods(res, restart);
            entry.status = restart.status;
            return done();
        }
        const id = String(++sequence);
        const reply = await forward(options.upstream, req, body, id);
        const handled = options.takeHandledStatus(id);
        if (!reply) {
            // The admin service dropped the connection: before handling it, or after (a lost reply).
            req.socket.destroy();
            entry.status = handled ?? 0;
            entry.dropped = true;
            return done();
        }
        res.writeHead(reply.status, withoutHopByHop(reply.headers));
        res.end(reply.body);
        entry.status = reply.status;
        done();
    }
    return (0,listener/* listenHttp */.i)({
        host: options.host,
        port: options.port,
        handle,
        failed: (res, error) => {
            options.logger?.warn(`[arcgis emulator] request failed: ${error.message}`);
            (0,wire/* send */.tN)(res, errorObject(500, "Internal Server Error", [], 500), {});
        },
    });
}

;// CONCATENATED MODULE: ./src/platforms/arcgis/emulator/routes.ts
// Maps one request to a reply against the deployment at `now`: generateToken, and the upgrades
// resource with its operations. POSTs must carry `token` in the form body (the docs say so; a
// query or header token is not read for them); GETs take `?token=`, Authorization: Bearer or
// X-Esri-Authorization: Bearer. A referer-bound token needs its referer as the Referer header.




const TOKEN_PATH = /^\/sharing\/rest\/generateToken\/?$/;
const UPGRADES_PATH = /^\/admin\/system\/upgrades(?:\/([A-Za-z]+))?\/?$/;
const FORMATS = ["json", "pjson"];
function parseJson(text) {
    try {
        return JSON.parse(text);
    }
    catch {
        return undefined;
    }
}
function rollback(d, form, now) {
    const refuse = (code, message) => refusal(d.scenario.operationErrorForm, code, message);
    if (d.job?.running)
        return refuse(409, `A ${d.job.type} job is in progress; wait until it ends.`);
    const manifest = parseJson(form.get("versionManifest") ?? "");
    const id = (0,fields/* isMapping */.pi)(manifest) ? manifest.id : undefined;
    if (typeof id !== "string")
        return refuse(400, "'versionManifest' must be a JSON object with the id of a version.");
    if (!(0,fields/* isMapping */.pi)(parseJson(form.get("rollbackSettings") || "{}")))
        return refuse(400, "'rollbackSettings' must be a JSON object.");
    const options = rollbackOptions(d.chain);
    const target = options.find((version) => version.id === id);
    if (!target) {
        const offered = options.map((version) => version.id).join(", ") || "none";
        const from = fullVersion(current(d.chain));
        return refuse(400, `Version ${id} is not a rollback option for ${from} (offered: ${offered}).`);
    }
    return (0,reply.ok)({ status: d.rollback(target, now).status() });
}
/**
 * checkRollback's list in the scenario's order; the API documents none. "shuffled" is fixed:
 * newest first, turned halfway round, so the newest option is neither first nor (from three
 * options on) last.
 */
function offered(chain, order) {
    const newestFirst = rollbackOptions(chain);
    if (order === "oldest-first")
        return newestFirst.reverse();
    if (order === "shuffled") {
        const half = Math.floor(newestFirst.length / 2);
        return [...newestFirst.slice(half), ...newestFirst.slice(0, half)];
    }
    return newestFirst;
}
const OPERATIONS = {
    "": { whileBusy: true, run: (d) => (0,reply.ok)({ status: d.status() }) },
    checkRollback: {
        postOnly: true,
        run: (d) => (0,reply.ok)({ updates: offered(d.chain, d.scenario.checkRollbackOrder) }),
    },
    rollback: { postOnly: true, whileBusy: true, run: rollback },
    installed: { postOnly: true, run: (d) => (0,reply.ok)({ updates: installed(d.chain) }) },
    available: { postOnly: true, run: (d) => (0,reply.ok)({ updates: available(d.chain) }) },
    currentVersion: { run: (d) => (0,reply.ok)({ ...current(d.chain), status: d.status() }) },
    history: { run: (d) => (0,reply.ok)({ history: d.history }) },
};
function bearer(header) {
    return typeof header === "string" ? /^Bearer\s+(\S+)\s*$/i.exec(header)?.[1] : undefined;
}
function tokenOf(call, form) {
    if (call.method === "POST")
        return form.get("token") || undefined;
    return (call.url.searchParams.get("token") ||
        bearer(call.headers["x-esri-authorization"]) ||
        bearer(call.headers.authorization));
}
function upgrades(d, call, form, name, now) {
    const operation = OPERATIONS[name];
    if (!operation)
        return errorObject(404, `Resource not found: ${call.url.pathname}`);
    if (operation.postOnly && call.method !== "POST")
        return errorObject(405, `${name} is a POST operation.`);
    const check = d.tokens.check(tokenOf(call, form), call.headers.referer, now);
    const asHttp = d.scenario.tokenErrorsAsHttpStatus;
    if (check === "missing")
        return tokenRequired(asHttp);
    if (check !== "valid")
        return invalidToken(asHttp);
    if (d.job?.running && !operation.whileBusy)
        return refusal(d.scenario.operationErrorForm, 409, `The upgrades operations are unavailable while an ${d.job.type} job is in progress.`);
    return operation.run(d, form, now);
}
function route(d, call, now) {
    d.advance(now);
    const prefix = `/${d.scenario.context}`;
    const path = call.url.pathname;
    if (!path.startsWith(`${prefix}/`))
        return errorObject(404, `Not found: ${path}`, [], 404);
    const rest = path.slice(prefix.length);
    const form = call.method === "POST" ? new URLSearchParams(call.body) : call.url.searchParams;
    // The real default is an HTML page; the emulator speaks JSON only and says so.
    const format = form.get("f") ?? call.url.searchParams.get("f") ?? "html";
    if (!FORMATS.includes(format))
        return errorObject(400, `Unsupported format '${format}': the emulator answers f=json or pjson.`);
    if (TOKEN_PATH.test(rest)) {
        if (call.method !== "POST")
            return errorObject(405, "generateToken must be sent with POST.");
        return d.tokens.generate(form, now);
    }
    const upgradesMatch = UPGRADES_PATH.exec(rest);
    if (!upgradesMatch)
        return errorObject(404, `Resource not found: ${path}`);
    return upgrades(d, call, form, upgradesMatch[1] ?? "", now);
}

;// CONCATENATED MODULE: ./src/platforms/arcgis/emulator/server.ts
// Starts the emulator: the admin service (the shared emulator server with the request faults)
// on a private loopback port, and the ingress in front of it on the public one.







/** The admin service's own debug lines would repeat the ingress's; its warnings still count. */
function warningsOnly(logger) {
    return logger && { info: () => { }, debug: () => { }, warn: (m) => logger.warn(m) };
}
async function startArcGisEmulator(options = {}) {
    const scenario = options.scenario ?? defaultArcGisScenario();
    const speed = (0,emulator_speed/* emulatorSpeed */.p)(options.speed, scenario.speed);
    const { logger } = options;
    const deployment = new Deployment(scenario, speed);
    const requests = [];
    const handled = new Map();
    let admin;
    let ingress;
    try {
        admin = await (0,http_server/* serveEmulator */.$)({
            host: "127.0.0.1",
            listeners: [
                {
                    name: "admin",
                    port: 0,
                    handle: (call) => {
                        const reply = route(deployment, call, Date.now());
                        const id = call.headers[REQUEST_ID_HEADER];
                        if (typeof id === "string")
                            handled.set(id, reply.status);
                        return reply;
                    },
                },
            ],
            faults: deployment.requestFaults,
            faultReply: faultReply,
            failureReply: failureReply,
            // The ingress keeps the log: it alone sees what reached the client.
            record: () => { },
            logger: warningsOnly(logger),
            logLabel: () => "[arcgis emulator]",
        });
        const adminPrefix = `/${scenario.context}/admin/`;
        ingress = await startIngress({
            host: options.host ?? "127.0.0.1",
            port: options.port ?? 0,
            upstream: admin.origins.admin,
            restartAt: (path, now) => {
                if (!path.startsWith(adminPrefix))
                    return undefined;
                deployment.advance(now);
                return deployment.restartAt(now);
            },
            takeHandledStatus: (id) => {
                const status = handled.get(id);
                handled.delete(id);
                return status;
            },
            record: (entry) => requests.push(entry),
            logger,
        });
    }
    catch (error) {
        deployment.close();
        await admin?.close();
        throw error;
    }
    const orgUrl = `${ingress.origin}/${scenario.context}`;
    logger?.debug(`[arcgis emulator] ${orgUrl}, speed x${speed}`);
    return {
        origin: ingress.origin,
        orgUrl,
        speed,
        scenario,
        requests,
        credentials: { ...scenario.credentials },
        accessTokens: [...scenario.accessTokens],
        state: () => deployment.state(),
        addFault: (fault) => deployment.addFault(fault),
        close: async () => {
            deployment.close();
            await Promise.all([ingress.close(), admin?.close()]);
        },
    };
}

;// CONCATENATED MODULE: ./src/platforms/arcgis/emulator/index.ts
// Local emulator of the ArcGIS Enterprise on Kubernetes upgrades API: a release and its patches,
// generateToken, checkRollback, a timed rollback job with the documented messages, the pods
// restarting behind the ingress, and injectable faults, served on loopback.




;// CONCATENATED MODULE: ./src/platforms/arcgis/emulator-entry.ts
// How the CLI starts the ArcGIS emulator (one loopback port) and points a run at it.


const arcGisEmulatorEntry = {
    demoModes: ["status", "rollback-preview", "rollback"],
    async start(options) {
        const emulator = await startArcGisEmulator((0,common/* oneOriginEmulatorOptions */.aK)(options, "arcgis-port", loadArcGisScenarioFile));
        return {
            banner: `${formatArcGisEmulatorBanner(emulator)}\nTry (time-scale matches the emulator's speed):\n  tenant-promote rollback-preview --platform arcgis --arcgis-url ${emulator.orgUrl} --arcgis-username ${emulator.credentials.username} --arcgis-password ${emulator.credentials.password} --time-scale ${(1 / emulator.speed).toFixed(4)}`,
            runInputs: {
                "arcgis-url": emulator.orgUrl,
                "arcgis-username": emulator.credentials.username,
                "arcgis-password": emulator.credentials.password,
            },
            close: () => emulator.close(),
        };
    },
};


/***/ })

};
