import { CodegenErrors } from "./errors.js";
import type { LoadedSpec } from "./load.js";
import { pathsOutsideClusterApi, syncAdvice } from "./sync/targets.js";
import type { ApiModel, HttpMethod, OperationDef, ParameterDef, ParameterLocation, ResponseDef, SchemaDef, SourceRef } from "./ir.js";
import { byCodePoint, camelCase, parameterNamePart, pascalCase, requestBodyNamePart, responseNamePart, schemaNamePart } from "./naming.js";
import { descriptionOf, SchemaNormalizer, sourceRef, unknownShape, MAX_DEPTH } from "./normalize-schema.js";
import { childPointer, isRecord, parsePointer, resolvePointer, toPointer } from "./pointer.js";

const HTTP_METHODS: readonly HttpMethod[] = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];
const PARAMETER_LOCATIONS: readonly ParameterLocation[] = ["path", "query", "header", "cookie"];

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
  private readonly schemaNormalizer: SchemaNormalizer;

  constructor(spec: LoadedSpec) {
    this.spec = spec;
    this.schemaNormalizer = new SchemaNormalizer(spec);
  }

  run(): ApiModel {
    const { document } = this.spec;
    const info = isRecord(document.info) ? document.info : {};
    const schemas = this.schemas();
    const operations = this.operations();
    this.unreferencedComponents();
    const outside = pathsOutsideClusterApi(document, this.spec.version);
    const advice = outside.length === 0 ? undefined : syncAdvice(this.spec.file, this.spec.version, outside);
    const [firstProblem, ...problems] = this.schemaNormalizer.problems;
    if (firstProblem !== undefined) throw new CodegenErrors([firstProblem, ...problems], advice);
    const warnings = [...(advice === undefined ? [] : [advice]), ...this.schemaNormalizer.warnings];
    return {
      version: this.spec.version,
      file: this.spec.file,
      sha256: this.spec.sha256,
      title: typeof info.title === "string" ? info.title : "",
      infoVersion: typeof info.version === "string" ? info.version : String(info.version ?? ""),
      openapi: String(document.openapi),
      operations: operations.sort((a, b) => byCodePoint(a.operationId, b.operationId)),
      schemas: schemas.sort((a, b) => byCodePoint(a.name, b.name)),
      enums: this.schemaNormalizer.enums(),
      ...(warnings.length === 0 ? {} : { warnings }),
    };
  }

  private source(pointer: string): SourceRef {
    return sourceRef(this.spec, pointer);
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
        shape: this.schemaNormalizer.attempt(unknownShape, () => this.schemaNormalizer.shape(node, pointer, schemaNamePart(name), 0)),
        ...descriptionOf(record),
        deprecated: record.deprecated === true,
        source: this.source(pointer),
      };
    });
  }

  /**
   * Enums inside reusable parameters, request bodies and responses must be emitted even when no operation uses
   * them yet ("every enum in either spec"); the ones already reached through operations are skipped by pointer.
   */
  private unreferencedComponents(): void {
    const components = this.spec.document.components;
    if (!isRecord(components)) return;
    const each = (section: string, visit: (node: unknown, pointer: string) => void) => {
      const entries = components[section];
      if (isRecord(entries)) for (const [name, node] of Object.entries(entries)) visit(node, childPointer("#/components", section, name));
    };
    each("parameters", (node, pointer) => this.parameter(node, pointer, ""));
    each("requestBodies", (node, pointer) => this.requestBody(node, pointer, ""));
    // responses() walks a status → response map; a components/responses map has the same shape, keyed by name.
    if (components.responses !== undefined) this.responses(components.responses, "#/components/responses", "");
  }

  private operations(): OperationDef[] {
    const paths = this.spec.document.paths;
    if (paths === undefined) return [];
    if (!isRecord(paths)) throw this.spec.error("#/paths", "`paths` must be a mapping");
    const seen = new Map<string, string>();
    const operations: OperationDef[] = [];
    const unnamed: string[] = [];
    for (const [path, rawItem] of Object.entries(paths)) {
      const itemPointer = childPointer("#/paths", path);
      if (!path.startsWith("/")) throw this.spec.error(itemPointer, `path ${JSON.stringify(path)} must start with "/"`);
      const { node: item, pointer: resolvedItemPointer } = this.deref(rawItem, itemPointer);
      if (!isRecord(item)) throw this.spec.error(itemPointer, "a path item must be a mapping");
      for (const method of HTTP_METHODS) {
        const operation = item[method];
        if (operation === undefined) continue;
        const pointer = childPointer(resolvedItemPointer, method);
        const normalized = this.schemaNormalizer.attempt(undefined, () => {
          if (!isRecord(operation)) throw this.spec.error(pointer, "an operation must be a mapping");
          const operationId = this.operationIdOf(operation, method, path, pointer, unnamed);
          const idPointer = operation.operationId === undefined ? pointer : childPointer(pointer, "operationId");
          const first = seen.get(operationId);
          if (first !== undefined) {
            const where = this.spec.locate(first);
            throw this.spec.error(idPointer, `duplicate operationId ${JSON.stringify(operationId)}, first used at ${where.line}:${where.col} ${first}; operationIds must be unique`);
          }
          seen.set(operationId, idPointer);
          return this.operation(path as `/${string}`, method, operation, pointer, item, resolvedItemPointer, operationId);
        });
        if (normalized !== undefined) operations.push(normalized);
      }
    }
    if (unnamed.length > 0) {
      const examples = unnamed.slice(0, 3).join(", ");
      this.schemaNormalizer.warn(
        "#/paths",
        `${unnamed.length} operation(s) have no operationId and are named from method and path (${examples}${unnamed.length > 3 ? ", …" : ""}); ` +
          "give them an operationId to pair them in codegen/config.ts",
      );
    }
    return operations;
  }

  /**
   * The operationId, or for an operation without one (valid OpenAPI) a name from method and path:
   * `GET /deployments/{id}` → `getDeploymentsById`. Such an operation cannot be in the pairing table, so it is one-sided.
   */
  private operationIdOf(operation: Record<string, unknown>, method: HttpMethod, path: string, pointer: string, unnamed: string[]): string {
    const operationId = operation.operationId;
    if (typeof operationId === "string" && operationId !== "") return operationId;
    if (operationId !== undefined) throw this.spec.error(childPointer(pointer, "operationId"), "`operationId` must be a non-empty string (or left out)");
    const synthesized = camelCase(`${method} ${path.replace(/\{([^}]*)\}/g, "by $1")}`);
    unnamed.push(`${method.toUpperCase()} ${path} → ${synthesized}`);
    return synthesized;
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
      ...descriptionOf(node),
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
        ? this.schemaNormalizer.shape(node.schema, childPointer(at, "schema"), namePart, 0)
        : media
          ? this.schemaNormalizer.shape(media.schema, media.pointer, namePart, 0)
          : unknownShape;
    return {
      name,
      in: location as ParameterLocation,
      // Path parameters are always required (OAS 3 §4.8.12.1) even when the spec forgets to say so.
      required: location === "path" || node.required === true,
      schema,
      ...descriptionOf(node),
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
      ...(media ? { schema: this.schemaNormalizer.shape(media.schema, media.pointer, namePart, 0) } : {}),
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
          ...descriptionOf(node),
          ...(media ? { schema: this.schemaNormalizer.shape(media.schema, media.pointer, namePart, 0) } : {}),
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
}

