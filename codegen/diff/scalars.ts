import type { DiffContext, Location } from "./context.js";
import type { SchemaView } from "./schema-view.js";
import type { Direction } from "./types.js";

/**
 * Direction rule used throughout: a request schema may widen (callers' old values stay valid), a response schema
 * may narrow (old readers still cope). The opposite move breaks someone.
 */

/** Records a type change; returns true when both sides are still the same structural kind, so the walk continues. */
export function compareTypes(ctx: DiffContext, o: SchemaView, n: SchemaView, direction: Direction, here: Location): boolean {
  if (sameSet(o.types, n.types)) return true;
  const safe = direction === "request" ? typesWiden(o.types, n.types) : typesWiden(n.types, o.types);
  const why = safe
    ? direction === "request"
      ? "it accepts everything it accepted before"
      : "it returns a subset of what it returned before"
    : direction === "request"
      ? "values callers send today may no longer be accepted or compile"
      : "responses may now carry values that existing code does not expect";
  ctx.add(
    "type-changed",
    here,
    !safe,
    `The ${direction} type changed from ${formatTypes(o.types)} to ${formatTypes(n.types)}; ${safe ? "not breaking" : "breaking"} because ${why}.`,
  );
  const structural = ["object", "array"];
  return structural.some((t) => o.types.has(t) && n.types.has(t)) || (o.types.size === 0 && n.types.size === 0);
}

/** True when every value of type set `from` is also valid under `to` (empty set = any). */
function typesWiden(from: ReadonlySet<string>, to: ReadonlySet<string>): boolean {
  if (to.size === 0) return true;
  if (from.size === 0) return false;
  return [...from].every((t) => to.has(t) || (t === "integer" && to.has("number")));
}

/** Format pairs where the second accepts every value of the first. */
const formatWidenings = new Set(["int32>int64", "uint32>int64", "float>double", "int32>number", "date>date-time"]);

function formatWidens(from: string | undefined, to: string | undefined): boolean {
  if (to === undefined) return true;
  if (from === undefined) return false;
  return formatWidenings.has(`${from}>${to}`);
}

export function compareFormats(ctx: DiffContext, o: SchemaView, n: SchemaView, direction: Direction, here: Location): void {
  if (o.format === n.format) return;
  const safe = direction === "request" ? formatWidens(o.format, n.format) : formatWidens(n.format, o.format);
  ctx.add(
    "format-changed",
    here,
    !safe,
    `The ${direction} format changed from ${o.format ?? "(none)"} to ${n.format ?? "(none)"}; ` +
      (safe ? "compatible in this direction." : "values valid before may be rejected or misread now."),
  );
}

export function compareEnums(ctx: DiffContext, o: SchemaView, n: SchemaView, direction: Direction, here: Location): void {
  const before = o.enumValues;
  const after = n.enumValues;
  if (before === undefined && after === undefined) return;
  if (before === undefined || after === undefined) {
    compareEnumPresence(ctx, before === undefined, direction, here, after ?? before ?? []);
    return;
  }
  const beforeKeys = new Set(before.map(enumKey));
  const afterKeys = new Set(after.map(enumKey));
  for (const value of after) {
    if (beforeKeys.has(enumKey(value))) continue;
    const note =
      direction === "request"
        ? "callers may now send it"
        : "not wire-breaking, but exhaustive `switch`es over this union no longer cover every case: add a default branch";
    ctx.add("enum-value-added", here, false, `New ${direction} enum value ${JSON.stringify(value)}; ${note}.`);
  }
  for (const value of before) {
    if (afterKeys.has(enumKey(value))) continue;
    const why =
      direction === "request"
        ? "requests that send it are now invalid"
        : "the generated union loses it, so code that compares against it stops compiling";
    ctx.add("enum-value-removed", here, true, `${direction} enum value ${JSON.stringify(value)} was removed; ${why}.`);
  }
}

/** An enum appeared on a free value (narrowing) or disappeared (widening). */
function compareEnumPresence(ctx: DiffContext, appeared: boolean, direction: Direction, here: Location, values: readonly unknown[]): void {
  const list = values.map((v) => JSON.stringify(v)).join(", ");
  const narrowing = appeared;
  const breaking = direction === "request" ? narrowing : !narrowing;
  const message = appeared
    ? `The ${direction} value is now restricted to the enum [${list}]` +
      (breaking ? "; values sent today outside it become invalid." : "; readers only see fewer possibilities.")
    : `The ${direction} value is no longer restricted to the enum [${list}]` +
      (breaking ? "; code that handles only those values can now receive others." : "; callers may send any value now.");
  ctx.add("type-changed", here, breaking, message);
}

function enumKey(value: unknown): string {
  return JSON.stringify(value);
}

function sameSet(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  return a.size === b.size && [...a].every((x) => b.has(x));
}

function formatTypes(types: ReadonlySet<string>): string {
  return types.size === 0 ? "any" : [...types].sort().join(" | ");
}
