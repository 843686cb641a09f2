import { maxBump } from "../semver.js";
import type { Bump } from "../types.js";
import type { ExportSurface, PublicSurface, SurfaceChange } from "./types.js";

/**
 * Compares two public surfaces. Without knowing where a type flows, the rules stay conservative:
 * anything removed or changed is breaking; additions are not, except a new required member of an interface or
 * object type, which breaks code that builds such objects (flagged non-breaking, with that caveat in the message,
 * because most of these types are results the client builds for you). A new union member is reported like a new
 * response enum value: not breaking, but exhaustive `switch`es stop covering every case.
 */
export function compareSurfaces(before: PublicSurface, after: PublicSurface): { bump: Bump; changes: SurfaceChange[] } {
  const changes: SurfaceChange[] = [];
  const entries = [...new Set([...Object.keys(before.entries), ...Object.keys(after.entries)])].sort();
  for (const entry of entries) {
    const oldExports = before.entries[entry] ?? {};
    const newExports = after.entries[entry] ?? {};
    for (const name of Object.keys(oldExports)) {
      if (!(name in newExports)) {
        changes.push({ kind: "export-removed", location: `${entry}#${name}`, breaking: true, message: `Export "${name}" was removed from "${entry}".` });
      }
    }
    for (const [name, next] of Object.entries(newExports)) {
      const previous = oldExports[name];
      const location = `${entry}#${name}`;
      if (previous === undefined) {
        changes.push({ kind: "export-added", location, breaking: false, message: `New ${next.kind} export "${name}" in "${entry}".` });
      } else if (previous.kind !== next.kind) {
        changes.push({ kind: "export-kind-changed", location, breaking: true, message: `"${name}" changed from a ${previous.kind} to a ${next.kind}.` });
      } else {
        compareMembers(previous, next, location, changes);
      }
    }
  }
  const bump = changes.reduce<Bump>((acc, c) => maxBump(acc, c.breaking ? "major" : "minor"), "none");
  return { bump, changes };
}

function compareMembers(before: ExportSurface, after: ExportSurface, location: string, changes: SurfaceChange[]): void {
  const optionalTwin = (key: string) => (key.endsWith("?") ? key.slice(0, -1) : `${key}?`);
  for (const [key, text] of Object.entries(before.members)) {
    const at = `${location}.${key}`;
    const next = after.members[key];
    if (next === undefined) {
      const twin = optionalTwin(key);
      if (twin in after.members) {
        const nowOptional = twin.endsWith("?");
        changes.push({
          kind: "member-changed",
          location: at,
          breaking: true,
          message: nowOptional
            ? `"${key}" became optional: readers must now handle undefined.`
            : `"${key.slice(0, -1)}" became required: code that builds this type must now set it.`,
        });
        continue;
      }
      const what = after.kind === "union" || before.kind === "union" ? `Union member ${key}` : `Member "${key}"`;
      changes.push({ kind: "member-removed", location: at, breaking: true, message: `${what} was removed.` });
    } else if (next !== text) {
      changes.push({ kind: "member-changed", location: at, breaking: true, message: `"${key}" changed from \`${text}\` to \`${next}\`.` });
    }
  }
  for (const [key, text] of Object.entries(after.members)) {
    if (key in before.members || optionalTwin(key) in before.members) continue;
    const at = `${location}.${key}`;
    const message =
      after.kind === "union"
        ? `New union member ${key}: not breaking, but exhaustive \`switch\`es over this type no longer cover every case.`
        : after.kind === "function" || after.kind === "class"
          ? `New member "${key}": \`${text}\`.`
          : key.endsWith("?")
            ? `New optional member "${key}": \`${text}\`.`
            : `New required member "${key}": \`${text}\`; only code that constructs this type itself must add it.`;
    changes.push({ kind: "member-added", location: at, breaking: false, message });
  }
}
