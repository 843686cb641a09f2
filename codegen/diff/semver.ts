import { bumpLevels, type Bump, type Change, type ChangeKind } from "./types.js";

/**
 * Kinds that change neither the wire nor any name a caller writes.
 * `schema-renamed` is here because a renamed component with an unchanged shape only renames an internal
 * generated type (`schema-moved` likewise: the same shape inlined, referenced or merged): the public surface (checked separately by `scripts/api-surface.ts`) does not export wire types.
 */
const patchKinds = new Set<ChangeKind>(["docs-changed", "schema-renamed", "schema-moved", "servers-changed", "extension-changed"]);

/**
 * Semver policy for a generated client:
 * - anything breaking (removals, renames, new required request inputs, incompatible type changes) → major;
 * - docs-only, pure schema renames and server URL changes → patch;
 * - every other non-breaking change (additions, widened inputs, new response enum values) → minor.
 */
export function bumpOf(change: Change): Bump {
  if (change.breaking) return "major";
  return patchKinds.has(change.kind) ? "patch" : "minor";
}

/** The strongest bump among `changes`, or `none` when there are none. */
export function overallBump(changes: readonly Change[]): Bump {
  return changes.reduce<Bump>((acc, change) => maxBump(acc, bumpOf(change)), "none");
}

export function maxBump(a: Bump, b: Bump): Bump {
  return bumpLevels.indexOf(a) >= bumpLevels.indexOf(b) ? a : b;
}

/** Applies `bump` to a semver `x.y.z` string. Pre-1.0 packages keep the 0.x convention: major → 0.(y+1).0. */
export function nextVersion(current: string, bump: Bump): string {
  const match = /^(\d+)\.(\d+)\.(\d+)$/.exec(current);
  if (!match) throw new Error(`nextVersion: "${current}" is not a plain x.y.z semver version`);
  const [major, minor, patch] = [Number(match[1]), Number(match[2]), Number(match[3])];
  switch (bump) {
    case "none":
      return current;
    case "patch":
      return `${major}.${minor}.${patch + 1}`;
    case "minor":
      return major === 0 ? `0.${minor}.${patch + 1}` : `${major}.${minor + 1}.0`;
    case "major":
      return major === 0 ? `0.${minor + 1}.0` : `${major + 1}.0.0`;
  }
}
