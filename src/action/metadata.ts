// The action's metadata, generated: the root action.yml (every platform) and one action.yml per
// platform folder (aic/, pingone/, arcgis/), all from the input specs the code reads, so a
// declared input and the code can never drift apart. `npm run generate` writes the files.
import { watchedModes } from "../faces/watch-issue.js";
import { COMMON_INPUTS, defaultMode } from "../platforms/common.js";
import type { InputSpec, Platform } from "../platforms/platform.js";
import { PLATFORMS, platformInputs } from "../platforms/registry.js";

/** An input or output as action.yml declares it. */
export interface Declared {
  name: string;
  description: string;
  default?: string;
}

/** Per platform: the action's description, and the words its outputs use. */
const ACTIONS: Record<string, { description: string }> = {
  aic: {
    description:
      "Promote configuration between PingOne Advanced Identity Cloud environments (self-service promotions) from a reviewed dry run, and roll back; the post step always releases the lock.",
  },
  pingone: {
    description:
      "Promote configuration between PingOne Platform environments (Configuration Management promotions) from a reviewed plan, and roll back; drafts are always deleted.",
  },
  arcgis: {
    description:
      "Roll back a patch of ArcGIS Enterprise on Kubernetes and follow the job to its end, or preview the rollback and read the organization's version.",
  },
};

const ROOT_DESCRIPTION =
  "Reviewable, guarded configuration promotion and rollback for PingOne Advanced Identity Cloud, PingOne Platform and ArcGIS Enterprise on Kubernetes; the post step always releases what the run took.";

export const PLATFORM_TITLES: Record<string, string> = {
  aic: "PingOne Advanced Identity Cloud",
  pingone: "PingOne Platform",
  arcgis: "ArcGIS Enterprise on Kubernetes",
};

/** Inputs only the action has (the CLI has flags of its own for these). */
export function actionOnlyInputs(platform: Platform | undefined): Declared[] {
  const modes = platform ? platform.modes : undefined;
  const mode: Declared = platform
    ? {
        name: "mode",
        description: `What to run: ${modes?.join(", ")}.`,
        default: defaultMode(platform),
      }
    : {
        name: "mode",
        description:
          "preview, dry-run, promote, rollback-preview, rollback, status or unlock (each platform offers the ones its API has); default: dry-run where the platform has it (AIC, PingOne), else status (ArcGIS)",
      };
  const platformInput: Declared = platform
    ? {
        name: "platform",
        description: `Set by this action: ${platform.id}. Leave it as it is.`,
        default: platform.id,
      }
    : {
        name: "platform",
        description:
          "aic (PingOne Advanced Identity Cloud, the default), pingone (PingOne Platform) or arcgis (ArcGIS Enterprise on Kubernetes); or the one the environments file gives the target",
      };
  const promotes = !platform || platform.modes.includes("promote");
  return [
    mode,
    platformInput,
    {
      name: "config",
      description: "A YAML file naming the environments and which one each promotes from.",
    },
    {
      name: "target",
      description:
        platform?.needsSource === false
          ? "With config: the environment to act on (name, or group/name)."
          : "With config: the upper environment (name, or group/name); its lower one comes from the file.",
    },
    // promotion-id names nothing on a platform without promotions (ArcGIS).
    ...COMMON_INPUTS.filter(
      (spec) => spec.name !== "promotion-id" || platform?.promotionIdForm !== "none",
    ).map(declared),
    {
      name: "github-token",
      description: "Token for the PR comment, the watch issue and the reviewed-report check.",
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub expression, not a template
      default: "${{ github.token }}",
    },
    {
      name: "comment",
      description: "auto (pull_request events, and pushes of a PR's commit), always or never.",
      default: "auto",
    },
    {
      name: "issue",
      description: `off, or pending: a read-only mode (${platform ? watchedModes(platform).join(", ") : "preview or dry-run on AIC and PingOne, rollback-preview or status on ArcGIS"}) keeps one issue per target open while something is pending, and closes it once in sync. Needs \`issues: write\`.`,
      default: "off",
    },
    ...(promotes
      ? [
          {
            name: "require-reviewed-report",
            description:
              "promote: refuse unless the fresh dry run's report hash equals the one in the merged PR's comment.",
            default: "false",
          },
        ]
      : []),
    {
      name: "deployment-environment",
      description:
        "promote and rollback: a GitHub environment to show the run in as a deployment (needs deployments: write); empty: none.",
    },
  ];
}

function declared(spec: InputSpec): Declared {
  return {
    name: spec.name,
    description: spec.actionHelp ?? spec.help,
    default: spec.type === "boolean" ? (spec.default ?? "false") : spec.default,
  };
}

/** Outputs: every platform's words, or one platform's. */
export function outputs(platform: Platform | undefined): Declared[] {
  // Each platform's words, with no closing period: joined into one sentence per platform.
  const pick = (words: Record<string, string>, common = "") => {
    if (platform) return `${common}${words[platform.id] ?? ""}`;
    const each = Object.entries(words).map(([id, text]) => `${id}: ${text}`);
    return common ? `${common.replace(/, $/, "")} (${each.join("; ")})` : each.join(". ");
  };
  return [
    { name: "result", description: "succeeded, no-change or failed" },
    {
      name: "failure-reason",
      description: pick(
        {
          aic: "missing-esvs, encrypted-secrets, blocking-error, release-upgrade, content-unreadable",
          pingone: "validation-failed, promotion-error, unknown-environment",
          arcgis: "job-failed, and usage for a rollback-to the organization does not offer",
        },
        "Why it failed: lock-conflict, promotion-mismatch, timeout, cancelled, auth, api-error, report-changed, report-unreviewed, usage, ",
      ),
    },
    {
      name: "promotion-id",
      description: pick({
        aic: "the promotion id of the lock this run took (for unlock, released)",
        pingone:
          "the promotion this run created or executed (for rollback, the rollback promotion)",
        arcgis: "empty",
      }),
    },
    {
      name: "report-id",
      description: pick({
        aic: "the id of the report the run produced",
        pingone: "the promotion id, as its plan is the report",
        arcgis: "empty",
      }),
    },
    {
      name: "changes",
      description: pick(
        { aic: "configuration items", pingone: "plan steps", arcgis: "patches removed" },
        "Number of changes in the report: ",
      ),
    },
    { name: "report-hash", description: "Content hash of the report's changes" },
    { name: "report-file", description: "Path of the report JSON in RUNNER_TEMP" },
    {
      name: "environment-url",
      description: `For a job's environment.url: the target's admin console, empty without a target (${pick(
        {
          aic: "the upper tenant's platform admin UI",
          pingone: "the target environment in the PingOne admin console of its region",
          arcgis: "the organization's Enterprise Manager",
        },
      ).replace(/\. /g, "; ")})`,
    },
  ];
}

/** The platform inputs an action declares, by platform: one platform's, or every platform's. */
export function platformGroups(
  platform: Platform | undefined,
): Array<{ id: string; title: string; inputs: Declared[] }> {
  return (platform ? [platform] : PLATFORMS).map((group) => ({
    id: group.id,
    title: PLATFORM_TITLES[group.id] ?? group.title,
    // The root file declares an input shared by several platforms once, under the first.
    inputs: (platform
      ? platform.inputs
      : platformInputs().filter((spec) => spec.platforms[0] === group.id)
    ).map(declared),
  }));
}

function quoted(text: string): string {
  // A JSON string is a valid YAML double-quoted scalar.
  return JSON.stringify(text);
}

function inputLines(input: Declared): string[] {
  const lines = [`  ${input.name}:`, `    description: ${quoted(input.description)}`];
  lines.push("    required: false");
  if (input.default !== undefined) {
    const value = input.default.startsWith("${{") ? input.default : quoted(input.default);
    lines.push(`    default: ${value}`);
  }
  return lines;
}

/** action.yml for one platform's folder, or the root one (every platform) without an id. */
export function actionYml(platformId?: string): string {
  const platform = platformId ? PLATFORMS.find((p) => p.id === platformId) : undefined;
  if (platformId && !platform) throw new Error(`unknown platform ${platformId}`);
  const lines = [
    "# Generated by `npm run generate` from the input specs in src/: do not edit by hand.",
    `name: ${quoted(platform ? `tenant-promote ${PLATFORM_TITLES[platform.id] ?? platform.title}` : "tenant-promote")}`,
    `description: ${quoted(platform ? (ACTIONS[platform.id]?.description ?? platform.title) : ROOT_DESCRIPTION)}`,
    "author: tenant-promote",
    "branding:",
    "  icon: git-merge",
    "  color: blue",
    "",
    "inputs:",
    "  # Every platform",
    ...actionOnlyInputs(platform).flatMap(inputLines),
  ];
  for (const group of platformGroups(platform)) {
    lines.push(`  # ${group.title} (platform: ${group.id})`);
    lines.push(...group.inputs.flatMap(inputLines));
  }
  lines.push("", "outputs:");
  for (const output of outputs(platform))
    lines.push(`  ${output.name}:`, `    description: ${quoted(output.description)}`);
  const bundle = platform ? "../dist/index.js" : "dist/index.js";
  lines.push(
    "",
    "runs:",
    "  using: node24",
    `  main: ${bundle}`,
    `  post: ${bundle}`,
    "  post-if: always()",
    "",
  );
  return lines.join("\n");
}

/** Every generated action.yml, by path from the repository root. */
export function actionFiles(): Record<string, string> {
  const files: Record<string, string> = { "action.yml": actionYml() };
  for (const platform of PLATFORMS) files[`${platform.id}/action.yml`] = actionYml(platform.id);
  return files;
}
