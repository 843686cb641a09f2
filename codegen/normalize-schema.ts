import { type CodegenError, isCodegenError } from "./errors.js";
import type { LoadedSpec } from "./load.js";
import type { EnumDef, PrimitiveType, PropertyDef, SchemaShape, SourceRef } from "./ir.js";
import { byCodePoint, schemaStepPart } from "./naming.js";
import { childPointer, isRecord, parsePointer, resolvePointer, toPointer } from "./pointer.js";

const PRIMITIVE_TYPES: readonly PrimitiveType[] = ["string", "integer", "number", "boolean", "null"];
/** Guards against `$ref` chains into non-component locations that loop through themselves. */
export const MAX_DEPTH = 64;

/** A schema that says nothing (`{}` or `true`): any value. */
export const unknownShape: SchemaShape = { kind: "unknown", nullable: false };

/**
 * Schema Object → SchemaShape, collecting every string enum on the way under its location name (naming.ts).
 * One instance per spec and run; enums are deduplicated by pointer, so a schema reached twice yields one enum.
 */
export class SchemaNormalizer {
  private readonly spec: LoadedSpec;
  private readonly enumsByPointer = new Map<string, EnumDef>();
  private readonly enumPointerByName = new Map<string, string>();
  /** Problems found so far; the run goes on past each one, so all of them are reported together. */
  readonly problems: CodegenError[] = [];
  readonly warnings = new Set<string>();

  constructor(spec: LoadedSpec) {
    this.spec = spec;
  }

  /** `run()`, or `fallback` after recording the located problem it threw. */
  attempt<T>(fallback: T, run: () => T): T {
    try {
      return run();
    } catch (error) {
      if (!isCodegenError(error)) throw error;
      this.problems.push(error);
      return fallback;
    }
  }

  warn(pointer: string, detail: string): void {
    const { file, line, col } = this.spec.locate(pointer);
    this.warnings.add(`${file}:${line}:${col} ${pointer}: ${detail}`);
  }

  /** Every enum seen so far, sorted by name. */
  enums(): EnumDef[] {
    return [...this.enumsByPointer.values()].sort((a, b) => byCodePoint(a.name, b.name));
  }

  /**
   * Normalizes the schema at `pointer`; `namePart` is the enum name this location gets (naming.ts), extended per step.
   * @see https://spec.openapis.org/oas/v3.1.0#schema-object
   */
  shape(node: unknown, pointer: string, namePart: string, depth: number): SchemaShape {
    if (depth > MAX_DEPTH) throw this.spec.error(pointer, "schema nested too deeply (a $ref cycle through non-component locations?)");
    if (node === true || (isRecord(node) && Object.keys(node).length === 0)) return unknownShape;
    if (!isRecord(node)) throw this.spec.error(pointer, `expected a schema object, found ${JSON.stringify(node)}`);

    const rawType = node.type;
    const types = Array.isArray(rawType) ? rawType : rawType === undefined ? [] : [rawType];
    for (const [index, type] of types.entries()) {
      if (typeof type !== "string" || !(PRIMITIVE_TYPES as readonly string[]).includes(type) && type !== "object" && type !== "array") {
        throw this.spec.error(Array.isArray(rawType) ? childPointer(pointer, "type", index) : childPointer(pointer, "type"), `unknown schema type ${JSON.stringify(type)}: use one of ${[...PRIMITIVE_TYPES, "object", "array"].join(", ")}`);
      }
    }
    const nullable = node.nullable === true || types.includes("null");
    const nonNullTypes = types.filter((type) => type !== "null") as string[];

    if (typeof node.$ref === "string") {
      const target = toPointer(parsePointer(node.$ref));
      const tokens = parsePointer(target);
      if (tokens.length === 3 && tokens[0] === "components" && tokens[1] === "schemas" && tokens[2] !== undefined) {
        return { kind: "ref", target: tokens[2], nullable };
      }
      return this.shape(resolvePointer(this.spec.document, target), target, namePart, depth + 1);
    }
    if (node.enum !== undefined) return this.enumShape(node, pointer, namePart, nullable, depth);

    for (const key of ["allOf", "oneOf", "anyOf"] as const) {
      const members = node[key];
      if (members === undefined) continue;
      if (!Array.isArray(members)) throw this.spec.error(childPointer(pointer, key), `\`${key}\` must be a list`);
      const shapes = members.map((member, index) =>
        this.shape(member, childPointer(pointer, key, index), namePart + schemaStepPart({ kind: key, index }), depth + 1),
      );
      // Sibling properties next to allOf/oneOf apply to every member: model them as one more intersection member.
      const hasOwnObject = node.properties !== undefined || nonNullTypes.includes("object");
      const own = hasOwnObject ? [this.objectShape(node, pointer, namePart, false, depth)] : [];
      if (key === "allOf") return { kind: "intersection", members: [...shapes, ...own], nullable };
      const union: SchemaShape = { kind: "union", members: shapes, nullable };
      return own.length > 0 ? { kind: "intersection", members: [union, ...own], nullable } : union;
    }

    if (nonNullTypes.length > 1) {
      return {
        kind: "union",
        members: nonNullTypes.map((type) => this.shape({ ...node, type, nullable: false }, pointer, namePart, depth + 1)),
        nullable,
      };
    }
    const type = nonNullTypes[0];
    if (type === "array" || (type === undefined && node.items !== undefined)) {
      const items = node.items === undefined ? unknownShape : this.shape(node.items, childPointer(pointer, "items"), namePart + schemaStepPart({ kind: "items" }), depth + 1);
      return { kind: "array", items, nullable };
    }
    if (type === "object" || (type === undefined && (node.properties !== undefined || node.additionalProperties !== undefined))) {
      return this.objectShape(node, pointer, namePart, nullable, depth);
    }
    if (type !== undefined) {
      const format = typeof node.format === "string" ? node.format : undefined;
      return { kind: "primitive", type: type as PrimitiveType, ...(format ? { format } : {}), nullable };
    }
    return types.includes("null") ? { kind: "primitive", type: "null", nullable: false } : unknownShape;
  }

  private objectShape(node: Record<string, unknown>, pointer: string, namePart: string, nullable: boolean, depth: number): SchemaShape {
    const required = Array.isArray(node.required) ? node.required.filter((name): name is string => typeof name === "string") : [];
    const rawProperties = node.properties ?? {};
    if (!isRecord(rawProperties)) throw this.spec.error(childPointer(pointer, "properties"), "`properties` must be a mapping");
    // With allOf/oneOf/anyOf the name may be defined by a member; otherwise it is a typo or a dropped property.
    const composed = node.allOf !== undefined || node.oneOf !== undefined || node.anyOf !== undefined;
    for (const name of composed ? [] : required.filter((name) => !(name in rawProperties))) {
      this.warn(
        childPointer(pointer, "required"),
        `\`required\` lists ${JSON.stringify(name)}, which is not among the properties; the generated type ignores it (define the property or fix the name)`,
      );
    }
    const properties: PropertyDef[] = Object.entries(rawProperties).map(([name, schema]) => {
      const record = isRecord(schema) ? schema : {};
      return {
        name,
        required: required.includes(name),
        schema: this.attempt(unknownShape, () =>
          this.shape(schema, childPointer(pointer, "properties", name), namePart + schemaStepPart({ kind: "property", name }), depth + 1),
        ),
        ...descriptionOf(record),
        deprecated: record.deprecated === true,
      };
    });
    const extra = node.additionalProperties;
    const additionalProperties =
      extra === undefined || extra === false
        ? false
        : extra === true
          ? true
          : this.shape(extra, childPointer(pointer, "additionalProperties"), namePart + schemaStepPart({ kind: "additionalProperties" }), depth + 1);
    return { kind: "object", properties, additionalProperties, nullable };
  }

  /**
   * String enums become named enums (every consumer maps them through `satisfies Record<V1X, …>` tables, which need
   * string keys); `null` among the values makes the enum nullable and is left out of them. An enum of numbers,
   * booleans or mixed values (valid OpenAPI, e.g. an audio bit rate) is typed by its `type` (or its values' type)
   * without a named enum: openapi-typescript's wire types still carry the literal values.
   */
  private enumShape(node: Record<string, unknown>, pointer: string, namePart: string, nullable: boolean, depth: number): SchemaShape {
    const enumPointer = childPointer(pointer, "enum");
    const raw = node.enum;
    if (!Array.isArray(raw)) throw this.spec.error(enumPointer, "`enum` must be a list (of the values the field may take)");
    if (raw.length === 0) throw this.spec.error(enumPointer, "`enum` has no values: list at least one, or drop `enum`");
    const values = raw.filter((value): value is string => typeof value === "string");
    const withNull = nullable || raw.includes(null);
    const others = raw.filter((value) => value !== null && typeof value !== "string");
    if (values.length === 0 && others.length === 0) return { kind: "primitive", type: "null", nullable: false };
    if (others.length > 0) {
      const { enum: _literals, ...rest } = node;
      const inferred = rest.type !== undefined ? {} : { type: literalType(others, values.length > 0) };
      return this.shape({ ...rest, ...inferred, ...(withNull ? { nullable: true } : {}) }, pointer, namePart, depth + 1);
    }
    this.registerEnum(node, pointer, namePart, values);
    // `format: enum` is a protobuf-gateway artefact, not a string format; dropping it keeps the v1/v2 diff quiet.
    const format = typeof node.format === "string" && node.format !== "enum" ? node.format : undefined;
    return { kind: "primitive", type: "string", ...(format ? { format } : {}), enumValues: values, nullable: withNull };
  }

  private registerEnum(node: Record<string, unknown>, pointer: string, name: string, values: readonly string[]): void {
    if (this.enumsByPointer.has(pointer)) return;
    const clash = this.enumPointerByName.get(name);
    if (clash !== undefined) {
      throw this.spec.error(pointer, `enum name ${name} is already used by ${clash}; rename one of the schemas or properties`);
    }
    this.enumPointerByName.set(name, pointer);
    this.enumsByPointer.set(pointer, {
      name,
      version: this.spec.version,
      values,
      ...descriptionOf(node),
      deprecated: node.deprecated === true,
      source: sourceRef(this.spec, pointer),
    });
  }
}

/** The JSON type of non-string enum literals, for an `enum` without `type`; mixed kinds → any value. */
function literalType(literals: readonly unknown[], hasStrings: boolean): PrimitiveType | undefined {
  if (hasStrings) return undefined;
  if (literals.every((value) => typeof value === "boolean")) return "boolean";
  if (literals.every((value) => Number.isInteger(value))) return "integer";
  if (literals.every((value) => typeof value === "number")) return "number";
  return undefined;
}

/** The IR source reference (version, file, line, col, pointer) of a pointer in `spec`. */
export function sourceRef(spec: LoadedSpec, pointer: string): SourceRef {
  const { line, col } = spec.locate(pointer);
  return { version: spec.version, file: spec.file, line, col, pointer };
}

/** Trimmed, non-empty `description`, or nothing. */
export function descriptionOf(node: Record<string, unknown>): { description?: string } {
  return typeof node.description === "string" && node.description.trim() !== "" ? { description: node.description.trim() } : {};
}
