export const id = 424;
export const ids = [424];
export const modules = {

/***/ 4357:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Q: () => (/* binding */ BearerTokens)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
// Bearer tokens an emulated API accepts: static ones from the scenario, which never expire,
// and minted ones, which expire like the platform's.

class BearerTokens {
    staticTokens;
    /** Minted token -> expiry (Date.now() ms); expired ones stay so they can be told apart. */
    minted = new Map();
    constructor(staticTokens) {
        this.staticTokens = staticTokens;
    }
    /** A new opaque token valid for `lifetimeMs` from `now`. */
    issue(lifetimeMs, now = Date.now()) {
        const token = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(32).toString("base64url");
        this.minted.set(token, now + lifetimeMs);
        return token;
    }
    /** What the Authorization header carries at `now`. */
    check(authorization, now = Date.now()) {
        const token = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "")?.[1];
        if (!token)
            return "missing";
        if (this.staticTokens.includes(token))
            return "valid";
        const expires = this.minted.get(token);
        if (expires === undefined)
            return "unknown";
        return expires > now ? "valid" : "expired";
    }
    accepts(authorization, now = Date.now()) {
        return this.check(authorization, now) === "valid";
    }
}


/***/ }),

/***/ 82:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   JL: () => (/* binding */ mediaType),
/* harmony export */   Rp: () => (/* binding */ RequestFaults),
/* harmony export */   _X: () => (/* binding */ isRequestFault)
/* harmony export */ });
/* unused harmony exports REQUEST_FAULT_KINDS, pathMatches */
// Request faults every emulator can inject: error replies, dropped connections and slow
// replies, each for the requests it matches and counted from when it was added.
const REQUEST_FAULT_KINDS = ["httpError", "dropConnection", "slowReply"];
function isRequestFault(fault) {
    return REQUEST_FAULT_KINDS.includes(fault.kind);
}
/** The media type alone, lower-cased: "application/json; charset=utf-8" -> "application/json". */
function mediaType(contentType) {
    return (contentType ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
}
function pathMatches(pattern, path) {
    const trailing = pattern.endsWith("*");
    const body = trailing ? pattern.slice(0, -1) : pattern;
    const escaped = body
        .split("*")
        .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&"))
        .join("[^/]*");
    return new RegExp(`^${escaped}${trailing ? ".*" : ""}$`).test(path);
}
function matches(fault, request) {
    if (fault.env && fault.env !== request.env)
        return false;
    if (fault.method && fault.method.toUpperCase() !== request.method.toUpperCase())
        return false;
    if (fault.contentType && mediaType(fault.contentType) !== mediaType(request.contentType))
        return false;
    return fault.path === undefined || pathMatches(fault.path, request.path);
}
/** Request faults with their own counters of matching requests. */
class RequestFaults {
    active = [];
    add(fault) {
        this.active.push({ fault, seen: 0 });
    }
    /** Counts this request against every matching fault and says which ones fire. */
    plan(request) {
        const plan = { delayMs: 0 };
        for (const entry of this.active) {
            const { fault } = entry;
            if (!matches(fault, request))
                continue;
            entry.seen += 1;
            const skip = fault.after ?? 0;
            if (entry.seen <= skip || entry.seen > skip + fault.count)
                continue;
            if (fault.kind === "slowReply")
                plan.delayMs += fault.delayMs;
            else if (fault.kind === "httpError")
                plan.httpError ??= { status: fault.status, retryAfterSeconds: fault.retryAfterSeconds };
            else
                plan.drop ??= fault.afterProcessing ? "after" : "before";
        }
        return plan;
    }
}


/***/ }),

/***/ 4506:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $N: () => (/* binding */ deepMerge),
/* harmony export */   Bh: () => (/* binding */ onlyKeys),
/* harmony export */   Jz: () => (/* binding */ optionalBoolean),
/* harmony export */   Qq: () => (/* binding */ text),
/* harmony export */   WI: () => (/* binding */ optionalNumber),
/* harmony export */   ai: () => (/* binding */ number),
/* harmony export */   gC: () => (/* binding */ textList),
/* harmony export */   mR: () => (/* binding */ optionalText),
/* harmony export */   p_: () => (/* binding */ list),
/* harmony export */   pi: () => (/* binding */ isMapping),
/* harmony export */   pq: () => (/* binding */ mapping),
/* harmony export */   tp: () => (/* binding */ ScenarioError)
/* harmony export */ });
/* harmony import */ var _util_json_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6964);
// Small readers for scenario fields: each error names the field's path in the scenario.

class ScenarioError extends Error {
    name = "ScenarioError";
}
function isMapping(value) {
    return (0,_util_json_js__WEBPACK_IMPORTED_MODULE_0__/* .isJsonObject */ .O)(value);
}
function mapping(value, path) {
    if (!isMapping(value))
        throw new ScenarioError(`${path} must be a mapping (key: value pairs)`);
    return value;
}
/** Rejects keys outside `allowed`, which usually are typos. */
function onlyKeys(value, path, allowed) {
    for (const key of Object.keys(value)) {
        if (!allowed.includes(key))
            throw new ScenarioError(`unknown field ${path ? `${path}.` : ""}${key} (expected one of: ${allowed.join(", ")})`);
    }
}
function text(value, path) {
    if (typeof value !== "string" || value.trim() === "")
        throw new ScenarioError(`${path} must be a non-empty string`);
    return value;
}
function optionalText(value, path) {
    return value === undefined ? undefined : text(value, path);
}
function number(value, path, options = {}) {
    const ok = typeof value === "number" &&
        Number.isFinite(value) &&
        (!options.integer || Number.isInteger(value)) &&
        (options.min === undefined || value >= options.min) &&
        (!options.positive || value > 0);
    if (!ok) {
        const kind = options.integer ? "an integer" : "a number";
        const bound = options.positive
            ? " greater than 0"
            : options.min !== undefined
                ? ` of at least ${options.min}`
                : "";
        throw new ScenarioError(`${path} must be ${kind}${bound}, got ${JSON.stringify(value)}`);
    }
    return value;
}
function optionalNumber(value, path, options = {}) {
    return value === undefined ? undefined : number(value, path, options);
}
function optionalBoolean(value, path) {
    if (value === undefined)
        return undefined;
    if (typeof value !== "boolean")
        throw new ScenarioError(`${path} must be true or false`);
    return value;
}
function list(value, path) {
    if (!Array.isArray(value))
        throw new ScenarioError(`${path} must be a list`);
    return value;
}
function textList(value, path) {
    return list(value, path).map((item, i) => text(item, `${path}[${i}]`));
}
/** Merges `override` into `base`: mappings merge key by key, anything else replaces. */
function deepMerge(base, override) {
    if (!isMapping(base) || !isMapping(override))
        return structuredClone(override);
    const merged = structuredClone(base);
    for (const [key, value] of Object.entries(override))
        merged[key] = deepMerge(base[key], value);
    return merged;
}


/***/ }),

/***/ 4983:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $: () => (/* binding */ serveEmulator)
/* harmony export */ });
/* harmony import */ var _listener_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5715);
/* harmony import */ var _request_record_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1646);
/* harmony import */ var _wire_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2874);



function injectedReply(options, fault) {
    const seconds = fault.retryAfterSeconds ?? (fault.status === 429 ? 1 : undefined);
    const reply = options.faultReply(fault.status, seconds);
    if (seconds === undefined)
        return reply;
    return { ...reply, headers: { ...reply.headers, "Retry-After": String(seconds) } };
}
function header(headers, name) {
    const value = headers[name];
    return Array.isArray(value) ? value[0] : value;
}
async function serveEmulator(options) {
    const { logger } = options;
    const delays = new Set();
    const origins = {};
    const extraHeaders = () => options.replyHeaders?.() ?? {};
    const wait = (ms) => new Promise((resolve) => {
        const timer = setTimeout(() => {
            delays.delete(timer);
            resolve();
        }, ms);
        delays.add(timer);
    });
    async function handle(listener, req, res) {
        const at = Date.now();
        const method = req.method ?? "GET";
        const origin = origins[listener.name];
        const url = new URL(req.url ?? "/", origin);
        const contentType = header(req.headers, "content-type");
        const log = (status, dropped = false) => {
            const entry = { method, path: url.pathname, status, dropped, at };
            if (contentType !== undefined)
                entry.contentType = contentType;
            options.record(listener.name, entry);
            logger?.debug(`${options.logLabel(listener.name)} ${method} ${url.pathname} -> ${(0,_request_record_js__WEBPACK_IMPORTED_MODULE_1__/* .describeOutcome */ .S)(entry)}`);
        };
        let body;
        try {
            body = await (0,_wire_js__WEBPACK_IMPORTED_MODULE_2__/* .readBody */ .x8)(req);
        }
        catch (error) {
            if (!(error instanceof _wire_js__WEBPACK_IMPORTED_MODULE_2__/* .RequestBodyTooLarge */ .nw))
                throw error;
            (0,_wire_js__WEBPACK_IMPORTED_MODULE_2__/* .send */ .tN)(res, options.failureReply(413, "Request body too large"), extraHeaders());
            log(413);
            return;
        }
        const plan = options.faults.plan({
            env: listener.name,
            method,
            path: url.pathname,
            contentType,
        });
        if (plan.delayMs > 0)
            await wait(plan.delayMs);
        if (plan.drop === "before") {
            req.socket.destroy();
            log(0, true);
            return;
        }
        const reply = plan.httpError
            ? injectedReply(options, plan.httpError)
            : listener.handle({ method, url, headers: req.headers, body }, origin);
        if (plan.drop === "after") {
            // The request took effect; only its reply is lost.
            req.socket.destroy();
            log(reply.status, true);
            return;
        }
        (0,_wire_js__WEBPACK_IMPORTED_MODULE_2__/* .send */ .tN)(res, reply, extraHeaders());
        log(reply.status);
    }
    const running = [];
    const close = async () => {
        for (const timer of delays)
            clearTimeout(timer);
        delays.clear();
        await Promise.all(running.map((served) => served.close()));
    };
    try {
        // One after the other, so a fixed port in use fails before the next one is taken.
        for (const listener of options.listeners) {
            const served = await (0,_listener_js__WEBPACK_IMPORTED_MODULE_0__/* .listenHttp */ .i)({
                host: options.host,
                port: listener.port,
                handle: (req, res) => handle(listener, req, res),
                failed: (res, error) => {
                    logger?.warn(`${options.logLabel(listener.name)} request failed: ${error.message}`);
                    (0,_wire_js__WEBPACK_IMPORTED_MODULE_2__/* .send */ .tN)(res, options.failureReply(500, "Internal Server Error"), extraHeaders());
                },
            });
            origins[listener.name] = served.origin;
            running.push(served);
        }
    }
    catch (error) {
        await close();
        throw error;
    }
    return { origins, close };
}


/***/ }),

/***/ 5715:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   i: () => (/* binding */ listenHttp)
/* harmony export */ });
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7067);
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_http__WEBPACK_IMPORTED_MODULE_0__);
// One node:http server on loopback, the plumbing every emulator server shares: a free or fixed
// port, its origin, a handler that failed answered by the caller, and a close that leaves no
// socket behind.

async function listenHttp(options) {
    const sockets = new Set();
    const server = (0,node_http__WEBPACK_IMPORTED_MODULE_0__.createServer)((req, res) => {
        options.handle(req, res).catch((error) => options.failed(res, error));
    });
    server.on("connection", (socket) => {
        sockets.add(socket);
        socket.on("close", () => sockets.delete(socket));
    });
    await new Promise((resolve, reject) => {
        server.once("error", reject);
        server.listen(options.port, options.host, () => {
            server.off("error", reject);
            resolve();
        });
    });
    const { port } = server.address();
    const host = options.host.includes(":") ? `[${options.host}]` : options.host;
    return {
        origin: `http://${host}:${port}`,
        close: () => new Promise((resolve) => {
            server.close(() => resolve());
            server.closeAllConnections();
            for (const socket of sockets)
                socket.destroy();
        }),
    };
}


/***/ }),

/***/ 7507:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Y: () => (/* binding */ oauthError),
/* harmony export */   ok: () => (/* binding */ ok),
/* harmony export */   s: () => (/* binding */ jsonObjectBody)
/* harmony export */ });
/* harmony import */ var _util_json_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6964);
// The reply a route computes; the server writes it (or, for a fault, drops it). Error bodies
// differ between platforms, so each platform builds its own; only the OAuth one is shared.

function ok(body, status = 200) {
    return { status, body };
}
/** Errors of an OAuth 2 token endpoint (RFC 6749 section 5.2): {error, error_description}. */
function oauthError(error, description, status = 400, headers) {
    return { status, body: { error, error_description: description }, headers };
}
/** A request body that must be a JSON object; `refuse` words the platform's error reply. */
function jsonObjectBody(text, refuse) {
    let value;
    try {
        value = JSON.parse(text);
    }
    catch {
        return { error: refuse("The request body is not valid JSON") };
    }
    if (!(0,_util_json_js__WEBPACK_IMPORTED_MODULE_0__/* .isJsonObject */ .O)(value))
        return { error: refuse("The request body must be a JSON object") };
    return { value };
}


/***/ }),

/***/ 1646:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   S: () => (/* binding */ describeOutcome)
/* harmony export */ });
// One line of an emulator's request log: what came in and what became of it.
/** "POST /path -> 202", "... -> connection dropped", "... -> 202, reply dropped". */
function describeOutcome(record) {
    if (!record.dropped)
        return String(record.status);
    return record.status ? `${record.status}, reply dropped` : "connection dropped";
}


/***/ }),

/***/ 5211:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   UD: () => (/* binding */ parseRequestFaults),
/* harmony export */   cL: () => (/* binding */ flagOrMapping),
/* harmony export */   km: () => (/* binding */ REQUEST_FAULT_KEYS)
/* harmony export */ });
/* harmony import */ var _fields_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4506);

const REQUEST_FAULT_KEYS = ["httpErrors", "droppedConnections", "slowReplies"];
const MATCH_KEYS = ["env", "method", "path", "contentType", "after", "count"];
function requestMatch(raw, path, options) {
    const env = (0,_fields_js__WEBPACK_IMPORTED_MODULE_0__/* .optionalText */ .mR)(raw.env, `${path}.env`);
    const envs = options.envs ?? [];
    if (env !== undefined && !envs.includes(env))
        throw new _fields_js__WEBPACK_IMPORTED_MODULE_0__/* .ScenarioError */ .tp(envs.length === 0
            ? `${path}.env is not used by this emulator (it serves one origin)`
            : `${path}.env must be ${envs.join(" or ")}, got ${JSON.stringify(env)}`);
    const method = (0,_fields_js__WEBPACK_IMPORTED_MODULE_0__/* .optionalText */ .mR)(raw.method, `${path}.method`)?.toUpperCase();
    const requestPath = (0,_fields_js__WEBPACK_IMPORTED_MODULE_0__/* .optionalText */ .mR)(raw.path, `${path}.path`);
    if (requestPath !== undefined && !requestPath.startsWith("/"))
        throw new _fields_js__WEBPACK_IMPORTED_MODULE_0__/* .ScenarioError */ .tp(`${path}.path must start with /, got ${JSON.stringify(requestPath)}`);
    return {
        env: env,
        method,
        path: requestPath,
        contentType: (0,_fields_js__WEBPACK_IMPORTED_MODULE_0__/* .optionalText */ .mR)(raw.contentType, `${path}.contentType`),
        after: (0,_fields_js__WEBPACK_IMPORTED_MODULE_0__/* .optionalNumber */ .WI)(raw.after, `${path}.after`, { integer: true, min: 0 }),
        count: (0,_fields_js__WEBPACK_IMPORTED_MODULE_0__/* .number */ .ai)(raw.count ?? 1, `${path}.count`, { integer: true, min: 1 }),
    };
}
function entries(raw, key) {
    if (raw[key] === undefined)
        return [];
    return (0,_fields_js__WEBPACK_IMPORTED_MODULE_0__/* .list */ .p_)(raw[key], `faults.${key}`).map((item, i) => {
        const path = `faults.${key}[${i}]`;
        return { path, item: (0,_fields_js__WEBPACK_IMPORTED_MODULE_0__/* .mapping */ .pq)(item, path) };
    });
}
/** The request faults under `raw` (the `faults:` mapping); other keys are left to the caller. */
function parseRequestFaults(raw, options = {}) {
    const faults = [];
    for (const { path, item } of entries(raw, "httpErrors")) {
        (0,_fields_js__WEBPACK_IMPORTED_MODULE_0__/* .onlyKeys */ .Bh)(item, path, [...MATCH_KEYS, "status", "retryAfterSeconds"]);
        faults.push({
            kind: "httpError",
            ...requestMatch(item, path, options),
            status: (0,_fields_js__WEBPACK_IMPORTED_MODULE_0__/* .number */ .ai)(item.status, `${path}.status`, { integer: true, min: 400 }),
            retryAfterSeconds: (0,_fields_js__WEBPACK_IMPORTED_MODULE_0__/* .optionalNumber */ .WI)(item.retryAfterSeconds, `${path}.retryAfterSeconds`, {
                integer: true,
                min: 0,
            }),
        });
    }
    for (const { path, item } of entries(raw, "droppedConnections")) {
        (0,_fields_js__WEBPACK_IMPORTED_MODULE_0__/* .onlyKeys */ .Bh)(item, path, [...MATCH_KEYS, "afterProcessing"]);
        faults.push({
            kind: "dropConnection",
            ...requestMatch(item, path, options),
            afterProcessing: (0,_fields_js__WEBPACK_IMPORTED_MODULE_0__/* .optionalBoolean */ .Jz)(item.afterProcessing, `${path}.afterProcessing`),
        });
    }
    for (const { path, item } of entries(raw, "slowReplies")) {
        (0,_fields_js__WEBPACK_IMPORTED_MODULE_0__/* .onlyKeys */ .Bh)(item, path, [...MATCH_KEYS, "delayMs"]);
        faults.push({
            kind: "slowReply",
            ...requestMatch(item, path, options),
            delayMs: (0,_fields_js__WEBPACK_IMPORTED_MODULE_0__/* .number */ .ai)(item.delayMs, `${path}.delayMs`, { min: 0 }),
        });
    }
    return faults;
}
/** `true`, `false` or a mapping; returns undefined for false or absent. */
function flagOrMapping(value, path) {
    if (value === undefined || value === false)
        return undefined;
    if (value === true)
        return {};
    return (0,_fields_js__WEBPACK_IMPORTED_MODULE_0__/* .mapping */ .pq)(value, path);
}


/***/ }),

/***/ 197:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   e: () => (/* binding */ scenarioLoader),
/* harmony export */   pp: () => (/* binding */ scenarioMapping)
/* harmony export */ });
/* unused harmony exports parseScenarioYaml, readScenarioYaml */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8815);
/* harmony import */ var _fields_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4506);
// Scenario files are YAML; a syntax error becomes a ScenarioError like any other. Each platform
// gives only its document reader; the CLI names the file in front of any error.



function parseScenarioYaml(yamlText) {
    try {
        return (0,yaml__WEBPACK_IMPORTED_MODULE_1__/* .parse */ .qg)(yamlText);
    }
    catch (error) {
        throw new _fields_js__WEBPACK_IMPORTED_MODULE_2__/* .ScenarioError */ .tp(`not valid YAML: ${error.message}`);
    }
}
function readScenarioYaml(path) {
    return parseScenarioYaml((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(path, "utf8"));
}
/** The three ways to a platform's scenario, all through its one document reader. */
function scenarioLoader(fromDocument, builtInDocument) {
    return {
        fromYaml: (yamlText) => fromDocument(parseScenarioYaml(yamlText)),
        fromFile: (path) => fromDocument(readScenarioYaml(path)),
        builtIn: () => fromDocument(builtInDocument),
    };
}
/**
 * The document's top-level mapping, keys checked; `base: default` stands for the built-in
 * document with this one's fields merged over it.
 */
function scenarioMapping(document, topKeys, builtInDocument) {
    const raw = (0,_fields_js__WEBPACK_IMPORTED_MODULE_2__/* .mapping */ .pq)(document ?? {}, "scenario");
    (0,_fields_js__WEBPACK_IMPORTED_MODULE_2__/* .onlyKeys */ .Bh)(raw, "", topKeys);
    if (raw.base === undefined)
        return raw;
    if (raw.base !== "default")
        throw new _fields_js__WEBPACK_IMPORTED_MODULE_2__/* .ScenarioError */ .tp(`base must be "default", got ${JSON.stringify(raw.base)}`);
    const { base: _base, ...overrides } = raw;
    return (0,_fields_js__WEBPACK_IMPORTED_MODULE_2__/* .deepMerge */ .$N)(builtInDocument, overrides);
}


/***/ }),

/***/ 4816:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   p: () => (/* binding */ emulatorSpeed)
/* harmony export */ });
// An emulator's speed: the caller's, else the scenario's; its timings are divided by it.
/** The speed to run at; a zero, negative or infinite speed is refused before anything starts. */
function emulatorSpeed(given, scenarioSpeed) {
    const speed = given ?? scenarioSpeed;
    if (!(speed > 0) || !Number.isFinite(speed))
        throw new Error(`emulator speed must be a positive number, got ${speed}`);
    return speed;
}


/***/ }),

/***/ 5636:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   K: () => (/* binding */ Timeline)
/* harmony export */ });
// Emulated time: asynchronous work (locking, promotion phases, planning) is a list of steps
// due at exact instants. Steps run lazily when a request arrives (so every reply reflects the
// state at that moment) and from a timer (so transitions are recorded even when nobody
// asks). A step runs with its due time, and chains the next step from that time, so
// recorded transition times are exact whatever the timer's lateness.
class Timeline {
    speed;
    steps = [];
    seq = 0;
    timer;
    closed = false;
    /** `speed` divides every real-platform duration given to `after`. */
    constructor(speed) {
        this.speed = speed;
    }
    /** Emulated duration of `realMs` milliseconds of the real platform. */
    scaled(realMs) {
        return realMs / this.speed;
    }
    /**
     * Runs `run` once `realMs` (real-platform milliseconds, scaled by speed) have passed since
     * `from`. Returns a function that cancels the step.
     */
    after(from, realMs, run) {
        return this.at(from + this.scaled(realMs), run);
    }
    /** Runs `run` at the absolute time `due` (Date.now() milliseconds). */
    at(due, run) {
        const step = { due, seq: this.seq++, run };
        this.steps.push(step);
        this.arm();
        return () => {
            this.steps = this.steps.filter((s) => s !== step);
        };
    }
    /** Runs every step due by `now`, earliest first, including steps they schedule. */
    advance(now = Date.now()) {
        for (;;) {
            const next = this.earliest();
            if (!next || next.due > now)
                break;
            this.steps = this.steps.filter((s) => s !== next);
            next.run(next.due);
        }
        this.arm();
    }
    close() {
        this.closed = true;
        this.steps = [];
        if (this.timer)
            clearTimeout(this.timer);
        this.timer = undefined;
    }
    earliest() {
        let best;
        for (const step of this.steps) {
            if (!best || step.due < best.due || (step.due === best.due && step.seq < best.seq))
                best = step;
        }
        return best;
    }
    arm() {
        if (this.timer)
            clearTimeout(this.timer);
        this.timer = undefined;
        const next = this.earliest();
        if (!next || this.closed)
            return;
        const wait = Math.max(0, Math.ceil(next.due - Date.now()));
        // Unref'd: pending emulated work must never keep a process alive on its own.
        this.timer = setTimeout(() => this.advance(), Math.min(wait, 2 ** 31 - 1));
        this.timer.unref();
    }
}


/***/ }),

/***/ 2874:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   nw: () => (/* binding */ RequestBodyTooLarge),
/* harmony export */   tN: () => (/* binding */ send),
/* harmony export */   x8: () => (/* binding */ readBody)
/* harmony export */ });
const MAX_BODY_BYTES = 1024 * 1024;
class RequestBodyTooLarge extends Error {
    name = "RequestBodyTooLarge";
}
function readBody(req) {
    return new Promise((resolve, reject) => {
        const chunks = [];
        let size = 0;
        req.on("data", (chunk) => {
            size += chunk.length;
            if (size > MAX_BODY_BYTES)
                reject(new RequestBodyTooLarge("request body too large"));
            else
                chunks.push(chunk);
        });
        req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
        req.on("error", reject);
    });
}
/** Writes `reply` as JSON (no body when reply.body is undefined), unless the socket is gone. */
function send(res, reply, headers) {
    if (res.destroyed || res.headersSent)
        return;
    const hasBody = reply.body !== undefined;
    res.writeHead(reply.status, {
        ...(hasBody ? { "Content-Type": "application/json" } : {}),
        ...headers,
        ...reply.headers,
    });
    res.end(hasBody ? JSON.stringify(reply.body) : undefined);
}


/***/ })

};
