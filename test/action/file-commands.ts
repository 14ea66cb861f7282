// Reads GITHUB_OUTPUT / GITHUB_STATE files the way the runner does after a step.

/**
 * Parses `name<<DELIMITER\nvalue lines\nDELIMITER` (what @actions/core writes) and the older
 * one-line `name=value`. The last value of a name wins. Malformed files throw, as the runner
 * fails the step on them.
 */
export function parseFileCommands(text: string): Record<string, string> {
  const result: Record<string, string> = {};
  const lines = text.split("\n");
  // A trailing newline is the end of the last command, not an empty line of its own.
  if (lines.at(-1) === "") lines.pop();
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    if (line === "") continue;
    const equals = line.indexOf("=");
    const heredoc = line.indexOf("<<");
    if (equals >= 0 && (heredoc < 0 || equals < heredoc)) {
      result[requireName(line.slice(0, equals), line)] = line.slice(equals + 1);
      continue;
    }
    if (heredoc < 0) throw new Error(`Invalid file command line: ${JSON.stringify(line)}`);
    const name = requireName(line.slice(0, heredoc), line);
    const delimiter = line.slice(heredoc + 2);
    if (delimiter === "") throw new Error(`Empty delimiter for ${name}`);
    const end = lines.indexOf(delimiter, i + 1);
    if (end < 0) throw new Error(`Delimiter ${delimiter} of ${name} never closes`);
    result[name] = lines.slice(i + 1, end).join("\n");
    i = end;
  }
  return result;
}

function requireName(name: string, line: string): string {
  if (name === "") throw new Error(`File command without a name: ${JSON.stringify(line)}`);
  return name;
}
