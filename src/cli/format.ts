// Which report format to print when --format is not given. A file gets the format its extension
// names; stdout gets text for a person at a terminal and for CI logs (GitLab, Jenkins and GitHub
// render no Markdown there), Markdown when piped elsewhere (as gh and kubectl switch on a TTY).
import { extname } from "node:path";
import { UsageError } from "../core/util/usage-error.js";

export const FORMATS = ["markdown", "json", "text"] as const;
export type Format = (typeof FORMATS)[number];

const BY_EXTENSION: Record<string, Format> = {
  ".json": "json",
  ".md": "markdown",
  ".markdown": "markdown",
  ".txt": "text",
};

/** Whether the `CI` variable says this runs in CI (every major CI sets it; "false" or "0" opt out). */
export function inCi(env: Record<string, string | undefined>): boolean {
  const value = env.CI?.trim() ?? "";
  return value !== "" && !/^(false|0)$/i.test(value);
}

export function chooseFormat(options: {
  given: string | undefined;
  /** Where --format came from, for the error. */
  givenAs: string;
  /** The --output file, when the report goes to one. */
  output: string | undefined;
  stdoutIsTerminal: boolean;
  inCi: boolean;
}): Format {
  const { given, output } = options;
  if (given !== undefined) {
    if (!(FORMATS as readonly string[]).includes(given))
      throw new UsageError(`${options.givenAs} is "${given}"; use markdown, json or text`);
    return given as Format;
  }
  // Any other extension (or none) keeps what files have always got: Markdown.
  if (output !== undefined) return BY_EXTENSION[extname(output).toLowerCase()] ?? "markdown";
  return options.stdoutIsTerminal || options.inCi ? "text" : "markdown";
}
