import type { LoadedSpec } from "./load.js";
import type {
  ApiModel,
  EnumDef,
  HttpMethod,
  OperationDef,
  ParameterDef,
  ParameterLocation,
  PrimitiveType,
  PropertyDef,
  ResponseDef,
  SchemaDef,
  SchemaShape,
} from "./ir.js";
import {
  byCodePoint,
  parameterNamePart,
  pascalCase,
  requestBodyNamePart,
  responseNamePart,
  schemaNamePart,
  schemaStepPart,
} from "./naming.js";
import { childPointer, isRecord, parsePointer, resolvePointer, toPointer } from "./pointer.js";

const HTTP_METHODS: readonly HttpMethod[] = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];
const PARAMETER_LOCATIONS: readonly ParameterLocation[] = ["path", "query", "header", "cookie"];
const PRIMITIVE_TYPES: readonly PrimitiveType[] = ["string", "integer", "number", "boolean", "null"];
/** Guards against `$ref` chains into non-component locations that loop through themselves. */
const MAX_DEPTH = 64;

/**
 * OpenAPI document → per-version ApiModel. Every spec quirk is handled here, once:
 * `nullable` vs `type: [.., "null"]`, `enum` without `type`, the proto-derived `format: enum`, `$ref`'d parameters,
 * request bodies and responses. Assumes loadSpec already validated the version and every `$ref`.
 */
export function normalize(spec: LoadedSpec): ApiModel {
  return new Normalizer(spec).run();
}

class Normalizer {
  private readonly spec: LoadedSpec;
  private readonly enumsByPointer = new Map<string, EnumDef>();
  private readonly enumPointerByName = new Map<string, string>();

  constructor(spec: LoadedSpec) {
    this.spec = spec;
  }

  run(): ApiModel {
    const { document } = this.spec;
    const info = isRecord(document.info) ? document.info : {};
    const schemas = this.schemas();
    const operations = this.operations();
    return {
      version: this.spec.version,
      file: this.spec.file,
      sha256: this.spec.sha256,
      title: typeof info.title === "string" ? info.title : "",
      infoVersion: typeof info.version === "string" ? info.version : String(info.version ?? ""),
      openapi: String(document.openapi),
      operations: operations.sort((a, b) => byCodePoint(a.operationId, b.operationId)),
      schemas: schemas.sort((a, b) => byCodePoint(a.name, b.name)),
      enums: [...this.enumsByPointer.values()].sort((a, b) => byCodePoint(a.name, b.name)),
    };
  }

  private source(pointer: string) {
    const { line, col } = this.spec.locate(pointer);
    return { version: this.spec.version, file: this.spec.file, line, col, pointer };
  }

  private schemas(): SchemaDef[] {
    const components = this.spec.document.components;
    if (components === undefined) return [];
    if (!isRecord(components)) throw this.spec.error("#/components", "`components` must be a mapping");
    const schemas = components.schemas;
    if (schemas === undefined) return [];
    if (!isRecord(schemas)) throw this.spec.error("#/components/schemas", "`components.schemas` must be a mapping");
    return Object.entries(schemas).map(([name, node]) => {
      const pointer = childPointer("#/components/schemas", name);
      const record = isRecord(node) ? node : {};
      return {
        name,
        shape: this.shape(node, pointer, schemaNamePart(name), 0),
        ...describe(record),
        deprecated: record.deprecated === true,
        source: this.source(pointer),
      };
    });
  }

  private operations(): OperationDef[] {
    const paths = this.spec.document.paths;
    if (paths === undefined) return [];
    if (!isRecord(paths)) throw this.spec.error("#/paths", "`paths` must be a mapping");
    const seen = new Map<string, string>();
    const operations: OperationDef[] = [];
    for (const [path, rawItem] of Object.entries(paths)) {
      const itemPointer = childPointer("#/paths", path);
      if (!path.startsWith("/")) throw this.spec.error(itemPointer, `path ${JSON.stringify(path)} must start with "/"`);
      const { node: item, pointer: resolvedItemPointer } = this.deref(rawItem, itemPointer);
      if (!isRecord(item)) throw this.spec.error(itemPointer, "a path item must be a mapping");
      for (const method of HTTP_METHODS) {
        const operation = item[method];
        if (operation === undefined) continue;
        const pointer = childPointer(resolvedItemPointer, method);
        if (!isRecord(operation)) throw this.spec.error(pointer, "an operation must be a mapping");
        const operationId = operation.operationId;
        if (typeof operationId !== "string" || operationId === "") {
          throw this.spec.error(pointer, "operation has no operationId (needed to pair v1 and v2 operations)");
        }
        const idPointer = childPointer(pointer, "operationId");
        const first = seen.get(operationId);
        if (first !== undefined) {
          const where = this.spec.locate(first);
          throw this.spec.error(idPointer, `duplicate operationId ${JSON.stringify(operationId)}, first used at ${where.line}:${where.col} ${first}`);
        }
        seen.set(operationId, idPointer);
        operations.push(this.operation(path as `/${string}`, method, operation, pointer, item, resolvedItemPointer, operationId));
      }
    }
    return operations;
  }

  private operation(
    path: `/${string}`,
    method: HttpMethod,
    node: Record<string, unknown>,
    pointer: string,
    item: Record<string, unknown>,
    itemPointer: string,
    operationId: string,
  ): OperationDef {
    // Operation-level parameters override path-level ones with the same name and location (OAS 3 §4.8.9).
    const byKey = new Map<string, ParameterDef>();
    for (const [list, listPointer] of [
      [item.parameters, childPointer(itemPointer, "parameters")],
      [node.parameters, childPointer(pointer, "parameters")],
    ] as const) {
      if (list === undefined) continue;
      if (!Array.isArray(list)) throw this.spec.error(listPointer, "`parameters` must be a list");
      list.forEach((raw, index) => {
        const parameter = this.parameter(raw, childPointer(listPointer, index), operationId);
        byKey.set(`${parameter.in} ${parameter.name}`, parameter);
      });
    }
    const tags = Array.isArray(node.tags) ? node.tags.filter((tag): tag is string => typeof tag === "string") : [];
    const requestBody = node.requestBody === undefined ? undefined : this.requestBody(node.requestBody, childPointer(pointer, "requestBody"), operationId);
    return {
      operationId,
      method,
      path,
      ...(typeof node.summary === "string" ? { summary: node.summary } : {}),
      ...describe(node),
      deprecated: node.deprecated === true,
      tags,
      parameters: [...byKey.values()].sort((a, b) => byCodePoint(`${a.in} ${a.name}`, `${b.in} ${b.name}`)),
      ...(requestBody ? { requestBody } : {}),
      responses: this.responses(node.responses, childPointer(pointer, "responses"), operationId),
      source: this.source(pointer),
    };
  }

  private parameter(raw: unknown, pointer: string, operationId: string): ParameterDef {
    const { node, pointer: at, component } = this.deref(raw, pointer, "parameters");
    if (!isRecord(node)) throw this.spec.error(pointer, "a parameter must be a mapping");
    const name = node.name;
    const location = node.in;
    if (typeof name !== "string") throw this.spec.error(at, "parameter has no `name`");
    if (typeof location !== "string" || !(PARAMETER_LOCATIONS as readonly string[]).includes(location)) {
      throw this.spec.error(childPointer(at, "in"), `parameter \`in\` must be one of ${PARAMETER_LOCATIONS.join(", ")}`);
    }
    const namePart = component === undefined ? parameterNamePart(operationId, name) : `${pascalCase(component)}Param`;
    const media = this.firstMediaSchema(node.content, childPointer(at, "content"));
    const schema =
      node.schema !== undefined
        ? this.shape(node.schema, childPointer(at, "schema"), namePart, 0)
        : media
          ? this.shape(media.schema, media.pointer, namePart, 0)
          : unknownShape;
    return {
      name,
      in: location as ParameterLocation,
      // Path parameters are always required (OAS 3 §4.8.12.1) even when the spec forgets to say so.
      required: location === "path" || node.required === true,
      schema,
      ...describe(node),
      deprecated: node.deprecated === true,
    };
  }

  private requestBody(raw: unknown, pointer: string, operationId: string): OperationDef["requestBody"] {
    const { node, pointer: at, component } = this.deref(raw, pointer, "requestBodies");
    if (!isRecord(node)) throw this.spec.error(pointer, "`requestBody` must be a mapping");
    const namePart = component === undefined ? requestBodyNamePart(operationId) : `${pascalCase(component)}RequestBody`;
    const media = this.firstMediaSchema(node.content, childPointer(at, "content"));
    return {
      required: node.required === true,
      ...(media ? { schema: this.shape(media.schema, media.pointer, namePart, 0) } : {}),
    };
  }

  private responses(raw: unknown, pointer: string, operationId: string): ResponseDef[] {
    if (raw === undefined) return [];
    if (!isRecord(raw)) throw this.spec.error(pointer, "`responses` must be a mapping");
    return Object.entries(raw)
      .map(([status, value]): ResponseDef => {
        const { node, pointer: at, component } = this.deref(value, childPointer(pointer, status), "responses");
        if (!isRecord(node)) throw this.spec.error(childPointer(pointer, status), "a response must be a mapping");
        const namePart = component === undefined ? responseNamePart(operationId, status) : `${pascalCase(component)}Response`;
        const media = this.firstMediaSchema(node.content, childPointer(at, "content"));
        return {
          status,
          ...describe(node),
          ...(media ? { schema: this.shape(media.schema, media.pointer, namePart, 0) } : {}),
        };
      })
      .sort((a, b) => byCodePoint(a.status, b.status));
  }

  /** JSON is what both APIs speak; other media types are only used when no JSON one exists. */
  private firstMediaSchema(content: unknown, pointer: string): { schema: unknown; pointer: string } | undefined {
    if (!isRecord(content)) return undefined;
    const keys = Object.keys(content);
    const key = keys.find((k) => k === "application/json") ?? keys.find((k) => k.endsWith("+json")) ?? keys[0];
    if (key === undefined) return undefined;
    const media = content[key];
    if (!isRecord(media) || media.schema === undefined) return undefined;
    return { schema: media.schema, pointer: childPointer(pointer, key, "schema") };
  }

  /** Follows `$ref`s; reports the component name when the final target is `#/components/<section>/<name>`. */
  private deref(node: unknown, pointer: string, section?: string): { node: unknown; pointer: string; component?: string } {
    let current = node;
    let at = pointer;
    for (let hops = 0; isRecord(current) && typeof current.$ref === "string"; hops++) {
      if (hops > MAX_DEPTH) throw this.spec.error(pointer, "$ref chain too long (cycle?)");
      at = toPointer(parsePointer(current.$ref));
      current = resolvePointer(this.spec.document, at);
    }
    const tokens = parsePointer(at);
    const component = section !== undefined && tokens.length === 3 && tokens[0] === "components" && tokens[1] === section ? tokens[2] : undefined;
    return component === undefined ? { node: current, pointer: at } : { node: current, pointer: at, component };
  }

  private shape(node: unknown, pointer: string, namePart: string, depth: number): SchemaShape {
    if (depth > MAX_DEPTH) throw this.spec.error(pointer, "schema nested too deeply (a $ref cycle through non-component locations?)");
    if (node === true || (isRecord(node) && Object.keys(node).length === 0)) return unknownShape;
    if (!isRecord(node)) throw this.spec.error(pointer, `expected a schema object, found ${JSON.stringify(node)}`);

    const rawType = node.type;
    const types = Array.isArray(rawType) ? rawType : rawType === undefined ? [] : [rawType];
    for (const [index, type] of types.entries()) {
      if (typeof type !== "string" || !(PRIMITIVE_TYPES as readonly string[]).includes(type) && type !== "object" && type !== "array") {
        throw this.spec.error(Array.isArray(rawType) ? childPointer(pointer, "type", index) : childPointer(pointer, "type"), `unknown schema type ${JSON.stringify(type)}`);
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
    if (node.enum !== undefined) return this.enumShape(node, pointer, namePart, nullable);

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
    const properties: PropertyDef[] = Object.entries(rawProperties).map(([name, schema]) => {
      const record = isRecord(schema) ? schema : {};
      return {
        name,
        required: required.includes(name),
        schema: this.shape(schema, childPointer(pointer, "properties", name), namePart + schemaStepPart({ kind: "property", name }), depth + 1),
        ...describe(record),
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
   * Only string enums are supported: every consumer maps them through `satisfies Record<V1X, …>` tables, which
   * need string keys. `null` is tolerated in a nullable enum (OAS 3.0 requires listing it) and left out of the values.
   */
  private enumShape(node: Record<string, unknown>, pointer: string, namePart: string, nullable: boolean): SchemaShape {
    const enumPointer = childPointer(pointer, "enum");
    const raw = node.enum;
    if (!Array.isArray(raw)) throw this.spec.error(enumPointer, "`enum` must be a list");
    if (raw.length === 0) throw this.spec.error(enumPointer, "`enum` has no values");
    const values: string[] = [];
    raw.forEach((value, index) => {
      if (typeof value === "string") values.push(value);
      else if (!(value === null && nullable)) {
        throw this.spec.error(childPointer(enumPointer, index), `enum values must be strings, found ${value === null ? "null" : typeof value} ${JSON.stringify(value)}`);
      }
    });
    this.registerEnum(node, pointer, namePart, values);
    // `format: enum` is a protobuf-gateway artefact, not a string format; dropping it keeps the v1/v2 diff quiet.
    const format = typeof node.format === "string" && node.format !== "enum" ? node.format : undefined;
    return { kind: "primitive", type: "string", ...(format ? { format } : {}), enumValues: values, nullable };
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
      ...describe(node),
      deprecated: node.deprecated === true,
      source: this.source(pointer),
    });
  }
}

const unknownShape: SchemaShape = { kind: "unknown", nullable: false };

function describe(node: Record<string, unknown>): { description?: string } {
  return typeof node.description === "string" && node.description.trim() !== "" ? { description: node.description.trim() } : {};
}
