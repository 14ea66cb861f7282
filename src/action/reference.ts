// The reference tables of docs/action.md and docs/cli.md, generated from the same input specs as
// the action.yml files and --help, so the docs cannot drift from the code. `npm run generate`
// writes them between markers; a test fails when one is stale. (Not part of the npm package.)
import { OPTION_SPECS, type OptionSpec } from "../cli/options.js";
import { PLATFORMS } from "../platforms/registry.js";
import {
  actionOnlyInputs,
  type Declared,
  outputs,
  PLATFORM_TITLES,
  platformGroups,
} from "./metadata.js";

/** A Markdown table cell: no line breaks, and `|` escaped. */
function cell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/\s*\n\s*/g, " ");
}

function code(text: string): string {
  return `\`${text}\``;
}

function table(header: string[], rows: string[][]): string {
  return [
    `| ${header.join(" | ")} |`,
    `| ${header.map(() => "---").join(" | ")} |`,
    ...rows.map((row) => `| ${row.map(cell).join(" | ")} |`),
  ].join("\n");
}

function inputTable(inputs: Declared[]): string {
  return table(
    ["input", "default", "description"],
    inputs.map((i) => [
      code(i.name),
      i.default === undefined ? "" : code(i.default),
      i.description,
    ]),
  );
}

/** The generated part of docs/action.md: each action's inputs and outputs. */
export function actionReference(): string {
  const sections: string[] = [];
  for (const platform of PLATFORMS) {
    const title = PLATFORM_TITLES[platform.id] ?? platform.title;
    const inputs = [
      ...actionOnlyInputs(platform),
      ...platformGroups(platform).flatMap((g) => g.inputs),
    ];
    sections.push(
      `### ${title}: \`tenant-promote/tenant-promote/${platform.id}\``,
      "",
      inputTable(inputs),
      "",
      "Outputs:",
      "",
      table(
        ["output", "description"],
        outputs(platform).map((o) => [code(o.name), o.description]),
      ),
      "",
    );
  }
  const root = [
    ...actionOnlyInputs(undefined),
    ...platformGroups(undefined).flatMap((g) => g.inputs),
  ];
  sections.push(
    "### Every platform: `tenant-promote/tenant-promote`",
    "",
    "The root action declares every platform's inputs; `platform:` picks the platform.",
    "",
    inputTable(root),
    "",
    "Outputs:",
    "",
    table(
      ["output", "description"],
      outputs(undefined).map((o) => [code(o.name), o.description]),
    ),
  );
  return sections.join("\n");
}

function optionTable(specs: OptionSpec[]): string {
  return table(
    ["flag", "environment variables", "default", "meaning"],
    specs.map((spec) => [
      code(`--${spec.name}${spec.placeholder ? ` ${spec.placeholder}` : ""}`),
      spec.env.map(code).join(", "),
      spec.default === undefined ? "" : code(spec.default),
      spec.help,
    ]),
  );
}

/** The generated part of docs/cli.md: every option, its variables and default, by platform. */
export function cliReference(): string {
  const sections = [
    "### Every platform",
    "",
    optionTable(OPTION_SPECS.filter((spec) => !spec.platforms)),
  ];
  for (const platform of PLATFORMS) {
    sections.push(
      "",
      `### \`--platform ${platform.id}\` (${PLATFORM_TITLES[platform.id] ?? platform.title})`,
      "",
      optionTable(OPTION_SPECS.filter((spec) => spec.platforms?.includes(platform.id))),
    );
  }
  return sections.join("\n");
}

/** Each generated doc section: the file, and the text between its markers. */
export const GENERATED_SECTIONS = [
  { file: "docs/action.md", marker: "action-reference", text: actionReference },
  { file: "docs/cli.md", marker: "cli-reference", text: cliReference },
] as const;

export const markers = (marker: string) => ({
  start: `<!-- generated: ${marker} (npm run generate writes it from the input specs; do not edit) -->`,
  end: `<!-- end generated: ${marker} -->`,
});

/** `doc` with the section between its markers replaced by `text`; throws when a marker is missing. */
export function withGeneratedSection(doc: string, marker: string, text: string): string {
  const { start, end } = markers(marker);
  const from = doc.indexOf(start);
  const to = doc.indexOf(end);
  if (from < 0 || to < from) throw new Error(`the markers of ${marker} are missing`);
  return `${doc.slice(0, from + start.length)}\n\n${text}\n\n${doc.slice(to)}`;
}
