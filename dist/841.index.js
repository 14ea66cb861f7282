export const id = 841;
export const ids = [841];
export const modules = {

/***/ 716:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   V: () => (/* binding */ sameJson),
/* harmony export */   d: () => (/* binding */ canonicalJson)
/* harmony export */ });
// Comparing JSON documents the way a configuration diff does: key order never matters.
/** JSON with object keys sorted, so equal content compares equal whatever the key order. */
function canonicalJson(value) {
    return JSON.stringify(value, (_key, v) => {
        if (v === null || typeof v !== "object" || Array.isArray(v))
            return v;
        const sorted = {};
        for (const key of Object.keys(v).sort())
            sorted[key] = v[key];
        return sorted;
    });
}
function sameJson(a, b) {
    return canonicalJson(a) === canonicalJson(b);
}


/***/ }),

/***/ 8841:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  pingOneEmulatorEntry: () => (/* binding */ pingOneEmulatorEntry)
});

// EXTERNAL MODULE: ./src/platforms/common.ts
var common = __webpack_require__(2363);
;// CONCATENATED MODULE: ./src/platforms/pingone/emulator/banner.ts
function formatPingOneEmulatorBanner(running) {
    const app = running.workerApp;
    const width = Math.max(...running.environments.map((e) => e.name.length));
    const home = running.environments.find((e) => e.id === app.environmentId)?.name ?? app.environmentId;
    const method = app.tokenEndpointAuthMethod.toLowerCase();
    return [
        `Emulated PingOne Platform promotions API (speed x${running.speed})`,
        `  API:            ${running.apiUrl}`,
        `  token endpoint: ${running.tokenUrl}`,
        `  worker app:     client id ${app.clientId}, secret ${app.clientSecret} (${method}), in ${home}`,
        `  static token:   ${running.accessTokens[0] ?? "(none: use the worker app)"}`,
        "  environments:",
        ...running.environments.map((e) => `    ${e.name.padEnd(width)}  ${e.id}`),
    ].join("\n");
}

;// CONCATENATED MODULE: ./src/platforms/pingone/emulator/default-scenario.ts
// The built-in scenario as a plain document (the shape of a scenario YAML file). Development
// differs from staging and production: it adds a password policy, a population, a sign-on
// policy and an application, and modifies a population and the theme; staging and production
// also hold a population development no longer has, which promotions leave alone.
// scenarios/pingone/default.yaml holds the same. Every id is fixed so docs can name them.
const DEVELOPMENT_ID = "11111111-1111-4111-8111-111111111111";
const STAGING_ID = "22222222-2222-4222-8222-222222222222";
const PRODUCTION_ID = "33333333-3333-4333-8333-333333333333";
const TYPES = {
    passwordPolicies: 1,
    populations: 2,
    themes: 3,
    signOnPolicies: 4,
    applications: 5,
};
/** e.g. the second population of staging: 22222222-0202-4000-8000-000000000202. */
function id(env, type, item) {
    const code = `0${TYPES[type]}0${item}`;
    return `${String(env).repeat(8)}-${code}-4000-8000-${code.padStart(12, "0")}`;
}
function passwordPolicies(env, withPassphrase) {
    const standard = {
        id: id(env, "passwordPolicies", 1),
        name: "Standard",
        description: "Default password policy",
        length: { min: 8, max: 255 },
        history: { count: 6, retentionDays: 365 },
        lockout: { failureCount: 5, durationSeconds: 900 },
    };
    const passphrase = {
        id: id(env, "passwordPolicies", 2),
        name: "Passphrase",
        description: "Long passphrases for external staff",
        length: { min: 16, max: 255 },
        history: { count: 12, retentionDays: 730 },
        lockout: { failureCount: 3, durationSeconds: 1800 },
    };
    return withPassphrase ? [standard, passphrase] : [standard];
}
function development() {
    const policy = (item) => ({ id: id(1, "passwordPolicies", item) });
    return {
        id: DEVELOPMENT_ID,
        resources: {
            passwordPolicies: passwordPolicies(1, true),
            populations: [
                {
                    id: id(1, "populations", 1),
                    name: "Employees",
                    description: "Staff",
                    passwordPolicy: policy(1),
                },
                // Modified: new description, and the new passphrase policy.
                {
                    id: id(1, "populations", 2),
                    name: "Contractors",
                    description: "External contractors",
                    passwordPolicy: policy(2),
                },
                // Refers to a policy and a theme, as seed 003's population: selected alone, it brings both.
                {
                    id: id(1, "populations", 3),
                    name: "Partners",
                    description: "Partner organizations",
                    passwordPolicy: policy(2),
                    theme: { id: id(1, "themes", 1) },
                },
            ],
            themes: [theme(1, "#1a4d8f")],
            signOnPolicies: [
                {
                    id: id(1, "signOnPolicies", 1),
                    name: "Single Factor",
                    description: "Username and password",
                    default: true,
                },
                {
                    id: id(1, "signOnPolicies", 2),
                    name: "Partner MFA",
                    description: "Password, then a one-time code",
                    default: false,
                },
            ],
            applications: [
                portal(1, 1, "Employee Portal", "https://portal.example.com/callback", 1),
                portal(1, 2, "Partner Portal", "https://partners.example.com/callback", 2),
            ],
        },
    };
}
function theme(env, buttonColor) {
    return {
        id: id(env, "themes", 1),
        name: "Corporate",
        default: true,
        configuration: { bodyBackgroundColor: "#f7f7f7", buttonColor, linkTextColor: "#1a4d8f" },
    };
}
function portal(env, item, name, redirectUri, policy) {
    return {
        id: id(env, "applications", item),
        name,
        protocol: "OPENID_CONNECT",
        type: "WEB_APP",
        enabled: true,
        redirectUris: [redirectUri],
        signOnPolicy: { id: id(env, "signOnPolicies", policy) },
    };
}
/** Staging and production: the same resources under their own ids. */
function upstream(env, envId) {
    const policy = { id: id(env, "passwordPolicies", 1) };
    return {
        id: envId,
        resources: {
            passwordPolicies: passwordPolicies(env, false),
            populations: [
                {
                    id: id(env, "populations", 1),
                    name: "Employees",
                    description: "Staff",
                    passwordPolicy: policy,
                },
                {
                    id: id(env, "populations", 2),
                    name: "Contractors",
                    description: "Contractors",
                    passwordPolicy: policy,
                },
                {
                    id: id(env, "populations", 4),
                    name: "Legacy Vendors",
                    description: "Vendors before 2024",
                    passwordPolicy: policy,
                },
            ],
            themes: [theme(env, "#2996cc")],
            signOnPolicies: [
                {
                    id: id(env, "signOnPolicies", 1),
                    name: "Single Factor",
                    description: "Username and password",
                    default: true,
                },
            ],
            applications: [portal(env, 1, "Employee Portal", "https://portal.example.com/callback", 1)],
        },
    };
}
const DEFAULT_PINGONE_SCENARIO_DOCUMENT = {
    speed: 60,
    accessTokens: ["emulator-token"],
    promoteDeletions: false,
    timings: { newSeconds: 2, preparingSeconds: 15, stepSeconds: 4 },
    workerApp: {
        environment: "development",
        clientId: "emulator-client",
        clientSecret: "emulator-secret",
        tokenEndpointAuthMethod: "client_secret_basic",
        tokenLifetimeSeconds: 3600,
    },
    environments: {
        development: development(),
        staging: upstream(2, STAGING_ID),
        production: upstream(3, PRODUCTION_ID),
    },
};

// EXTERNAL MODULE: ./src/core/emulator/faults.ts
var faults = __webpack_require__(82);
// EXTERNAL MODULE: ./src/core/emulator/reply.ts
var reply = __webpack_require__(7507);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./src/platforms/pingone/emulator/errors.ts
// PingOne's error envelope: {id, code, message, details?: [{code, target?, message}]}.

function pingError(status, code, message, details, headers) {
    const body = { id: (0,external_node_crypto_.randomUUID)(), code, message, ...(details ? { details } : {}) };
    return { status, body, headers };
}
function notFound(message) {
    return pingError(404, "NOT_FOUND", message);
}
/** 400 for a request the current state refuses (wrong status, not the latest promotion, ...). */
function invalidRequest(message) {
    return pingError(400, "INVALID_REQUEST", message);
}
/** 400 for a bad field of the request body or query. */
function invalidData(target, message, code = "INVALID_VALUE") {
    return pingError(400, "INVALID_DATA", "The request could not be completed. One or more validation errors were in the request.", [{ code, target, message }]);
}
function invalidToken(message) {
    return pingError(401, "ACCESS_FAILED", "The request could not be completed. You do not have access to this resource.", [{ code: "INVALID_TOKEN", message }], { "WWW-Authenticate": 'Bearer error="invalid_token"' });
}
function forbidden(message) {
    return pingError(403, "ACCESS_FAILED", "The request could not be completed. You do not have access to this resource.", [{ code: "INSUFFICIENT_PERMISSIONS", message }]);
}
const FAULT_CODES = {
    400: "INVALID_REQUEST",
    401: "ACCESS_FAILED",
    403: "ACCESS_FAILED",
    404: "NOT_FOUND",
    429: "REQUEST_LIMITED",
};
/** The reply of an injected error status, shaped as PingOne would send it. */
function faultReply(status, retryAfterSeconds) {
    if (status === 401)
        return invalidToken("The access token is invalid");
    if (status === 429)
        return pingError(429, "REQUEST_LIMITED", "The request was rate limited.", [
            {
                code: "LIMIT_EXCEEDED",
                message: "Too many requests. Retry after the time in the Retry-After header.",
                innerError: { retryAfter: retryAfterSeconds ?? 1 },
            },
        ]);
    const code = FAULT_CODES[status] ?? (status >= 500 ? "UNEXPECTED_ERROR" : "REQUEST_FAILED");
    return pingError(status, code, `Injected error (HTTP ${status}).`);
}
/** Failures of the HTTP plumbing itself: a too-large body (413) or a handler that threw. */
function failureReply(status, message) {
    return pingError(status, status >= 500 ? "UNEXPECTED_ERROR" : "INVALID_REQUEST", message);
}

;// CONCATENATED MODULE: ./src/platforms/pingone/emulator/paging.ts
// HAL collections with PingOne's paging: `limit` and an opaque `cursor`, with a `next` link
// while more remain.


const DEFAULT_LIMIT = 100;
const MAX_LIMIT = 1000;
const encode = (key) => Buffer.from(`after:${key}`).toString("base64url");
function decode(cursor) {
    const match = /^after:(-?\d+)$/.exec(Buffer.from(cursor, "base64url").toString("utf8"));
    return match ? Number(match[1]) : undefined;
}
/** One page of `collection` for the request `url`, or a 400 for a bad limit or cursor. */
function page(collection, url, render) {
    const limitText = url.searchParams.get("limit");
    const limit = limitText === null ? DEFAULT_LIMIT : Number(limitText);
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT)
        return invalidData("limit", `limit must be an integer from 1 to ${MAX_LIMIT}`);
    const cursor = url.searchParams.get("cursor");
    let rest = collection.items;
    if (cursor !== null) {
        const after = decode(cursor);
        if (after === undefined)
            return invalidData("cursor", "cursor is not one this API returned");
        rest = rest.filter((item) => collection.descending ? collection.key(item) < after : collection.key(item) > after);
    }
    const items = rest.slice(0, limit);
    const last = items.at(-1);
    const links = { self: { href: url.href } };
    if (last !== undefined && rest.length > items.length) {
        const next = new URL(url.href);
        next.searchParams.set("cursor", encode(collection.key(last)));
        next.searchParams.set("limit", String(limit));
        links.next = { href: next.href };
    }
    return (0,reply.ok)({
        _links: links,
        _embedded: { [collection.name]: items.map(render) },
        count: collection.items.length,
        size: items.length,
    });
}
/** Statuses named by `filter=status eq "X"` (clauses may be joined with `or`); [] for none. */
function statusFilter(filter) {
    if (filter === null || filter.trim() === "")
        return [];
    const statuses = [];
    for (const clause of filter.trim().split(/\s+or\s+/i)) {
        const match = /^status\s+eq\s+"([A-Za-z_]+)"$/i.exec(clause.trim());
        if (!match?.[1])
            return invalidData("filter", 'Only filter=status eq "<STATUS>", optionally joined with or, is supported');
        statuses.push(match[1].toUpperCase());
    }
    return statuses;
}

// EXTERNAL MODULE: ./src/core/emulator/canonical-json.ts
var canonical_json = __webpack_require__(716);
;// CONCATENATED MODULE: ./src/platforms/pingone/emulator/faults.ts
function matchesResource(match, step) {
    return (match.type === step.type &&
        match.name === step.name &&
        (match.action === undefined || match.action === step.action));
}

;// CONCATENATED MODULE: ./src/platforms/pingone/emulator/resources.ts
// Environments and their configuration resources. A resource has an id (different in every
// environment), a type such as "populations", a name that promotions match on, and fields.

/**
 * Types in the order a promotion writes them, so a policy exists before the population or
 * application that refers to it. Other types follow in name order.
 */
const TYPE_ORDER = [
    "passwordPolicies",
    "populations",
    "themes",
    "signOnPolicies",
    "applications",
];
const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A stable UUID for a resource the scenario gives no id, so reruns see the same ids. */
function derivedResourceId(envId, type, name) {
    const hex = (0,external_node_crypto_.createHash)("sha256").update(`${envId}/${type}/${name}`).digest("hex");
    const variant = ((Number.parseInt(hex[16] ?? "0", 16) & 0x3) | 0x8).toString(16);
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
function typeRank(type) {
    const index = TYPE_ORDER.indexOf(type);
    return index === -1 ? TYPE_ORDER.length : index;
}
function compareTypes(a, b) {
    return typeRank(a) - typeRank(b) || a.localeCompare(b);
}
function refOf(resource) {
    return { name: resource.name, id: resource.id };
}
function cloneResources(resources) {
    return structuredClone([...resources]);
}
function findResource(resources, type, id) {
    return resources.find((r) => r.type === type && r.id === id);
}
function findById(resources, id) {
    return resources.find((r) => r.id === id);
}
/**
 * Types whose JSON keeps the name inside `configuration` (PingOne's branding themes) rather than
 * at the top; a plan names their resources `<type>:<id>`, as seed 003 shows for themes.
 */
const NAME_IN_CONFIGURATION = new Set(["themes"]);
/** What GET /v1/environments/{envId}/{type}/{id} answers. */
function resourceJson(envId, resource, apiUrl) {
    return {
        _links: { self: { href: `${apiUrl}/environments/${envId}/${resource.type}/${resource.id}` } },
        id: resource.id,
        environment: { id: envId },
        ...resourceBody(resource),
    };
}
function configurationOf(fields) {
    const value = fields.configuration;
    return value !== null && typeof value === "object" && !Array.isArray(value)
        ? value
        : {};
}
/** The body a promotion step sends for a resource: its name and fields, without ids. */
function resourceBody(resource) {
    const { type, name, fields } = resource;
    if (!NAME_IN_CONFIGURATION.has(type))
        return { name, ...fields };
    return { ...fields, configuration: { ...configurationOf(fields), name } };
}
/** Reads a step payload of a `type` resource back into its name and fields. */
function fromBody(type, body) {
    if (!NAME_IN_CONFIGURATION.has(type)) {
        const { name, ...fields } = body;
        return { type, name: String(name), fields };
    }
    const { name, ...configuration } = configurationOf(body);
    return { type, name: String(name), fields: { ...body, configuration } };
}

;// CONCATENATED MODULE: ./src/platforms/pingone/emulator/plan.ts
// Planning a promotion: matches source and target resources (by type and name, or by the
// request's resourceMapping) and lists the steps that make the target like the source.




/** No selection, or the source environment's own id, means the whole environment. */
function wholeEnvironment(sourceId, selected) {
    return !selected || selected.length === 0 || selected.includes(sourceId);
}
function resourceUrl(apiUrl, envId, type, id) {
    return `${apiUrl}/environments/${envId}/${type}/${id ?? ""}`;
}
function match(input, resource) {
    const mapped = input.requestedMapping[resource.id];
    if (mapped !== undefined)
        return findById(input.target.resources, mapped);
    return input.target.resources.find((t) => t.type === resource.type && t.name === resource.name);
}
/** Replaces every string that is a mapped source id; collects ids that have no target. */
function mapReferences(value, ids, sourceIds, missing) {
    if (typeof value === "string") {
        const mapped = ids.get(value);
        if (mapped !== undefined)
            return mapped;
        if (sourceIds.has(value))
            missing.add(value);
        return value;
    }
    if (Array.isArray(value))
        return value.map((v) => mapReferences(v, ids, sourceIds, missing));
    if (value !== null && typeof value === "object")
        return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapReferences(v, ids, sourceIds, missing)]));
    return value;
}
/** Every string in `value` that is the id of one of `resources`. */
function referencedIds(value, ids, out) {
    if (typeof value === "string" && ids.has(value))
        out.add(value);
    else if (Array.isArray(value))
        for (const v of value)
            referencedIds(v, ids, out);
    else if (value !== null && typeof value === "object")
        for (const v of Object.values(value))
            referencedIds(v, ids, out);
    return out;
}
/**
 * The picked resources and every source resource they refer to, directly or through another:
 * PingOne plans those too (seed 003: one population brought its password policy and theme).
 * An excluded resource stays out; a reference to it the target cannot satisfy fails validation.
 */
function withDependencies(picked, all, excluded) {
    const ids = new Set(all.map((r) => r.id));
    const chosen = new Map(picked.map((r) => [r.id, r]));
    const queue = [...picked];
    for (let next = queue.shift(); next; next = queue.shift()) {
        for (const id of referencedIds(next.fields, ids, new Set())) {
            const dependency = findById(all, id);
            if (!dependency || excluded.has(id) || chosen.has(id))
                continue;
            chosen.set(id, dependency);
            queue.push(dependency);
        }
    }
    return [...chosen.values()];
}
function computePlan(input) {
    const { source, target } = input;
    const whole = wholeEnvironment(input.sourceId, input.selectedResources);
    const excluded = new Set(input.excludedResources ?? []);
    const selected = new Set(input.selectedResources ?? []);
    const picked = source.resources.filter((r) => (whole || selected.has(r.id)) && !excluded.has(r.id));
    const planned = new Set(withDependencies(picked, source.resources, excluded));
    const chosen = source.resources
        .filter((r) => planned.has(r))
        .sort((a, b) => compareTypes(a.type, b.type));
    const ids = new Map([[input.sourceId, input.targetId]]);
    const resourceMapping = {};
    const matched = new Set();
    for (const resource of source.resources) {
        const counterpart = match(input, resource);
        if (!counterpart)
            continue;
        ids.set(resource.id, counterpart.id);
        resourceMapping[resource.id] = counterpart.id;
        matched.add(counterpart.id);
    }
    // Ids for what POST steps will create, so payloads can already refer to them.
    for (const resource of chosen)
        if (!ids.has(resource.id))
            ids.set(resource.id, (0,external_node_crypto_.randomUUID)());
    const sourceIds = new Set(source.resources.map((r) => r.id));
    const steps = [];
    const errors = [];
    for (const resource of chosen) {
        const missing = new Set();
        const payload = mapReferences(resourceBody(resource), ids, sourceIds, missing);
        const counterpart = findById(target.resources, resourceMapping[resource.id] ?? "");
        if (counterpart && (0,canonical_json/* sameJson */.V)(payload, resourceBody(counterpart)))
            continue;
        const targetId = counterpart?.id ?? ids.get(resource.id);
        const step = {
            id: (0,external_node_crypto_.randomUUID)(),
            action: counterpart ? "PUT" : "POST",
            type: resource.type,
            targetId,
            resourceUrl: resourceUrl(input.apiUrl, input.targetId, resource.type, counterpart?.id),
            sourceResource: refOf(resource),
            payload,
        };
        if (counterpart)
            step.targetResource = refOf(counterpart);
        for (const id of missing) {
            const ref = findById(source.resources, id);
            step.invalid ??= {
                code: "INVALID_VALUE",
                target: step.resourceUrl,
                message: `${resource.name} refers to ${ref?.type} ${JSON.stringify(ref?.name)}, which the target lacks and this promotion does not create`,
            };
        }
        steps.push(step);
    }
    if (input.promoteDeletions && whole) {
        const gone = target.resources
            .filter((r) => !matched.has(r.id) && !excluded.has(r.id))
            .sort((a, b) => compareTypes(b.type, a.type));
        for (const resource of gone)
            steps.push({
                id: (0,external_node_crypto_.randomUUID)(),
                action: "DELETE",
                type: resource.type,
                targetId: resource.id,
                resourceUrl: resourceUrl(input.apiUrl, input.targetId, resource.type, resource.id),
                targetResource: refOf(resource),
            });
    }
    for (const step of steps) {
        const name = step.sourceResource?.name ?? step.targetResource?.name ?? "";
        for (const fault of input.faults) {
            if (fault.kind !== "validationError")
                continue;
            if (!matchesResource(fault, { type: step.type, name, action: step.action }))
                continue;
            step.invalid ??= { code: fault.code, message: fault.message, target: step.resourceUrl };
        }
        if (step.invalid)
            errors.push(step.invalid);
    }
    return { steps, resourceMapping, errors };
}

;// CONCATENATED MODULE: ./src/platforms/pingone/emulator/execution.ts
// Applying a plan's steps to the target environment, and the plan that reverts them.





function failure(step, code, message) {
    return { status: "ERROR", error: { code, message, target: step.resourceUrl } };
}
function injected(step, faults) {
    const name = step.sourceResource?.name ?? step.targetResource?.name ?? "";
    for (const state of faults) {
        if (!matchesResource(state.fault, { type: step.type, name, action: step.action }))
            continue;
        if (state.remaining !== undefined) {
            if (state.remaining <= 0)
                continue;
            state.remaining -= 1;
        }
        return failure(step, state.fault.code, state.fault.message);
    }
    return undefined;
}
/** Runs one step against the live target; the change it made is recorded for rollback. */
function applyStep(step, target, faults) {
    if (step.invalid)
        return { status: "ERROR", error: step.invalid };
    const fault = injected(step, faults);
    if (fault)
        return fault;
    const current = findResource(target.resources, step.type, step.targetId);
    if (step.action === "DELETE") {
        if (!current)
            return { status: "SKIPPED" };
        target.resources = target.resources.filter((r) => r !== current);
        return { status: "COMPLETED", change: { step, before: structuredClone(current) } };
    }
    const body = fromBody(step.type, step.payload ?? {});
    if (step.action === "POST") {
        if (current)
            return { status: "SKIPPED" };
        const clash = target.resources.find((r) => r.type === step.type && r.name === body.name);
        if (clash)
            return failure(step, "UNIQUENESS_VIOLATION", `A ${step.type} resource named ${JSON.stringify(body.name)} already exists`);
        const created = { id: step.targetId, ...structuredClone(body) };
        target.resources.push(created);
        return { status: "COMPLETED", change: { step, after: structuredClone(created) } };
    }
    if (!current)
        return failure(step, "NOT_FOUND", `The target no longer holds ${step.type} ${step.targetId}`);
    if ((0,canonical_json/* sameJson */.V)(resourceBody(current), resourceBody(body)))
        return { status: "SKIPPED" };
    const before = structuredClone(current);
    current.name = body.name;
    current.fields = structuredClone(body.fields);
    return { status: "COMPLETED", change: { step, before, after: structuredClone(current) } };
}
function revertStep(change, apiUrl, envId) {
    const { step, before, after } = change;
    const common = { id: (0,external_node_crypto_.randomUUID)(), type: step.type };
    if (!before) {
        // Created by the promotion: delete it.
        const created = after;
        return {
            ...common,
            action: "DELETE",
            targetId: created.id,
            resourceUrl: resourceUrl(apiUrl, envId, step.type, created.id),
            sourceResource: step.sourceResource,
            targetResource: refOf(created),
        };
    }
    if (!after)
        // Deleted by the promotion: create it again, under its old id so references hold.
        return {
            ...common,
            action: "POST",
            targetId: before.id,
            resourceUrl: resourceUrl(apiUrl, envId, step.type),
            sourceResource: refOf(before),
            payload: resourceBody(before),
        };
    return {
        ...common,
        action: "PUT",
        targetId: before.id,
        resourceUrl: resourceUrl(apiUrl, envId, step.type, before.id),
        sourceResource: step.sourceResource,
        targetResource: refOf(after),
        payload: resourceBody(before),
    };
}
/** The steps that undo `applied` in the target `envId`, newest change first. */
function revertSteps(applied, apiUrl, envId) {
    return [...applied].reverse().map((change) => revertStep(change, apiUrl, envId));
}

;// CONCATENATED MODULE: ./src/platforms/pingone/emulator/host.ts
const secondsToMs = (seconds) => seconds * 1000;

;// CONCATENATED MODULE: ./src/platforms/pingone/emulator/planning.ts
// The way to READY: NEW -> PREPARING -> READY (or VALIDATION_FAILED), and for a rollback
// ROLLBACK_NEW -> ROLLBACK_PREPARING -> READY, each phase timed by the scenario.



/** Computes the plan from the promotion's snapshots and settles on READY or VALIDATION_FAILED. */
function replan(host, record, at) {
    const plan = computePlan({
        sourceId: record.sourceId,
        targetId: record.targetId,
        source: record.sourceSnapshot,
        target: record.targetSnapshot,
        selectedResources: record.selectedResources,
        excludedResources: record.excludedResources,
        requestedMapping: record.requestedMapping,
        promoteDeletions: host.promoteDeletions,
        apiUrl: host.apiUrl,
        faults: host.planFaults,
    });
    record.steps = plan.steps;
    record.resourceMapping = plan.resourceMapping;
    record.errors = plan.errors;
    host.promotions.setStatus(record, plan.errors.length > 0 ? "VALIDATION_FAILED" : "READY", at);
}
function rollbackPlan(host, record, at) {
    const previous = host.promotions.get(record.sourceId, record.previousPromotionId ?? "");
    record.steps = revertSteps(previous?.applied ?? [], host.apiUrl, record.targetId);
    record.errors = [];
    host.promotions.setStatus(record, "READY", at);
}
/** Schedules the preparation of a promotion just created (status NEW or ROLLBACK_NEW). */
function schedulePlanning(host, record, now) {
    const rollback = record.previousPromotionId !== undefined;
    const { newSeconds, preparingSeconds } = host.timings;
    record.pending.push(host.timeline.after(now, secondsToMs(newSeconds), (preparing) => {
        host.promotions.setStatus(record, rollback ? "ROLLBACK_PREPARING" : "PREPARING", preparing);
        record.pending.push(host.timeline.after(preparing, secondsToMs(preparingSeconds), (ready) => rollback ? rollbackPlan(host, record, ready) : replan(host, record, ready)));
    }));
}

;// CONCATENATED MODULE: ./src/platforms/pingone/emulator/promotion-record.ts
const PLANNED_STATUSES = ["READY", "VALIDATION_FAILED"];
const PLANNING_STATUSES = ["NEW", "PREPARING", "ROLLBACK_NEW", "ROLLBACK_PREPARING"];

;// CONCATENATED MODULE: ./src/platforms/pingone/emulator/render.ts


const iso = (at) => new Date(at).toISOString();
const href = (url) => ({ href: url });
/** A resource as a plan step names it: by name, or `<type>:<id>` for a type without a top-level name. */
function stepRef(type, ref) {
    return NAME_IN_CONFIGURATION.has(type) ? { name: `${type}:${ref.id}`, id: ref.id } : { ...ref };
}
function planStep(step) {
    const rendered = { action: step.action, resourceUrl: step.resourceUrl };
    if (step.sourceResource)
        rendered.sourceResource = stepRef(step.type, step.sourceResource);
    if (step.targetResource)
        rendered.targetResource = stepRef(step.type, step.targetResource);
    return rendered;
}
/** A step as GET .../promotionSteps lists it: the plan step with its id, payload and outcome. */
function stepJson(step) {
    const rendered = { id: step.id, ...planStep(step) };
    if (step.payload)
        rendered.payload = structuredClone(step.payload);
    if (step.status)
        rendered.status = step.status;
    if (step.error)
        rendered.error = { ...step.error };
    return rendered;
}
function links(record, apiUrl) {
    const source = `${apiUrl}/environments/${record.sourceId}`;
    const target = `${apiUrl}/environments/${record.targetId}`;
    const self = `${source}/promotions/${record.id}`;
    return {
        self: href(self),
        environment: href(source),
        targetEnvironment: href(target),
        sourceSnapshot: href(`${source}/snapshots/${record.sourceId}/versions/${record.sourceSnapshot.id}`),
        targetSnapshot: href(`${target}/snapshots/${record.targetId}/versions/${record.targetSnapshot.id}`),
        ...(record.previousPromotionId
            ? { previousPromotion: href(`${source}/promotions/${record.previousPromotionId}`) }
            : {}),
        promotionSteps: href(`${self}/promotionSteps`),
    };
}
function promotionJson(record, apiUrl) {
    const whole = wholeEnvironment(record.sourceId, record.selectedResources);
    const promotion = {
        _links: links(record, apiUrl),
        id: record.id,
        createdAt: iso(record.createdAt),
        updatedAt: iso(record.updatedAt),
        sourceEnvironmentId: record.sourceId,
        sourceEnvironment: { id: record.sourceId },
        ...(whole && record.selectedResources ? { rootResourceId: record.sourceId } : {}),
        targetEnvironmentId: record.targetId,
        targetEnvironment: { id: record.targetId },
        sourceSnapshotId: record.sourceSnapshot.id,
        sourceSnapshot: { id: record.sourceSnapshot.id },
        targetSnapshotId: record.targetSnapshot.id,
        targetSnapshot: { id: record.targetSnapshot.id },
        status: record.status,
    };
    // Nested only, as the rollback seed page shows it.
    if (record.previousPromotionId)
        promotion.previousPromotion = { id: record.previousPromotionId };
    if (record.selectedResources)
        promotion.selectedResources = [...record.selectedResources];
    if (record.excludedResources)
        promotion.excludedResources = [...record.excludedResources];
    promotion.resourceMapping = { ...record.resourceMapping };
    if (record.steps)
        promotion.promotionPlan = { steps: record.steps.map(planStep) };
    if (record.errors && record.errors.length > 0)
        promotion.errors = record.errors.map((e) => ({ ...e }));
    if (record.description !== undefined)
        promotion.description = record.description;
    return promotion;
}

;// CONCATENATED MODULE: ./src/platforms/pingone/emulator/requests.ts
// Validation of the bodies of POST /promotions and PATCH /promotions/{id}.



const UPDATABLE = ["description", "selectedResources", "excludedResources", "resourceMapping"];
/** An empty body reads as null: "must be a JSON object". */
function parseObject(text) {
    return (0,reply/* jsonObjectBody */.s)(text || "null", invalidRequest);
}
function idList(value, field) {
    if (!Array.isArray(value) || value.some((v) => typeof v !== "string"))
        return invalidData(field, `${field} must be an array of ids`);
    return value.map((v) => v.toLowerCase());
}
/** Checks the updatable fields of `body` against the source and target environments. */
function promotionFields(body, source, target) {
    const fields = {};
    if (body.description !== undefined) {
        if (typeof body.description !== "string")
            return { error: invalidData("description", "description must be a string") };
        fields.description = body.description;
    }
    if (body.selectedResources !== undefined) {
        const ids = idList(body.selectedResources, "selectedResources");
        if (!Array.isArray(ids))
            return { error: ids };
        const unknown = ids.find((id) => id !== source.id && !findById(source.resources, id));
        if (unknown)
            return {
                error: invalidData("selectedResources", `${unknown} is neither the source environment nor one of its resources`),
            };
        fields.selectedResources = ids;
    }
    if (body.excludedResources !== undefined) {
        const ids = idList(body.excludedResources, "excludedResources");
        if (!Array.isArray(ids))
            return { error: ids };
        const all = [...source.resources, ...target.resources];
        const unknown = ids.find((id) => !findById(all, id));
        if (unknown)
            return { error: invalidData("excludedResources", `${unknown} is not a known resource`) };
        fields.excludedResources = ids;
    }
    if (body.resourceMapping !== undefined) {
        const raw = body.resourceMapping;
        if (raw === null || typeof raw !== "object" || Array.isArray(raw))
            return {
                error: invalidData("resourceMapping", "resourceMapping must map source ids to target ids"),
            };
        const mapping = {};
        for (const [from, to] of Object.entries(raw)) {
            const a = findById(source.resources, from.toLowerCase());
            const b = typeof to === "string" ? findById(target.resources, to.toLowerCase()) : undefined;
            if (!a || !b || a.type !== b.type)
                return {
                    error: invalidData(`resourceMapping.${from}`, "must map a source resource to a target resource of the same type"),
                };
            mapping[a.id] = b.id;
        }
        fields.resourceMapping = mapping;
    }
    return { value: fields };
}
function parseCreate(text, source, environment) {
    const parsed = parseObject(text);
    if ("error" in parsed)
        return parsed;
    const body = parsed.value;
    const ref = body.targetEnvironment;
    if (typeof ref?.id !== "string")
        return {
            error: invalidData("targetEnvironment.id", "targetEnvironment.id is required", "REQUIRED_VALUE"),
        };
    const target = environment(ref.id.toLowerCase());
    if (!target)
        return { error: invalidData("targetEnvironment.id", `No environment has the id ${ref.id}`) };
    if (target.id === source.id)
        return {
            error: invalidData("targetEnvironment.id", "The target must differ from the source environment"),
        };
    const fields = promotionFields(body, source, target);
    if ("error" in fields)
        return fields;
    const value = { ...fields.value, target };
    for (const key of ["sourceSnapshotId", "targetSnapshotId"]) {
        const id = body[key];
        if (id === undefined)
            continue;
        if (typeof id !== "string")
            return { error: invalidData(key, `${key} must be a string`) };
        value[key] = id;
    }
    return { value };
}
function parsePatch(text, source, target) {
    const parsed = parseObject(text);
    if ("error" in parsed)
        return parsed;
    const other = Object.keys(parsed.value).find((key) => !UPDATABLE.includes(key));
    if (other)
        return {
            error: invalidData(other, `${other} cannot be changed (only ${UPDATABLE.join(", ")})`),
        };
    return promotionFields(parsed.value, source, target);
}

;// CONCATENATED MODULE: ./src/platforms/pingone/emulator/run.ts
// Executing promotions (one timed step after another), asking for rollbacks, and the seeded
// promotion a scenario says is already running.







const MAX_SELECTED = 100;
function finish(host, record, at) {
    const failed = (record.errors?.length ?? 0) > 0;
    host.promotions.setStatus(record, failed ? "ERROR" : "COMPLETED", at);
    if (failed || !record.previousPromotionId)
        return;
    const previous = host.promotions.get(record.sourceId, record.previousPromotionId);
    if (previous)
        host.promotions.setStatus(previous, "ROLLED_BACK", at);
}
/** Runs step `index` one step-duration after `from`, then the next; an empty plan takes one. */
function runStep(host, record, target, index, from) {
    const steps = record.steps ?? [];
    const cancel = host.timeline.after(from, secondsToMs(host.timings.stepSeconds), (at) => {
        const step = steps[index];
        if (step) {
            const outcome = applyStep(step, target, host.stepFaults);
            step.status = outcome.status;
            if (outcome.error) {
                step.error = outcome.error;
                record.errors?.push(outcome.error);
            }
            if (outcome.change)
                record.applied.push(outcome.change);
            record.updatedAt = at;
        }
        if (index + 1 < steps.length)
            runStep(host, record, target, index + 1, at);
        else
            finish(host, record, at);
    });
    record.pending.push(cancel);
}
/** POST /promotions/{id} as the execute media type. */
function execute(host, record, now) {
    if (!PLANNED_STATUSES.includes(record.status))
        return invalidRequest(`Promotion ${record.id} is ${record.status}; only a READY or VALIDATION_FAILED promotion can be executed`);
    const selected = record.selectedResources?.length ?? 0;
    if (!record.previousPromotionId && (selected < 1 || selected > MAX_SELECTED))
        return invalidData("selectedResources", `A promotion runs with 1 to ${MAX_SELECTED} selected resources (the source environment's id selects all of it); this one has ${selected}`, "CONSTRAINT_VIOLATION");
    const running = host.promotions.runningInto(record.targetId);
    if (running)
        return invalidRequest(`Promotion ${running.id} into environment ${record.targetId} is IN_PROGRESS; wait until it ends`);
    const target = host.environment(record.targetId);
    if (!target)
        return invalidRequest(`Environment ${record.targetId} no longer exists`);
    host.promotions.setStatus(record, "IN_PROGRESS", now);
    host.promotions.markExecuted(record);
    record.errors = [];
    record.applied = [];
    for (const step of record.steps ?? []) {
        delete step.status;
        delete step.error;
    }
    runStep(host, record, target, 0, now);
    return (0,reply.ok)(promotionJson(record, host.apiUrl), 202);
}
/** Why `record` cannot be rolled back now, if it cannot. */
function rollbackRefusal(host, record) {
    if (record.previousPromotionId)
        return "A rollback promotion cannot itself be rolled back";
    if (record.status === "ROLLED_BACK")
        return `Promotion ${record.id} was already rolled back`;
    if (record.status !== "COMPLETED" && record.status !== "ERROR")
        return `Promotion ${record.id} is ${record.status}; only a COMPLETED or ERROR promotion can be rolled back`;
    const last = host.promotions.lastExecuted(record.sourceId, record.targetId);
    if (last !== record)
        return `Only the last executed promotion from ${record.sourceId} to ${record.targetId} can be rolled back (${last?.id})`;
    const pending = host.promotions.pendingRollbackOf(record.id);
    if (pending)
        return `Rollback promotion ${pending.id} of ${record.id} already exists`;
    return undefined;
}
/** POST /promotions/{id} as the rollback media type: a new promotion that reverts `record`. */
function rollback(host, record, now) {
    const refusal = rollbackRefusal(host, record);
    if (refusal)
        return invalidRequest(refusal);
    const source = host.environment(record.sourceId);
    const target = host.environment(record.targetId);
    if (!source || !target)
        return invalidRequest("The promotion's environments no longer exist");
    const revert = host.promotions.add({
        source,
        target,
        status: "ROLLBACK_NEW",
        description: "Rolling back promotion.",
        previousPromotionId: record.id,
    }, now);
    schedulePlanning(host, revert, now);
    return (0,reply.ok)(promotionJson(revert, host.apiUrl), 202);
}
/** Seeds a promotion that someone else started, IN_PROGRESS from `now`. */
function seedRunning(host, fault, now) {
    const source = host.environment(fault.sourceEnvironmentId);
    const target = host.environment(fault.targetEnvironmentId);
    if (!source || !target)
        throw new Error("promotionInProgress names an unknown environment");
    const record = host.promotions.add({
        id: fault.id,
        source,
        target,
        status: "IN_PROGRESS",
        description: "Started by another operator",
        selectedResources: [source.id],
    }, now);
    record.steps = [];
    record.errors = [];
    host.promotions.markExecuted(record);
    if (fault.finishAfterSeconds === undefined)
        return;
    record.pending.push(host.timeline.after(now, secondsToMs(fault.finishAfterSeconds), (at) => host.promotions.setStatus(record, "COMPLETED", at)));
}

;// CONCATENATED MODULE: ./src/platforms/pingone/emulator/promotion-routes.ts
// The promotions endpoints under /v1/environments/{sourceEnvId}/promotions.









const EXECUTE_TYPE = "application/vnd.pingidentity.promotion.execute+json";
const ROLLBACK_TYPE = "application/vnd.pingidentity.promotion.rollback+json";
const isJson = (call) => /^application\/([\w.+-]+\+)?json$/.test((0,faults/* mediaType */.JL)(call.headers["content-type"]));
function unsupported(call, expected) {
    const given = call.headers["content-type"] ?? "none";
    return pingError(415, "INVALID_REQUEST", `Unsupported Content-Type ${given}; expected ${expected}`);
}
function notAllowed(call) {
    return pingError(405, "INVALID_REQUEST", `${call.method} is not allowed on ${call.url.pathname}`);
}
function list(ctx) {
    const statuses = statusFilter(ctx.call.url.searchParams.get("filter"));
    if (!Array.isArray(statuses))
        return statuses;
    const items = ctx.org.promotions
        .list(ctx.source.id)
        .filter((r) => statuses.length === 0 || statuses.includes(r.status));
    return page({ name: "promotions", items, key: (r) => r.seq, descending: true }, ctx.call.url, (r) => promotionJson(r, ctx.org.apiUrl));
}
function create(ctx) {
    if (!isJson(ctx.call))
        return unsupported(ctx.call, "application/json");
    const parsed = parseCreate(ctx.call.body, ctx.source, (id) => ctx.org.environment(id));
    if ("error" in parsed)
        return parsed.error;
    const { target, ...fields } = parsed.value;
    const denied = ctx.authorize([target.id]);
    if (denied)
        return denied;
    const record = ctx.org.promotions.add({
        source: ctx.source,
        target,
        status: "NEW",
        ...fields,
        requestedMapping: fields.resourceMapping,
    }, ctx.now);
    schedulePlanning(ctx.org, record, ctx.now);
    return (0,reply.ok)(promotionJson(record, ctx.org.apiUrl), 201);
}
function patch(ctx, record) {
    if (!isJson(ctx.call))
        return unsupported(ctx.call, "application/json");
    if (record.previousPromotionId)
        return invalidRequest("A rollback promotion cannot be changed");
    if (![...PLANNING_STATUSES, ...PLANNED_STATUSES].includes(record.status))
        return invalidRequest(`Promotion ${record.id} is ${record.status} and can no longer be changed`);
    const target = ctx.org.environment(record.targetId);
    if (!target)
        return invalidRequest("The promotion's target environment no longer exists");
    const parsed = parsePatch(ctx.call.body, ctx.source, target);
    if ("error" in parsed)
        return parsed.error;
    const { resourceMapping, ...rest } = parsed.value;
    Object.assign(record, rest);
    if (resourceMapping)
        record.requestedMapping = resourceMapping;
    record.updatedAt = ctx.now;
    // The snapshots stay; only the plan drawn from them changes.
    if (PLANNED_STATUSES.includes(record.status))
        replan(ctx.org, record, ctx.now);
    return (0,reply.ok)(promotionJson(record, ctx.org.apiUrl));
}
function post(ctx, record) {
    const type = (0,faults/* mediaType */.JL)(ctx.call.headers["content-type"]);
    if (type !== EXECUTE_TYPE && type !== ROLLBACK_TYPE)
        return unsupported(ctx.call, `${EXECUTE_TYPE} or ${ROLLBACK_TYPE}`);
    const denied = ctx.authorize([record.targetId]);
    if (denied)
        return denied;
    return type === EXECUTE_TYPE
        ? execute(ctx.org, record, ctx.now)
        : rollback(ctx.org, record, ctx.now);
}
function remove(ctx, record) {
    if (record.status !== "NEW" && record.status !== "READY")
        return invalidRequest(`Promotion ${record.id} is ${record.status}; only NEW or READY promotions can be deleted`);
    ctx.org.promotions.remove(record);
    return { status: 204, body: undefined };
}
function one(ctx, record, sub) {
    const { method } = ctx.call;
    if (sub === "status")
        return method === "GET" ? (0,reply.ok)({ id: record.id, status: record.status }) : notAllowed(ctx.call);
    if (sub === "promotionSteps") {
        if (method !== "GET")
            return notAllowed(ctx.call);
        const items = (record.steps ?? []).map((step, index) => ({ step, index }));
        return page({ name: "promotionSteps", items, key: (s) => s.index, descending: false }, ctx.call.url, (s) => stepJson(s.step));
    }
    if (sub !== undefined)
        return notFound(`No such endpoint: ${ctx.call.url.pathname}`);
    if (method === "GET")
        return (0,reply.ok)(promotionJson(record, ctx.org.apiUrl));
    if (method === "POST")
        return post(ctx, record);
    if (method === "PATCH")
        return patch(ctx, record);
    if (method === "DELETE")
        return remove(ctx, record);
    return notAllowed(ctx.call);
}
/** `rest` is the path after /promotions: "", "/{id}" or "/{id}/{sub}". */
function promotionRoute(ctx, rest) {
    if (rest === "" || rest === "/") {
        if (ctx.call.method === "GET")
            return list(ctx);
        if (ctx.call.method === "POST")
            return create(ctx);
        return notAllowed(ctx.call);
    }
    const match = /^\/([^/]+)(?:\/([^/]+))?\/?$/.exec(rest);
    const id = decodeURIComponent(match?.[1] ?? "");
    const record = ctx.org.promotions.get(ctx.source.id, id);
    if (!match || !record)
        return notFound(`Promotion ${id} not found in environment ${ctx.source.id}`);
    return one(ctx, record, match[2]);
}

// EXTERNAL MODULE: ./src/core/emulator/fields.ts
var emulator_fields = __webpack_require__(4506);
// EXTERNAL MODULE: ./src/core/emulator/scenario-yaml.ts
var scenario_yaml = __webpack_require__(197);
;// CONCATENATED MODULE: ./src/platforms/pingone/emulator/scenario-environments.ts
// Reads a scenario's environments (with their resources) and its worker application.


const TYPE_PATTERN = /^[A-Za-z][A-Za-z0-9]*$/;
const AUTH_METHODS = ["CLIENT_SECRET_BASIC", "CLIENT_SECRET_POST"];
function uuid(value, path) {
    const id = (0,emulator_fields/* text */.Qq)(value, path);
    if (!UUID_PATTERN.test(id))
        throw new emulator_fields/* ScenarioError */.tp(`${path} must be a UUID, got ${JSON.stringify(id)}`);
    return id.toLowerCase();
}
function resource(envId, type, value, path) {
    const raw = (0,emulator_fields/* mapping */.pq)(value, path);
    const { id, name, ...fields } = raw;
    const resourceName = (0,emulator_fields/* text */.Qq)(name, `${path}.name`);
    return {
        id: id === undefined ? derivedResourceId(envId, type, resourceName) : uuid(id, `${path}.id`),
        type,
        name: resourceName,
        fields: structuredClone(fields),
    };
}
function environment(name, value) {
    const path = `environments.${name}`;
    const raw = (0,emulator_fields/* mapping */.pq)(value ?? {}, path);
    (0,emulator_fields/* onlyKeys */.Bh)(raw, path, ["id", "resources"]);
    const id = uuid(raw.id, `${path}.id`);
    const resources = [];
    for (const [type, items] of Object.entries((0,emulator_fields/* mapping */.pq)(raw.resources ?? {}, `${path}.resources`))) {
        const typePath = `${path}.resources.${type}`;
        if (!TYPE_PATTERN.test(type))
            throw new emulator_fields/* ScenarioError */.tp(`${typePath}: a resource type is a plain word such as populations`);
        for (const [i, item] of (0,emulator_fields/* list */.p_)(items ?? [], typePath).entries()) {
            const parsed = resource(id, type, item, `${typePath}[${i}]`);
            const clash = resources.find((r) => r.id === parsed.id || (r.type === type && r.name === parsed.name));
            if (clash)
                throw new emulator_fields/* ScenarioError */.tp(`${typePath}[${i}] repeats the id or name of another resource (${clash.name})`);
            resources.push(parsed);
        }
    }
    return { id, name, resources };
}
function environments(value) {
    const raw = (0,emulator_fields/* mapping */.pq)(value ?? {}, "environments");
    const parsed = Object.entries(raw).map(([name, env]) => environment(name, env));
    const ids = new Set(parsed.map((e) => e.id));
    if (ids.size !== parsed.length)
        throw new emulator_fields/* ScenarioError */.tp("environments: two environments share an id");
    if (parsed.length < 2)
        throw new emulator_fields/* ScenarioError */.tp("environments: a promotion needs at least two environments");
    return parsed;
}
/** An environment given by its scenario name or its id. */
function environmentRef(value, path, envs) {
    const ref = (0,emulator_fields/* text */.Qq)(value, path);
    const found = envs.find((e) => e.name === ref || e.id === ref.toLowerCase());
    if (!found)
        throw new emulator_fields/* ScenarioError */.tp(`${path} names no environment: ${JSON.stringify(ref)} (expected one of: ${envs.map((e) => e.name).join(", ")})`);
    return found.id;
}
function workerApp(value, envs) {
    const path = "workerApp";
    const raw = (0,emulator_fields/* mapping */.pq)(value ?? {}, path);
    (0,emulator_fields/* onlyKeys */.Bh)(raw, path, [
        "environment",
        "clientId",
        "clientSecret",
        "tokenEndpointAuthMethod",
        "tokenLifetimeSeconds",
        "administers",
    ]);
    const method = ((0,emulator_fields/* optionalText */.mR)(raw.tokenEndpointAuthMethod, `${path}.tokenEndpointAuthMethod`) ??
        "CLIENT_SECRET_BASIC").toUpperCase();
    if (!AUTH_METHODS.includes(method))
        throw new emulator_fields/* ScenarioError */.tp(`${path}.tokenEndpointAuthMethod must be client_secret_basic or client_secret_post`);
    const app = {
        environmentId: environmentRef(raw.environment, `${path}.environment`, envs),
        clientId: (0,emulator_fields/* text */.Qq)(raw.clientId, `${path}.clientId`),
        clientSecret: (0,emulator_fields/* text */.Qq)(raw.clientSecret, `${path}.clientSecret`),
        tokenEndpointAuthMethod: method,
        tokenLifetimeSeconds: (0,emulator_fields/* number */.ai)(raw.tokenLifetimeSeconds ?? 3600, `${path}.tokenLifetimeSeconds`, {
            positive: true,
        }),
    };
    if (raw.administers !== undefined)
        app.administers = (0,emulator_fields/* textList */.gC)(raw.administers, `${path}.administers`).map((ref, i) => environmentRef(ref, `${path}.administers[${i}]`, envs));
    return app;
}

// EXTERNAL MODULE: ./src/core/emulator/scenario-faults.ts
var scenario_faults = __webpack_require__(5211);
;// CONCATENATED MODULE: ./src/platforms/pingone/emulator/scenario-faults.ts
// Reads the `faults:` mapping of a PingOne scenario (format: see faults.ts).



const FAULT_KEYS = [...scenario_faults/* REQUEST_FAULT_KEYS */.km, "validationErrors", "stepErrors", "promotionInProgress"];
const ACTIONS = ["POST", "PUT", "DELETE"];
function resourceMatch(raw, path) {
    const match = {
        type: (0,emulator_fields/* text */.Qq)(raw.type, `${path}.type`),
        name: (0,emulator_fields/* text */.Qq)(raw.name, `${path}.name`),
    };
    const action = (0,emulator_fields/* optionalText */.mR)(raw.action, `${path}.action`)?.toUpperCase();
    if (action !== undefined) {
        if (!ACTIONS.includes(action))
            throw new emulator_fields/* ScenarioError */.tp(`${path}.action must be POST, PUT or DELETE`);
        match.action = action;
    }
    return match;
}
function items(raw, key) {
    if (raw[key] === undefined)
        return [];
    return (0,emulator_fields/* list */.p_)(raw[key], `faults.${key}`).map((item, i) => ({
        path: `faults.${key}[${i}]`,
        item: (0,emulator_fields/* mapping */.pq)(item, `faults.${key}[${i}]`),
    }));
}
function inProgress(value, envs) {
    const path = "faults.promotionInProgress";
    const raw = (0,emulator_fields/* mapping */.pq)(value, path);
    (0,emulator_fields/* onlyKeys */.Bh)(raw, path, ["id", "source", "target", "finishAfterSeconds"]);
    const fault = {
        kind: "promotionInProgress",
        sourceEnvironmentId: environmentRef(raw.source, `${path}.source`, envs),
        targetEnvironmentId: environmentRef(raw.target, `${path}.target`, envs),
        finishAfterSeconds: (0,emulator_fields/* optionalNumber */.WI)(raw.finishAfterSeconds, `${path}.finishAfterSeconds`, {
            min: 0,
        }),
    };
    if (raw.id !== undefined)
        fault.id = uuid(raw.id, `${path}.id`);
    if (fault.sourceEnvironmentId === fault.targetEnvironmentId)
        throw new emulator_fields/* ScenarioError */.tp(`${path}: source and target must differ`);
    return fault;
}
function parsePingOneFaults(value, envs) {
    if (value === undefined || value === null)
        return [];
    const raw = (0,emulator_fields/* mapping */.pq)(value, "faults");
    (0,emulator_fields/* onlyKeys */.Bh)(raw, "faults", FAULT_KEYS);
    const faults = [...(0,scenario_faults/* parseRequestFaults */.UD)(raw)];
    for (const { path, item } of items(raw, "validationErrors")) {
        (0,emulator_fields/* onlyKeys */.Bh)(item, path, ["type", "name", "action", "code", "message"]);
        faults.push({
            kind: "validationError",
            ...resourceMatch(item, path),
            code: (0,emulator_fields/* optionalText */.mR)(item.code, `${path}.code`) ?? "INVALID_VALUE",
            message: (0,emulator_fields/* optionalText */.mR)(item.message, `${path}.message`) ??
                "The resource is not valid in the target environment",
        });
    }
    for (const { path, item } of items(raw, "stepErrors")) {
        (0,emulator_fields/* onlyKeys */.Bh)(item, path, ["type", "name", "action", "code", "message", "count"]);
        faults.push({
            kind: "stepError",
            ...resourceMatch(item, path),
            code: (0,emulator_fields/* optionalText */.mR)(item.code, `${path}.code`) ?? "REQUEST_FAILED",
            message: (0,emulator_fields/* optionalText */.mR)(item.message, `${path}.message`) ??
                "The target environment refused the change",
            count: (0,emulator_fields/* optionalNumber */.WI)(item.count, `${path}.count`, { integer: true, min: 1 }),
        });
    }
    if (raw.promotionInProgress !== undefined)
        faults.push(inProgress(raw.promotionInProgress, envs));
    return faults;
}

;// CONCATENATED MODULE: ./src/platforms/pingone/emulator/scenario.ts
// PingOne scenarios: the environments and their resources, the worker application, timings
// and faults, written in YAML.
//
//   base: default              # optional: start from the built-in scenario and override it
//   speed: 60                  # times faster than real PingOne (1 = real time)
//   accessTokens: [emulator-token]   # static bearer tokens, valid for every environment
//   promoteDeletions: false    # true: resources only in the target get DELETE steps
//   timings: { newSeconds: 2, preparingSeconds: 15, stepSeconds: 4 }   # real-platform seconds
//   workerApp:
//     environment: development # name or id of the environment the app lives in
//     clientId: emulator-client
//     clientSecret: emulator-secret
//     tokenEndpointAuthMethod: client_secret_basic   # or client_secret_post
//     tokenLifetimeSeconds: 3600
//     administers: [development, staging]            # optional; default: every environment
//   environments:
//     development:
//       id: 11111111-1111-4111-8111-111111111111
//       resources:
//         populations:
//           - { id: <uuid, optional>, name: Employees, description: Staff }
//   faults: { ... }            # see faults.ts
//
// With `base: default`, mappings merge key by key and lists replace: overriding
// environments.staging.resources.populations replaces staging's populations only.






const TOP_KEYS = [
    "base",
    "speed",
    "environments",
    "workerApp",
    "accessTokens",
    "promoteDeletions",
    "timings",
    "faults",
];
const TIMING_DEFAULTS = { newSeconds: 2, preparingSeconds: 15, stepSeconds: 4 };
function timings(value) {
    const raw = (0,emulator_fields/* mapping */.pq)(value ?? {}, "timings");
    (0,emulator_fields/* onlyKeys */.Bh)(raw, "timings", Object.keys(TIMING_DEFAULTS));
    const read = (key) => (0,emulator_fields/* number */.ai)(raw[key] ?? TIMING_DEFAULTS[key], `timings.${key}`, { min: 0 });
    return {
        newSeconds: read("newSeconds"),
        preparingSeconds: read("preparingSeconds"),
        stepSeconds: read("stepSeconds"),
    };
}
/** Validates a parsed scenario document (as read from YAML) into a PingOneScenario. */
function pingOneScenarioFromDocument(document) {
    const raw = (0,scenario_yaml/* scenarioMapping */.pp)(document, TOP_KEYS, DEFAULT_PINGONE_SCENARIO_DOCUMENT);
    const envs = environments(raw.environments);
    return {
        speed: (0,emulator_fields/* number */.ai)(raw.speed ?? 1, "speed", { positive: true }),
        environments: envs,
        workerApp: workerApp(raw.workerApp, envs),
        accessTokens: raw.accessTokens === undefined ? [] : (0,emulator_fields/* textList */.gC)(raw.accessTokens, "accessTokens"),
        promoteDeletions: (0,emulator_fields/* optionalBoolean */.Jz)(raw.promoteDeletions, "promoteDeletions") ?? false,
        timings: timings(raw.timings),
        faults: parsePingOneFaults(raw.faults, envs),
    };
}
const scenarios = (0,scenario_yaml/* scenarioLoader */.e)(pingOneScenarioFromDocument, DEFAULT_PINGONE_SCENARIO_DOCUMENT);
/** Parses and validates a YAML scenario; errors name the offending field. */
const loadPingOneScenario = scenarios.fromYaml;
const loadPingOneScenarioFile = scenarios.fromFile;
/** The built-in scenario: development holds changes to promote to staging and production. */
const defaultPingOneScenario = scenarios.builtIn;

// EXTERNAL MODULE: ./src/core/emulator/http-server.ts
var http_server = __webpack_require__(4983);
// EXTERNAL MODULE: ./src/core/emulator/speed.ts
var emulator_speed = __webpack_require__(4816);
// EXTERNAL MODULE: ./src/core/emulator/timeline.ts
var timeline = __webpack_require__(5636);
;// CONCATENATED MODULE: ./src/platforms/pingone/emulator/promotion-store.ts
// Every promotion of the organization, with the queries the API's rules need.


function snapshot(env, id) {
    return { id: id ?? (0,external_node_crypto_.randomUUID)(), resources: cloneResources(env.resources) };
}
class PromotionStore {
    records = new Map();
    created = 0;
    executed = 0;
    add(input, now) {
        const record = {
            id: input.id ?? (0,external_node_crypto_.randomUUID)(),
            seq: ++this.created,
            sourceId: input.source.id,
            targetId: input.target.id,
            status: input.status,
            createdAt: now,
            updatedAt: now,
            requestedMapping: { ...input.requestedMapping },
            resourceMapping: { ...input.requestedMapping },
            sourceSnapshot: snapshot(input.source, input.sourceSnapshotId),
            targetSnapshot: snapshot(input.target, input.targetSnapshotId),
            applied: [],
            pending: [],
        };
        if (input.description !== undefined)
            record.description = input.description;
        if (input.selectedResources)
            record.selectedResources = [...input.selectedResources];
        if (input.excludedResources)
            record.excludedResources = [...input.excludedResources];
        if (input.previousPromotionId)
            record.previousPromotionId = input.previousPromotionId;
        this.records.set(record.id, record);
        return record;
    }
    /** The promotion `id` of source environment `sourceId`; another environment's is not found. */
    get(sourceId, id) {
        const record = this.records.get(id.toLowerCase());
        return record?.sourceId === sourceId ? record : undefined;
    }
    /** Promotions of `sourceId`, newest first. */
    list(sourceId) {
        return [...this.records.values()]
            .filter((r) => r.sourceId === sourceId)
            .sort((a, b) => b.seq - a.seq);
    }
    all() {
        return [...this.records.values()].sort((a, b) => a.seq - b.seq);
    }
    remove(record) {
        for (const cancel of record.pending.splice(0))
            cancel();
        this.records.delete(record.id);
    }
    setStatus(record, status, at) {
        record.status = status;
        record.updatedAt = at;
    }
    /** Marks `record` as the most recently executed promotion. */
    markExecuted(record) {
        record.executedSeq = ++this.executed;
    }
    /** The promotion last executed from `sourceId` to `targetId`: the only one rollback accepts. */
    lastExecuted(sourceId, targetId) {
        let last;
        for (const r of this.records.values()) {
            if (r.sourceId !== sourceId || r.targetId !== targetId || r.executedSeq === undefined)
                continue;
            if (!last || r.executedSeq > (last.executedSeq ?? 0))
                last = r;
        }
        return last;
    }
    /** A promotion running against `targetId`, from any source. */
    runningInto(targetId) {
        return [...this.records.values()].find((r) => r.targetId === targetId && r.status === "IN_PROGRESS");
    }
    /** A rollback of `id` that has not run yet. */
    pendingRollbackOf(id) {
        return [...this.records.values()].find((r) => r.previousPromotionId === id && r.executedSeq === undefined);
    }
}

// EXTERNAL MODULE: ./src/core/emulator/bearer-tokens.ts
var bearer_tokens = __webpack_require__(4357);
;// CONCATENATED MODULE: ./src/platforms/pingone/emulator/tokens.ts



const AUTH_FAILED = "client authentication failed";
const METHOD_REFUSED = "the client authentication method is not allowed for this application";
function formDecode(text) {
    try {
        return decodeURIComponent(text.replace(/\+/g, " "));
    }
    catch {
        return text;
    }
}
/** HTTP Basic (form-encoded id and secret, RFC 6749 2.3.1) or client_id/client_secret in the form. */
function credentials(headers, form) {
    const basic = /^Basic\s+(\S+)\s*$/i.exec(headers.authorization ?? "")?.[1];
    if (basic) {
        const decoded = Buffer.from(basic, "base64").toString("utf8");
        const colon = decoded.indexOf(":");
        if (colon < 0)
            return undefined;
        return {
            method: "CLIENT_SECRET_BASIC",
            clientId: formDecode(decoded.slice(0, colon)),
            secret: formDecode(decoded.slice(colon + 1)),
        };
    }
    const clientId = form.get("client_id");
    const secret = form.get("client_secret");
    if (clientId === null || secret === null)
        return undefined;
    return { method: "CLIENT_SECRET_POST", clientId, secret };
}
class TokenService {
    app;
    speed;
    knownEnvironment;
    tokens;
    staticTokens;
    constructor(app, staticTokens, speed, knownEnvironment) {
        this.app = app;
        this.speed = speed;
        this.knownEnvironment = knownEnvironment;
        this.tokens = new bearer_tokens/* BearerTokens */.Q(staticTokens);
        this.staticTokens = new Set(staticTokens);
    }
    /** POST /{envId}/as/token. */
    mint(envId, headers, body, now) {
        if (!this.knownEnvironment(envId))
            return notFound(`Environment ${envId} not found`);
        const form = new URLSearchParams(body);
        if (form.get("grant_type") !== "client_credentials")
            return (0,reply/* oauthError */.Y)("unsupported_grant_type", "grant_type must be client_credentials");
        const given = credentials(headers, form);
        const challenge = { "WWW-Authenticate": 'Basic realm="PingOne"' };
        if (!given || given.clientId !== this.app.clientId || envId !== this.app.environmentId)
            return (0,reply/* oauthError */.Y)("invalid_client", AUTH_FAILED, 401, challenge);
        if (given.method !== this.app.tokenEndpointAuthMethod)
            return (0,reply/* oauthError */.Y)("invalid_client", METHOD_REFUSED, 401, challenge);
        if (given.secret !== this.app.clientSecret)
            return (0,reply/* oauthError */.Y)("invalid_client", AUTH_FAILED, 401, challenge);
        const lifetime = this.app.tokenLifetimeSeconds;
        // The lifetime is real-platform seconds: it runs `speed` times faster here, like the rest.
        const accessToken = this.tokens.issue((lifetime * 1000) / this.speed, now);
        return (0,reply.ok)({ access_token: accessToken, token_type: "Bearer", expires_in: lifetime });
    }
    /** undefined when the call may act on every environment in `envIds`, else the 401/403 reply. */
    authorize(authorization, envIds, now) {
        const check = this.tokens.check(authorization, now);
        if (check === "expired")
            return invalidToken("The access token has expired");
        if (check === "missing")
            return invalidToken("The request has no bearer access token");
        if (check === "unknown")
            return invalidToken("The access token is invalid");
        const token = /^Bearer\s+(\S+)/i.exec(authorization ?? "")?.[1] ?? "";
        if (this.staticTokens.has(token))
            return undefined;
        const outside = envIds.find((id) => this.app.administers && !this.app.administers.includes(id));
        return outside === undefined
            ? undefined
            : forbidden(`The worker application has no Environment Admin role on ${outside}`);
    }
}

;// CONCATENATED MODULE: ./src/platforms/pingone/emulator/organization.ts
// A PingOne organization: its environments, their promotions, the worker application's
// tokens, one clock and one set of faults.






class Organization {
    speed;
    timeline;
    environments;
    promotions = new PromotionStore();
    requestFaults = new faults/* RequestFaults */.Rp();
    planFaults = [];
    stepFaults = [];
    tokens;
    timings;
    promoteDeletions;
    /** Set by the server once it listens; every URL in replies starts with it. */
    apiUrl = "";
    constructor(scenario, speed, now = Date.now()) {
        this.speed = speed;
        this.timeline = new timeline/* Timeline */.K(speed);
        this.environments = scenario.environments.map((env) => ({
            ...env,
            resources: cloneResources(env.resources),
        }));
        this.timings = { ...scenario.timings };
        this.promoteDeletions = scenario.promoteDeletions;
        this.tokens = new TokenService(scenario.workerApp, scenario.accessTokens, speed, (id) => this.environment(id) !== undefined);
        for (const fault of scenario.faults)
            this.addFault(fault, now);
    }
    environment(id) {
        const wanted = id.toLowerCase();
        return this.environments.find((env) => env.id === wanted);
    }
    /** Runs every timed transition due by `now`, so replies show the present. */
    advance(now = Date.now()) {
        this.timeline.advance(now);
    }
    addFault(fault, now = Date.now()) {
        this.advance(now);
        if ((0,faults/* isRequestFault */._X)(fault))
            this.requestFaults.add(fault);
        else if (fault.kind === "validationError")
            this.planFaults.push(fault);
        else if (fault.kind === "stepError")
            this.stepFaults.push({ fault, remaining: fault.count });
        else
            seedRunning(this, fault, now);
    }
    close() {
        this.timeline.close();
    }
}

;// CONCATENATED MODULE: ./src/platforms/pingone/emulator/routes.ts




const TOKEN_PATH = /^\/([^/]+)\/as\/token\/?$/;
const ENVIRONMENT_PATH = /^\/v1\/environments\/([^/]+)(\/.*)?$/;
function environmentJson(env, apiUrl) {
    return {
        _links: { self: { href: `${apiUrl}/environments/${env.id}` } },
        id: env.id,
        name: env.name,
        region: "NA",
        type: "SANDBOX",
    };
}
function environmentRoute(org, call, env, rest, now) {
    const authorize = (envIds) => org.tokens.authorize(call.headers.authorization, envIds, now);
    const denied = authorize([env.id]);
    if (denied)
        return denied;
    if (rest === "/promotions" || rest.startsWith("/promotions/"))
        return promotionRoute({ org, call, source: env, now, authorize }, rest.slice("/promotions".length));
    if (call.method !== "GET")
        return pingError(405, "INVALID_REQUEST", `${call.method} is not allowed on ${call.url.pathname}`);
    if (rest === "" || rest === "/")
        return (0,reply.ok)(environmentJson(env, org.apiUrl));
    const resource = /^\/([A-Za-z]+)\/([^/]+)\/?$/.exec(rest);
    const found = resource &&
        findResource(env.resources, resource[1] ?? "", decodeURIComponent(resource[2] ?? "").toLowerCase());
    if (!found)
        return notFound(`No resource at ${call.url.pathname}`);
    return (0,reply.ok)(resourceJson(env.id, found, org.apiUrl));
}
function route(org, call, now) {
    org.advance(now);
    const path = call.url.pathname;
    const token = TOKEN_PATH.exec(path);
    if (token) {
        if (call.method !== "POST")
            return pingError(405, "INVALID_REQUEST", `${call.method} is not allowed on ${path}`);
        return org.tokens.mint(decodeURIComponent(token[1] ?? "").toLowerCase(), call.headers, call.body, now);
    }
    const match = ENVIRONMENT_PATH.exec(path);
    if (!match)
        return notFound(`No such endpoint: ${path}`);
    // A bad token is refused before anything is said about the environment.
    const invalid = org.tokens.authorize(call.headers.authorization, [], now);
    if (invalid)
        return invalid;
    const env = org.environment(decodeURIComponent(match[1] ?? ""));
    if (!env)
        return notFound(`Environment ${match[1]} not found`);
    return environmentRoute(org, call, env, match[2] ?? "", now);
}

;// CONCATENATED MODULE: ./src/platforms/pingone/emulator/server.ts
// Serves the organization over node:http on one loopback origin: token endpoint and API alike.









async function startPingOneEmulator(options = {}) {
    const scenario = options.scenario ?? defaultPingOneScenario();
    const speed = (0,emulator_speed/* emulatorSpeed */.p)(options.speed, scenario.speed);
    const { logger } = options;
    const org = new Organization(scenario, speed);
    const requests = [];
    let serving;
    try {
        serving = await (0,http_server/* serveEmulator */.$)({
            host: options.host ?? "127.0.0.1",
            listeners: [
                { name: "api", port: options.port ?? 0, handle: (call) => route(org, call, Date.now()) },
            ],
            faults: org.requestFaults,
            faultReply: faultReply,
            failureReply: failureReply,
            replyHeaders: () => ({ "Correlation-Id": (0,external_node_crypto_.randomUUID)() }),
            record: (_server, entry) => requests.push(entry),
            logger,
            logLabel: () => "[pingone emulator]",
        });
    }
    catch (error) {
        org.close();
        throw error;
    }
    const origin = serving.origins.api;
    org.apiUrl = `${origin}/v1`;
    logger?.debug(`[pingone emulator] ${origin}, speed x${speed}`);
    return {
        origin,
        apiUrl: org.apiUrl,
        speed,
        scenario,
        requests,
        environments: org.environments.map(({ name, id }) => ({ name, id })),
        workerApp: { ...scenario.workerApp },
        accessTokens: [...scenario.accessTokens],
        tokenUrl: `${origin}/${scenario.workerApp.environmentId}/as/token`,
        resources: (id) => {
            org.advance();
            return cloneResources(org.environment(id)?.resources ?? []);
        },
        promotions: () => {
            org.advance();
            return org.promotions.all().map((record) => promotionJson(record, org.apiUrl));
        },
        addFault: (fault) => org.addFault(fault),
        close: async () => {
            org.close();
            await serving.close();
        },
    };
}

;// CONCATENATED MODULE: ./src/platforms/pingone/emulator/index.ts
// Local emulator of the PingOne Platform promotions API: environments with resources, timed
// promotions planned from their differences, execution, rollback, a worker application's
// token endpoint and injectable faults, served on loopback.






;// CONCATENATED MODULE: ./src/platforms/pingone/emulator-entry.ts
// How the CLI starts the PingOne emulator (one loopback port) and points a run at it.


const pingOneEmulatorEntry = {
    demoModes: ["dry-run", "promote", "rollback"],
    async start(options) {
        const emulator = await startPingOneEmulator((0,common/* oneOriginEmulatorOptions */.aK)(options, "pingone-port", loadPingOneScenarioFile));
        const [source, target] = emulator.environments;
        return {
            banner: `${formatPingOneEmulatorBanner(emulator)}\nTry (time-scale matches the emulator's speed):\n  tenant-promote dry-run --platform pingone --pingone-api-url ${emulator.origin} --source-environment-id ${source?.id} --target-environment-id ${target?.id} --pingone-client-id ${emulator.workerApp.clientId} --pingone-client-secret ${emulator.workerApp.clientSecret} --time-scale ${(1 / emulator.speed).toFixed(4)}`,
            runInputs: {
                "pingone-api-url": emulator.origin,
                "source-environment-id": source?.id,
                "target-environment-id": target?.id,
                "pingone-client-id": emulator.workerApp.clientId,
                "pingone-client-secret": emulator.workerApp.clientSecret,
                "pingone-client-environment-id": emulator.workerApp.environmentId,
            },
            close: () => emulator.close(),
        };
    },
};


/***/ })

};
