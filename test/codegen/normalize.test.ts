import { describe, expect, test } from "vitest";
import type { SchemaShape } from "../../codegen/ir.js";
import { modelOf, specText } from "./helpers.js";

/** The normalized shape of `#/components/schemas/S` for a given schema object. */
function shapeOf(schema: unknown, openapi = "3.0.3"): SchemaShape {
  const model = modelOf(specText({ openapi, schemas: { S: schema, T: { type: "string" } } }));
  const def = model.schemas.find((s) => s.name === "S");
  if (!def) throw new Error("schema S missing");
  return def.shape;
}

describe("normalize: schema shapes", () => {
  test.each([
    {
      description: "enum without type is a string enum",
      schema: { enum: ["A", "B"] },
      want: { kind: "primitive", type: "string", enumValues: ["A", "B"], nullable: false },
    },
    {
      description: "format: enum (protobuf artefact) is dropped",
      schema: { type: "string", format: "enum", enum: ["X"] },
      want: { kind: "primitive", type: "string", enumValues: ["X"], nullable: false },
    },
    {
      description: "a real format is kept",
      schema: { type: "integer", format: "uint32" },
      want: { kind: "primitive", type: "integer", format: "uint32", nullable: false },
    },
    {
      description: "3.0 nullable",
      schema: { type: "string", nullable: true },
      want: { kind: "primitive", type: "string", nullable: true },
    },
    {
      description: "3.1 type array with null",
      schema: { type: ["string", "null"] },
      want: { kind: "primitive", type: "string", nullable: true },
    },
    {
      description: "null tolerated in a nullable enum and left out of the values",
      schema: { type: "string", nullable: true, enum: ["A", null] },
      want: { kind: "primitive", type: "string", enumValues: ["A"], nullable: true },
    },
    {
      description: "object with required flags in property order",
      schema: { type: "object", required: ["b"], properties: { a: { type: "string" }, b: { type: "boolean", description: " B. " } } },
      want: {
        kind: "object",
        additionalProperties: false,
        nullable: false,
        properties: [
          { name: "a", required: false, deprecated: false, schema: { kind: "primitive", type: "string", nullable: false } },
          { name: "b", required: true, deprecated: false, description: "B.", schema: { kind: "primitive", type: "boolean", nullable: false } },
        ],
      },
    },
    {
      description: "properties without type is an object",
      schema: { properties: { a: { type: "string" } } },
      want: { kind: "object", additionalProperties: false, nullable: false, properties: [{ name: "a", required: false, deprecated: false, schema: { kind: "primitive", type: "string", nullable: false } }] },
    },
    {
      description: "array of refs",
      schema: { type: "array", items: { $ref: "#/components/schemas/S" } },
      want: { kind: "array", nullable: false, items: { kind: "ref", target: "S", nullable: false } },
    },
    {
      description: "map via additionalProperties",
      schema: { type: "object", additionalProperties: { type: "integer" } },
      want: { kind: "object", properties: [], nullable: false, additionalProperties: { kind: "primitive", type: "integer", nullable: false } },
    },
    {
      description: "allOf is an intersection",
      schema: { allOf: [{ $ref: "#/components/schemas/T" }, { type: "object" }] },
      want: {
        kind: "intersection",
        nullable: false,
        members: [
          { kind: "ref", target: "T", nullable: false },
          { kind: "object", properties: [], additionalProperties: false, nullable: false },
        ],
      },
    },
    {
      description: "oneOf is a union",
      schema: { oneOf: [{ type: "string" }, { type: "integer" }] },
      want: { kind: "union", nullable: false, members: [{ kind: "primitive", type: "string", nullable: false }, { kind: "primitive", type: "integer", nullable: false }] },
    },
    { description: "empty schema is unknown", schema: {}, want: { kind: "unknown", nullable: false } },
  ])("$description", ({ schema, want }) => {
    expect(shapeOf(schema, "3.1.0")).toEqual(want);
  });

  test("an unknown schema type is rejected with its location", () => {
    expect(() => shapeOf({ type: "object", properties: { upload: { type: "file" } } })).toThrow(
      /^spec\.yaml:\d+:\d+ #\/components\/schemas\/S\/properties\/upload\/type: unknown schema type "file": use one of string, integer, number, boolean, null, object, array$/,
    );
  });

  test("a recursive schema through properties is accepted (it is an ordinary recursive type)", () => {
    const shape = shapeOf({ type: "object", properties: { children: { type: "array", items: { $ref: "#/components/schemas/S" } } } });
    expect(shape).toMatchObject({ kind: "object", properties: [{ name: "children", schema: { kind: "array", items: { kind: "ref", target: "S" } } }] });
  });
});

describe("normalize: enum names follow locations (naming.ts)", () => {
  const text = specText({
    paths: {
      "/clusters": {
        parameters: [{ name: "view", in: "query", schema: { type: "string", enum: ["full", "brief"] } }],
        get: {
          operationId: "GPUClusterService_List",
          parameters: [{ name: "project_id", in: "query", schema: { enum: ["p1"] } }, { $ref: "#/components/parameters/Sort" }],
          responses: {
            "200": { description: "OK", content: { "application/json": { schema: { type: "object", properties: { phase: { enum: ["ON"] } } } } } },
          },
        },
        post: {
          operationId: "GPUClusterService_Create",
          requestBody: { content: { "application/json": { schema: { type: "object", properties: { gpu_type: { enum: ["H100"] } } } } } },
          responses: { default: { description: "error", content: { "application/json": { schema: { properties: { code: { enum: ["E"] } } } } } } },
        },
      },
    },
    schemas: {
      GPUClusterInfo: {
        type: "object",
        properties: {
          driver_version: { type: "string", enum: ["CUDA_12"] },
          volumes: { type: "array", items: { type: "object", properties: { status: { enum: ["bound"] } } } },
          labels: { type: "object", additionalProperties: { enum: ["x"] } },
          kind: { oneOf: [{ enum: ["a"] }, { type: "integer" }] },
        },
      },
      RemediationMode: { type: "string", enum: ["VM_ONLY"] },
    },
  });
  // specText only knows schemas; components/parameters is spliced in next to them.
  const withParameters = text.replace("components:\n", "components:\n  parameters:\n    Sort:\n      name: sort\n      in: query\n      schema:\n        enum: [asc, desc]\n");

  test.each([
    { name: "GPUClusterInfoDriverVersion", pointer: "#/components/schemas/GPUClusterInfo/properties/driver_version", values: ["CUDA_12"] },
    { name: "GPUClusterInfoVolumesItemStatus", pointer: "#/components/schemas/GPUClusterInfo/properties/volumes/items/properties/status", values: ["bound"] },
    { name: "GPUClusterInfoLabelsValue", pointer: "#/components/schemas/GPUClusterInfo/properties/labels/additionalProperties", values: ["x"] },
    { name: "GPUClusterInfoKindOneOf0", pointer: "#/components/schemas/GPUClusterInfo/properties/kind/oneOf/0", values: ["a"] },
    { name: "RemediationMode", pointer: "#/components/schemas/RemediationMode", values: ["VM_ONLY"] },
    { name: "GPUClusterServiceListProjectIdParam", pointer: "#/paths/~1clusters/get/parameters/0/schema", values: ["p1"] },
    { name: "GPUClusterServiceListViewParam", pointer: "#/paths/~1clusters/parameters/0/schema", values: ["full", "brief"] },
    { name: "SortParam", pointer: "#/components/parameters/Sort/schema", values: ["asc", "desc"] },
    { name: "GPUClusterServiceListResponse200Phase", pointer: "#/paths/~1clusters/get/responses/200/content/application~1json/schema/properties/phase", values: ["ON"] },
    { name: "GPUClusterServiceCreateRequestBodyGpuType", pointer: "#/paths/~1clusters/post/requestBody/content/application~1json/schema/properties/gpu_type", values: ["H100"] },
    { name: "GPUClusterServiceCreateResponseDefaultCode", pointer: "#/paths/~1clusters/post/responses/default/content/application~1json/schema/properties/code", values: ["E"] },
  ])("$name ← $pointer", ({ name, pointer, values }) => {
    const model = modelOf(withParameters);
    const found = model.enums.find((e) => e.name === name);
    expect(found?.source.pointer).toBe(pointer);
    expect(found?.values).toEqual(values);
  });

  test("enums in reusable components no operation uses are still emitted", () => {
    const text = [
      "openapi: 3.0.3",
      "info: {title: t, version: '1'}",
      "paths: {}",
      "components:",
      "  parameters:",
      "    Order: {name: order, in: query, schema: {enum: [asc]}}",
      "  requestBodies:",
      "    Resize: {content: {application/json: {schema: {properties: {unit: {enum: [TiB]}}}}}}",
      "  responses:",
      "    Problem: {description: error, content: {application/json: {schema: {properties: {code: {enum: [E1]}}}}}}",
    ].join("\n");
    expect(modelOf(text).enums.map((e) => [e.name, e.source.pointer, e.values])).toEqual([
      ["OrderParam", "#/components/parameters/Order/schema", ["asc"]],
      ["ProblemResponseCode", "#/components/responses/Problem/content/application~1json/schema/properties/code", ["E1"]],
      ["ResizeRequestBodyUnit", "#/components/requestBodies/Resize/content/application~1json/schema/properties/unit", ["TiB"]],
    ]);
  });

  test("two locations that would share a name are an error, not a rename", () => {
    const clash = specText({ schemas: { AB: { properties: { c: { enum: ["x"] } } }, A: { properties: { b_c: { enum: ["y"] } } } } });
    expect(() => modelOf(clash)).toThrow(/#\/components\/schemas\/A\/properties\/b_c: enum name ABC is already used by #\/components\/schemas\/AB\/properties\/c/);
  });
});

describe("normalize: operations", () => {
  test("path-level parameters merge with operation ones; path parameters are always required", () => {
    const model = modelOf(
      specText({
        paths: {
          "/v/{id}": {
            parameters: [{ name: "id", in: "path", schema: { type: "string" } }, { name: "q", in: "query", required: true, schema: { type: "string" } }],
            delete: { operationId: "Del", deprecated: true, parameters: [{ name: "q", in: "query", schema: { type: "integer" } }], responses: { "200": { description: "OK" } } },
          },
        },
      }),
    );
    expect(model.operations).toHaveLength(1);
    const op = model.operations[0];
    expect(op).toMatchObject({ operationId: "Del", method: "delete", path: "/v/{id}", deprecated: true });
    expect(op?.parameters.map((p) => [p.in, p.name, p.required, p.schema.kind === "primitive" ? p.schema.type : p.schema.kind])).toEqual([
      ["path", "id", true, "string"],
      ["query", "q", false, "integer"],
    ]);
    expect(op?.responses).toEqual([{ status: "200", description: "OK" }]);
  });

  test("an operation without operationId (valid OpenAPI) is named from method and path, with a located warning", () => {
    const text = specText({ paths: { "/x/{id}": { get: { responses: {} } } } });
    const model = modelOf(text);
    expect(model.operations.map((op) => op.operationId)).toEqual(["getXById"]);
    expect(model.warnings).toEqual([
      expect.stringMatching(/^spec\.yaml:\d+:\d+ #\/paths: 1 operation\(s\) have no operationId and are named from method and path \(GET \/x\/\{id\} → getXById\)/),
    ]);
  });
});
