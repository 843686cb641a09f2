/**
 * What `npm run release` would do, computed without side effects: the next version from the spec diff since the
 * last release tag together with the public .d.ts surface diff, and the CHANGELOG entry for it.
 */
import type { SurfaceChange } from "./surface/types.js";
import { generatedFromLine, type RegenerationSummary, type SpecSource, type SpecVersion, apiVersions } from "./regeneration.js";
import { renderChangelogEntry } from "./report.js";
import { maxBump, nextVersion } from "./semver.js";
import type { Bump } from "./types.js";

export interface ReleaseInputs {
  readonly currentVersion: string;
  /** The tag compared with, or undefined for the first release. */
  readonly since: string | undefined;
  readonly spec: RegenerationSummary;
  readonly sources: Readonly<Record<SpecVersion, SpecSource>>;
  readonly surface: { readonly bump: Bump; readonly changes: readonly SurfaceChange[] };
  readonly date: string;
}

export interface ReleasePlan {
  readonly bump: Bump;
  readonly version: string;
  readonly tag: string;
  readonly changelogEntry: string;
}

export function planRelease(inputs: ReleaseInputs): ReleasePlan {
  const bump = maxBump(inputs.spec.bump, inputs.surface.bump);
  const version = nextVersion(inputs.currentVersion, bump);
  return { bump, version, tag: `v${version}`, changelogEntry: changelogEntry(version, inputs) };
}

function changelogEntry(version: string, inputs: ReleaseInputs): string {
  const sections = apiVersions.flatMap((v) => {
    const result = inputs.spec.versions[v];
    return result === undefined || result.bump === "none" ? [] : [{ title: `${v} spec`, result }];
  });
  const [heading, ...rest] = renderChangelogEntry(version, sections, inputs.date).trimEnd().split("\n");
  const lines = [heading ?? `## ${version}`, "", generatedFromLine(inputs.sources), ...rest];
  if (inputs.surface.changes.length > 0) {
    lines.push("", `### Public API (.d.ts): ${inputs.surface.bump}`, "");
    for (const c of inputs.surface.changes) lines.push(`- ${c.breaking ? "**breaking** " : ""}\`${c.location}\`: ${c.message}`);
  }
  const breaking = [
    ...apiVersions.flatMap((v) => (inputs.spec.versions[v]?.changes ?? []).filter((c) => c.breaking).map((c) => `- \`${c.location}\` (${v}): ${c.message}`)),
    ...inputs.surface.changes.filter((c) => c.breaking).map((c) => `- \`${c.location}\`: ${c.message}`),
  ];
  if (breaking.length > 0) {
    lines.push(
      "",
      "### Migrating",
      "",
      `Upgrading from ${inputs.since ?? "the previous version"} breaks code at each place below: run \`tsc\` after upgrading; its errors point at the uses of these fields, parameters and exports. Read each field's new type from the generated types, and drop or rename what was removed.`,
      "",
      ...breaking,
    );
  }
  if (sections.length === 0 && inputs.surface.changes.length === 0) lines.push("", "No spec or public API changes.");
  return `${lines.join("\n")}\n`;
}

/** CHANGELOG.md with `entry` inserted above the newest entry (after the file's preamble). */
export function insertChangelogEntry(changelog: string, entry: string): string {
  const at = changelog.search(/^## /m);
  return at < 0 ? `${changelog.trimEnd()}\n\n${entry}` : `${changelog.slice(0, at)}${entry}\n${changelog.slice(at)}`;
}
