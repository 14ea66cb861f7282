import { parseArgs } from "node:util";
import { MODES, type Mode } from "../core/run/types.js";
import { UsageError } from "../core/util/usage-error.js";

export interface OptionSpec {
  name: string;
  type: "string" | "boolean";
  /** Environment variables read when the flag is absent, first match wins. */
  env: string[];
  help: string;
  /** Shown in --help next to the flag. */
  placeholder?: string;
  default?: string;
}

/** Every option of the CLI; --help and the README are generated from the same facts. */
export const OPTION_SPECS: OptionSpec[] = [
  {
    name: "upper-fqdn",
    type: "string",
    env: ["TENANT_PROMOTE_UPPER_FQDN", "TENANT_ENV_UPPER_FQDN"],
    placeholder: "HOST|URL",
    help: "Upper environment (the one promoted to): a host or an https:// URL; http:// only for loopback (the emulator).",
  },
  {
    name: "lower-fqdn",
    type: "string",
    env: ["TENANT_PROMOTE_LOWER_FQDN"],
    placeholder: "HOST|URL",
    help: "Lower environment (promoted from); needed by preview.",
  },
  {
    name: "upper-access-token",
    type: "string",
    env: ["TENANT_PROMOTE_UPPER_ACCESS_TOKEN"],
    placeholder: "TOKEN",
    help: "Ready-made bearer token for the upper environment.",
  },
  {
    name: "lower-access-token",
    type: "string",
    env: ["TENANT_PROMOTE_LOWER_ACCESS_TOKEN"],
    placeholder: "TOKEN",
    help: "Ready-made bearer token for the lower environment.",
  },
  {
    name: "upper-service-account-id",
    type: "string",
    env: ["TENANT_PROMOTE_UPPER_SERVICE_ACCOUNT_ID", "SERVICE_ACCOUNT_UPPER_ID"],
    placeholder: "ID",
    help: "Service account of the upper environment (preferred over a token).",
  },
  {
    name: "upper-service-account-key",
    type: "string",
    env: ["TENANT_PROMOTE_UPPER_SERVICE_ACCOUNT_KEY", "SERVICE_ACCOUNT_UPPER_KEY"],
    placeholder: "JWK|PEM",
    help: "Its private key, JWK JSON or PEM. Prefer the environment variable: flags show in process lists.",
  },
  {
    name: "lower-service-account-id",
    type: "string",
    env: ["TENANT_PROMOTE_LOWER_SERVICE_ACCOUNT_ID"],
    placeholder: "ID",
    help: "Service account of the lower environment.",
  },
  {
    name: "lower-service-account-key",
    type: "string",
    env: ["TENANT_PROMOTE_LOWER_SERVICE_ACCOUNT_KEY"],
    placeholder: "JWK|PEM",
    help: "Its private key, JWK JSON or PEM.",
  },
  {
    name: "ignore-encrypted-secrets",
    type: "boolean",
    env: ["TENANT_PROMOTE_IGNORE_ENCRYPTED_SECRETS"],
    help: "Promote even though the configuration holds encrypted values (ignoreEncryptedSecrets).",
  },
  {
    name: "allow-release-upgrade",
    type: "boolean",
    env: ["TENANT_PROMOTE_ALLOW_RELEASE_UPGRADE"],
    help: "Promote even when the promotion would trigger a release upgrade.",
  },
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
    name: "promotion-id",
    type: "string",
    env: ["TENANT_PROMOTE_PROMOTION_ID"],
    placeholder: "ID",
    help: "unlock: the lock to release. rollback: refuse unless this is the most recent promotion.",
  },
  {
    name: "description",
    type: "string",
    env: ["TENANT_PROMOTE_DESCRIPTION"],
    placeholder: "TEXT",
    help: "promotionDescription recorded in the tenant's report (default: names the pipeline run).",
  },
  {
    name: "promoter",
    type: "string",
    env: ["TENANT_PROMOTE_PROMOTER"],
    placeholder: "NAME",
    help: "promoter recorded in the tenant's report (default: the CI actor, or user@host).",
  },
  {
    name: "timeout",
    type: "string",
    env: ["TENANT_PROMOTE_TIMEOUT"],
    placeholder: "DURATION",
    default: "60m",
    help: "Bound on the whole run, unlocking included (90s, 45m, 2h).",
  },
  {
    name: "lock-wait",
    type: "string",
    env: ["TENANT_PROMOTE_LOCK_WAIT"],
    placeholder: "DURATION",
    default: "0",
    help: "How long to keep trying while another promotion holds the lock.",
  },
  {
    name: "request-timeout",
    type: "string",
    env: ["TENANT_PROMOTE_REQUEST_TIMEOUT"],
    placeholder: "DURATION",
    default: "30s",
    help: "Bound on each HTTP request.",
  },
  {
    name: "format",
    type: "string",
    env: ["TENANT_PROMOTE_FORMAT"],
    placeholder: "markdown|json|text",
    default: "markdown",
    help: "Report format.",
  },
  {
    name: "output",
    type: "string",
    env: ["TENANT_PROMOTE_OUTPUT"],
    placeholder: "FILE",
    help: "Write the report to FILE instead of stdout.",
  },
  {
    name: "verbose",
    type: "boolean",
    env: ["TENANT_PROMOTE_VERBOSE"],
    help: "Log every request and retry.",
  },
  {
    name: "quiet",
    type: "boolean",
    env: ["TENANT_PROMOTE_QUIET"],
    help: "Log warnings and errors only.",
  },
  {
    name: "time-scale",
    type: "string",
    env: ["TENANT_PROMOTE_TIME_SCALE"],
    placeholder: "FACTOR",
    default: "1",
    help: "Multiplies poll intervals and phase bounds; below 1 only for a fast emulator.",
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
    help: "emulator/demo: how much faster than a real tenant the emulator runs.",
  },
  {
    name: "lower-port",
    type: "string",
    env: ["TENANT_PROMOTE_EMULATOR_LOWER_PORT"],
    placeholder: "PORT",
    default: "8471",
    help: "emulator: port of the lower environment.",
  },
  {
    name: "upper-port",
    type: "string",
    env: ["TENANT_PROMOTE_EMULATOR_UPPER_PORT"],
    placeholder: "PORT",
    default: "8472",
    help: "emulator: port of the upper environment.",
  },
];

export type Command = Mode | "emulator" | "demo" | "help" | "version";
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
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: argv,
      options: { ...options, help: { type: "boolean", short: "h" } },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    throw new UsageError(`${(error as Error).message}. Run tenant-promote --help for the options.`);
  }
  const first = parsed.positionals[0];
  if (parsed.positionals.length > 1) {
    throw new UsageError(
      `unexpected argument "${parsed.positionals[1]}": give one mode, e.g. tenant-promote dry-run`,
    );
  }
  let command: Command;
  if (parsed.values.version) command = "version";
  else if (parsed.values.help || first === undefined) command = "help";
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
