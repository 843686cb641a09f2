import { maxBump } from "../semver.js";
import type { Bump } from "../types.js";
import type { AssignabilityOracle, AssignabilityQuery } from "./assignability.js";
import type { ExportSurface, PublicSurface, SurfaceChange } from "./types.js";
import { describeTypeChange, shortType } from "./type-text.js";

/**
 * Compares two public surfaces. Without knowing where a type flows, the rules stay conservative:
 * anything removed is breaking; a changed member is breaking unless the compiler (the optional `oracle`, run over
 * the new build) proves it compatible: a signature whose new form is assignable to the old one (callers' code still
 * type-checks), or a property type equivalent both ways. Additions are not breaking; a new required member of an
 * interface or object type is flagged in the message, since it breaks code that builds such objects itself.
 * A new union member is reported like a new response enum value: not breaking, but exhaustive `switch`es stop
 * covering every case; so is a property whose type the compiler proves only widened (every old value still fits:
 * a new status value inside a nested answer type, say).
 */
export function compareSurfaces(before: PublicSurface, after: PublicSurface, oracle?: AssignabilityOracle): { bump: Bump; changes: SurfaceChange[] } {
  const changes: SurfaceChange[] = [];
  const pending: PendingChange[] = [];
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
        compareMembers(entry, previous, next, location, changes, pending);
      }
    }
  }
  resolvePending(pending, oracle, changes);
  const bump = changes.reduce<Bump>((acc, c) => maxBump(acc, c.breaking ? "major" : "minor"), "none");
  return { bump, changes };
}

/** A changed member whose compatibility the compiler may be able to prove. */
interface PendingChange {
  readonly index: number;
  readonly queries: readonly AssignabilityQuery[];
  readonly compatibleMessage: string;
  /** The message when the compiler proves the type (or a signature's result) only widened. */
  readonly widenedMessage?: string;
  /** Reads the oracle's answers to `queries`. */
  readonly judge: (results: readonly (boolean | undefined)[]) => "compatible" | "widened" | undefined;
}

function resolvePending(pending: readonly PendingChange[], oracle: AssignabilityOracle | undefined, changes: SurfaceChange[]): void {
  if (oracle === undefined || pending.length === 0) return;
  const answers = oracle(pending.flatMap((p) => p.queries));
  let next = 0;
  for (const p of pending) {
    const results = answers.slice(next, next + p.queries.length);
    next += p.queries.length;
    const change = changes[p.index];
    const verdict = p.judge(results);
    if (change === undefined || verdict === undefined) continue;
    const message = verdict === "compatible" ? p.compatibleMessage : p.widenedMessage;
    if (message !== undefined) changes[p.index] = { ...change, breaking: false, message };
  }
}

const signatureKey = /^(call|new)(#\d+)?$/;

function compareMembers(entry: string, before: ExportSurface, after: ExportSurface, location: string, changes: SurfaceChange[], pending: PendingChange[]): void {
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
      const message = `"${key}" changed ${describeTypeChange(text, next)}.`;
      pending.push(pendingCheck(entry, key, text, next, changes.length, message));
      changes.push({ kind: "member-changed", location: at, breaking: true, message });
    }
  }
  for (const [key, text] of Object.entries(after.members)) {
    if (key in before.members || optionalTwin(key) in before.members) continue;
    const at = `${location}.${key}`;
    const message =
      after.kind === "union"
        ? `New union member ${key}: not breaking, but exhaustive \`switch\`es over this type no longer cover every case.`
        : after.kind === "function" || after.kind === "class"
          ? `New member "${key}": \`${shortType(text)}\`.`
          : key.endsWith("?")
            ? `New optional member "${key}": \`${shortType(text)}\`.`
            : `New required member "${key}": \`${shortType(text)}\`; only code that constructs this type itself must add it.`;
    changes.push({ kind: "member-added", location: at, breaking: false, message });
  }
}

/**
 * Signatures (calls, constructors, methods) are safe when the new one is assignable to the old one: every call
 * written against the old signature still type-checks. Properties flow both ways (read from results, written into
 * options), so they are safe only when the types are equivalent.
 *
 * Widening is judged like a new union member (not breaking, exhaustive `switch`es warned): a property whose type only
 * grew (every old value still fits), or a signature whose parameters are unchanged and whose result only grew. Only
 * for plain data: a function inside the type turns widening around (a parameter that narrowed makes a function type
 * "wider", and callers' arguments stop fitting), so a type with any arrow in it beyond the signature's own is left
 * to the equivalence rules.
 */
function pendingCheck(entry: string, key: string, oldText: string, newText: string, index: number, message: string): PendingChange {
  const strip = (text: string) => text.replace(/^readonly /, "");
  const isSignature = signatureKey.test(key) || /^[(<]/.test(strip(oldText));
  const from = strip(newText);
  const to = strip(oldText);
  const stem = message.slice(0, -1);
  const why = isSignature ? "the new signature accepts every call the old one did" : "the types are equivalent";
  const compatibleMessage = `${stem}; compatible: ${why}.`;
  const widenedMessage = `${stem}; widened: every value of the old ${isSignature ? "result" : "type"} still fits, so not breaking, but exhaustive \`switch\`es and assignments to the old type no longer cover every case.`;
  const arrows = (text: string) => text.split("=>").length - 1;
  const ownArrows = isSignature ? 1 : 0;
  const plainData = arrows(oldText) === ownArrows && arrows(newText) === ownArrows && !/^</.test(to) && !/^</.test(from);
  if (isSignature) {
    const compatible = { entry, from, to };
    if (!plainData) return { index, queries: [compatible], compatibleMessage, judge: ([ok]) => (ok === true ? "compatible" : undefined) };
    const queries = [
      compatible,
      { entry, from: `Parameters<${to}>`, to: `Parameters<${from}>` },
      { entry, from: `Parameters<${from}>`, to: `Parameters<${to}>` },
      { entry, from: `ReturnType<${to}>`, to: `ReturnType<${from}>` },
    ];
    const judge = (results: readonly (boolean | undefined)[]) =>
      results[0] === true ? "compatible" : results.slice(1).every((r) => r === true) ? "widened" : undefined;
    return { index, queries, compatibleMessage, widenedMessage, judge };
  }
  // [new → old, old → new]: both hold, equivalent; only the second, the type grew.
  const queries = [
    { entry, from, to },
    { entry, from: to, to: from },
  ];
  const judge = ([forward, backward]: readonly (boolean | undefined)[]) =>
    forward === true && backward === true ? "compatible" : plainData && forward === false && backward === true ? "widened" : undefined;
  return { index, queries, compatibleMessage, widenedMessage, judge };
}
