/**
 * Writes a deterministic multi-MB OpenAPI document shaped like the cluster
 * API scaled up: per resource an Info schema with enums, nested nodes and
 * $refs, create/update requests, a list wrapper, and five CRUD operations.
 * Used as the "large spec" of the codegen benchmark (the real GitHub spec
 * ships in a 28 MB npm tarball, too heavy to install on every CI run).
 *
 * CLI: tsx bench/codegen/synthetic-spec.ts <out.yaml> [resources] [3.0.3|3.1.0]
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { stringify } from "yaml";

/** Which dialect to write: v1-like (3.0.3, /api/v1) or v2-like (3.1.0, /compute). */
export type SyntheticDialect = "3.0.3" | "3.1.0";

const words = ["alpha", "bravo", "cargo", "delta", "ember", "fjord", "gamma", "harbor", "ivory", "jolt", "krypton", "lumen"];

function enumValues(resource: number, field: number, count: number): string[] {
  return Array.from({ length: count }, (_, k) => `${words[(resource + field + k) % words.length]!.toUpperCase()}_${field}_${k}`);
}

function describe(what: string, resource: number): string {
  return `The ${what} of resource family ${resource}. Synthetic text standing in for the prose real specs carry on every field, so that parsing cost scales the way it does in practice.`;
}

function nullableString(dialect: SyntheticDialect): Record<string, unknown> {
  return dialect === "3.1.0" ? { type: ["string", "null"] } : { type: "string", nullable: true };
}

function schemasFor(r: number, dialect: SyntheticDialect): Record<string, unknown> {
  const name = `Resource${r}`;
  const scalarFields: Record<string, unknown> = {};
  for (let f = 0; f < 12; f++) {
    scalarFields[`text_field_${f}`] = { type: "string", description: describe(`text field ${f}`, r) };
  }
  for (let f = 0; f < 6; f++) {
    scalarFields[`count_field_${f}`] = { type: "integer", format: f % 2 ? "int32" : "uint32", description: describe(`count ${f}`, r) };
  }
  for (let f = 0; f < 4; f++) {
    scalarFields[`kind_${f}`] = { type: "string", enum: enumValues(r, f, 3 + ((r + f) % 9)), description: describe(`kind ${f}`, r) };
  }
  return {
    [`${name}Node`]: {
      type: "object",
      required: ["node_id", "status"],
      properties: {
        node_id: { type: "string" },
        status: { type: "string", enum: enumValues(r, 99, 5) },
        host_name: { type: "string" },
        memory_gib: { type: "number", format: "float" },
        networks: { type: "array", items: { type: "string" } },
        note: nullableString(dialect),
      },
    },
    [`${name}Info`]: {
      type: "object",
      description: describe("info document", r),
      required: ["id", "name", "kind_0", "nodes"],
      properties: {
        id: { type: "string" },
        name: { type: "string" },
        created_at: { type: "string", format: "date-time" },
        nodes: { type: "array", items: { $ref: `#/components/schemas/${name}Node` } },
        labels: { type: "object", additionalProperties: { type: "string" } },
        ...scalarFields,
      },
    },
    [`${name}CreateRequest`]: {
      type: "object",
      required: ["name", "kind_0"],
      properties: {
        name: { type: "string", description: describe("name", r) },
        kind_0: { type: "string", enum: enumValues(r, 0, 3 + (r % 9)) },
        count_field_0: { type: "integer", format: "uint32" },
        text_field_0: { type: "string" },
      },
    },
    [`${name}UpdateRequest`]: {
      type: "object",
      properties: { count_field_0: { type: "integer", format: "uint32" }, text_field_1: { type: "string" } },
    },
    [`${name}List`]: {
      type: "object",
      required: ["items"],
      properties: { items: { type: "array", items: { $ref: `#/components/schemas/${name}Info` } } },
    },
  };
}

function json(ref: string): Record<string, unknown> {
  return { content: { "application/json": { schema: { $ref: `#/components/schemas/${ref}` } } } };
}

function pathsFor(r: number, prefix: string): Record<string, unknown> {
  const name = `Resource${r}`;
  const tag = `${name}Service`;
  const idParam = { name: "id", in: "path", required: true, schema: { type: "string" } };
  const ok = (ref: string) => ({ "200": { description: "OK", ...json(ref) } });
  return {
    [`${prefix}/resources${r}`]: {
      get: { tags: [tag], operationId: `${tag}_List`, summary: `List ${name}`, responses: ok(`${name}List`) },
      post: {
        tags: [tag],
        operationId: `${tag}_Create`,
        summary: `Create ${name}`,
        requestBody: { required: true, ...json(`${name}CreateRequest`) },
        responses: ok(`${name}Info`),
      },
    },
    [`${prefix}/resources${r}/{id}`]: {
      get: { tags: [tag], operationId: `${tag}_Get`, parameters: [idParam], responses: ok(`${name}Info`) },
      put: {
        tags: [tag],
        operationId: `${tag}_Update`,
        parameters: [idParam],
        requestBody: { required: true, ...json(`${name}UpdateRequest`) },
        responses: ok(`${name}Info`),
      },
      delete: {
        tags: [tag],
        operationId: `${tag}_Delete`,
        parameters: [idParam],
        responses: { "200": { description: "OK", content: { "application/json": { schema: { type: "object" } } } } },
      },
    },
  };
}

/** Builds the document in memory; same inputs give the same document. */
export function syntheticSpec(resources: number, dialect: SyntheticDialect): Record<string, unknown> {
  if (!Number.isInteger(resources) || resources < 1) {
    throw new Error(`syntheticSpec: resources must be a positive integer, got ${resources}`);
  }
  const prefix = dialect === "3.0.3" ? "/api/v1" : "/compute";
  const paths: Record<string, unknown> = {};
  const schemas: Record<string, unknown> = {};
  for (let r = 0; r < resources; r++) {
    Object.assign(paths, pathsFor(r, prefix));
    Object.assign(schemas, schemasFor(r, dialect));
  }
  return {
    openapi: dialect,
    info: { title: `Synthetic ${resources}-resource API`, version: "1.0.0" },
    servers: [{ url: "https://api.example.invalid" }],
    security: [{ bearerAuth: [] }],
    paths,
    components: { schemas, securitySchemes: { bearerAuth: { type: "http", scheme: "bearer" } } },
  };
}

/** Writes the document as YAML to `file`; returns its size in bytes. */
export function writeSyntheticSpec(file: string, resources: number, dialect: SyntheticDialect): number {
  const text = stringify(syntheticSpec(resources, dialect), { lineWidth: 0, aliasDuplicateObjects: false });
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
  return Buffer.byteLength(text);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [file, resources = "600", dialect = "3.1.0"] = process.argv.slice(2);
  if (!file || (dialect !== "3.0.3" && dialect !== "3.1.0")) {
    throw new Error("usage: tsx bench/codegen/synthetic-spec.ts <out.yaml> [resources] [3.0.3|3.1.0]");
  }
  const bytes = writeSyntheticSpec(resolve(file), Number(resources), dialect);
  process.stdout.write(`${file}: ${(bytes / 1e6).toFixed(2)} MB\n`);
}
