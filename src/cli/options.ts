import { parseArgs } from "node:util";
import { MODES, type Mode } from "../core/run/types.js";
import { UsageError } from "../core/util/usage-error.js";
import { COMMON_INPUTS } from "../platforms/common.js";
import type { InputSpec } from "../platforms/platform.js";
import { DEFAULT_PLATFORM, PLATFORMS, platformIds, platformInputs } from "../platforms/registry.js";
import { closest } from "./closest.js";

export type OptionSpec = InputSpec & {
  /** The platforms whose option it is; absent for options of every platform. */
  platforms?: string[];
};

const PLATFORM_OPTION: OptionSpec = {
  name: "platform",
  type: "string",
  env: ["TENANT_PROMOTE_PLATFORM"],
  placeholder: platformIds().join("|"),
  help: `The platform to drive (default ${DEFAULT_PLATFORM}, or the one the --config file gives the target).`,
};

/** Options of the command line itself: the environments file, output, logging, the emulator. */
const CLI_OPTIONS: OptionSpec[] = [
  {
    name: "config",
    type: "string",
    env: ["TENANT_PROMOTE_CONFIG"],
    placeholder: "FILE",
    help: "YAML file naming the environments and which one each promotes from (with --target).",
  },
  {
    name: "target",
    type: "string",
    env: ["TENANT_PROMOTE_TARGET"],
    placeholder: "NAME",
    help: "With --config: the upper environment (name or group/name); its lower one comes from the file.",
  },
  {
    name: "format",
    type: "string",
    env: ["TENANT_PROMOTE_FORMAT"],
    placeholder: "markdown|json|text",
    help: "Report format. Default: the --output file's extension (.json, .md, .txt), else text on a terminal or in CI, Markdown when piped.",
  },
  {
    name: "output",
    type: "string",
    env: ["TENANT_PROMOTE_OUTPUT"],
    placeholder: "FILE",
    help: "Write the report to FILE instead of stdout; its folder must exist (checked before anything is sent).",
  },
  {
    name: "issue",
    type: "string",
    env: ["TENANT_PROMOTE_ISSUE"],
    placeholder: "off|pending",
    default: "off",
    help: "pending: a read-only mode keeps the target's watch issue on GitHub (opened while something is pending, closed once in sync), with GITHUB_TOKEN and GITHUB_REPOSITORY (GITHUB_API_URL for GHES); without them it prints what it would do.",
  },
  {
    name: "verbose",
    type: "boolean",
    env: ["TENANT_PROMOTE_VERBOSE"],
    help: "Log every HTTP request (method, URL with secrets masked, status, time) and retry.",
  },
  {
    name: "quiet",
    type: "boolean",
    env: ["TENANT_PROMOTE_QUIET"],
    help: "Log warnings and errors only.",
  },
  {
    name: "scenario",
    type: "string",
    env: ["TENANT_PROMOTE_SCENARIO"],
    placeholder: "FILE",
    help: "emulator/demo: YAML scenario seeding both environments and faults.",
  },
  {
    name: "speed",
    type: "string",
    env: ["TENANT_PROMOTE_EMULATOR_SPEED"],
    placeholder: "FACTOR",
    help: "emulator/demo: how many times faster than the real platform the emulator runs (above 0).",
  },
];

/** Every option of the CLI; --help and docs/cli.md are generated from the same facts. */
export const OPTION_SPECS: OptionSpec[] = [
  PLATFORM_OPTION,
  ...platformInputs(),
  ...COMMON_INPUTS,
  ...CLI_OPTIONS,
  ...PLATFORMS.flatMap((p) => p.emulatorInputs.map((spec) => ({ ...spec, platforms: [p.id] }))),
];

/** "usage": no mode and no --help, so the short usage is printed as a usage error. */
export type Command = Mode | "emulator" | "demo" | "help" | "version" | "usage";
const COMMANDS: readonly string[] = [...MODES, "emulator", "demo", "help", "version"];

export interface ParsedCommandLine {
  command: Command;
  /** Option values after flags, then environment variables, then defaults. */
  values: Record<string, string | boolean | undefined>;
  /** Where each value came from, for error messages ("--timeout" or "TENANT_PROMOTE_TIMEOUT"). */
  sources: Record<string, string>;
}

function truthy(text: string, source: string): boolean {
  if (/^(1|true|yes|on)$/i.test(text)) return true;
  if (/^(0|false|no|off|)$/i.test(text)) return false;
  throw new UsageError(`${source} is "${text}"; use true or false`);
}

export function parseCommandLine(
  argv: string[],
  env: Record<string, string | undefined>,
): ParsedCommandLine {
  const options = Object.fromEntries(
    OPTION_SPECS.map((spec) => [spec.name, { type: spec.type }]),
  ) as Record<string, { type: "string" | "boolean" }>;
  options.help = { type: "boolean" };
  options.version = { type: "boolean" };
  const config = {
    args: argv,
    options: { ...options, help: { type: "boolean", short: "h" } },
    allowPositionals: true,
  } as const;
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ ...config, strict: true });
  } catch (error) {
    const unknown =
      (error as { code?: unknown }).code === "ERR_PARSE_ARGS_UNKNOWN_OPTION"
        ? parseArgs({ ...config, strict: false, tokens: true }).tokens.find(
            (token) => token.kind === "option" && !(token.name in options),
          )
        : undefined;
    if (unknown?.kind === "option") {
      const typo = closest(unknown.name, Object.keys(options));
      throw new UsageError(
        `unknown option ${unknown.rawName}${typo ? `; did you mean --${typo}?` : "."} Run tenant-promote --help for the options.`,
      );
    }
    const why = (error as Error).message.replace(/\.$/, "");
    throw new UsageError(`${why}. Run tenant-promote --help for the options.`);
  }
  const first = parsed.positionals[0];
  if (parsed.positionals.length > 1) {
    throw new UsageError(
      `unexpected argument "${parsed.positionals[1]}": give one mode, e.g. tenant-promote dry-run`,
    );
  }
  let command: Command;
  if (parsed.values.version) command = "version";
  else if (parsed.values.help) command = "help";
  else if (first === undefined) command = "usage";
  else if (COMMANDS.includes(first)) command = first as Command;
  else throw new UsageError(`unknown mode "${first}"; use one of ${COMMANDS.join(", ")}`);

  const values: ParsedCommandLine["values"] = {};
  const sources: Record<string, string> = {};
  for (const spec of OPTION_SPECS) {
    const flag = parsed.values[spec.name];
    if (flag !== undefined) {
      values[spec.name] = flag as string | boolean;
      sources[spec.name] = `--${spec.name}`;
      continue;
    }
    const envName = spec.env.find((name) => env[name] !== undefined && env[name] !== "");
    if (envName) {
      const text = env[envName] as string;
      values[spec.name] = spec.type === "boolean" ? truthy(text, envName) : text;
      sources[spec.name] = envName;
    } else if (spec.default !== undefined) {
      values[spec.name] = spec.default;
      sources[spec.name] = `--${spec.name} (default)`;
    }
  }
  return { command, values, sources };
}
