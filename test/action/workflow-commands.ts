// Interprets the `::command::` lines an action prints to stdout, as the runner does.

export interface Annotation {
  level: "error" | "warning" | "notice";
  message: string;
  /** e.g. { file: "x", line: "1", title: "t" } from `::error file=x,line=1,title=t::msg`. */
  properties: Record<string, string>;
}

export interface WorkflowCommands {
  annotations: Annotation[];
  masks: string[];
  debug: string[];
  /** What the runner's log shows: command lines dropped, masks (known so far) replaced by ***. */
  log: string;
}

const COMMAND = /^::([A-Za-z-]+)(?: ([^:]*))?::(.*)$/;
const ANNOTATION_LEVELS = new Set(["error", "warning", "notice"]);

export function parseWorkflowCommands(stdout: string): WorkflowCommands {
  const parsed: WorkflowCommands = { annotations: [], masks: [], debug: [], log: "" };
  const logLines: string[] = [];
  let stopToken: string | undefined;
  for (const raw of stdout.split("\n")) {
    const line = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
    const match = COMMAND.exec(line.trimStart());
    if (stopToken !== undefined) {
      // `::stop-commands::T` makes every line plain text until `::T::`.
      if (line.trim() === `::${stopToken}::`) stopToken = undefined;
      else logLines.push(mask(line, parsed.masks));
      continue;
    }
    if (!match) {
      logLines.push(mask(line, parsed.masks));
      continue;
    }
    const [, name = "", props = "", data = ""] = match;
    const message = decodeEscapes(data, /%(25|0D|0A)/g);
    if (ANNOTATION_LEVELS.has(name)) {
      const level = name as Annotation["level"];
      parsed.annotations.push({ level, message, properties: parseProperties(props) });
      logLines.push(mask(`${level[0]?.toUpperCase()}${level.slice(1)}: ${message}`, parsed.masks));
    } else if (name === "add-mask") {
      if (message !== "") parsed.masks.push(message);
    } else if (name === "debug") {
      parsed.debug.push(message);
    } else if (name === "stop-commands") {
      stopToken = data;
    } else if (name === "group") {
      logLines.push(mask(message, parsed.masks));
    }
    // endgroup, echo and unknown commands leave no log line.
  }
  parsed.log = logLines.join("\n");
  return parsed;
}

function parseProperties(text: string): Record<string, string> {
  const properties: Record<string, string> = {};
  for (const pair of text.split(",")) {
    const equals = pair.indexOf("=");
    if (equals > 0)
      properties[pair.slice(0, equals)] = decodeEscapes(
        pair.slice(equals + 1),
        /%(25|0D|0A|3A|2C)/g,
      );
  }
  return properties;
}

const CODES: Record<string, string> = { "25": "%", "0D": "\r", "0A": "\n", "3A": ":", "2C": "," };

/** Reverses @actions/core's escaping in one left-to-right pass, so `%250A` stays `%0A`. */
function decodeEscapes(text: string, codes: RegExp): string {
  return text.replace(codes, (_, code: string) => CODES[code] ?? "");
}

function mask(line: string, masks: string[]): string {
  return masks.reduce((text, secret) => text.split(secret).join("***"), line);
}
