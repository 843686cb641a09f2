/**
 * fast-check arbitraries for tiny but well-formed OpenAPI documents: a few object schemas with string, integer,
 * number, boolean, enum, array, nested-object and $ref properties, and a few operations using them. The v1 flavour is
 * OpenAPI 3.0.3 (`nullable: true`), the v2 flavour 3.1.0 (`type: [x, "null"]`, enums without `type`), like the real specs.
 */
import fc from "fast-check";
import type { ApiVersion } from "../../src/index.js";

type Json = Record<string, unknown>;

const schemaNames = ["Cluster", "Region", "Volume", "NodeInfo", "Driver", "Project", "Billing", "Quota"] as const;
const propertyNames = ["name", "size_tib", "count", "enabled", "kind", "items", "nested", "region_id", "created_at", "ratio", "tags", "owner"] as const;
const enumWords = ["READY", "PENDING", "FAILED", "ON_DEMAND", "RESERVED", "H100_SXM", "deleting", "Running"] as const;
const resources = ["things", "widgets", "gadgets"] as const;

/** A property schema; `refs` are the schema names it may point at (earlier ones only, so there are no cycles). */
function propertySchema(version: ApiVersion, refs: readonly string[], depth: number): fc.Arbitrary<Json> {
  const scalar = fc.oneof(
    fc.constant({ type: "string" }),
    fc.constant({ type: "string", format: "date-time" }),
    fc.constant({ type: "integer", format: "int32" }),
    fc.constant({ type: "number" }),
    fc.constant({ type: "boolean" }),
    fc.uniqueArray(fc.constantFrom(...enumWords), { minLength: 1, maxLength: 4 }).chain((values) =>
      // v2's real spec writes some enums without `type`; both forms must work.
      version === "v2" ? fc.constantFrom({ enum: values }, { type: "string", enum: values }) : fc.constant({ type: "string", enum: values }),
    ),
  );
  const options: fc.Arbitrary<Json>[] = [
    scalar,
    scalar.map((items) => ({ type: "array", items })),
    scalar.map((items) => ({ type: "array", items: { type: "array", items } })),
    // A map: `additionalProperties` with a value schema.
    scalar.map((values) => ({ type: "object", additionalProperties: values })),
  ];
  if (refs.length > 0) {
    const ref = fc.constantFrom(...refs).map((name) => ({ $ref: `#/components/schemas/${name}` }));
    options.push(ref, ref.map((items) => ({ type: "array", items })));
    options.push(fc.tuple(ref, scalar).map(([a, b]) => ({ oneOf: [a, b] })));
    options.push(ref.map((base) => ({ allOf: [base, { type: "object", properties: { extra_note: { type: "string" } } }] })));
  }
  if (depth < 1) options.push(objectSchema(version, refs, depth + 1));
  return fc.tuple(fc.oneof(...options), fc.boolean(), fc.option(fc.constantFrom("A field.", "Size in TiB; `0` means default.", 'Quotes " and */ are fine.'), { nil: undefined })).map(
    ([schema, nullable, description]) => {
      const withDoc = description === undefined || "$ref" in schema ? schema : { ...schema, description };
      if (!nullable || "$ref" in schema || !("type" in schema) || schema["type"] === "object") return withDoc;
      return version === "v1" ? { ...withDoc, nullable: true } : { ...withDoc, type: [schema["type"], "null"] };
    },
  );
}

function objectSchema(version: ApiVersion, refs: readonly string[], depth: number): fc.Arbitrary<Json> {
  return fc
    .uniqueArray(fc.constantFrom(...propertyNames), { minLength: 1, maxLength: 5 })
    .chain((names) =>
      fc.tuple(fc.tuple(...names.map(() => propertySchema(version, refs, depth))), fc.subarray(names)).map(([schemas, required]) => ({
        type: "object",
        properties: Object.fromEntries(names.map((name, i) => [name, schemas[i]])),
        ...(required.length > 0 ? { required } : {}),
      })),
    );
}

/** A list of operations over the given schemas: unique operationIds, path parameters where the path has one. */
function operations(schemas: readonly string[]): fc.Arbitrary<Json> {
  const op = fc.record({
    resource: fc.constantFrom(...resources),
    byId: fc.boolean(),
    method: fc.constantFrom("get", "post", "put", "delete"),
    response: fc.constantFrom(...schemas),
    body: fc.constantFrom(...schemas),
  });
  return fc.uniqueArray(op, { minLength: 1, maxLength: 4, selector: (o) => `${o.resource}/${o.byId}/${o.method}` }).map((ops) => {
    const paths: Record<string, Json> = {};
    for (const o of ops) {
      const path = o.byId ? `/${o.resource}/{${o.resource}_id}` : `/${o.resource}`;
      const verb = o.method[0]!.toUpperCase() + o.method.slice(1);
      const operation: Json = {
        operationId: `${o.resource[0]!.toUpperCase()}${o.resource.slice(1)}Service_${verb}${o.byId ? "One" : "Many"}`,
        summary: `${verb} ${o.resource}`,
        ...(o.byId ? { parameters: [{ name: `${o.resource}_id`, in: "path", required: true, schema: { type: "string" } }] } : {}),
        ...(o.method === "post" || o.method === "put"
          ? { requestBody: { required: true, content: { "application/json": { schema: { $ref: `#/components/schemas/${o.body}` } } } } }
          : {}),
        responses: { "200": { description: "OK", content: { "application/json": { schema: { $ref: `#/components/schemas/${o.response}` } } } } },
      };
      paths[path] = { ...paths[path], [o.method]: operation };
    }
    return paths;
  });
}

/** A well-formed OpenAPI document of the given version's flavour, as a plain object. */
export function wellFormedSpec(version: ApiVersion): fc.Arbitrary<Json> {
  return fc.uniqueArray(fc.constantFrom(...schemaNames), { minLength: 1, maxLength: 4 }).chain((names) =>
    fc
      .tuple(fc.tuple(...names.map((_, i) => objectSchema(version, names.slice(0, i), 0))), operations(names))
      .map(([schemas, paths]) => ({
        openapi: version === "v1" ? "3.0.3" : "3.1.0",
        info: { title: `random ${version}`, version: "1.0.0" },
        paths,
        components: { schemas: Object.fromEntries(names.map((name, i) => [name, { ...schemas[i], description: `The ${name}.` }])) },
      })),
  );
}
