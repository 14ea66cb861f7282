import { OPTION_SPECS } from "./options.js";

const MODES_HELP = `Modes:
  preview            What the lower environment would promote (provisional report). No lock.
  dry-run            Lock, dry-run promotion, report, unlock.
  promote            Release-upgrade check, lock, dry run, promote (unless nothing changed), report, unlock.
  rollback-preview   What a rollback would revert (provisional rollback report). No lock.
  rollback           Lock, provisional rollback report, roll back the most recent promotion, report, unlock.
  status             Lock state, promotion status and the list of reports. Read only.
  unlock             Release the lock of --promotion-id (recovery after a crashed run).
  emulator           Serve a local emulator of the promotions API (lower and upper environment).
  demo               Start the emulator and run a dry run and a promotion against it.`;

const EXIT_HELP = `Exit codes:
  0    succeeded, or nothing to promote (the report says which)
  1    failed (missing ESVs, encrypted secrets, blocking error, release upgrade, timeout, auth, API error)
  2    usage error: bad or missing option; nothing was sent
  3    lock conflict: another promotion holds the lock; it was left alone
  4    the lock this run took could not be released: run the unlock command printed above
  130  cancelled (Ctrl-C); the lock this run took was released`;

export function helpText(version: string): string {
  const width =
    Math.max(...OPTION_SPECS.map((s) => s.name.length + (s.placeholder?.length ?? 0))) + 5;
  const options = OPTION_SPECS.map((spec) => {
    const flag = `--${spec.name}${spec.placeholder ? ` ${spec.placeholder}` : ""}`;
    const extras = [
      spec.default !== undefined ? `default ${spec.default}` : "",
      `env ${spec.env.join(", ")}`,
    ]
      .filter(Boolean)
      .join("; ");
    return `  ${flag.padEnd(width + 2)}${spec.help}\n  ${"".padEnd(width + 2)}(${extras})`;
  }).join("\n");
  return `tenant-promote ${version}: locked, reviewable configuration promotion and rollback for PingOne Advanced Identity Cloud.

Usage: tenant-promote <mode> [options]

${MODES_HELP}

Options (every option can also come from the environment variable named; a flag wins):
${options}
  -h, --help              This text.
  --version               The version.

Progress goes to stderr; the report to stdout (or --output FILE) as Markdown, JSON or text.

${EXIT_HELP}

Example:
  tenant-promote dry-run --upper-fqdn openam-acme-staging.forgeblocks.com
    (with SERVICE_ACCOUNT_UPPER_ID and SERVICE_ACCOUNT_UPPER_KEY in the environment)
`;
}
