// Tests of the action test harness itself: file/workflow command parsing and the step runner.
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { inputEnvName } from "./action-env.js";
import {
  type ActionWorkspace,
  cancelLikeRunner,
  createWorkspace,
  killRunningSteps,
  parseFileCommands,
  parseWorkflowCommands,
  runActionStep,
  startActionStep,
} from "./runner.js";

const REPO_ROOT = fileURLToPath(new URL("../../", import.meta.url));
const CORE = pathToFileURL(join(REPO_ROOT, "node_modules/@actions/core/lib/core.js")).href;

describe("parseFileCommands", () => {
  it("reads heredoc and one-line entries; the last value wins", () => {
    const text = "a=1\nb<<EOF\nx\n\ny\nEOF\nempty<<D\n\nD\na=2\n";
    expect(parseFileCommands(text)).toEqual({ a: "2", b: "x\n\ny", empty: "" });
  });

  it("rejects an unterminated heredoc and nameless lines", () => {
    expect(() => parseFileCommands("a<<EOF\nvalue\n")).toThrow(/never closes/);
    expect(() => parseFileCommands("=1\n")).toThrow(/without a name/);
  });

  it("reads what @actions/core 3 writes", async () => {
    const dir = await mkdtemp(join(tmpdir(), "file-commands-"));
    const [output, state] = [join(dir, "output"), join(dir, "state")];
    await Promise.all([writeFile(output, ""), writeFile(state, "")]);
    const script = `import * as core from "@actions/core";
      core.setOutput("report", "line 1\\nline 2=x<<y");
      core.setOutput("report", "final");
      core.setOutput("count", 3);
      core.saveState("lock", "p-1\\n");`;
    await promisify(execFile)(process.execPath, ["--input-type=module", "-e", script], {
      cwd: REPO_ROOT, // where `@actions/core` resolves
      env: { PATH: process.env.PATH, GITHUB_OUTPUT: output, GITHUB_STATE: state },
    });
    expect(await readFile(output, "utf8")).toMatch(/^report<<ghadelimiter_[0-9a-f-]{36}\n/);
    expect(parseFileCommands(await readFile(output, "utf8"))).toEqual({
      report: "final",
      count: "3",
    });
    expect(parseFileCommands(await readFile(state, "utf8"))).toEqual({ lock: "p-1\n" });
    await rm(dir, { recursive: true });
  });
});

describe("parseWorkflowCommands", () => {
  it("collects annotations, masks and debug lines, decoding escapes", () => {
    const stdout = [
      "::add-mask::s3cret",
      "token s3cret here",
      "::error::first%0Asecond 100%25 a%3Ab",
      "::warning file=a%2Cb.ts,line=3,title=t%3Ax::careful",
      "::notice::fyi",
      "::debug::details",
      "::group::Lock",
      "::endgroup::",
    ].join("\n");
    const parsed = parseWorkflowCommands(stdout);
    expect(parsed.masks).toEqual(["s3cret"]);
    expect(parsed.debug).toEqual(["details"]);
    expect(parsed.annotations).toEqual([
      { level: "error", message: "first\nsecond 100% a%3Ab", properties: {} },
      {
        level: "warning",
        message: "careful",
        properties: { file: "a,b.ts", line: "3", title: "t:x" },
      },
      { level: "notice", message: "fyi", properties: {} },
    ]);
    expect(parsed.log).toBe(
      "token *** here\nError: first\nsecond 100% a%3Ab\nWarning: careful\nNotice: fyi\nLock",
    );
  });

  it("leaves secrets printed before their add-mask visible, and honours stop-commands", () => {
    const stdout =
      "early s3cret\n::add-mask::s3cret\n::stop-commands::tok\n::error::no\n::tok::\n::error::yes";
    const parsed = parseWorkflowCommands(stdout);
    expect(parsed.log).toBe("early s3cret\n::error::no\nError: yes");
    expect(parsed.annotations.map((a) => a.message)).toEqual(["yes"]);
  });
});

describe("the step runner", () => {
  let workspace: ActionWorkspace;
  let scripts: string;
  const script = async (name: string, body: string) => {
    const path = join(scripts, name);
    await writeFile(path, `import * as core from ${JSON.stringify(CORE)};\n${body}`);
    return path;
  };

  beforeEach(async () => {
    const payload = { pull_request: { number: 7, head: { ref: "f" }, base: { ref: "main" } } };
    workspace = await createWorkspace({ name: "pull_request", payload });
    scripts = await mkdtemp(join(tmpdir(), "action-scripts-"));
  });
  afterEach(async () => {
    killRunningSteps();
    await workspace.cleanup();
    await rm(scripts, { recursive: true, force: true });
  });

  it("names inputs like the runner and fills action.yml defaults", async () => {
    expect(inputEnvName("upper-fqdn")).toBe("INPUT_UPPER-FQDN");
    expect(inputEnvName("a b")).toBe("INPUT_A_B");
    process.env.LEAKY_TEST_VARIABLE = "x";
    const scriptPath = await script(
      "env.mjs",
      "console.log(JSON.stringify({ env: process.env, version: process.version, cwd: process.cwd() }));",
    );
    const result = await runActionStep({
      script: "main",
      scriptPath,
      inputs: { "upper-fqdn": "https://up.example", mode: "promote", "no-such-input": "1" },
      workspace,
      env: { GITHUB_API_URL: "http://127.0.0.1:1234" },
    });
    delete process.env.LEAKY_TEST_VARIABLE;
    const { env, version, cwd } = JSON.parse(result.stdout);
    expect(version).toMatch(/^v24\./);
    expect(cwd).toBe(workspace.githubWorkspace);
    expect(env).toMatchObject({
      "INPUT_UPPER-FQDN": "https://up.example",
      INPUT_MODE: "promote",
      INPUT_TIMEOUT: "60m",
      "INPUT_LOCK-WAIT": "0",
      "INPUT_GITHUB-TOKEN": "",
      "INPUT_NO-SUCH-INPUT": "1",
      GITHUB_API_URL: "http://127.0.0.1:1234",
      GITHUB_EVENT_NAME: "pull_request",
      GITHUB_REF: "refs/pull/7/merge",
      GITHUB_REPOSITORY: "acme/tenant-config",
      GITHUB_REPOSITORY_OWNER: "acme",
      RUNNER_TEMP: workspace.runnerTemp,
    });
    expect(env).not.toHaveProperty("INPUT_LOWER-FQDN"); // no default in action.yml
    expect(env).not.toHaveProperty("LEAKY_TEST_VARIABLE");
    expect(JSON.parse(await readFile(env.GITHUB_EVENT_PATH, "utf8")).pull_request.number).toBe(7);
    expect(result.annotations[0]?.message).toMatch(/^Unexpected input\(s\) 'no-such-input'/);
  });

  it("evaluates the github.token default to the given job token", async () => {
    const scriptPath = await script("token.mjs", 'console.log(core.getInput("github-token"));');
    const result = await runActionStep({
      script: "main",
      scriptPath,
      workspace,
      githubToken: "ghs_job",
    });
    expect(result.stdout.trim()).toBe("ghs_job");
  });

  it("hands main's saved state to post as STATE_*, with a fresh GITHUB_OUTPUT per step", async () => {
    const main = await script(
      "main.mjs",
      `core.saveState("lock", "p-1");
      core.saveState("multi", "a\\nb");
      core.setOutput("from-main", "yes");
      core.setSecret("s3cret");
      core.info("token s3cret");
      core.warning("careful");
      await core.summary.addRaw("main summary").write();`,
    );
    const post = await script(
      "post.mjs",
      `core.setOutput("seen", JSON.stringify([core.getState("lock"), core.getState("multi")]));`,
    );
    const first = await runActionStep({ script: "main", scriptPath: main, workspace });
    expect(first).toMatchObject({
      code: 0,
      outputs: { "from-main": "yes" },
      summary: "main summary",
    });
    expect(first.state).toEqual({ lock: "p-1", multi: "a\nb" });
    expect(first.masks).toEqual(["s3cret"]);
    expect(first.log).toContain("token ***");
    expect(first.annotations).toEqual([{ level: "warning", message: "careful", properties: {} }]);
    const second = await runActionStep({ script: "post", scriptPath: post, workspace });
    expect(second.outputs).toEqual({ seen: JSON.stringify(["p-1", "a\nb"]) });
    expect(second.env).toMatchObject({ STATE_lock: "p-1", STATE_multi: "a\nb" });
    expect(workspace.jobSummary).toBe("main summary");
  });

  it("waits for a log line, then cancels like the runner: SIGINT, SIGTERM, SIGKILL", async () => {
    const scriptPath = await script(
      "stubborn.mjs",
      `for (const s of ["SIGINT", "SIGTERM"]) process.on(s, () => console.log("got " + s));
      setInterval(() => {}, 1000);
      console.log("[lock] requested p-9");`,
    );
    const step = await startActionStep({ script: "main", scriptPath, workspace });
    const match = await step.waitForStdout(/\[lock\] requested (\S+)/);
    expect(match[1]).toBe("p-9");
    const started = Date.now();
    const result = await cancelLikeRunner(step, 0.02);
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
    expect(result.signal).toBe("SIGKILL");
    expect(result.stdout).toContain("got SIGINT\ngot SIGTERM");
  });

  it("rejects waitForStdout when the step exits without the line", async () => {
    const scriptPath = await script("quick.mjs", 'console.log("done");');
    const step = await startActionStep({ script: "main", scriptPath, workspace });
    await expect(step.waitForStdout(/never/)).rejects.toThrow(/before the step exited/);
    expect((await step.result).code).toBe(0);
  });
});
