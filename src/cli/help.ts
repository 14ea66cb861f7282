import type { Platform } from "../platforms/platform.js";
import { DEFAULT_PLATFORM, PLATFORMS, platformById } from "../platforms/registry.js";
import { OPTION_SPECS, type OptionSpec } from "./options.js";

const EXIT_HELP = `Exit codes:
  0    succeeded, or nothing to promote (the report says which)
  1    failed (the reason is printed and in --format json: validation, API error, timeout, auth, ...)
  2    usage error: bad or missing option; nothing was sent
  3    lock conflict: another promotion holds the lock or is in progress; it was left alone
  4    what this run took (a lock, a draft promotion) could not be released: run the command printed above
  130  cancelled (Ctrl-C); what this run took was released`;

const OUTPUT_HELP = `Progress goes to stderr; the report to stdout (or --output FILE): as --format says, else in the
format of the file's extension (.json, .md, .txt; Markdown for any other), else as text on a
terminal or in CI (the CI variable set) and as Markdown when piped elsewhere.`;

const COMMANDS_HELP = `  emulator              Serve a local emulator of the platform's API (--platform).
  demo                  Start the emulator and run the main modes against it.`;

/** One example per platform, for --help --platform; keyed by platform id. */
const EXAMPLES: Record<string, string> = {
  aic: `  tenant-promote dry-run --upper-fqdn openam-acme-staging.forgeblocks.com
    (with SERVICE_ACCOUNT_UPPER_ID and SERVICE_ACCOUNT_UPPER_KEY in the environment)`,
  pingone: `  tenant-promote dry-run --platform pingone \\
    --source-environment-id 27a86265-bc63-496a-8e39-337670544b0d \\
    --target-environment-id 5b55a297-9a34-4405-aa23-3760522336a3
    (with PINGONE_CLIENT_ID, PINGONE_CLIENT_SECRET and PINGONE_ENVIRONMENT_ID in the environment)`,
  arcgis: `  tenant-promote rollback-preview --platform arcgis --arcgis-url https://gis.example.com/arcgis
    (with TENANT_PROMOTE_ARCGIS_USERNAME and TENANT_PROMOTE_ARCGIS_PASSWORD in the environment)`,
};

const platformList = () => PLATFORMS.map((p) => p.id).join("|");

/** What a run with no arguments prints (to stderr, with exit code 2). */
export function shortUsage(): string {
  return `Usage: tenant-promote <mode> [--platform ${platformList()}] [options]
  Modes: ${[...new Set(PLATFORMS.flatMap((p) => p.modes))].join(", ")}; also emulator, demo.
  tenant-promote --help                      the platforms and the options every platform has
  tenant-promote --help --platform <id>      one platform's modes, options and an example
`;
}

function optionLines(specs: OptionSpec[], width: number): string {
  return specs
    .map((spec) => {
      const flag = `--${spec.name}${spec.placeholder ? ` ${spec.placeholder}` : ""}`;
      const extras = [
        spec.default !== undefined ? `default ${spec.default}` : "",
        `env ${spec.env.join(", ")}`,
      ]
        .filter(Boolean)
        .join("; ");
      return `  ${flag.padEnd(width + 2)}${spec.help}\n  ${"".padEnd(width + 2)}(${extras})`;
    })
    .join("\n");
}

const WIDTH =
  Math.max(...OPTION_SPECS.map((s) => s.name.length + (s.placeholder?.length ?? 0))) + 5;
const sharedOptions = () => OPTION_SPECS.filter((s) => !s.platforms);

/** Words joined by ", " in indented lines of at most 100 characters. */
function wrapped(words: string[]): string {
  const lines = [""];
  for (const word of words) {
    const last = lines.length - 1;
    const line = lines[last] as string;
    if (line && line.length + word.length + 4 > 100) lines.push(word);
    else lines[last] = line ? `${line}, ${word}` : word;
  }
  return lines.map((line, i) => `  ${line}${i < lines.length - 1 ? "," : ""}`).join("\n");
}

function modeLines(platform: Platform): string {
  return platform.modes
    .map((mode) => `    ${mode.padEnd(18)}${platform.modeHelp[mode] ?? ""}`.trimEnd())
    .join("\n");
}

/** Plain --help: the platforms and their modes, and the options every platform has. */
function overview(version: string): string {
  const platforms = PLATFORMS.map(
    (p) =>
      `  ${p.id.padEnd(9)}${p.title}${p.id === DEFAULT_PLATFORM ? " (the default)" : ""}\n  ${"".padEnd(9)}modes: ${p.modes.join(", ")}`,
  ).join("\n");
  return `tenant-promote ${version}: locked, reviewable configuration promotion and rollback for ${PLATFORMS.map((p) => p.title).join(", ")}.

Usage: tenant-promote <mode> [--platform ${platformList()}] [options]

Platforms (--platform; each offers the modes its API has):
${platforms}
  tenant-promote --help --platform <id> shows a platform's modes, its own options and an example.

Commands beside the modes:
${COMMANDS_HELP}

Options of every platform (each can also come from the environment variable named; a flag wins):
${optionLines(sharedOptions(), WIDTH)}
  -h, --help              This text; with --platform, that platform's.
  --version               The version.

${OUTPUT_HELP}

${EXIT_HELP}
`;
}

/** --help --platform <id>: that platform's modes, its own options and one example. */
function platformHelp(version: string, platform: Platform): string {
  const own = OPTION_SPECS.filter((s) => s.platforms?.includes(platform.id));
  const example = EXAMPLES[platform.id];
  return `tenant-promote ${version}: ${platform.title} (--platform ${platform.id}).

Usage: tenant-promote <mode> --platform ${platform.id} [options]

Modes:
${modeLines(platform)}

Options for --platform ${platform.id} (each can also come from the environment variable named; a flag wins):
${optionLines(own, WIDTH)}

Options of every platform (tenant-promote --help explains them):
${wrapped(sharedOptions().map((s) => `--${s.name}`))}

${EXIT_HELP}
${example ? `\nExample:\n${example}\n` : ""}`;
}

/** The --help text: the overview, or one platform's help when `platformId` is given. */
export function helpText(version: string, platformId?: string): string {
  return platformId === undefined
    ? overview(version)
    : platformHelp(version, platformById(platformId));
}
