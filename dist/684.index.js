export const id = 684;
export const ids = [684];
export const modules = {

/***/ 5684:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   applyTarget: () => (/* binding */ applyTarget)
/* harmony export */ });
/* unused harmony exports parseTargets, listTargets, resolveTarget, loadTarget */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8815);
/* harmony import */ var _core_util_usage_error_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5236);
/* harmony import */ var _platforms_registry_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2600);
// The environments file: which environments exist, on which platform, and which one each
// promotes from. A target names the environment promoted to; its source is the one before it
// (or the one its promotesFrom names, where the platform allows any pair).




/** The group used for a file with a top-level `environments:` list. */
const DEFAULT_GROUP = "default";
function fail(file, problem) {
    throw new _core_util_usage_error_js__WEBPACK_IMPORTED_MODULE_3__/* .UsageError */ .e(`${file}: ${problem}`);
}
function text(value) {
    return typeof value === "string" && value.trim() !== "" ? value.trim() : undefined;
}
function groupPlatform(file, group, value) {
    const id = value === undefined ? _platforms_registry_js__WEBPACK_IMPORTED_MODULE_2__/* .DEFAULT_PLATFORM */ .Er : text(value);
    try {
        return (0,_platforms_registry_js__WEBPACK_IMPORTED_MODULE_2__/* .platformById */ .C5)(id ?? "");
    }
    catch (error) {
        fail(file, `group "${group}": ${error.message}`);
    }
}
function parseGroup(file, group, list, platformId) {
    const platform = groupPlatform(file, group, platformId);
    if (!Array.isArray(list) || list.length === 0)
        fail(file, `group "${group}" needs an environments list, in promotion order`);
    const environments = [];
    const sources = new Map();
    for (const [index, raw] of list.entries()) {
        const { name: rawName, promotesFrom: rawFrom, ...fields } = raw ?? {};
        const name = text(rawName);
        if (!name)
            fail(file, `group "${group}", environment ${index + 1}: name is missing`);
        const env = { name, ...fields };
        const problem = platform.checkFileEnvironment(env);
        if (problem)
            fail(file, `group "${group}", environment "${name}": ${problem}`);
        if (environments.some((e) => e.name === name))
            fail(file, `group "${group}" lists environment "${name}" twice`);
        const promotesFrom = rawFrom === undefined ? undefined : text(rawFrom);
        const previous = environments[environments.length - 1];
        if (rawFrom !== undefined && !promotesFrom)
            fail(file, `group "${group}", environment "${name}": promotesFrom must name an environment`);
        if (promotesFrom && !environments.some((e) => e.name === promotesFrom))
            fail(file, previous
                ? `group "${group}": "${name}" promotes from "${promotesFrom}", which is not listed before it; list environments in promotion order`
                : `group "${group}": "${name}" is listed first, so it promotes from nothing, yet says promotesFrom "${promotesFrom}"; list environments in promotion order`);
        if (promotesFrom && platform.sequentialOnly && promotesFrom !== previous?.name) {
            fail(file, `group "${group}": "${name}" promotes from "${promotesFrom}", but ${platform.title} promotion pairs are sequential: it can only promote from "${previous?.name}", the environment listed before it`);
        }
        if (previous)
            sources.set(name, promotesFrom ?? previous.name);
        environments.push(env);
    }
    return { platform, environments, sources };
}
/** "envs.yml:3:5: not valid YAML: <why>", then the line and a caret under the spot. */
function yamlProblem(source, file, error) {
    const why = error.message.split("\n")[0]?.replace(/ at line \d+, column \d+:?$/, "");
    const at = error.linePos?.[0];
    if (!at)
        return `${file}: not valid YAML: ${why}`;
    const line = source.split(/\r?\n/)[at.line - 1] ?? "";
    // Tabs stay tabs, so the caret lines up however the terminal shows them.
    const pad = line.slice(0, at.col - 1).replace(/[^\t]/g, " ");
    return `${file}:${at.line}:${at.col}: not valid YAML: ${why}\n  ${line}\n  ${pad}^`;
}
/** Parses the file's text; `file` is only used in messages. */
function parseTargets(source, file) {
    let doc;
    try {
        doc = (0,yaml__WEBPACK_IMPORTED_MODULE_1__/* .parse */ .qg)(source);
    }
    catch (error) {
        if (error instanceof yaml__WEBPACK_IMPORTED_MODULE_1__/* .YAMLParseError */ .XT)
            throw new _core_util_usage_error_js__WEBPACK_IMPORTED_MODULE_3__/* .UsageError */ .e(yamlProblem(source, file, error));
        fail(file, `not valid YAML: ${error.message.split("\n")[0]}`);
    }
    const root = (doc ?? {});
    const groups = new Map();
    if (root.groups !== undefined) {
        if (typeof root.groups !== "object" || root.groups === null || Array.isArray(root.groups))
            fail(file, "groups must map each group name to { environments: [...] }");
        for (const [group, value] of Object.entries(root.groups)) {
            const entry = (value ?? {});
            groups.set(group, parseGroup(file, group, entry.environments, entry.platform));
        }
    }
    if (root.environments !== undefined)
        groups.set(DEFAULT_GROUP, parseGroup(file, DEFAULT_GROUP, root.environments, root.platform));
    if (groups.size === 0)
        fail(file, "no environments: give a top-level environments list or groups");
    return groups;
}
/** Every target a file offers (each environment that promotes from another), e.g. for a matrix. */
function listTargets(groups) {
    const single = groups.size === 1;
    return [...groups].flatMap(([group, { platform, environments }]) => environments
        .slice(platform.needsSource ? 1 : 0)
        .map((env) => (single ? env.name : `${group}/${env.name}`)));
}
/** Picks the environment named by `target` and the one it promotes from. */
function resolveTarget(groups, target, file) {
    const [groupName, envName] = target.includes("/") ? target.split("/", 2) : [undefined, target];
    const candidates = [...groups].filter(([group, { environments }]) => (groupName === undefined || group === groupName) &&
        environments.some((e) => e.name === envName));
    const available = listTargets(groups).join(", ") || "none";
    if (candidates.length === 0)
        fail(file, `target "${target}" is not in the file; targets: ${available}`);
    if (candidates.length > 1)
        fail(file, `target "${target}" is in several groups (${candidates.map(([g]) => g).join(", ")}); name it as group/${envName}`);
    const [group, { platform, environments, sources }] = candidates[0];
    const upper = environments.find((e) => e.name === envName);
    const lower = environments.find((e) => e.name === sources.get(upper.name));
    if (!lower && platform.needsSource)
        fail(file, `target "${target}" is the first environment of its group: nothing promotes into it; targets: ${available}`);
    return {
        id: groups.size === 1 ? upper.name : `${group}/${upper.name}`,
        platform: platform.id,
        upper,
        lower,
    };
}
/**
 * Reads the file and resolves the target; every problem is a UsageError naming the file.
 * `givenAs`: how the file was given (--config, TENANT_PROMOTE_CONFIG, input "config").
 */
async function loadTarget(file, target, givenAs = "--config") {
    let source;
    try {
        source = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(file, "utf8");
    }
    catch (error) {
        const code = error.code;
        if (code === "ENOENT")
            throw new _core_util_usage_error_js__WEBPACK_IMPORTED_MODULE_3__/* .UsageError */ .e(`${givenAs}: no such file: ${file}`);
        throw new _core_util_usage_error_js__WEBPACK_IMPORTED_MODULE_3__/* .UsageError */ .e(`${givenAs}: cannot read the environments file ${file}: ${code ?? error.message}`);
    }
    return resolveTarget(parseTargets(source, file), target, file);
}
/**
 * Fills the inputs from the file's target and source. The platform comes from the file; a
 * platform given as an input must agree, and so must any environment given directly.
 */
async function applyTarget(raw, file, target, name) {
    const resolved = await loadTarget(file, target, name("config"));
    const given = typeof raw.platform === "string" ? raw.platform.trim() : "";
    if (given && given !== resolved.platform)
        throw new _core_util_usage_error_js__WEBPACK_IMPORTED_MODULE_3__/* .UsageError */ .e(`${name("platform")} is ${given}, but ${file} puts target "${resolved.id}" on ${resolved.platform}; drop ${name("platform")} or fix the file`);
    raw.platform = resolved.platform;
    const platform = (0,_platforms_registry_js__WEBPACK_IMPORTED_MODULE_2__/* .platformById */ .C5)(resolved.platform);
    platform.applyFileTarget(raw, resolved.upper, resolved.lower, name, `${file}, target "${resolved.id}"`);
    return resolved;
}


/***/ })

};
