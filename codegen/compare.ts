import type { ApiModel, Difference, SchemaShape } from "./ir.js";
import { byCodePoint } from "./naming.js";

/** Both models, so `$ref`s on either side can be followed (indexed by schema name). */
export interface DiffContext {
  readonly v1: ApiModel;
  readonly v2: ApiModel;
  readonly schemas: { readonly v1: ReadonlyMap<string, SchemaShape>; readonly v2: ReadonlyMap<string, SchemaShape> };
}

/** Indexes both models' schemas by name for `$ref` resolution during comparison. */
export function diffContext(v1: ApiModel, v2: ApiModel): DiffContext {
  const index = (model: ApiModel) => new Map(model.schemas.map((s) => [s.name, s.shape]));
  return { v1, v2, schemas: { v1: index(v1), v2: index(v2) } };
}

/**
 * Differences between the v1 and v2 side of one schema position. Refs to the *same* schema name on both sides are
 * not followed: that schema gets its own report section. Refs to different names are followed (with a guard against
 * recursion), because then no other section compares them.
 *
 * @param label prefix of every reported path, e.g. `response 200`; empty for a schema's own fields.
 */
export function diffShapes(ctx: DiffContext, a: SchemaShape, b: SchemaShape, label: string): Difference[] {
  const out: Difference[] = [];
  walk(ctx, a, b, label, "", new Set(), out);
  return out;
}

function walk(ctx: DiffContext, a: SchemaShape, b: SchemaShape, label: string, field: string, visited: Set<string>, out: Difference[]): void {
  const path = label === "" ? field : field === "" ? label : `${label}: ${field}`;
  if (a.kind === "ref" && b.kind === "ref" && a.target === b.target) {
    if (a.nullable !== b.nullable) out.push({ kind: "type", path: path || "(root)", v1: summarize(a), v2: summarize(b) });
    return;
  }
  if (a.kind === "ref" || b.kind === "ref") {
    const key = `${a.kind === "ref" ? a.target : "inline"}|${b.kind === "ref" ? b.target : "inline"}`;
    if (visited.has(key)) return;
    // Differently named schemas at the same position: say so, then compare what they contain.
    if (a.kind === "ref" && b.kind === "ref") out.push({ kind: "type", path: path || "(root)", v1: summarize(a), v2: summarize(b) });
    const next = new Set(visited).add(key);
    walk(ctx, resolveRef(ctx.schemas.v1, a), resolveRef(ctx.schemas.v2, b), label, field, next, out);
    return;
  }
  if (a.kind === "object" && b.kind === "object") {
    diffNullable(a, b, path, out);
    const v2ByName = new Map(b.properties.map((p) => [p.name, p]));
    const v1Names = new Set(a.properties.map((p) => p.name));
    const names = [...new Set([...v1Names, ...v2ByName.keys()])].sort(byCodePoint);
    for (const name of names) {
      const left = a.properties.find((p) => p.name === name);
      const right = v2ByName.get(name);
      const child = field === "" ? name : `${field}.${name}`;
      const childPath = label === "" ? child : `${label}: ${child}`;
      if (!left || !right) {
        out.push({ kind: "only-in", version: left ? "v1" : "v2", what: "field", path: childPath });
        continue;
      }
      if (left.required !== right.required) out.push({ kind: "required", path: childPath, v1: left.required, v2: right.required });
      walk(ctx, left.schema, right.schema, label, child, visited, out);
    }
    return;
  }
  if (a.kind === "array" && b.kind === "array") {
    diffNullable(a, b, path, out);
    walk(ctx, a.items, b.items, label, `${field}[]`, visited, out);
    return;
  }
  if (a.kind === "primitive" && b.kind === "primitive" && (a.enumValues !== undefined) === (b.enumValues !== undefined)) {
    if (a.type !== b.type || a.format !== b.format || a.nullable !== b.nullable) {
      out.push({ kind: "type", path: path || "(root)", v1: summarize(a), v2: summarize(b) });
    }
    if (a.enumValues && b.enumValues) {
      const onlyV1 = a.enumValues.filter((v) => !b.enumValues?.includes(v));
      const onlyV2 = b.enumValues.filter((v) => !a.enumValues?.includes(v));
      if (onlyV1.length > 0) out.push({ kind: "enum-values", version: "v1", path: path || "(root)", values: onlyV1 });
      if (onlyV2.length > 0) out.push({ kind: "enum-values", version: "v2", path: path || "(root)", values: onlyV2 });
    }
    return;
  }
  const left = summarize(a);
  const right = summarize(b);
  if (left !== right) out.push({ kind: "type", path: path || "(root)", v1: left, v2: right });
}

function diffNullable(a: SchemaShape, b: SchemaShape, path: string, out: Difference[]): void {
  if (a.nullable !== b.nullable) out.push({ kind: "type", path: path || "(root)", v1: summarize(a), v2: summarize(b) });
}

function resolveRef(schemas: ReadonlyMap<string, SchemaShape>, shape: SchemaShape): SchemaShape {
  if (shape.kind !== "ref") return shape;
  const target = schemas.get(shape.target);
  // loadSpec guarantees every $ref resolves; a missing one here means the IR was built by hand (tests).
  if (!target) return { kind: "unknown", nullable: shape.nullable };
  return shape.nullable ? { ...target, nullable: true } : target;
}

/** One-line description of a shape for the report: `integer (int32)`, `string enum`, `array of Region`, `object`. */
export function summarize(shape: SchemaShape): string {
  const base = ((): string => {
    switch (shape.kind) {
      case "ref":
        return shape.target;
      case "primitive":
        return `${shape.type}${shape.enumValues ? " enum" : ""}${shape.format ? ` (${shape.format})` : ""}`;
      case "object":
        return "object";
      case "array":
        return `array of ${summarize(shape.items)}`;
      case "union":
        return shape.members.map(summarize).join(" | ");
      case "intersection":
        return shape.members.map(summarize).join(" & ");
      case "unknown":
        return "unknown";
    }
  })();
  return shape.nullable ? `${base} | null` : base;
}

/**
 * Structural equality after `$ref` resolution, ignoring descriptions, property order and enum value order. Recursive schemas are
 * handled coinductively: a pair of refs already being compared is assumed equal.
 */
export function shapesEqual(ctx: DiffContext, a: SchemaShape, b: SchemaShape, assumed: Set<string> = new Set()): boolean {
  if (a.kind === "ref" || b.kind === "ref") {
    const key = `${a.kind === "ref" ? a.target : "inline"}|${b.kind === "ref" ? b.target : "inline"}`;
    if (a.kind === "ref" && b.kind === "ref" && assumed.has(key)) return true;
    if (a.kind === "ref" && b.kind === "ref") assumed.add(key);
    return shapesEqual(ctx, resolveRef(ctx.schemas.v1, a), resolveRef(ctx.schemas.v2, b), assumed);
  }
  if (a.kind !== b.kind || a.nullable !== b.nullable) return false;
  switch (a.kind) {
    case "primitive": {
      const other = b as typeof a;
      return a.type === other.type && a.format === other.format && sameValueSet(a.enumValues, other.enumValues);
    }
    case "array":
      return shapesEqual(ctx, a.items, (b as typeof a).items, assumed);
    case "union":
    case "intersection": {
      const other = b as typeof a;
      return a.members.length === other.members.length && a.members.every((m, i) => shapesEqual(ctx, m, other.members[i] as SchemaShape, assumed));
    }
    case "object": {
      const other = b as typeof a;
      if (a.properties.length !== other.properties.length) return false;
      const extraA = a.additionalProperties;
      const extraB = other.additionalProperties;
      if (typeof extraA === "boolean" || typeof extraB === "boolean") {
        if (extraA !== extraB) return false;
      } else if (!shapesEqual(ctx, extraA, extraB, assumed)) {
        return false;
      }
      return a.properties.every((p) => {
        const q = other.properties.find((candidate) => candidate.name === p.name);
        return q !== undefined && q.required === p.required && shapesEqual(ctx, p.schema, q.schema, assumed);
      });
    }
    case "unknown":
      return true;
  }
}

/** Enum value order carries no meaning for the wire type, so it does not make two schemas different. */
function sameValueSet(a: readonly string[] | undefined, b: readonly string[] | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  const set = new Set(a);
  return a.length === b.length && b.every((value) => set.has(value));
}
