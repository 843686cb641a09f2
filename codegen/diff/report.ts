import { bumpOf } from "./semver.js";
import type { Change, DiffResult } from "./types.js";

/** Plain-text report for terminals: bump first, then breaking changes, then the rest grouped by bump. */
export function renderText(result: DiffResult): string {
  if (result.changes.length === 0) return "No changes (bump: none).\n";
  const lines = [`Bump: ${result.bump} (${countLine(result.changes)})`];
  for (const [title, changes] of groups(result.changes)) {
    if (changes.length === 0) continue;
    lines.push("", `${title}:`);
    for (const c of changes) lines.push(`  - [${c.kind}] ${c.location}: ${c.message}`);
  }
  return `${lines.join("\n")}\n`;
}

/** A section of a changelog entry: one spec version (e.g. "v2 spec") and its diff. */
export interface ChangelogSection {
  readonly title: string;
  readonly result: DiffResult;
}

/**
 * Markdown for one CHANGELOG.md entry. Breaking changes get their own heading, so a rename can never hide under
 * "Features" again (Together's own changelog did exactly that).
 */
export function renderChangelogEntry(version: string, sections: readonly ChangelogSection[], date?: string): string {
  const lines = [`## ${version}${date === undefined ? "" : ` (${date})`}`];
  for (const { title, result } of sections) {
    lines.push("", `### ${title}: ${result.bump === "none" ? "no changes" : `${result.bump} (${countLine(result.changes)})`}`);
    for (const [heading, changes] of groups(result.changes)) {
      if (changes.length === 0) continue;
      lines.push("", `#### ${heading}`, "");
      for (const c of changes) lines.push(`- \`${c.location}\`: ${c.message}`);
    }
  }
  return `${lines.join("\n")}\n`;
}

function groups(changes: readonly Change[]): [string, Change[]][] {
  return [
    ["Breaking changes", changes.filter((c) => bumpOf(c) === "major")],
    ["Features", changes.filter((c) => bumpOf(c) === "minor")],
    ["Fixes and documentation", changes.filter((c) => bumpOf(c) === "patch")],
  ];
}

function countLine(changes: readonly Change[]): string {
  const breaking = changes.filter((c) => c.breaking).length;
  const added = changes.filter((c) => c.kind.endsWith("-added")).length;
  const removed = changes.filter((c) => c.kind.endsWith("-removed")).length;
  return `${changes.length} change${changes.length === 1 ? "" : "s"}: ${breaking} breaking, ${added} added, ${removed} removed`;
}
