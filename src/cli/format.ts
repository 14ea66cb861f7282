// Which report format to print when --format is not given: people at a terminal get text,
// pipes and files get Markdown (as gh and kubectl switch on a TTY).
import { UsageError } from "../core/util/usage-error.js";

export const FORMATS = ["markdown", "json", "text"] as const;
export type Format = (typeof FORMATS)[number];

export function chooseFormat(options: {
  given: string | undefined;
  /** Where --format came from, for the error. */
  givenAs: string;
  toFile: boolean;
  stdoutIsTerminal: boolean;
}): Format {
  const { given } = options;
  if (given !== undefined) {
    if (!(FORMATS as readonly string[]).includes(given))
      throw new UsageError(`${options.givenAs} is "${given}"; use markdown, json or text`);
    return given as Format;
  }
  return !options.toFile && options.stdoutIsTerminal ? "text" : "markdown";
}
