import { isObject, pointerSegment, resolve } from "./refs.js";
import type { JsonObject } from "./types.js";

/**
 * A schema normalized across OpenAPI 3.0 and 3.1 so both versions compare alike:
 * `nullable: true` (3.0), `type: [x, "null"]` (3.1) and `anyOf: [x, {type: null}]` all become a `null` type;
 * `allOf` members are merged; a missing `type` is inferred from `enum`, `properties` or `items`.
 * Children stay raw (resolved lazily) so recursive schemas do not recurse here.
 */
export interface SchemaView {
  readonly refName?: string;
  readonly pointer: string;
  /** Empty means "any type". */
  readonly types: ReadonlySet<string>;
  readonly format?: string;
  readonly enumValues?: readonly unknown[];
  /** Property name → raw child schema, in spec order. */
  readonly properties: ReadonlyMap<string, unknown>;
  readonly required: ReadonlySet<string>;
  readonly items?: unknown;
  /** `additionalProperties` when it is a schema (maps/dictionaries); booleans are not compared. */
  readonly additionalProperties?: unknown;
  /** Non-null `oneOf`/`anyOf` alternatives, when there are several. */
  readonly variants: readonly unknown[];
  readonly readOnly: boolean;
  readonly writeOnly: boolean;
  readonly docs: JsonObject;
}

/** Schema keywords that only document; changing them changes neither the wire nor generated names. */
export const schemaDocKeys = ["title", "description", "example", "examples", "deprecated", "externalDocs"] as const;

export function viewSchema(doc: JsonObject, raw: unknown, pointer: string, side: string): SchemaView {
  const { node, refName, pointer: resolvedPointer } = resolve(doc, raw, pointer, side);
  const acc = new Accumulator();
  acc.absorb(doc, node, resolvedPointer, side);
  const types = new Set(acc.types);
  if (types.size === 0 || (types.size === 1 && types.has("null"))) inferTypes(acc, types);
  const base = {
    pointer: resolvedPointer,
    types,
    properties: acc.properties,
    required: acc.required,
    variants: acc.variants,
    readOnly: node.readOnly === true,
    writeOnly: node.writeOnly === true,
    docs: pick(node, schemaDocKeys),
  };
  return {
    ...base,
    ...(refName === undefined ? {} : { refName }),
    ...(acc.format === undefined ? {} : { format: acc.format }),
    ...(acc.enumValues === undefined ? {} : { enumValues: acc.enumValues }),
    ...(acc.items === undefined ? {} : { items: acc.items }),
    ...(acc.additionalProperties === undefined ? {} : { additionalProperties: acc.additionalProperties }),
  };
}

class Accumulator {
  types = new Set<string>();
  format: string | undefined;
  enumValues: unknown[] | undefined;
  properties = new Map<string, unknown>();
  required = new Set<string>();
  items: unknown;
  additionalProperties: unknown;
  variants: unknown[] = [];

  absorb(doc: JsonObject, node: JsonObject, pointer: string, side: string): void {
    const type = node.type;
    if (typeof type === "string") this.types.add(type);
    if (Array.isArray(type)) for (const t of type) if (typeof t === "string") this.types.add(t);
    if (node.nullable === true) this.types.add("null");
    if (typeof node.format === "string") this.format = node.format;
    if (Array.isArray(node.enum)) this.enumValues = node.enum.filter((v) => v !== null);
    if ("const" in node) this.enumValues = [node.const];
    if (Array.isArray(node.enum) && node.enum.includes(null)) this.types.add("null");
    if (isObject(node.properties)) for (const [name, child] of Object.entries(node.properties)) this.properties.set(name, child);
    if (Array.isArray(node.required)) for (const name of node.required) if (typeof name === "string") this.required.add(name);
    if ("items" in node) this.items = node.items;
    if (isObject(node.additionalProperties)) this.additionalProperties = node.additionalProperties;
    if (Array.isArray(node.allOf)) {
      node.allOf.forEach((member, i) => {
        const memberPointer = `${pointer}/allOf/${i}`;
        this.absorb(doc, resolve(doc, member, memberPointer, side).node, memberPointer, side);
      });
    }
    for (const key of ["oneOf", "anyOf"] as const) {
      const alternatives = node[key];
      if (!Array.isArray(alternatives)) continue;
      const nonNull = alternatives.filter((alt, i) => !isNullSchema(resolve(doc, alt, `${pointer}/${key}/${i}`, side).node));
      if (nonNull.length < alternatives.length) this.types.add("null");
      if (nonNull.length === 1) {
        this.absorb(doc, resolve(doc, nonNull[0], `${pointer}/${key}`, side).node, `${pointer}/${key}`, side);
      } else {
        this.variants.push(...nonNull);
      }
    }
  }
}

function isNullSchema(node: JsonObject): boolean {
  return node.type === "null" || (Array.isArray(node.type) && node.type.length === 1 && node.type[0] === "null");
}

/** Quirk seen in Together's v2 spec: `enum` without `type`. Infer it so adding `type: string` later is not a change. */
function inferTypes(acc: Accumulator, types: Set<string>): void {
  if (acc.enumValues !== undefined && acc.enumValues.length > 0) {
    for (const value of acc.enumValues) types.add(Number.isInteger(value) ? "integer" : typeof value);
  } else if (acc.properties.size > 0) {
    types.add("object");
  } else if (acc.items !== undefined) {
    types.add("array");
  }
}

function pick(node: JsonObject, keys: readonly string[]): JsonObject {
  const out: Record<string, unknown> = {};
  for (const key of keys) if (key in node) out[key] = node[key];
  return out;
}

/** JSON pointer of a named property under a schema pointer. */
export function propertyPointer(schemaPointer: string, name: string): string {
  return `${schemaPointer}/properties/${pointerSegment(name)}`;
}
