import { MODES } from "../core/run/types.js";
import { PLATFORMS } from "../platforms/registry.js";
import { OPTION_SPECS, type OptionSpec } from "./options.js";

const EXIT_HELP = `Exit codes:
  0    succeeded, or nothing to promote (the report says which)
  1    failed (the reason is printed and in --format json: validation, API error, timeout, auth, ...)
  2    usage error: bad or missing option; nothing was sent
  3    lock conflict: another promotion holds the lock or is in progress; it was left alone
  4    what this run took (a lock, a draft promotion) could not be released: run the command printed above
  130  cancelled (Ctrl-C); what this run took was released`;

function modesHelp(): string {
  const lines = ["Modes (each platform offers the ones listed under it):"];
  for (const platform of PLATFORMS) {
    lines.push(`  ${platform.id}: ${platform.title}`);
    for (const mode of MODES) {
      const text = platform.modeHelp[mode];
      if (text) lines.push(`    ${mode.padEnd(18)}${text}`);
    }
  }
  lines.push(
    "  emulator              Serve a local emulator of the platform's API (--platform).",
    "  demo                  Start the emulator and run the main modes against it.",
  );
  return lines.join("\n");
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

export function helpText(version: string): string {
  const width =
    Math.max(...OPTION_SPECS.map((s) => s.name.length + (s.placeholder?.length ?? 0))) + 5;
  const shared = OPTION_SPECS.filter((s) => !s.platforms);
  const sections = [
    `Options (each can also come from the environment variable named; a flag wins):\n${optionLines(shared, width)}`,
  ];
  for (const platform of PLATFORMS) {
    const own = OPTION_SPECS.filter((s) => s.platforms?.includes(platform.id));
    sections.push(`Options for --platform ${platform.id}:\n${optionLines(own, width)}`);
  }
  return `tenant-promote ${version}: locked, reviewable configuration promotion and rollback for ${PLATFORMS.map((p) => p.title).join(", ")}.

Usage: tenant-promote <mode> [--platform ${PLATFORMS.map((p) => p.id).join("|")}] [options]

${modesHelp()}

${sections.join("\n\n")}
  -h, --help              This text.
  --version               The version.

Progress goes to stderr; the report to stdout (or --output FILE): as --format says, else in the
format of the file's extension (.json, .md, .txt; Markdown for any other), else as text on a
terminal or in CI (the CI variable set) and as Markdown when piped elsewhere.

${EXIT_HELP}

Example:
  tenant-promote dry-run --upper-fqdn openam-acme-staging.forgeblocks.com
    (with SERVICE_ACCOUNT_UPPER_ID and SERVICE_ACCOUNT_UPPER_KEY in the environment)
`;
}
