import { DiffContext, Location } from "./context.js";
import { compareDocs } from "./docs.js";
import { compareEnums, compareFormats, compareTypes } from "./scalars.js";
import { matchRenames, type RenameCandidate } from "./renames.js";
import { propertyPointer, schemaDocKeys, viewSchema, type SchemaView } from "./schema-view.js";
import { isObject } from "./refs.js";
import type { Direction, JsonObject } from "./types.js";

/** A schema on one side of the diff: the raw node plus where it sits, for `$ref` resolution and errors. */
export interface SchemaAt {
  readonly raw: unknown;
  readonly pointer: string;
}

/**
 * Compares two schemas used in `direction` and records every difference under `location`.
 * Entering a component (`$ref`) re-roots the location at the component and compares it once per direction.
 */
export function compareSchema(ctx: DiffContext, before: SchemaAt, after: SchemaAt, direction: Direction, location: Location): void {
  const o = viewSchema(ctx.oldDoc, before.raw, before.pointer, "old");
  const n = viewSchema(ctx.newDoc, after.raw, after.pointer, "new");
  if ((o.refName === undefined) !== (n.refName === undefined)) {
    reportSchemaReplaced(ctx, o, n, direction, location);
    return;
  }
  compareViews(ctx, o, n, direction, location);
}

/**
 * A body or field that switches between an inline schema and a component (e.g. POST now answers `GPUClusterInfo`
 * instead of `{cluster_id}`) is one change at the place of use, summarizing how the shape differs there. Listing
 * the component's every field as "new" at each place that now uses it would bury the change (twelve fields, twice,
 * for an unchanged schema); saying nothing when a component gets inlined would hide a generated name change.
 */
function reportSchemaReplaced(ctx: DiffContext, o: SchemaView, n: SchemaView, direction: Direction, location: Location): void {
  const scratch = new DiffContext(ctx.oldDoc, ctx.newDoc);
  compareViews(scratch, o, n, direction, location);
  const describe = (view: SchemaView) => (view.refName === undefined ? "an inline schema" : `the component "${view.refName}"`);
  const here = location.toString();
  const isField = (kind: string) => (c: { kind: string; location: string }) => c.kind === kind && c.location.startsWith(`${here}${location.path === "" ? ": " : "."}`);
  const added = scratch.changes.filter(isField("field-added"));
  const removed = scratch.changes.filter(isField("field-removed"));
  // Everything but the fields this place gains or loses is reported as it is (a type change stays a type change).
  for (const change of scratch.changes) if (!added.includes(change) && !removed.includes(change)) ctx.changes.push(change);
  if (scratch.changes.length > 0 && added.length === 0 && removed.length === 0) return;
  const fieldNames = (changes: readonly { location: string }[]) => changes.map((c) => c.location.slice(here.length).replace(/^[:.] ?/, "")).join(", ");
  const parts = [
    added.length > 0 ? `${added.length} field(s) new here (${fieldNames(added)})` : undefined,
    removed.length > 0 ? `${removed.length} field(s) gone (${fieldNames(removed)})` : undefined,
  ].filter((part) => part !== undefined);
  const newHere = new Set(fieldNames(added).split(", "));
  const enums = n.refName === undefined ? [] : enumFieldNotes(ctx, n, direction).filter((note) => newHere.has(note.name)).map((note) => note.text);
  ctx.add(
    parts.length === 0 ? "schema-moved" : "schema-replaced",
    location,
    [...added, ...removed].some((c) => c.breaking),
    `The ${direction} schema is now ${describe(n)} (before: ${describe(o)}); ` +
      (parts.length === 0 ? "same shape, so only the generated type's name changes." : `compared with before: ${parts.join("; ")}.`) +
      (enums.length === 0 ? "" : ` ${enums.join(" ")}`),
  );
}

/** Enum fields a newly referenced response component brings: their values, and what an exhaustive switch needs. */
function enumFieldNotes(ctx: DiffContext, view: SchemaView, direction: Direction): { name: string; text: string }[] {
  if (direction !== "response") return [];
  return visibleProperties(ctx, view, "new", direction)
    .filter((p) => p.view.enumValues !== undefined)
    .map((p) => ({
      name: p.name,
      text: `Field "${p.name}" is an enum (${enumList(p.view)}): exhaustive \`switch\`es over it must cover every value or have a default branch.`,
    }));
}

function enumList(view: SchemaView): string {
  return (view.enumValues ?? []).map((value) => JSON.stringify(value)).join(", ");
}

function compareViews(ctx: DiffContext, o: SchemaView, n: SchemaView, direction: Direction, location: Location): void {
  let here = location;
  // Only a component on both sides is shared state worth re-rooting at; a schema inlined on one side is reported
  // where it is used (and cannot recurse forever, since the inline side is finite).
  if (o.refName !== undefined && n.refName !== undefined) {
    if (!ctx.firstVisit(`${direction}|${o.pointer}|${n.pointer}`)) return;
    noteSchemaRename(ctx, o, n);
    here = Location.component(n.refName, direction);
  }
  compareDocs(ctx, o.docs, n.docs, schemaDocKeys, here);
  const sameKind = compareTypes(ctx, o, n, direction, here);
  compareFormats(ctx, o, n, direction, here);
  compareEnums(ctx, o, n, direction, here);
  if (!sameKind) return;
  if (o.properties.size > 0 || n.properties.size > 0) compareProperties(ctx, o, n, direction, here);
  if (o.items !== undefined && n.items !== undefined) {
    compareSchema(ctx, { raw: o.items, pointer: `${o.pointer}/items` }, { raw: n.items, pointer: `${n.pointer}/items` }, direction, here.items());
  }
  if (o.additionalProperties !== undefined && n.additionalProperties !== undefined) {
    compareSchema(
      ctx,
      { raw: o.additionalProperties, pointer: `${o.pointer}/additionalProperties` },
      { raw: n.additionalProperties, pointer: `${n.pointer}/additionalProperties` },
      direction,
      here.values(),
    );
  }
  compareVariants(ctx, o, n, direction, here);
}

/** A `$ref` that points to a new name while the old name is gone from the spec: a rename, wire unchanged by itself. */
function noteSchemaRename(ctx: DiffContext, o: SchemaView, n: SchemaView): void {
  if (o.refName === undefined || n.refName === undefined || o.refName === n.refName) return;
  if (componentExists(ctx.newDoc, o.refName) || componentExists(ctx.oldDoc, n.refName)) return;
  if (!ctx.firstVisit(`rename|${o.refName}|${n.refName}`)) return;
  let claims = renameClaims.get(ctx);
  if (claims === undefined) renameClaims.set(ctx, (claims = new Map()));
  const earlier = claims.get(n.refName);
  if (earlier === undefined) {
    claims.set(n.refName, { oldNames: [o.refName], index: ctx.changes.length });
    ctx.add(
      "schema-renamed",
      new Location(`schema ${o.refName}`),
      false,
      `Schema "${o.refName}" was renamed to "${n.refName}". The wire format is not affected by the rename itself ` +
        `(any shape differences are listed separately); only internal generated type names change.`,
    );
    return;
  }
  // Two different old schemas now answer to one name: that is a merge, not two renames to the same name.
  earlier.oldNames.push(o.refName);
  const names = [...earlier.oldNames].sort().map((name) => `"${name}"`).join(" and ");
  ctx.changes[earlier.index] = {
    kind: "schema-moved",
    location: `schema ${n.refName}`,
    breaking: false,
    message:
      `Schemas ${names} are all replaced by "${n.refName}": not a rename, the places that used them now share one schema ` +
      `(shape differences at each place are listed separately); the generated types of the old names are gone.`,
  };
}

/** Per diff run: which old schema names were reported as renamed to a new name, and where that change sits. */
const renameClaims = new WeakMap<DiffContext, Map<string, { oldNames: string[]; index: number }>>();

function componentExists(doc: JsonObject, name: string): boolean {
  const components = doc.components;
  return isObject(components) && isObject(components.schemas) && name in components.schemas;
}

interface PropertyInfo {
  readonly name: string;
  readonly raw: unknown;
  readonly pointer: string;
  readonly view: SchemaView;
  readonly required: boolean;
}

/** Properties a side actually exchanges in `direction`: read-only fields are never sent, write-only never returned. */
function visibleProperties(ctx: DiffContext, view: SchemaView, side: "old" | "new", direction: Direction): PropertyInfo[] {
  const doc = side === "old" ? ctx.oldDoc : ctx.newDoc;
  const out: PropertyInfo[] = [];
  for (const [name, raw] of view.properties) {
    const pointer = propertyPointer(view.pointer, name);
    const child = viewSchema(doc, raw, pointer, side);
    if (direction === "request" ? child.readOnly : child.writeOnly) continue;
    out.push({ name, raw, pointer, view: child, required: view.required.has(name) });
  }
  return out;
}

function compareProperties(ctx: DiffContext, o: SchemaView, n: SchemaView, direction: Direction, here: Location): void {
  const before = visibleProperties(ctx, o, "old", direction);
  const after = visibleProperties(ctx, n, "new", direction);
  const afterByName = new Map(after.map((p) => [p.name, p]));
  const beforeNames = new Set(before.map((p) => p.name));
  const removed = before.filter((p) => !afterByName.has(p.name));
  const added = after.filter((p) => !beforeNames.has(p.name));

  const renames = matchRenames(
    removed.map((p) => candidate(ctx, p, before.indexOf(p), "old")),
    added.map((p) => candidate(ctx, p, after.indexOf(p), "new")),
  );
  const renamedFrom = new Set(renames.map((r) => r.from));
  const renamedTo = new Set(renames.map((r) => r.to));
  for (const rename of renames) {
    const consequence =
      direction === "request"
        ? "callers that set the old name get a compile error and the server no longer reads it"
        : "code that reads the old name gets undefined or stops compiling";
    ctx.add(
      "field-renamed",
      here.field(rename.from),
      true,
      `Field "${rename.from}" was renamed to "${rename.to}" in the ${direction} (evidence: ${rename.evidence.join(", ")}); ` +
        `breaking because ${consequence}.`,
    );
  }
  for (const p of removed) {
    if (renamedFrom.has(p.name)) continue;
    const why =
      direction === "request"
        ? "callers that send it get a compile error, and the server ignores or rejects it"
        : "code that reads it gets undefined or stops compiling";
    ctx.add("field-removed", here.field(p.name), true, `${direction} field "${p.name}" was removed; ${why}.`);
  }
  for (const p of added) {
    if (renamedTo.has(p.name)) continue;
    const requiredRequest = direction === "request" && p.required;
    const note = requiredRequest
      ? "breaking: existing requests do not send it"
      : direction === "request"
        ? "callers may now send it"
        : "existing code ignores it";
    ctx.add(
      "field-added",
      here.field(p.name),
      requiredRequest,
      `New ${p.required ? "required" : "optional"} ${direction} field "${p.name}" (${describeTypes(p.view)}); ${note}.` +
        (direction === "response" && p.view.enumValues !== undefined
          ? " It is an enum: exhaustive `switch`es over it must cover every value or have a default branch."
          : ""),
    );
  }
  for (const p of before) {
    const next = afterByName.get(p.name);
    if (next === undefined) continue;
    compareRequired(ctx, p, next, direction, here.field(p.name));
    compareSchema(ctx, { raw: p.raw, pointer: p.pointer }, { raw: next.raw, pointer: next.pointer }, direction, here.field(p.name));
  }
}

function compareRequired(ctx: DiffContext, p: PropertyInfo, next: PropertyInfo, direction: Direction, at: Location): void {
  if (p.required === next.required) return;
  if (next.required) {
    const breaking = direction === "request";
    const why = breaking ? "requests that omit it are now invalid" : "it is now always present, so readers lose nothing";
    ctx.add("field-required", at, breaking, `${direction} field "${p.name}" became required; ${why}.`);
  } else {
    const breaking = direction === "response";
    const why = breaking ? "code that reads it must now handle undefined" : "callers may now omit it";
    ctx.add("field-optional", at, breaking, `${direction} field "${p.name}" became optional; ${why}.`);
  }
}

function compareVariants(ctx: DiffContext, o: SchemaView, n: SchemaView, direction: Direction, here: Location): void {
  if (o.variants.length === n.variants.length) {
    o.variants.forEach((raw, i) => {
      compareSchema(
        ctx,
        { raw, pointer: `${o.pointer}/oneOf/${i}` },
        { raw: n.variants[i], pointer: `${n.pointer}/oneOf/${i}` },
        direction,
        here.variant(i),
      );
    });
    return;
  }
  const grew = n.variants.length > o.variants.length;
  // More alternatives widen the accepted set: fine for what we send, breaking for what we must handle.
  const breaking = direction === "request" ? !grew : grew;
  ctx.add(
    "type-changed",
    here,
    breaking,
    `The ${direction} schema now has ${n.variants.length} alternatives instead of ${o.variants.length}.`,
  );
}

function candidate(ctx: DiffContext, p: PropertyInfo, position: number, side: "old" | "new"): RenameCandidate {
  const doc = side === "old" ? ctx.oldDoc : ctx.newDoc;
  const description = p.view.docs.description;
  return {
    name: p.name,
    shape: shapeOf(doc, p.raw, p.pointer, side, 2),
    ...(typeof description === "string" ? { description } : {}),
    position,
    required: p.required,
    hasEnum: (p.view.enumValues?.length ?? 0) > 0,
  };
}

/** A canonical string of a schema's shape (types, format, enum, nested properties to `depth`), ignoring docs. */
export function shapeOf(doc: JsonObject, raw: unknown, pointer: string, side: string, depth: number): string {
  const v = viewSchema(doc, raw, pointer, side);
  const nested =
    depth > 0
      ? [...v.properties.keys()].sort().map((name) => [name, v.required.has(name), shapeOf(doc, v.properties.get(name), propertyPointer(v.pointer, name), side, depth - 1)])
      : v.properties.size;
  return JSON.stringify({
    types: [...v.types].sort(),
    format: v.format ?? null,
    enum: v.enumValues === undefined ? null : v.enumValues.map(String).sort(),
    items: v.items !== undefined && depth > 0 ? shapeOf(doc, v.items, `${v.pointer}/items`, side, depth - 1) : null,
    properties: nested,
  });
}

export function describeTypes(view: SchemaView): string {
  // An enum without `type` (v2 GPUClusterInfo.status) is still a set of strings: show the values, not "any".
  if (view.enumValues !== undefined) return `enum ${enumList(view)}`;
  const types = view.types.size === 0 ? "any" : [...view.types].sort().join(" | ");
  return view.format === undefined ? types : `${types}, format ${view.format}`;
}
