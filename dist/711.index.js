export const id = 711;
export const ids = [711];
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

/***/ 8092:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  aicEmulatorEntry: () => (/* binding */ aicEmulatorEntry)
});

// EXTERNAL MODULE: ./src/platforms/common.ts
var common = __webpack_require__(2363);
;// CONCATENATED MODULE: ./src/platforms/aic/emulator/banner.ts
function formatAicEmulatorBanner(running) {
    const token = (list) => list[0] ?? "(none: use a service account)";
    const timeScale = Number((1 / running.speed).toPrecision(3));
    return [
        `Emulated AIC promotions API (speed x${running.speed})`,
        `  lower environment: ${running.lowerUrl}   token: ${token(running.accessTokens.lower)}`,
        `  upper environment: ${running.upperUrl}   token: ${token(running.accessTokens.upper)}`,
        "Try (time-scale matches the emulator's speed):",
        `  tenant-promote dry-run --upper-fqdn ${running.upperUrl} --upper-access-token ${token(running.accessTokens.upper)} --time-scale ${timeScale}`,
    ].join("\n");
}

// EXTERNAL MODULE: ./src/core/emulator/canonical-json.ts
var canonical_json = __webpack_require__(716);
;// CONCATENATED MODULE: ./src/platforms/aic/emulator/config-model.ts
// Configuration of an emulated environment: comparing two environments the way a promotion
// does, and the integrity checks a promotion runs on what it would promote.

/** Areas in the order reports list them; any other area follows in name order. */
const AREA_ORDER = ["AMConfig", "IDMConfig"];
function cloneConfig(config) {
    return structuredClone(config);
}
function sameItem(a, b) {
    return (a.name === b.name &&
        a.realm === b.realm &&
        a.file === b.file &&
        (0,canonical_json/* canonicalJson */.d)(a.content) === (0,canonical_json/* canonicalJson */.d)(b.content));
}
/** The area whose categories are IDM configuration: reported by file pattern, entries as names. */
const IDM_AREA = "IDMConfig";
function entry(item) {
    return item.realm === undefined
        ? { name: item.name, uid: item.uid }
        : { name: item.name, realm: item.realm, uid: item.uid };
}
/**
 * Where an IDM category's items live in an exported configuration: idm/conf/<prefix>-*.json
 * for a family of config objects (emailTemplate/welcome -> idm/conf/emailTemplate-welcome.json),
 * idm/conf/<name>.json for a single one.
 */
function fileDestinationPattern(item) {
    if (item.fileDestinationPattern)
        return item.fileDestinationPattern;
    const file = item.file ?? `idm/conf/${item.uid.replaceAll("/", "-")}.json`;
    const family = /^(.*\/)?([^/-]+)-[^/]+\.json$/.exec(file);
    return family ? `${family[1] ?? ""}${family[2]}-*.json` : file;
}
/** The content field an IDM category's report entries come from. */
function idmFileName(item) {
    return item.fileName ?? "displayName";
}
/** An IDM report entry: the item's `fileName` field, as the tenant lists it. */
function idmEntry(item) {
    const content = item.content;
    const value = typeof content === "object" && content ? content[idmFileName(item)] : undefined;
    return typeof value === "string" ? value : item.name;
}
function categoryChange(area, category, sample, added, modified, deleted) {
    const toEntry = area === IDM_AREA ? idmEntry : entry;
    // Empty lists are left out, as the tenant omits them.
    const configChange = {};
    if (added.length > 0)
        configChange.added = added.map(toEntry);
    if (modified.length > 0)
        configChange.modified = modified.map(toEntry);
    if (deleted.length > 0)
        configChange.deleted = deleted.map(toEntry);
    if (area !== IDM_AREA)
        return { configItem: category, configChange };
    return {
        configItem: category,
        configChange,
        fileDestinationPattern: fileDestinationPattern(sample),
        fileName: idmFileName(sample),
        type: "single",
    };
}
function orderedAreas(from, to) {
    const all = new Set([...Object.keys(from), ...Object.keys(to)]);
    const known = AREA_ORDER.filter((a) => all.has(a));
    const others = [...all].filter((a) => !AREA_ORDER.includes(a)).sort();
    return [...known, ...others];
}
/**
 * What changes when `to` replaces `from`: items only in `to` are added, items only in
 * `from` deleted, items in both with different content modified (matched by uid).
 */
function diffConfig(from, to) {
    const report = {};
    const written = [];
    let total = 0;
    for (const area of orderedAreas(from, to)) {
        const fromArea = from[area] ?? {};
        const toArea = to[area] ?? {};
        const categories = [...new Set([...Object.keys(toArea), ...Object.keys(fromArea)])];
        const contents = [];
        for (const category of categories) {
            const before = new Map((fromArea[category] ?? []).map((i) => [i.uid, i]));
            const after = toArea[category] ?? [];
            const added = after.filter((i) => !before.has(i.uid));
            const modified = after.filter((i) => {
                const old = before.get(i.uid);
                return old !== undefined && !sameItem(old, i);
            });
            const afterUids = new Set(after.map((i) => i.uid));
            const deleted = [...before.values()].filter((i) => !afterUids.has(i.uid));
            const sample = [...added, ...modified, ...deleted][0];
            if (sample === undefined)
                continue;
            contents.push(categoryChange(area, category, sample, added, modified, deleted));
            written.push(...added, ...modified);
            total += added.length + modified.length + deleted.length;
        }
        if (contents.length > 0)
            report[area] = contents;
    }
    return { report, written, total };
}
// A placeholder such as &{esv.email.from}; ESV names may hold dots and dashes.
const ESV_PLACEHOLDER = /&\{esv\.([A-Za-z0-9][A-Za-z0-9._-]*)\}/g;
/**
 * One spelling for an ESV name: the placeholder &{esv.email.from} refers to the variable
 * whose id is esv-email-from, so both reduce to "email-from".
 */
function canonicalEsvName(name) {
    return name
        .trim()
        .toLowerCase()
        .replace(/^esv[.-]/, "")
        .replaceAll(".", "-");
}
/** ESV names (as written after "esv." in placeholders) referenced by `items` that `esvs` lacks. */
function findMissingEsvs(items, esvs) {
    const present = new Set([...esvs].map(canonicalEsvName));
    const missing = new Set();
    for (const item of items) {
        for (const match of JSON.stringify(item.content).matchAll(ESV_PLACEHOLDER)) {
            const name = match[1];
            if (!present.has(canonicalEsvName(name)))
                missing.add(name);
        }
    }
    return [...missing].sort();
}
/** Where an item is said to live when the scenario gives it no file. */
function itemFile(item) {
    return item.file ?? `${item.uid.replace(/[^A-Za-z0-9._-]+/g, "_")}.json`;
}
/**
 * Encrypted values ({"$crypto": ...}) in `items`, as "* <file>:<line>" with the line of
 * the "$crypto" key in the item's pretty-printed JSON.
 */
function findEncryptedValues(items) {
    const found = [];
    for (const item of items) {
        const lines = JSON.stringify(item.content, null, 2).split("\n");
        lines.forEach((line, index) => {
            if (/^\s*"\$crypto"\s*:/.test(line))
                found.push(`* ${itemFile(item)}:${index + 1}`);
        });
    }
    return found;
}

// EXTERNAL MODULE: ./src/core/emulator/bearer-tokens.ts
var bearer_tokens = __webpack_require__(4357);
// EXTERNAL MODULE: ./src/core/emulator/reply.ts
var reply = __webpack_require__(7507);
// EXTERNAL MODULE: ./src/platforms/aic/auth/jwt.ts
var jwt = __webpack_require__(5570);
;// CONCATENATED MODULE: ./src/platforms/aic/emulator/scopes.ts
// OAuth scopes of an AIC tenant's APIs: which scope each path family needs.
const PROMOTION_SCOPE = "fr:idc:promotion:*";
const AM_SCOPE = "fr:am:*";
const IDM_SCOPE = "fr:idm:*";
/** Every scope the emulator knows; a plain static token and a default service account carry all. */
const ALL_SCOPES = [PROMOTION_SCOPE, AM_SCOPE, IDM_SCOPE];
const PROMOTION_BASE = "/environment/promotion";
const AM_JSON_BASE = "/am/json";
const IDM_BASE = "/openidm";
function under(path, base) {
    return path === base || path.startsWith(`${base}/`);
}
/** The scope a request path needs, or undefined when no served API lives there. */
function scopeForPath(path) {
    if (under(path, PROMOTION_BASE))
        return PROMOTION_SCOPE;
    if (under(path, AM_JSON_BASE))
        return AM_SCOPE;
    if (under(path, IDM_BASE))
        return IDM_SCOPE;
    return undefined;
}

;// CONCATENATED MODULE: ./src/platforms/aic/emulator/tokens.ts




const TOKEN_PATH = "/am/oauth2/access_token";
const JWT_BEARER = "urn:ietf:params:oauth:grant-type:jwt-bearer";
const LOOPBACK_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]", "::1"]);
class TokenIssuer {
    account;
    lifetimeSeconds;
    /** Real time, not scaled by speed: minted tokens expire as on a real tenant. */
    tokens;
    publicKey;
    /** Token -> the scopes it carries (static ones from the scenario, minted ones as requested). */
    scopes = new Map();
    constructor(staticTokens, account, lifetimeSeconds) {
        this.account = account;
        this.lifetimeSeconds = lifetimeSeconds;
        this.tokens = new bearer_tokens/* BearerTokens */.Q(staticTokens.map((t) => t.token));
        for (const t of staticTokens)
            this.scopes.set(t.token, t.scopes);
        this.publicKey = account ? (0,jwt/* parsePublicKey */.ee)(account.publicKey) : undefined;
    }
    /** True when the Authorization header carries a token this environment accepts now. */
    accepts(authorization, now = Date.now()) {
        return this.tokens.accepts(authorization, now);
    }
    /** Whether the Authorization header's token is valid now and carries `scope`. */
    authorize(authorization, scope, now = Date.now()) {
        if (!this.accepts(authorization, now))
            return "unauthorized";
        const token = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "")?.[1] ?? "";
        return this.scopes.get(token)?.includes(scope) ? "allowed" : "forbidden";
    }
    /**
     * POST /am/oauth2/access_token. `origin` is this environment's base URL; the assertion's
     * audience must be its token endpoint (any loopback spelling of the host is accepted).
     */
    mint(form, origin, now = Date.now()) {
        if (form.get("grant_type") !== JWT_BEARER)
            return (0,reply/* oauthError */.Y)("unsupported_grant_type", `grant_type must be ${JWT_BEARER}`);
        if (form.get("client_id") !== "service-account")
            return (0,reply/* oauthError */.Y)("invalid_client", "client_id must be service-account");
        const scope = (form.get("scope") ?? "").trim();
        const requested = scope === "" ? [] : [...new Set(scope.split(/\s+/))];
        if (requested.length === 0)
            return (0,reply/* oauthError */.Y)("invalid_scope", "scope is required");
        const assertion = form.get("assertion");
        if (!assertion)
            return (0,reply/* oauthError */.Y)("invalid_request", "assertion is missing");
        if (!this.account || !this.publicKey)
            return (0,reply/* oauthError */.Y)("invalid_client", "no service account is configured for this environment");
        let claims;
        try {
            claims = (0,jwt/* verifyJwt */.J0)(assertion, this.publicKey);
        }
        catch (error) {
            // The reason only ("signature does not verify"); never the assertion itself.
            return (0,reply/* oauthError */.Y)("invalid_grant", `assertion rejected: ${error.message}`);
        }
        if (claims.iss !== this.account.id || claims.sub !== this.account.id)
            return (0,reply/* oauthError */.Y)("invalid_grant", "iss and sub must both be the service account id");
        if (!sameTokenEndpoint(claims.aud, origin))
            return (0,reply/* oauthError */.Y)("invalid_grant", `aud must be ${origin}${TOKEN_PATH}`);
        if (typeof claims.exp !== "number" || claims.exp * 1000 <= now)
            return (0,reply/* oauthError */.Y)("invalid_grant", "assertion has expired");
        // Checked once the assertion is verified: only the account learns what it may ask for.
        const allowed = this.account.scopes ?? ALL_SCOPES;
        const refused = requested.filter((s) => !allowed.includes(s));
        if (refused.length > 0)
            return (0,reply/* oauthError */.Y)("invalid_scope", `the service account is not allowed the scope(s) ${refused.join(" ")}`);
        const accessToken = this.tokens.issue(this.lifetimeSeconds * 1000, now);
        this.scopes.set(accessToken, requested);
        return (0,reply.ok)({
            access_token: accessToken,
            token_type: "Bearer",
            expires_in: this.lifetimeSeconds,
            scope: requested.join(" "),
        });
    }
}
function sameTokenEndpoint(aud, origin) {
    if (typeof aud !== "string")
        return false;
    if (aud === `${origin}${TOKEN_PATH}`)
        return true;
    try {
        const given = new URL(aud);
        const ours = new URL(origin);
        return (given.pathname === TOKEN_PATH &&
            given.protocol === ours.protocol &&
            given.port === ours.port &&
            (given.hostname === ours.hostname ||
                (LOOPBACK_HOSTS.has(given.hostname) && LOOPBACK_HOSTS.has(ours.hostname))));
    }
    catch {
        return false;
    }
}

;// CONCATENATED MODULE: ./src/platforms/aic/emulator/environment.ts


const READY_MESSAGE = "Environment ready for promotion";
class EmulatedEnvironment {
    name;
    pair;
    config;
    esvs;
    /** Stored reports, oldest first. */
    reports = [];
    /** Configurations to roll back to, most recent last. */
    history = [];
    tokens;
    status;
    /** Set by a blocking error: promotions and rollbacks are refused until support clears it. */
    blocked = false;
    running = false;
    constructor(name, pair, seed, tokenLifetimeSeconds, now) {
        this.name = name;
        this.pair = pair;
        this.config = cloneConfig(seed.config);
        this.esvs = new Set(seed.esvs);
        this.tokens = new TokenIssuer(seed.accessTokens, seed.serviceAccount, tokenLifetimeSeconds);
        this.status = {
            status: "READY",
            message: READY_MESSAGE,
            blockingError: false,
            timeStamp: now,
            type: "promotion",
        };
    }
    /** GET /lock/state body as this environment would send it. */
    lockState(localOnly = false) {
        this.pair.advance();
        return this.pair.lock.state(this.name, localOnly);
    }
    /** GET /promote body. */
    promotionStatus() {
        this.pair.advance();
        const { status, message, blockingError, promotionId, timeStamp, type, ...details } = this.status;
        // Field order as the tenant sends it; details are missingESVs / encryptedSecrets.
        return {
            status,
            message,
            blockingError,
            ...details,
            globalLock: this.pair.lock.phase[this.name] === "locked" ? "LOCKED" : "UNLOCKED",
            ...(promotionId ? { promotionId } : {}),
            timeStamp: new Date(timeStamp).toISOString(),
            type,
        };
    }
    /** GET /info body. */
    info() {
        this.pair.advance();
        const id = this.pair.lock.promotionId;
        const info = {
            promotionWouldTriggerReleaseUpgrade: this.pair.releaseUpgradePending(),
        };
        return id ? { activePromotionId: id, ...info } : info;
    }
    setStatus(record) {
        this.status = { blockingError: false, ...record };
    }
}

// EXTERNAL MODULE: ./src/core/emulator/fields.ts
var fields = __webpack_require__(4506);
// EXTERNAL MODULE: ./src/core/emulator/scenario-yaml.ts
var scenario_yaml = __webpack_require__(197);
;// CONCATENATED MODULE: ./src/platforms/aic/emulator/default-scenario.ts
// The built-in scenario as a plain document (the shape of a scenario YAML file): a small
// tenant where development (lower) has three additions, two modifications and one
// deletion compared with staging (upper), and every ESV it references exists upstairs,
// so a dry run and a promotion both succeed. scenarios/default.yaml holds the same.
// Each item's content is what the tenant's AM and IDM APIs serve for it (see content.ts).
const ALPHA = "root-alpha";
const AM_SERVICES = "ou=services,o=alpha,ou=services,ou=am-config";
/** AM's fixed ids of a tree's success and failure nodes. */
const SUCCESS = "70e691a5-1e33-4ac3-a356-e7b6d60d92e0";
const FAILURE = "e301438c-0bd0-429c-ab0c-66126501069a";
/** Node type -> the name AM's node type registry gives it. */
const NODE_TYPE_NAMES = {
    AttributeCollectorNode: "Attribute Collector",
    CreateObjectNode: "Create Object",
    DataStoreDecisionNode: "Data Store Decision",
    IncrementLoginCountNode: "Increment Login Count",
    PageNode: "Page Node",
    QueryFilterDecisionNode: "Query Filter Decision",
    UsernameCollectorNode: "Username Collector",
    ValidatedPasswordNode: "Platform Password",
    ValidatedUsernameNode: "Platform Username",
};
function nodeJson(node, extra = {}) {
    const type = {
        _id: node.type,
        name: NODE_TYPE_NAMES[node.type] ?? node.type,
        collection: true,
        version: "1.0",
    };
    return { _id: node.id, _type: type, ...extra, ...node.settings };
}
function journey(name, nodes) {
    const treeNodes = Object.fromEntries(nodes.map((node, i) => [
        node.id,
        {
            nodeType: node.type,
            version: "1.0",
            displayName: node.name,
            connections: node.connections,
            x: 210 + 240 * i,
            y: 140,
        },
    ]));
    const nodeContents = {};
    for (const node of nodes) {
        const inner = node.inner ?? [];
        nodeContents[node.id] =
            node.type === "PageNode"
                ? nodeJson(node, {
                    nodes: inner.map((n) => ({
                        _id: n.id,
                        nodeType: n.type,
                        nodeVersion: "1.0",
                        displayName: n.name,
                    })),
                    pageDescription: {},
                    pageHeader: {},
                    stage: "",
                })
                : nodeJson(node);
        for (const n of inner)
            nodeContents[n.id] = nodeJson(n);
    }
    return {
        name,
        realm: "/alpha",
        uid: `ou=${name},ou=trees,ou=default,ou=OrganizationConfig,ou=1.0,ou=authenticationTreesService,${AM_SERVICES}`,
        file: `am/services/realm/${ALPHA}/authenticationtreesservice/1.0/organizationconfig/default/trees/${name}.json`,
        content: {
            tree: {
                _id: name,
                entryNodeId: nodes[0]?.id,
                nodes: treeNodes,
                staticNodes: {
                    startNode: { x: 50, y: 140 },
                    [SUCCESS]: { x: 210 + 240 * nodes.length, y: 80 },
                    [FAILURE]: { x: 210 + 240 * nodes.length, y: 200 },
                },
                enabled: true,
                uiConfig: {},
            },
            nodes: nodeContents,
        },
    };
}
function script(name, id, description, source) {
    return {
        name,
        realm: "/alpha",
        uid: `ou=${id},ou=scriptConfigurations,ou=default,ou=OrganizationConfig,ou=1.0,ou=ScriptingService,${AM_SERVICES}`,
        file: `am/services/realm/${ALPHA}/scriptingservice/1.0/organizationconfig/default/scriptconfigurations/${id}.json`,
        content: {
            _id: id,
            name,
            description,
            language: "JAVASCRIPT",
            context: "AUTHENTICATION_TREE_DECISION_NODE",
            evaluatorVersion: "1.0",
            source: `${source.join("\n")}\n`,
        },
    };
}
function emailTemplate(name, id, subject) {
    return {
        name,
        uid: `emailTemplate/${id}`,
        file: `idm/conf/emailTemplate-${id}.json`,
        content: {
            _id: `emailTemplate/${id}`,
            displayName: name,
            enabled: true,
            from: "&{esv.email.from}",
            mimeType: "text/html",
            subject: { en: subject },
            message: { en: `<p>${subject}, {{object.givenName}}.</p>` },
        },
    };
}
const SIGN_IN_PAGE = (validateInput) => ({
    id: "a0f3c1d2-0001",
    type: "PageNode",
    name: "Sign In",
    connections: { outcome: "a0f3c1d2-0002" },
    inner: [
        {
            id: "a0f3c1d2-0011",
            type: "ValidatedUsernameNode",
            name: "Username",
            settings: { usernameAttribute: "userName", validateInput },
        },
        {
            id: "a0f3c1d2-0012",
            type: "ValidatedPasswordNode",
            name: "Password",
            settings: { passwordAttribute: "password", validateInput: false },
        },
    ],
});
const DATA_STORE = (whenTrue) => ({
    id: "a0f3c1d2-0002",
    type: "DataStoreDecisionNode",
    name: "Data Store Decision",
    connections: { true: whenTrue, false: FAILURE },
});
const LOGIN_UPPER = journey("Login", [SIGN_IN_PAGE(false), DATA_STORE(SUCCESS)]);
// The modification: development now validates the username, and counts logins after the
// data store check (a node added and a connection rewired).
const LOGIN_LOWER = journey("Login", [
    SIGN_IN_PAGE(true),
    DATA_STORE("a0f3c1d2-0003"),
    {
        id: "a0f3c1d2-0003",
        type: "IncrementLoginCountNode",
        name: "Increment Login Count",
        settings: { identityAttribute: "userName" },
        connections: { outcome: SUCCESS },
    },
]);
const REGISTRATION = journey("Registration", [
    {
        id: "b1e4d2c3-0001",
        type: "PageNode",
        name: "Your Details",
        connections: { outcome: "b1e4d2c3-0002" },
        inner: [
            {
                id: "b1e4d2c3-0011",
                type: "AttributeCollectorNode",
                name: "Attribute Collector",
                settings: { attributesToCollect: ["givenName", "sn", "mail"], required: true },
            },
        ],
    },
    {
        id: "b1e4d2c3-0002",
        type: "CreateObjectNode",
        name: "Create Object",
        settings: { identityResource: "managed/alpha_user" },
        connections: { CREATED: SUCCESS, FAILURE },
    },
]);
const LEGACY_LOGIN = journey("LegacyLogin", [
    {
        id: "c2f5e3d4-0001",
        type: "UsernameCollectorNode",
        name: "Username Collector",
        connections: { outcome: SUCCESS },
    },
]);
const PROGRESSIVE_PROFILE = journey("ProgressiveProfile", [
    {
        id: "d3a6f4e5-0001",
        type: "QueryFilterDecisionNode",
        name: "Missing Preferences",
        settings: { identityAttribute: "userName", queryFilter: "!(/preferences pr)" },
        connections: { true: "d3a6f4e5-0002", false: SUCCESS },
    },
    {
        id: "d3a6f4e5-0002",
        type: "PageNode",
        name: "Preferences",
        connections: { outcome: SUCCESS },
        inner: [
            {
                id: "d3a6f4e5-0021",
                type: "AttributeCollectorNode",
                name: "Marketing Consent",
                settings: { attributesToCollect: ["preferences/marketing"], required: false },
            },
        ],
    },
]);
const LOGIN_HELPER_ID = "9c1e6a70-5b2d-4f3e-8a41-0d7c2b9e1f01";
const LOGIN_HELPER_DESCRIPTION = "Decides whether a signed-in user may continue";
const LOGIN_HELPER_UPPER = script("Login Helper", LOGIN_HELPER_ID, LOGIN_HELPER_DESCRIPTION, [
    "/* Login Helper: may the user continue? */",
    'var username = nodeState.get("username");',
    "if (username) {",
    '  outcome = "true";',
    "} else {",
    '  outcome = "false";',
    "}",
]);
// The other modification: development also refuses locked accounts and logs the decision.
const LOGIN_HELPER_LOWER = script("Login Helper", LOGIN_HELPER_ID, LOGIN_HELPER_DESCRIPTION, [
    "/* Login Helper: may the user continue? */",
    'var username = nodeState.get("username");',
    'var locked = nodeState.get("accountLocked");',
    "if (username && !locked) {",
    '  logger.message("Login Helper: " + username + " may continue");',
    '  outcome = "true";',
    "} else {",
    '  outcome = "false";',
    "}",
]);
const SESSION_PROPERTIES = script("Set Session Properties", "4b8d2f16-7c3a-4e59-9b02-6e1a5d3c8f02", "Puts the login count into the session", ['action = Action.goTo("true").putSessionProperty("loginCount", "1").build();']);
const WELCOME = emailTemplate("Welcome", "welcome", "Welcome");
const FORGOTTEN_USERNAME = emailTemplate("Forgotten Username", "forgottenUsername", "Your username");
const DEFAULT_SCENARIO_DOCUMENT = {
    speed: 60,
    tokenLifetimeSeconds: 899,
    environments: {
        lower: {
            accessTokens: ["emulator-lower-token"],
            esvs: ["esv-email-from", "esv-recaptcha-site-key"],
            config: {
                AMConfig: {
                    Journeys: [LOGIN_LOWER, REGISTRATION, PROGRESSIVE_PROFILE],
                    Scripts: [LOGIN_HELPER_LOWER, SESSION_PROPERTIES],
                },
                IDMConfig: { "Email > Templates": [WELCOME, FORGOTTEN_USERNAME] },
            },
        },
        upper: {
            accessTokens: ["emulator-upper-token"],
            esvs: ["esv-email-from", "esv-recaptcha-site-key"],
            config: {
                AMConfig: {
                    Journeys: [LOGIN_UPPER, REGISTRATION, LEGACY_LOGIN],
                    Scripts: [LOGIN_HELPER_UPPER],
                },
                IDMConfig: { "Email > Templates": [WELCOME] },
            },
        },
    },
};

;// CONCATENATED MODULE: ./src/platforms/aic/emulator/edits.ts
// Content edits made to an environment while a run is under way, e.g. a journey edited in the
// lower environment after its dry run was reviewed. In a scenario they sit under `edits:`:
//
//   edits:
//     - env: lower              # the environment whose item changes
//       afterDryRuns: 1         # applied once this many dry runs have ended and the lock is let go (0: at start)
//       uid: ou=Login,ou=trees,...   # the item's uid, as in the scenario's config
//       content: { tree: { description: Edited after review } }   # merged into the content
//
// Content merges as `base: default` does: mappings key by key, lists and other values replace.

function findItem(config, uid) {
    for (const categories of Object.values(config)) {
        for (const items of Object.values(categories)) {
            const found = items.find((item) => item.uid === uid);
            if (found)
                return found;
        }
    }
    return undefined;
}
/** Merges `content` into the content of the item with `uid`; throws when there is none. */
function editContent(config, env, uid, content) {
    const item = findItem(config, uid);
    if (!item)
        throw new Error(`The ${env} environment has no config item with uid ${uid}`);
    item.content = (0,fields/* deepMerge */.$N)(item.content, content);
}
/** Reads `edits:`; each uid must name an item of its environment's seed `configs`. */
function parseEdits(value, configs) {
    return (0,fields/* list */.p_)(value ?? [], "edits").map((entry, i) => {
        const path = `edits[${i}]`;
        const raw = (0,fields/* mapping */.pq)(entry, path);
        (0,fields/* onlyKeys */.Bh)(raw, path, ["env", "afterDryRuns", "uid", "content"]);
        if (raw.env !== "lower" && raw.env !== "upper")
            throw new fields/* ScenarioError */.tp(`${path}.env must be lower or upper`);
        const uid = (0,fields/* text */.Qq)(raw.uid, `${path}.uid`);
        if (!findItem(configs[raw.env], uid))
            throw new fields/* ScenarioError */.tp(`${path}.uid names no config item of environments.${raw.env}`);
        if (raw.content === undefined)
            throw new fields/* ScenarioError */.tp(`${path}.content is required`);
        return {
            env: raw.env,
            afterDryRuns: (0,fields/* number */.ai)(raw.afterDryRuns ?? 1, `${path}.afterDryRuns`, {
                min: 0,
                integer: true,
            }),
            uid,
            content: raw.content,
        };
    });
}

// EXTERNAL MODULE: ./src/core/emulator/scenario-faults.ts
var scenario_faults = __webpack_require__(5211);
;// CONCATENATED MODULE: ./src/platforms/aic/emulator/scenario-faults.ts
// Reads the `faults:` mapping of a scenario into Fault values (format: see faults.ts).


const FAULT_KEYS = [
    "lockHeldBy",
    "maintenanceLock",
    "blockingError",
    "releaseUpgrade",
    "stuckLocking",
    ...scenario_faults/* REQUEST_FAULT_KEYS */.km,
];
const ENVS = ["lower", "upper"];
function lockFaults(raw, faults) {
    if (raw.lockHeldBy !== undefined) {
        const held = (0,fields/* mapping */.pq)(raw.lockHeldBy, "faults.lockHeldBy");
        (0,fields/* onlyKeys */.Bh)(held, "faults.lockHeldBy", ["promotionId", "releaseAfterSeconds"]);
        faults.push({
            kind: "lockHeldBy",
            promotionId: (0,fields/* text */.Qq)(held.promotionId, "faults.lockHeldBy.promotionId"),
            releaseAfterSeconds: (0,fields/* optionalNumber */.WI)(held.releaseAfterSeconds, "faults.lockHeldBy.releaseAfterSeconds", { min: 0 }),
        });
    }
    const maintenance = (0,scenario_faults/* flagOrMapping */.cL)(raw.maintenanceLock, "faults.maintenanceLock");
    if (maintenance) {
        (0,fields/* onlyKeys */.Bh)(maintenance, "faults.maintenanceLock", ["releaseAfterSeconds"]);
        faults.push({
            kind: "maintenanceLock",
            releaseAfterSeconds: (0,fields/* optionalNumber */.WI)(maintenance.releaseAfterSeconds, "faults.maintenanceLock.releaseAfterSeconds", { min: 0 }),
        });
    }
    if (raw.lockHeldBy !== undefined && maintenance)
        throw new fields/* ScenarioError */.tp("faults.lockHeldBy and faults.maintenanceLock cannot both be set");
    const stuck = (0,scenario_faults/* flagOrMapping */.cL)(raw.stuckLocking, "faults.stuckLocking");
    if (stuck) {
        (0,fields/* onlyKeys */.Bh)(stuck, "faults.stuckLocking", ["count"]);
        const count = (0,fields/* number */.ai)(stuck.count ?? 1, "faults.stuckLocking.count", { integer: true, min: 1 });
        faults.push({ kind: "stuckLocking", count });
    }
}
function parseFaults(value) {
    if (value === undefined || value === null)
        return [];
    const raw = (0,fields/* mapping */.pq)(value, "faults");
    (0,fields/* onlyKeys */.Bh)(raw, "faults", FAULT_KEYS);
    const faults = [];
    lockFaults(raw, faults);
    const blocking = (0,scenario_faults/* flagOrMapping */.cL)(raw.blockingError, "faults.blockingError");
    if (blocking) {
        (0,fields/* onlyKeys */.Bh)(blocking, "faults.blockingError", ["promotion", "dryRun", "rollback"]);
        const fault = {
            kind: "blockingError",
            // `blockingError: true` means real promotions fail.
            promotion: (0,fields/* optionalBoolean */.Jz)(blocking.promotion, "faults.blockingError.promotion") ??
                Object.keys(blocking).length === 0,
            dryRun: (0,fields/* optionalBoolean */.Jz)(blocking.dryRun, "faults.blockingError.dryRun") ?? false,
            rollback: (0,fields/* optionalBoolean */.Jz)(blocking.rollback, "faults.blockingError.rollback") ?? false,
        };
        faults.push(fault);
    }
    const upgrade = (0,fields/* optionalBoolean */.Jz)(raw.releaseUpgrade, "faults.releaseUpgrade");
    if (upgrade)
        faults.push({ kind: "releaseUpgrade", value: true });
    faults.push(...(0,scenario_faults/* parseRequestFaults */.UD)(raw, { envs: ENVS }));
    return faults;
}

;// CONCATENATED MODULE: ./src/platforms/aic/emulator/scenario.ts
// Scenarios: the seed of both environments and the faults to inject, written in YAML.
//
//   base: default              # optional: start from the built-in scenario and override it
//   speed: 600                 # times faster than a real tenant (1 = real time)
//   tokenLifetimeSeconds: 899  # minted access tokens expire after this many real seconds
//   environments:
//     lower:
//       # Static bearer tokens: a string carries every scope (fr:idc:promotion:*, fr:am:*,
//       # fr:idm:*); a mapping only the scopes it lists.
//       accessTokens: [emulator-lower-token, { token: promote-only, scopes: ["fr:idc:promotion:*"] }]
//       # scopes: what the account may ask a token for (default: all three).
//       serviceAccount: { id: <account id>, publicKey: <JWK mapping or PEM text>, scopes: [...] }
//       esvs: [esv-email-from]                 # ESV ids; &{esv.email.from} refers to esv-email-from
//       config:                                # each item's content is what AM/IDM serve (content.ts)
//         IDMConfig:                           # area
//           "Email > Templates":               # config item category: a list of items, or
//             - { name: Welcome, uid: emailTemplate/welcome, file: idm/conf/emailTemplate-welcome.json,
//                 content: { _id: emailTemplate/welcome, displayName: Welcome, ... } }
//           # ... a mapping that also sets the report's fields (default: derived from the
//           # items' file, e.g. idm/conf/emailTemplate-*.json, and fileName displayName):
//           Managed Objects: { fileDestinationPattern: idm/conf/managed.json, fileName: _id, items: [...] }
//         AMConfig:                            # uid: the AM config DN (entry, service, realm)
//           Journeys: [ { name: Login, realm: /alpha, uid: ou=Login,ou=trees,...,
//                         content: { tree: {...}, nodes: { <nodeId>: {...} } } } ]
//           Scripts: [ { name: ..., uid: ou=<id>,ou=scriptConfigurations,..., content: { ..., source: <text> } } ]
//     upper: { ... }
//   faults: { ... }            # see faults.ts
//   edits: [ { env: lower, afterDryRuns: 1, uid: ..., content: {...} } ]   # see edits.ts
//
// With `base: default`, mappings merge key by key and lists replace: overriding
// environments.upper.esvs replaces the upper ESVs, and overriding one category of
// environments.lower.config.AMConfig leaves the other categories alone.








const TOP_KEYS = ["base", "speed", "tokenLifetimeSeconds", "environments", "faults", "edits"];
const ENV_KEYS = ["accessTokens", "serviceAccount", "esvs", "config"];
const ITEM_KEYS = ["name", "realm", "uid", "file", "content"];
function configItem(value, path) {
    const raw = (0,fields/* mapping */.pq)(value, path);
    (0,fields/* onlyKeys */.Bh)(raw, path, ITEM_KEYS);
    if (raw.content === undefined)
        throw new fields/* ScenarioError */.tp(`${path}.content is required`);
    const item = {
        name: (0,fields/* text */.Qq)(raw.name, `${path}.name`),
        uid: (0,fields/* text */.Qq)(raw.uid, `${path}.uid`),
        content: raw.content,
    };
    const realm = (0,fields/* optionalText */.mR)(raw.realm, `${path}.realm`);
    if (realm !== undefined)
        item.realm = realm;
    const file = (0,fields/* optionalText */.mR)(raw.file, `${path}.file`);
    if (file !== undefined)
        item.file = file;
    return item;
}
const CATEGORY_KEYS = ["fileDestinationPattern", "fileName", "items"];
/**
 * A category is a list of items, or (for IDM) a mapping that also sets the report's
 * fileDestinationPattern and fileName: { fileDestinationPattern, fileName, items: [...] }.
 */
function categoryItems(value, path) {
    if (!(0,fields/* isMapping */.pi)(value))
        return (0,fields/* list */.p_)(value ?? [], path).map((item, i) => configItem(item, `${path}[${i}]`));
    (0,fields/* onlyKeys */.Bh)(value, path, CATEGORY_KEYS);
    const pattern = (0,fields/* optionalText */.mR)(value.fileDestinationPattern, `${path}.fileDestinationPattern`);
    const fileName = (0,fields/* optionalText */.mR)(value.fileName, `${path}.fileName`);
    return (0,fields/* list */.p_)(value.items ?? [], `${path}.items`).map((raw, i) => {
        const item = configItem(raw, `${path}.items[${i}]`);
        if (pattern !== undefined)
            item.fileDestinationPattern = pattern;
        if (fileName !== undefined)
            item.fileName = fileName;
        return item;
    });
}
function environmentConfig(value, path) {
    const config = {};
    for (const [area, categories] of Object.entries((0,fields/* mapping */.pq)(value ?? {}, path))) {
        const areaPath = `${path}.${area}`;
        config[area] = {};
        for (const [category, items] of Object.entries((0,fields/* mapping */.pq)(categories ?? {}, areaPath))) {
            const categoryPath = `${areaPath}["${category}"]`;
            const parsed = categoryItems(items, categoryPath);
            const seen = new Set();
            for (const item of parsed) {
                if (seen.has(item.uid))
                    throw new fields/* ScenarioError */.tp(`${categoryPath} lists uid ${JSON.stringify(item.uid)} twice`);
                seen.add(item.uid);
            }
            config[area][category] = parsed;
        }
    }
    return config;
}
function scopeList(value, path) {
    const scopes = (0,fields/* textList */.gC)(value, path);
    scopes.forEach((scope, i) => {
        if (!ALL_SCOPES.includes(scope))
            throw new fields/* ScenarioError */.tp(`${path}[${i}] must be one of ${ALL_SCOPES.join(", ")}`);
    });
    return scopes;
}
/** A plain string carries every scope; a mapping { token, scopes } only those it lists. */
function accessTokens(value, path) {
    return (0,fields/* list */.p_)(value, path).map((entry, i) => {
        const entryPath = `${path}[${i}]`;
        if (typeof entry === "string")
            return { token: (0,fields/* text */.Qq)(entry, entryPath), scopes: [...ALL_SCOPES] };
        const raw = (0,fields/* mapping */.pq)(entry, entryPath);
        (0,fields/* onlyKeys */.Bh)(raw, entryPath, ["token", "scopes"]);
        return {
            token: (0,fields/* text */.Qq)(raw.token, `${entryPath}.token`),
            scopes: scopeList(raw.scopes, `${entryPath}.scopes`),
        };
    });
}
function serviceAccount(value, path) {
    if (value === undefined || value === null)
        return undefined;
    const raw = (0,fields/* mapping */.pq)(value, path);
    (0,fields/* onlyKeys */.Bh)(raw, path, ["id", "publicKey", "scopes"]);
    const id = (0,fields/* text */.Qq)(raw.id, `${path}.id`);
    const publicKey = raw.publicKey;
    if (typeof publicKey !== "string" && (typeof publicKey !== "object" || publicKey === null))
        throw new fields/* ScenarioError */.tp(`${path}.publicKey must be a public JWK (mapping) or a PEM string`);
    try {
        (0,jwt/* parsePublicKey */.ee)(publicKey);
    }
    catch {
        throw new fields/* ScenarioError */.tp(`${path}.publicKey is not a readable public key (JWK or PEM)`);
    }
    const account = {
        id,
        publicKey: publicKey,
    };
    if (raw.scopes !== undefined)
        account.scopes = scopeList(raw.scopes, `${path}.scopes`);
    return account;
}
function environment(value, name) {
    const path = `environments.${name}`;
    const raw = (0,fields/* mapping */.pq)(value ?? {}, path);
    (0,fields/* onlyKeys */.Bh)(raw, path, ENV_KEYS);
    const env = {
        accessTokens: accessTokens(raw.accessTokens ?? [`emulator-${name}-token`], `${path}.accessTokens`),
        esvs: raw.esvs === undefined ? [] : (0,fields/* textList */.gC)(raw.esvs, `${path}.esvs`),
        config: environmentConfig(raw.config, `${path}.config`),
    };
    const account = serviceAccount(raw.serviceAccount, `${path}.serviceAccount`);
    if (account)
        env.serviceAccount = account;
    return env;
}
/** Validates a parsed scenario document (as read from YAML) into a Scenario. */
function scenarioFromDocument(document) {
    const raw = (0,scenario_yaml/* scenarioMapping */.pp)(document, TOP_KEYS, DEFAULT_SCENARIO_DOCUMENT);
    const environments = (0,fields/* mapping */.pq)(raw.environments ?? {}, "environments");
    (0,fields/* onlyKeys */.Bh)(environments, "environments", ["lower", "upper"]);
    const lower = environment(environments.lower, "lower");
    const upper = environment(environments.upper, "upper");
    return {
        speed: (0,fields/* number */.ai)(raw.speed ?? 1, "speed", { positive: true }),
        tokenLifetimeSeconds: (0,fields/* number */.ai)(raw.tokenLifetimeSeconds ?? 899, "tokenLifetimeSeconds", {
            positive: true,
        }),
        environments: { lower, upper },
        faults: parseFaults(raw.faults),
        edits: parseEdits(raw.edits, { lower: lower.config, upper: upper.config }),
    };
}
const scenarios = (0,scenario_yaml/* scenarioLoader */.e)(scenarioFromDocument, DEFAULT_SCENARIO_DOCUMENT);
/** Parses and validates a YAML scenario; errors name the offending field. */
const loadScenario = scenarios.fromYaml;
const loadScenarioFile = scenarios.fromFile;
/** The built-in scenario: a small tenant whose lower environment has changes to promote. */
const defaultScenario = scenarios.builtIn;

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./src/core/emulator/http-server.ts
var http_server = __webpack_require__(4983);
// EXTERNAL MODULE: ./src/core/emulator/speed.ts
var emulator_speed = __webpack_require__(4816);
;// CONCATENATED MODULE: ./src/platforms/aic/emulator/reply.ts
/** The API's error body: {code, message}. */
function errorReply(status, message, headers) {
    return { status, body: { code: status, message }, headers };
}
function unauthorized() {
    return errorReply(401, "unauthorized", { "WWW-Authenticate": 'Bearer realm="promotion"' });
}
/** The error body of AM's and IDM's REST APIs: {code, reason, message}. */
function forgeRockError(status, message) {
    const reasons = {
        400: "Bad Request",
        401: "Unauthorized",
        403: "Forbidden",
        404: "Not Found",
        405: "Method Not Allowed",
    };
    return { status, body: { code: status, reason: reasons[status] ?? "Error", message } };
}
function missingScope(scope) {
    return `The access token does not have the scope ${scope}`;
}

// EXTERNAL MODULE: ./src/core/util/json.ts
var json = __webpack_require__(6964);
// EXTERNAL MODULE: ./src/platforms/aic/content/am-locations.ts
var am_locations = __webpack_require__(1095);
// EXTERNAL MODULE: ./src/platforms/aic/content/dn.ts
var content_dn = __webpack_require__(1502);
;// CONCATENATED MODULE: ./src/platforms/aic/emulator/content.ts
// The AM and IDM reads of configuration content, served from the environment's model: each
// item's `content` is what these endpoints return (journeys as { tree, nodes }, scripts with a
// plain `source` served base64-encoded, IDM config objects as they are).








const content_IDM_AREA = "IDMConfig";
/** Fixed audit fields of a served script: the emulator does not track who changed what. */
const SCRIPT_AUDIT = {
    createdBy: "id=dsameuser,ou=user,ou=am-config",
    creationDate: 1700000000000,
    lastModifiedBy: "id=dsameuser,ou=user,ou=am-config",
    lastModifiedDate: 1700000000000,
};
function allItems(config, area) {
    const areas = area === undefined ? Object.values(config) : [config[area] ?? {}];
    return areas.flatMap((categories) => Object.values(categories).flat());
}
function asObject(value) {
    return (0,json/* isJsonObject */.O)(value) ? value : {};
}
/** A digest of the served JSON, as AM's _rev changes whenever the content does. */
function revision(body) {
    return (0,external_node_crypto_.createHash)("sha256").update((0,canonical_json/* canonicalJson */.d)(body)).digest("base64url").slice(0, 16);
}
/** `body` with `_rev` after `_id`, as AM sends it. */
function withRev(body) {
    const { _id, _rev: _ignored, ...rest } = body;
    return { _id, _rev: revision(body), ...rest };
}
function withoutKey(value, key) {
    if (Array.isArray(value))
        return value.map((v) => withoutKey(v, key));
    if (!(0,json/* isJsonObject */.O)(value))
        return value;
    return Object.fromEntries(Object.entries(value)
        .filter(([k]) => k !== key)
        .map(([k, v]) => [k, withoutKey(v, key)]));
}
/** /am/json/realms/root/realms/alpha/<rest> -> realm "/alpha" and the rest. */
function amPath(path) {
    const segments = path
        .slice(AM_JSON_BASE.length + 1)
        .split("/")
        .map(decodeURIComponent);
    if (segments[0] !== "realms" || segments[1] !== "root")
        return undefined;
    const realms = [];
    let at = 2;
    while (segments[at] === "realms" && segments[at + 1]) {
        realms.push(segments[at + 1]);
        at += 2;
    }
    return { realm: `/${realms.join("/")}`, rest: segments.slice(at) };
}
/** AM items of `realm` whose DN names `service` (case-insensitive), with their DN read. */
function amItems(env, realm, service) {
    const wanted = service.toLowerCase();
    return allItems(env.config).flatMap((item) => {
        const dn = (0,content_dn/* parseAmDn */.m)(item.uid);
        if (!dn || dn.service.toLowerCase() !== wanted)
            return [];
        // Scenario realms may be written "/alpha" or "alpha"; the DN's o= names it too.
        const itemRealm = `/${(item.realm ?? dn.realm).replace(/^\//, "")}`;
        return itemRealm === realm ? [{ item, dn }] : [];
    });
}
/** A CREST query's reply, unpaged, as AM and IDM send it. */
function queryResult(result) {
    return {
        result,
        resultCount: result.length,
        pagedResultsCookie: null,
        totalPagedResultsPolicy: "NONE",
        totalPagedResults: -1,
        remainingPagedResults: -1,
    };
}
function notFound(what) {
    return forgeRockError(404, what);
}
function tree(env, realm, id) {
    const found = amItems(env, realm, "authenticationTreesService").find((x) => x.dn.entry === id);
    if (!found)
        return notFound(`Tree ${id} not found`);
    const content = asObject(found.item.content);
    return (0,reply.ok)(withRev({ _id: id, ...asObject(content.tree ?? content) }));
}
/**
 * A node, by type and id; AM 8.1 and later (as AIC runs) also by the node type's version, which
 * the tree lists beside each node, read with resource 3.0.
 */
function node(env, realm, call, type, id, version) {
    if (version !== undefined && !/resource\s*=\s*3/.test(String(call.headers["accept-api-version"])))
        return forgeRockError(400, "Versioned node paths need Accept-API-Version resource=3.0");
    for (const { item } of amItems(env, realm, "authenticationTreesService")) {
        const stored = asObject(asObject(asObject(item.content).nodes)[id]);
        const storedVersion = String(asObject(stored._type).version ?? "1.0");
        if (asObject(stored._type)._id === type && (version === undefined || version === storedVersion))
            return (0,reply.ok)(withRev({ _id: id, ...stored }));
    }
    return notFound(`Node ${id} of type ${type} not found`);
}
function content_script(env, realm, id) {
    const found = amItems(env, realm, "ScriptingService").find((x) => x.dn.entry === id);
    if (!found)
        return notFound(`Script ${id} not found`);
    const { source, ...settings } = asObject(found.item.content);
    const text = typeof source === "string" ? source : "";
    return (0,reply.ok)(withRev({
        _id: id,
        name: found.item.name,
        description: "",
        language: "JAVASCRIPT",
        ...settings,
        script: Buffer.from(text, "utf8").toString("base64"),
        default: false,
        ...SCRIPT_AUDIT,
    }));
}
/** An agent's type, as its content's `_type` names it; an agent without one is an OAuth2 client. */
function agentType(item) {
    const type = asObject(asObject(item.content)._type)._id;
    return typeof type === "string" ? type : "OAuth2Client";
}
/** An agent under its own type only: a web agent is no OAuth2Client (404), as on AM. */
function agent(env, realm, type, id) {
    const found = amItems(env, realm, "AgentService").find((x) => x.dn.entry === id && agentType(x.item) === type);
    if (!found)
        return notFound(`${type} ${id} not found`);
    // The client secret is write-only: AM never returns it.
    const content = asObject(withoutKey(found.item.content, "userpassword"));
    return (0,reply.ok)(withRev({ _id: id, _type: { _id: type }, ...content }));
}
/** realm-config/agents?_queryFilter=_id eq '<id>' (or "<id>"): the agents with that id, and their type. */
function agentQuery(env, realm, call) {
    const filter = call.url.searchParams.get("_queryFilter");
    const eq = filter === null ? null : /^\s*_id\s+eq\s+(?:"([^"]*)"|'([^']*)')\s*$/.exec(filter);
    if (!eq)
        return forgeRockError(400, `Unsupported query filter: ${filter ?? "(none)"}`);
    const id = eq[1] ?? eq[2] ?? "";
    const result = amItems(env, realm, "AgentService")
        .filter((x) => x.dn.entry === id)
        .map((x) => ({ _id: id, _type: { _id: agentType(x.item) } }));
    return (0,reply.ok)(queryResult(result));
}
function socialProvider(env, realm, type, id) {
    const found = amItems(env, realm, "SocialIdentityProviders").find((x) => x.dn.entry === id && x.dn.middle[0] === type);
    if (!found)
        return notFound(`${type} ${id} not found`);
    return (0,reply.ok)(withRev({ _id: id, ...asObject(found.item.content) }));
}
function realmService(env, realm, serviceId) {
    const service = Object.entries(am_locations/* REALM_SERVICE_PATHS */.x).find(([, id]) => id === serviceId)?.[0];
    const found = service ? amItems(env, realm, service)[0] : undefined;
    if (!found)
        return notFound(`Service ${serviceId} not found`);
    return (0,reply.ok)(withRev({ _id: "", ...asObject(found.item.content) }));
}
/** A SAML entity's id in AM's REST paths: its entity id, base64url without padding. */
function samlId(entityId) {
    return Buffer.from(entityId, "utf8").toString("base64url");
}
function samlEntities(env, realm) {
    return amItems(env, realm, "sunFMSAML2MetadataService").map(({ item, dn }) => {
        const content = asObject(item.content);
        const location = content.entityLocation === "remote" ? "remote" : "hosted";
        return { item, entityId: dn.entry, location, _id: samlId(dn.entry), content };
    });
}
/** saml2?_queryFilter=true or entityId eq "...": the stubs frodo-lib lists entities by. */
function samlQuery(env, realm, call) {
    const filter = call.url.searchParams.get("_queryFilter") ?? "";
    const eq = /^\s*entityId\s+eq\s+"((?:[^"\\]|\\.)*)"\s*$/.exec(filter);
    if (filter.trim() !== "true" && !eq)
        return forgeRockError(400, `Invalid query filter: ${filter || "(none)"}`);
    const wanted = eq?.[1]?.replace(/\\(.)/g, "$1");
    const result = samlEntities(env, realm)
        .filter((e) => wanted === undefined || e.entityId === wanted)
        .map(({ _id, entityId, location }) => ({ _id, entityId, location, roles: [] }));
    return (0,reply.ok)({
        result,
        resultCount: result.length,
        pagedResultsCookie: null,
        remainingPagedResults: -1,
    });
}
function samlEntity(env, realm, location, id) {
    const found = samlEntities(env, realm).find((e) => e._id === id && e.location === location);
    if (!found)
        return notFound(`SAML entity ${id} not found in ${location}`);
    return (0,reply.ok)(withRev({ _id: id, entityId: found.entityId, entityLocation: location, ...found.content }));
}
/**
 * The reply of an endpoint AM serves under the resource versions `majors` only (e.g. ["1"]):
 * a request for another major version, or none, is refused as AM refuses it.
 */
function underVersion(call, majors, reply) {
    const value = call.headers["accept-api-version"];
    const text = Array.isArray(value) ? value.join(",") : (value ?? "");
    const major = /resource\s*=\s*(\d+)/.exec(text)?.[1];
    if (major !== undefined && majors.includes(major))
        return reply();
    return forgeRockError(400, `Unsupported major version: ${text || "(no Accept-API-Version)"}`);
}
function amRoute(env, call) {
    const path = call.url.pathname;
    const parsed = amPath(path);
    if (!parsed)
        return notFound(`No such endpoint: ${path}`);
    const { realm, rest } = parsed;
    const [a, b, c, d, e, f] = rest;
    const v1 = (reply) => underVersion(call, ["1"], reply);
    if (a === "scripts" && b && rest.length === 2)
        return v1(() => content_script(env, realm, b));
    if (a === "realm-config") {
        if (b === "authentication" && c === "authenticationtrees") {
            if (d === "trees" && e && rest.length === 5)
                return v1(() => tree(env, realm, e));
            if (d === "nodes" && e && f && rest.length === 6)
                return v1(() => node(env, realm, call, e, f));
            // Versioned node paths (AM 8.1 and later) answer resource 3.0 only.
            if (d === "nodes" && e && f && rest[6] && rest.length === 7)
                return node(env, realm, call, e, rest[6], f);
        }
        if (b === "saml2" && rest.length === 2)
            return v1(() => samlQuery(env, realm, call));
        if (b === "saml2" && c && d && rest.length === 4)
            return v1(() => samlEntity(env, realm, c, d));
        if (b === "agents" && rest.length === 2)
            return v1(() => agentQuery(env, realm, call));
        // AI agents are served under resource 2.0 (frodo-lib's aiagentVersion), the others 1.0.
        if (b === "agents" && c && d && rest.length === 4)
            return underVersion(call, [c === "AIAgent" ? "2" : "1"], () => agent(env, realm, c, d));
        if (b === "services" && c === "SocialIdentityProviders" && d && e && rest.length === 5)
            return v1(() => socialProvider(env, realm, d, e));
        if (b === "services" && c && rest.length === 3)
            return v1(() => realmService(env, realm, c));
    }
    return notFound(`No such endpoint: ${path}`);
}
/** An IDM item's config id: its content's _id, else its uid. */
function idmId(item) {
    const id = asObject(item.content)._id;
    return typeof id === "string" ? id : item.uid;
}
function idmObject(item) {
    return { ...asObject(item.content), _id: idmId(item) };
}
/** _id sw "prefix" (or 'prefix'), or true: the filters IDM's config endpoint is read with. */
function idmFilter(filter) {
    if (filter.trim() === "true")
        return () => true;
    const sw = /^\s*_id\s+sw\s+(?:"([^"]*)"|'([^']*)')\s*$/.exec(filter);
    if (!sw)
        return undefined;
    const prefix = sw[1] ?? sw[2] ?? "";
    return (id) => id.startsWith(prefix);
}
function idmRoute(env, call) {
    const path = call.url.pathname;
    const items = allItems(env.config, content_IDM_AREA);
    if (path === `${IDM_BASE}/config`) {
        const filter = call.url.searchParams.get("_queryFilter");
        if (filter === null)
            return (0,reply.ok)({
                _id: "",
                configurations: items.map((item) => ({
                    _id: idmId(item),
                    pid: idmId(item),
                    factoryPid: null,
                })),
            });
        const matches = idmFilter(filter);
        if (!matches)
            return forgeRockError(400, `Unsupported query filter: ${filter}`);
        return (0,reply.ok)(queryResult(items.filter((item) => matches(idmId(item))).map(idmObject)));
    }
    const prefix = `${IDM_BASE}/config/`;
    if (path.startsWith(prefix)) {
        const id = decodeURIComponent(path.slice(prefix.length));
        const found = items.find((item) => idmId(item) === id);
        return found ? (0,reply.ok)(idmObject(found)) : notFound(`No configuration exists for id ${id}`);
    }
    return notFound(`No such endpoint: ${path}`);
}
/** GET of an AM or IDM content endpoint, for a request whose token has the path's scope. */
function contentRoute(env, call) {
    const path = call.url.pathname;
    if (call.method !== "GET")
        return forgeRockError(405, `${call.method} is not allowed on ${path} by this emulator`);
    return path.startsWith(`${IDM_BASE}/`) || path === IDM_BASE
        ? idmRoute(env, call)
        : amRoute(env, call);
}

;// CONCATENATED MODULE: ./src/platforms/aic/emulator/phases.ts
// Runs a promotion or rollback as a sequence of timed phases on one environment's status.
function startRun(host, spec, now) {
    spec.env.running = true;
    runPhase(host, spec, 0, now);
}
function runPhase(host, spec, index, start) {
    const phase = spec.phases[index];
    if (!phase) {
        end(host, spec, spec.finish(start), start);
        return;
    }
    const { env, type, promotionId } = spec;
    env.setStatus({ status: "RUNNING", message: phase.message, promotionId, timeStamp: start, type });
    host.record({ env: env.name, kind: "phase", detail: `${type}: ${phase.message}` }, start);
    host.timeline.after(start, phase.realMs, (at) => {
        const outcome = phase.onEnd?.(at);
        if (outcome)
            end(host, spec, outcome, at);
        else
            runPhase(host, spec, index + 1, at);
    });
}
function end(host, spec, outcome, at) {
    const { env, type, promotionId } = spec;
    env.setStatus({ ...outcome, promotionId, timeStamp: at, type });
    env.running = false;
    if (outcome.blockingError)
        env.blocked = true;
    const kind = type === "promotion" ? "promotion-finished" : "rollback-finished";
    host.record({ env: env.name, kind, detail: `${outcome.status}: ${outcome.message}` }, at);
    spec.after?.(outcome, at);
}

;// CONCATENATED MODULE: ./src/platforms/aic/emulator/reports.ts
// Promotion and rollback reports as the tenant returns them.

/** ISO time without milliseconds, e.g. 2024-06-12T17:32:05Z. */
function isoSeconds(at) {
    return new Date(at).toISOString().replace(/\.\d{3}Z$/, "Z");
}
/** Report_2024-06-12T17-32+00Z_dryrun=false_<promotionId>. */
function reportName(at, dryRun, promotionId) {
    const minute = new Date(at).toISOString().slice(0, 16).replace(":", "-");
    return `Report_${minute}+00Z_dryrun=${dryRun}_${promotionId ?? "none"}`;
}
function buildReport(input) {
    const report = {
        reportId: (0,external_node_crypto_.randomUUID)(),
        reportName: reportName(input.at, input.dryRun, input.promotionId),
        createdDate: isoSeconds(input.at),
        dryRun: input.dryRun,
        type: input.type,
        missingESVs: input.missingESVs ?? [],
        report: input.changes.report,
    };
    if (input.promotionId)
        report.promotionId = input.promotionId;
    if (input.promoter !== undefined)
        report.promoter = input.promoter;
    if (input.promotionDescription !== undefined)
        report.promotionDescription = input.promotionDescription;
    if (input.ignoredEncryptedSecrets && input.ignoredEncryptedSecrets.length > 0)
        report.previouslyIgnoredEncryptedSecrets = input.ignoredEncryptedSecrets;
    return report;
}
function reportMeta(report) {
    const meta = {
        createdDate: report.createdDate,
        dryRun: report.dryRun,
        promotionId: report.promotionId,
        reportId: report.reportId,
        type: report.type,
    };
    if (report.promoter !== undefined)
        meta.promoter = report.promoter;
    return meta;
}

;// CONCATENATED MODULE: ./src/platforms/aic/emulator/promotion.ts
// Promotions (dry or real) and rollbacks on the upper environment of a pair.





/** Real-tenant phase durations in milliseconds. Restarting workloads dominates. */
const PHASE_MS = {
    prepare: 20_000,
    dryRunUpdate: 40_000,
    promote: 90_000,
    rollback: 60_000,
    restart: 30_000,
    waitPromotion: 420_000,
    waitRollback: 360_000,
};
const MISSING_ESVS = "Missing ESVs";
const ENCRYPTED = "Found encrypted values in the AM/IDM configuration";
/** Why the environment cannot start a promotion or rollback now, if it cannot. */
function refusal(host, env) {
    if (env.blocked)
        return errorReply(409, "Environment is blocked from a previous failed promotion or rollback");
    if (!host.lock.isLockedFor(env.name))
        return errorReply(409, "Environment is not in locked state");
    if (env.running)
        return errorReply(409, "A promotion or rollback is already running");
    return undefined;
}
function withoutChange(changes) {
    return changes.total === 0;
}
/** POST /promote on `env`; `body` has been validated. */
function startPromotion(host, env, body, now) {
    if (env.name === "lower")
        return errorReply(409, "This environment has no lower environment to promote from");
    const refused = refusal(host, env);
    if (refused)
        return refused;
    const promotionId = host.lock.promotionId;
    const dryRun = body.dryRun;
    let snapshot = {};
    let changes = { report: {}, written: [], total: 0 };
    let ignored = [];
    const storeReport = (at, missingESVs) => env.reports.push(buildReport({
        type: "promotion",
        promotionId,
        dryRun,
        at,
        changes,
        promoter: body.promoter,
        promotionDescription: body.promotionDescription,
        missingESVs,
        ignoredEncryptedSecrets: ignored,
    }));
    // Integrity checks run on what would be written to the upper environment.
    const check = (at) => {
        snapshot = cloneConfig(host.lower.config);
        changes = diffConfig(env.config, snapshot);
        const missingESVs = findMissingEsvs(changes.written, env.esvs);
        const secrets = findEncryptedValues(changes.written);
        if (missingESVs.length > 0) {
            if (dryRun)
                storeReport(at, missingESVs);
            return { status: "ERROR", message: MISSING_ESVS, missingESVs };
        }
        if (secrets.length > 0 && !body.ignoreEncryptedSecrets) {
            if (dryRun)
                storeReport(at);
            return { status: "ERROR", message: ENCRYPTED, encryptedSecrets: secrets };
        }
        ignored = secrets;
        return undefined;
    };
    const failed = {
        status: "ERROR",
        message: "Failed to promote config",
        blockingError: true,
    };
    const completed = () => ({
        status: "READY",
        message: withoutChange(changes) ? "Promotion completed (no change)" : "Promotion completed",
    });
    const phases = dryRun
        ? [
            { message: "Prepare config", realMs: PHASE_MS.prepare, onEnd: check },
            {
                message: "Update configuration",
                realMs: PHASE_MS.dryRunUpdate,
                onEnd: (at) => {
                    if (host.blockingErrorFor("dryRun"))
                        return failed;
                    storeReport(at);
                    return undefined;
                },
            },
        ]
        : [
            { message: "Prepare config", realMs: PHASE_MS.prepare, onEnd: check },
            {
                message: "Promote configuration",
                realMs: PHASE_MS.promote,
                onEnd: (at) => {
                    if (host.blockingErrorFor("promotion"))
                        return failed;
                    storeReport(at);
                    // Nothing to write: no restart needed.
                    if (withoutChange(changes))
                        return completed();
                    env.history.push({ promotionId: promotionId ?? "", previousConfig: env.config });
                    env.config = snapshot;
                    return undefined;
                },
            },
            { message: "Restart workloads", realMs: PHASE_MS.restart },
            { message: "Waiting for workloads to restart", realMs: PHASE_MS.waitPromotion },
        ];
    startRun(host, {
        env,
        type: "promotion",
        promotionId,
        phases,
        finish: completed,
        after: (outcome, at) => {
            if (dryRun)
                host.dryRunEnded();
            if (!dryRun && outcome.status === "READY" && body.unlockEnvironmentsAfterPromotion)
                host.lock.startUnlocking(at);
        },
    }, now);
    return (0,reply.ok)({ result: "Promotion process initiated successfully" }, 202);
}
/** POST /rollback on `env`: reverts the most recent promotion that changed something. */
function startRollback(host, env, body, now) {
    const refused = refusal(host, env);
    if (refused)
        return refused;
    const target = env.history.at(-1);
    if (!target)
        return errorReply(409, "There is no promotion to roll back");
    const promotionId = host.lock.promotionId;
    const check = () => {
        const restored = diffConfig(env.config, target.previousConfig).written;
        const missingESVs = findMissingEsvs(restored, env.esvs);
        return missingESVs.length > 0
            ? { status: "ERROR", message: MISSING_ESVS, missingESVs }
            : undefined;
    };
    const revert = (at) => {
        if (host.blockingErrorFor("rollback"))
            return { status: "ERROR", message: "Failed to rollback config", blockingError: true };
        // The report lists the promotion's changes that the rollback reverts.
        const changes = diffConfig(target.previousConfig, env.config);
        env.config = target.previousConfig;
        env.history.pop();
        env.reports.push(buildReport({
            type: "rollback",
            promotionId,
            dryRun: false,
            at,
            changes,
            promoter: body.promoter,
            promotionDescription: body.promotionDescription,
        }));
        return undefined;
    };
    startRun(host, {
        env,
        type: "rollback",
        promotionId,
        phases: [
            { message: "Prepare config", realMs: PHASE_MS.prepare, onEnd: check },
            { message: "Rollback configuration", realMs: PHASE_MS.rollback, onEnd: revert },
            { message: "Restart workloads", realMs: PHASE_MS.restart },
            { message: "Waiting for workloads to restart", realMs: PHASE_MS.waitRollback },
        ],
        finish: () => ({ status: "READY", message: "Rollback completed" }),
        after: (outcome, at) => {
            if (outcome.status === "READY" && body.unlockEnvironmentsAfterPromotion)
                host.lock.startUnlocking(at);
        },
    }, now);
    return (0,reply.ok)({ result: "Rollback process initiated successfully" }, 202);
}

;// CONCATENATED MODULE: ./src/platforms/aic/emulator/provisional.ts
// Provisional reports: computed on request, never stored.




/** GET /report/provisional on the lower environment: what a promotion to its upper peer would change. */
function provisionalReport(tenant, env, now) {
    if (env.name !== "lower")
        return errorReply(400, "This environment has no upper environment; ask the lower environment for its provisional report");
    const upper = tenant.upper;
    const changes = diffConfig(upper.config, env.config);
    return (0,reply.ok)(buildReport({
        type: "provisional",
        promotionId: tenant.lock.promotionId,
        dryRun: true,
        at: now,
        changes,
        missingESVs: findMissingEsvs(changes.written, upper.esvs),
    }));
}
/** GET /report/provisional-rollback: the changes of the most recent promotion a rollback would revert. */
function provisionalRollbackReport(env, now) {
    const target = env.history.at(-1);
    if (!target)
        return errorReply(404, "There is no promotion to roll back");
    return (0,reply.ok)(buildReport({
        type: "provisional-rollback",
        promotionId: target.promotionId,
        dryRun: true,
        at: now,
        changes: diffConfig(target.previousConfig, env.config),
    }));
}

;// CONCATENATED MODULE: ./src/platforms/aic/emulator/requests.ts
// Validation of request bodies of POST /promote and POST /rollback.


const BOOLEAN_FIELDS = ["ignoreEncryptedSecrets", "unlockEnvironmentsAfterPromotion"];
const STRING_FIELDS = ["promoter", "promotionDescription", "zendeskTicketReference"];
function parseObject(text, allowEmpty) {
    if (text.trim() === "") {
        return allowEmpty
            ? { value: {} }
            : { error: errorReply(400, "A JSON request body is required") };
    }
    return (0,reply/* jsonObjectBody */.s)(text, (problem) => errorReply(400, problem));
}
/** Checks the optional fields both requests share. */
function fieldError(body) {
    for (const field of BOOLEAN_FIELDS) {
        if (body[field] !== undefined && typeof body[field] !== "boolean")
            return errorReply(400, `${field} must be a boolean`);
    }
    for (const field of STRING_FIELDS) {
        if (body[field] !== undefined && typeof body[field] !== "string")
            return errorReply(400, `${field} must be a string`);
    }
    return undefined;
}
function parsePromoteRequest(text) {
    const parsed = parseObject(text, false);
    if ("error" in parsed)
        return parsed;
    const body = parsed.value;
    if (typeof body.dryRun !== "boolean")
        return { error: errorReply(400, "dryRun is required and must be a boolean") };
    const error = fieldError(body);
    return error ? { error } : { value: body };
}
function parseRollbackRequest(text) {
    const parsed = parseObject(text, true);
    if ("error" in parsed)
        return parsed;
    const error = fieldError(parsed.value);
    return error ? { error } : { value: parsed.value };
}

;// CONCATENATED MODULE: ./src/platforms/aic/emulator/routes.ts









// Fixed paths come before /report/{reportId} so "provisional" is never taken for an id.
const ROUTES = [
    {
        method: "GET",
        pattern: /^\/lock\/state$/,
        handle: ({ env, call }) => (0,reply.ok)(env.lockState(/^(true|)$/i.test(call.url.searchParams.get("localLockOnly") ?? "false"))),
    },
    {
        method: "POST",
        pattern: /^\/lock$/,
        handle: ({ tenant, env, now }) => tenant.lock.requestLock(env.name, now, tenant.takeStuckLock()),
    },
    {
        method: "DELETE",
        pattern: /^\/lock\/([^/]+)$/,
        handle: ({ tenant, env, now }, m) => tenant.lock.requestUnlock(env.name, decodeURIComponent(m[1] ?? ""), now, tenant.lower.running || tenant.upper.running),
    },
    { method: "GET", pattern: /^\/promote$/, handle: ({ env }) => (0,reply.ok)(env.promotionStatus()) },
    {
        method: "POST",
        pattern: /^\/promote$/,
        handle: ({ tenant, env, call, now }) => {
            const parsed = parsePromoteRequest(call.body);
            return "error" in parsed ? parsed.error : startPromotion(tenant, env, parsed.value, now);
        },
    },
    {
        method: "POST",
        pattern: /^\/rollback$/,
        handle: ({ tenant, env, call, now }) => {
            const parsed = parseRollbackRequest(call.body);
            return "error" in parsed ? parsed.error : startRollback(tenant, env, parsed.value, now);
        },
    },
    { method: "GET", pattern: /^\/info$/, handle: ({ env }) => (0,reply.ok)(env.info()) },
    { method: "GET", pattern: /^\/reports$/, handle: ({ env }) => (0,reply.ok)(env.reports.map(reportMeta)) },
    {
        method: "GET",
        pattern: /^\/report$/,
        handle: ({ env }) => {
            const latest = env.reports.at(-1);
            return latest ? (0,reply.ok)(latest) : errorReply(404, "No promotion report found");
        },
    },
    {
        method: "GET",
        pattern: /^\/report\/provisional$/,
        handle: ({ tenant, env, now }) => provisionalReport(tenant, env, now),
    },
    {
        method: "GET",
        pattern: /^\/report\/provisional-rollback$/,
        handle: ({ env, now }) => provisionalRollbackReport(env, now),
    },
    {
        method: "GET",
        pattern: /^\/report\/([^/]+)$/,
        handle: ({ env }, m) => {
            const id = decodeURIComponent(m[1] ?? "");
            const found = env.reports.find((r) => r.reportId === id);
            return found ? (0,reply.ok)(found) : errorReply(404, `Report ${id} not found`);
        },
    },
];
/** Lenient: "resource=1.0" anywhere in the header, e.g. "protocol=1.0,resource=1.0". */
function hasApiVersion(headers) {
    const value = headers["accept-api-version"];
    const text = Array.isArray(value) ? value.join(",") : (value ?? "");
    return /resource\s*=\s*1\.0\b/.test(text);
}
function route(tenant, env, call, origin, now) {
    tenant.advance(now);
    const path = call.url.pathname;
    if (path === TOKEN_PATH) {
        if (call.method !== "POST")
            return errorReply(405, `${call.method} is not allowed here`);
        return env.tokens.mint(new URLSearchParams(call.body), origin, now);
    }
    const scope = scopeForPath(path);
    if (scope === undefined)
        return errorReply(404, `No such endpoint: ${path}`);
    const verdict = env.tokens.authorize(call.headers.authorization, scope, now);
    if (scope !== PROMOTION_SCOPE) {
        // AM and IDM answer in their own error shape.
        if (verdict === "unauthorized")
            return forgeRockError(401, "Access Denied");
        if (verdict === "forbidden")
            return forgeRockError(403, missingScope(scope));
        return contentRoute(env, call);
    }
    if (verdict === "unauthorized")
        return unauthorized();
    if (verdict === "forbidden")
        return errorReply(403, missingScope(scope));
    if (!hasApiVersion(call.headers))
        return errorReply(400, "Accept-API-Version header must ask for resource=1.0");
    const rest = path.slice(PROMOTION_BASE.length);
    const candidates = ROUTES.map((r) => ({ r, m: r.pattern.exec(rest) })).filter((c) => c.m);
    const chosen = candidates.find((c) => c.r.method === call.method);
    if (!chosen?.m) {
        if (candidates.length > 0)
            return errorReply(405, `${call.method} is not allowed on ${path}`);
        return errorReply(404, `No such endpoint: ${path}`);
    }
    return chosen.r.handle({ tenant, env, call, now }, chosen.m);
}

// EXTERNAL MODULE: ./src/core/emulator/faults.ts
var faults = __webpack_require__(82);
// EXTERNAL MODULE: ./src/core/emulator/timeline.ts
var timeline = __webpack_require__(5636);
;// CONCATENATED MODULE: ./src/platforms/aic/emulator/lock.ts
// The promotion lock of a lower/upper pair. Locking and unlocking take time on each
// environment; the pair's result is "locked" only when both are.



/** Real-tenant durations: the lower environment finishes a little before the upper one. */
const LOCK_MS = { lower: 12_000, upper: 15_000 };
const UNLOCK_MS = { lower: 8_000, upper: 10_000 };
const lock_ENVS = ["lower", "upper"];
const MAINTENANCE_STATE = "Environment is locked by Ping Identity for maintenance";
const MAINTENANCE_CONFLICT = `${MAINTENANCE_STATE}. Retry later.`;
class PairLock {
    timeline;
    hooks;
    holder;
    phase = { lower: "unlocked", upper: "unlocked" };
    pending = [];
    constructor(timeline, hooks) {
        this.timeline = timeline;
        this.hooks = hooks;
    }
    /** The pair's result, or one environment's when `env` is given. */
    result(env) {
        if (env)
            return this.phase[env];
        const { lower, upper } = this.phase;
        if (lower === upper)
            return lower;
        if (lower === "unlocking" || upper === "unlocking")
            return "unlocking";
        return "locking";
    }
    /** Promotion id of a lock taken through the API (not maintenance). */
    get promotionId() {
        return this.holder?.promotionId;
    }
    isLockedFor(env) {
        return this.phase[env] === "locked" && this.holder !== undefined && !this.holder.maintenance;
    }
    state(env, localOnly = false) {
        const result = this.result(localOnly ? env : undefined);
        const id = this.holder?.promotionId;
        const body = { description: this.describe(result), result };
        if (id)
            body.promotionId = id;
        for (const name of localOnly ? [env] : lock_ENVS) {
            const entry = id ? { promotionId: id, state: this.phase[name] } : { state: this.phase[name] };
            body[name === "lower" ? "lowerEnv" : "upperEnv"] = entry;
        }
        return body;
    }
    describe(result) {
        if (this.holder?.maintenance && result !== "unlocked")
            return MAINTENANCE_STATE;
        return {
            unlocked: "Environment unlocked",
            locking: "Environment lock in progress",
            locked: "Environment locked",
            unlocking: "Environment unlock in progress",
            error: "Environment lock failed",
        }[result];
    }
    conflict() {
        if (this.holder?.maintenance)
            return errorReply(409, MAINTENANCE_CONFLICT);
        return errorReply(409, `Environment is already locked for promotion ${this.holder?.promotionId}`);
    }
    /** POST /lock: starts locking both environments, or refuses while any lock exists. */
    requestLock(env, now, stuck) {
        if (this.holder)
            return this.conflict();
        const promotionId = (0,external_node_crypto_.randomUUID)();
        this.holder = { promotionId, maintenance: false, stuck };
        this.hooks.record({ env, kind: "lock-requested", detail: promotionId }, now);
        for (const name of lock_ENVS) {
            this.phase[name] = "locking";
            if (stuck && name === "upper")
                continue;
            this.pending.push(this.timeline.after(now, LOCK_MS[name], (at) => this.envLocked(name, at)));
        }
        return (0,reply.ok)({ promotionId, result: "locking", description: "Environment lock in progress" }, 202);
    }
    /** DELETE /lock/{id}. `busy` when a promotion or rollback is running. */
    requestUnlock(env, promotionId, now, busy) {
        const result = this.result();
        if (!this.holder || result === "unlocked")
            return (0,reply.ok)({ description: "Environment unlocked", promotionId, result: "unlocked" });
        if (this.holder.maintenance)
            return errorReply(409, MAINTENANCE_CONFLICT);
        if (this.holder.promotionId !== promotionId)
            return errorReply(409, `Environment is locked for promotion ${this.holder.promotionId}, not ${promotionId}`);
        if (result === "unlocking")
            return errorReply(409, "Environment is unlocking; wait until it is unlocked");
        // A lock stuck in "locking" must stay releasable, or the pair could never be freed.
        if (result === "locking" && !this.holder.stuck)
            return errorReply(409, "Environment is locking; wait until it is locked, then unlock");
        if (busy)
            return errorReply(409, "A promotion or rollback is running; unlock when it ends");
        this.hooks.record({ env, kind: "unlock-requested", detail: promotionId }, now);
        this.startUnlocking(now);
        return (0,reply.ok)({ description: "Environment unlock in progress", promotionId, result: "unlocking" }, 202);
    }
    /** Fault: the pair is held by someone else (a promotion id, or maintenance when absent). */
    hold(promotionId, now, releaseAfterRealMs) {
        this.cancelPending();
        this.holder = { promotionId, maintenance: promotionId === undefined, stuck: false };
        for (const name of lock_ENVS) {
            this.phase[name] = "locked";
            this.hooks.record({ env: name, kind: "locked", detail: promotionId ?? "maintenance" }, now);
        }
        if (releaseAfterRealMs !== undefined)
            this.pending.push(this.timeline.after(now, releaseAfterRealMs, (at) => this.startUnlocking(at)));
    }
    /** Starts unlocking both environments at `at` (also used to unlock after a promotion). */
    startUnlocking(at) {
        this.cancelPending();
        for (const name of lock_ENVS) {
            this.phase[name] = "unlocking";
            this.pending.push(this.timeline.after(at, UNLOCK_MS[name], (t) => this.envUnlocked(name, t)));
        }
    }
    envLocked(name, at) {
        this.phase[name] = "locked";
        this.hooks.record({ env: name, kind: "locked", detail: this.holder?.promotionId }, at);
        if (this.result() === "locked") {
            this.pending = [];
            this.hooks.onLocked(at, this.holder?.promotionId);
        }
    }
    envUnlocked(name, at) {
        this.phase[name] = "unlocked";
        this.hooks.record({ env: name, kind: "unlocked", detail: this.holder?.promotionId }, at);
        if (this.result() === "unlocked") {
            this.pending = [];
            this.holder = undefined;
            this.hooks.onUnlocked(at);
        }
    }
    cancelPending() {
        for (const cancel of this.pending)
            cancel();
        this.pending = [];
    }
}

;// CONCATENATED MODULE: ./src/platforms/aic/emulator/tenant.ts
// A lower/upper pair of environments sharing one lock, one clock and one set of faults.





class Tenant {
    timeline;
    lock;
    lower;
    upper;
    events = [];
    requestFaults = new faults/* RequestFaults */.Rp();
    blocking = { promotion: false, dryRun: false, rollback: false };
    releaseUpgrade = false;
    stuckLocks = 0;
    dryRunsEnded = 0;
    /** Scenario edits not applied yet. */
    pendingEdits;
    constructor(scenario, speed, now = Date.now()) {
        this.timeline = new timeline/* Timeline */.K(speed);
        this.lock = new PairLock(this.timeline, {
            record: (event, at) => this.record(event, at),
            onLocked: (at, promotionId) => this.onLocked(at, promotionId),
            // Someone edits between runs: an edit due after a dry run lands once its run has let go.
            onUnlocked: () => this.applyDueEdits(),
        });
        const { lower, upper } = scenario.environments;
        const lifetime = scenario.tokenLifetimeSeconds;
        this.lower = new EmulatedEnvironment("lower", this, lower, lifetime, now);
        this.upper = new EmulatedEnvironment("upper", this, upper, lifetime, now);
        for (const fault of scenario.faults)
            this.addFault(fault, now);
        this.pendingEdits = [...scenario.edits];
        this.applyDueEdits();
    }
    /** Merges `content` into the content of `env`'s item with `uid`, as someone editing it would. */
    editItem(env, uid, content) {
        editContent(this[env].config, env, uid, content);
    }
    /** Counted when the dry run ends; its edits wait until the environments are unlocked. */
    dryRunEnded() {
        this.dryRunsEnded += 1;
    }
    applyDueEdits() {
        const due = this.pendingEdits.filter((edit) => edit.afterDryRuns <= this.dryRunsEnded);
        this.pendingEdits = this.pendingEdits.filter((edit) => !due.includes(edit));
        for (const edit of due)
            this.editItem(edit.env, edit.uid, edit.content);
    }
    record(event, at) {
        this.events.push({ ...event, at });
    }
    advance(now = Date.now()) {
        this.timeline.advance(now);
    }
    releaseUpgradePending() {
        return this.releaseUpgrade;
    }
    blockingErrorFor(kind) {
        return this.blocking[kind];
    }
    /** True (once per stuck-locking fault count) when the next lock must never complete. */
    takeStuckLock() {
        if (this.stuckLocks <= 0)
            return false;
        this.stuckLocks -= 1;
        return true;
    }
    addFault(fault, now = Date.now()) {
        this.advance(now);
        if ((0,faults/* isRequestFault */._X)(fault)) {
            this.requestFaults.add(fault);
            return;
        }
        switch (fault.kind) {
            case "lockHeldBy":
                this.lock.hold(fault.promotionId, now, secondsToMs(fault.releaseAfterSeconds));
                break;
            case "maintenanceLock":
                this.lock.hold(undefined, now, secondsToMs(fault.releaseAfterSeconds));
                break;
            case "blockingError":
                this.blocking.promotion ||= fault.promotion ?? false;
                this.blocking.dryRun ||= fault.dryRun ?? false;
                this.blocking.rollback ||= fault.rollback ?? false;
                break;
            case "releaseUpgrade":
                this.releaseUpgrade = fault.value ?? true;
                break;
            case "stuckLocking":
                this.stuckLocks += fault.count ?? 1;
                break;
        }
    }
    close() {
        this.timeline.close();
    }
    /** A new lock makes a pair ready again, unless a blocking error left it blocked. */
    onLocked(at, promotionId) {
        if (promotionId === undefined)
            return;
        for (const env of [this.lower, this.upper]) {
            if (env.blocked)
                continue;
            env.setStatus({
                status: "READY",
                message: READY_MESSAGE,
                promotionId,
                timeStamp: at,
                type: "promotion",
            });
        }
    }
}
function secondsToMs(seconds) {
    return seconds === undefined ? undefined : seconds * 1000;
}

;// CONCATENATED MODULE: ./src/platforms/aic/emulator/server.ts
// Serves the pair over node:http: one server per environment on loopback. The HTTP plumbing
// and request faults are core/emulator's; this file adds AIC's headers and error bodies.







/** Fixed ports when none are given, so URLs stay the same between runs of the CLI. */
const DEFAULT_PORTS = { lower: 8471, upper: 8472 };
const FAULT_MESSAGES = {
    401: "unauthorized",
    429: "Too Many Requests",
    500: "Internal Server Error",
    502: "Bad Gateway",
    503: "Service Unavailable",
    504: "Gateway Timeout",
};
function faultReply(status) {
    const headers = {};
    if (status === 401)
        headers["WWW-Authenticate"] = 'Bearer realm="promotion"';
    return errorReply(status, FAULT_MESSAGES[status] ?? "Injected error", headers);
}
async function startAicEmulator(options = {}) {
    const scenario = options.scenario ?? defaultScenario();
    const speed = (0,emulator_speed/* emulatorSpeed */.p)(options.speed, scenario.speed);
    const logger = options.logger;
    const tenant = new Tenant(scenario, speed);
    const requests = [];
    const listener = (name, port) => ({
        name,
        port,
        handle: (call, origin) => route(tenant, tenant[name], call, origin, Date.now()),
    });
    let serving;
    try {
        serving = await (0,http_server/* serveEmulator */.$)({
            host: options.host ?? "127.0.0.1",
            listeners: [
                listener("lower", options.lowerPort ?? DEFAULT_PORTS.lower),
                listener("upper", options.upperPort ?? DEFAULT_PORTS.upper),
            ],
            faults: tenant.requestFaults,
            faultReply,
            failureReply: errorReply,
            replyHeaders: () => ({
                "Content-API-Version": "resource=1.0",
                "X-ForgeRock-TransactionId": (0,external_node_crypto_.randomUUID)(),
            }),
            // AIC's log keeps its original shape: status 0 for any dropped connection.
            record: (env, { method, path, status, dropped, at }) => requests.push({ env, method, path, status: dropped ? 0 : status, at }),
            logger,
            logLabel: (name) => `[emulator ${name}]`,
        });
    }
    catch (error) {
        tenant.close();
        throw error;
    }
    const { origins } = serving;
    logger?.debug(`[emulator] lower ${origins.lower}, upper ${origins.upper}, speed x${speed}`);
    return {
        lowerUrl: origins.lower,
        upperUrl: origins.upper,
        lower: tenant.lower,
        upper: tenant.upper,
        events: tenant.events,
        requests,
        accessTokens: {
            lower: scenario.environments.lower.accessTokens.map((t) => t.token),
            upper: scenario.environments.upper.accessTokens.map((t) => t.token),
        },
        speed,
        addFault: (fault) => tenant.addFault(fault),
        editItem: (env, uid, content) => tenant.editItem(env, uid, content),
        close: async () => {
            tenant.close();
            await serving.close();
        },
    };
}

;// CONCATENATED MODULE: ./src/platforms/aic/emulator/index.ts
// Local emulator of the AIC self-service promotions API: a lower and an upper environment
// served on loopback, with configuration, a lock, timed promotions and injectable faults.





;// CONCATENATED MODULE: ./src/platforms/aic/emulator-entry.ts
// How the CLI starts the AIC emulator (a lower and an upper environment) and points a run at it.


const aicEmulatorEntry = {
    demoModes: ["dry-run", "promote"],
    async start({ raw, scenarioFile, speed, logger, ephemeralPorts }) {
        const emulator = await startAicEmulator({
            scenario: scenarioFile === undefined ? undefined : loadScenarioFile(scenarioFile),
            speed,
            lowerPort: ephemeralPorts ? 0 : (0,common/* emulatorPort */.tk)(raw, "lower-port"),
            upperPort: ephemeralPorts ? 0 : (0,common/* emulatorPort */.tk)(raw, "upper-port"),
            logger,
        });
        return {
            banner: formatAicEmulatorBanner(emulator),
            runInputs: {
                "upper-fqdn": emulator.upperUrl,
                "lower-fqdn": emulator.lowerUrl,
                "upper-access-token": "emulator-upper-token",
                "lower-access-token": "emulator-lower-token",
            },
            close: () => emulator.close(),
        };
    },
};


/***/ })

};
