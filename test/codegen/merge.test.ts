import { describe, expect, test } from "vitest";
import type { OperationPairing } from "../../codegen/config.js";
import type { ApiModel, ApiVersion, Difference, OperationDef, PropertyDef, SchemaDef, SchemaShape } from "../../codegen/ir.js";
import { merge } from "../../codegen/merge.js";
import { differenceLine } from "../../codegen/emit/report.js";

// IR builders: tiny, explicit, no files.
const str: SchemaShape = { kind: "primitive", type: "string", nullable: false };
const int = (format?: string): SchemaShape => ({ kind: "primitive", type: "integer", ...(format ? { format } : {}), nullable: false });
const strEnum = (...values: string[]): SchemaShape => ({ kind: "primitive", type: "string", enumValues: values, nullable: false });
const ref = (target: string): SchemaShape => ({ kind: "ref", target, nullable: false });
const arr = (items: SchemaShape): SchemaShape => ({ kind: "array", items, nullable: false });
const prop = (name: string, schema: SchemaShape, required = false): PropertyDef => ({ name, schema, required, deprecated: false });
const obj = (...properties: PropertyDef[]): SchemaShape => ({ kind: "object", properties, additionalProperties: false, nullable: false });
const source = (version: ApiVersion, pointer: string) => ({ version, file: `${version}.yaml`, line: 1, col: 1, pointer });
const schema = (version: ApiVersion, name: string, shape: SchemaShape): SchemaDef => ({ name, shape, deprecated: false, source: source(version, `#/components/schemas/${name}`) });
const op = (version: ApiVersion, operationId: string, extra: Partial<OperationDef> = {}): OperationDef => ({
  operationId,
  method: "get",
  path: `/${operationId}`,
  deprecated: false,
  tags: [],
  parameters: [],
  responses: [],
  source: source(version, `#/paths/~1${operationId}/get`),
  ...extra,
});
const model = (version: ApiVersion, parts: { operations?: OperationDef[]; schemas?: SchemaDef[] }): ApiModel => ({
  version,
  file: `${version}.yaml`,
  sha256: "0".repeat(64),
  title: version,
  infoVersion: "1",
  openapi: "3.0.3",
  operations: parts.operations ?? [],
  schemas: parts.schemas ?? [],
  enums: [],
});

const pairings: OperationPairing[] = [
  { name: "clusterList", v1: "GPUClusterService_List", v2: "GPUClusterService_List" },
  { name: "volumeUpdate", v2: "SharedVolumeService_Update" },
  { name: "renamed", v1: "OldName", v2: "NewName" },
];

/** Compact view of merged operations: `name:v1+v2 (how)`. */
function operationSummary(v1: OperationDef[], v2: OperationDef[]): string[] {
  return merge(model("v1", { operations: v1 }), model("v2", { operations: v2 }), pairings).operations.map(
    (o) => `${o.name}:${[o.v1 ? "v1" : "", o.v2 ? "v2" : ""].filter(Boolean).join("+")} (${o.pairedBy})`,
  );
}

describe("merge: operations are paired by the table, not by path", () => {
  test.each([
    {
      description: "paired by config although paths differ",
      v1: [op("v1", "GPUClusterService_List", { path: "/api/v1/gpu_clusters" })],
      v2: [op("v2", "GPUClusterService_List", { path: "/compute/clusters" })],
      want: ["clusterList:v1+v2 (config)"],
    },
    { description: "config may pair different operationIds", v1: [op("v1", "OldName")], v2: [op("v2", "NewName")], want: ["renamed:v1+v2 (config)"] },
    { description: "a configured one-sided operation keeps its name", v1: [], v2: [op("v2", "SharedVolumeService_Update")], want: ["volumeUpdate:v2 (unpaired)"] },
    { description: "an unknown v2 operation is listed, named camel(operationId)", v1: [], v2: [op("v2", "availabilityZones")], want: ["availabilityZones:v2 (unpaired)"] },
    { description: "an unknown v1 operation is listed", v1: [op("v1", "Legacy_Export")], v2: [], want: ["legacyExport:v1 (unpaired)"] },
    { description: "unconfigured but same operationId in both: paired, and flagged as such", v1: [op("v1", "Foo_Bar")], v2: [op("v2", "Foo_Bar")], want: ["fooBar:v1+v2 (same-operation-id)"] },
    {
      description: "same paths but different unconfigured operationIds stay apart",
      v1: [op("v1", "A_Get", { path: "/same" })],
      v2: [op("v2", "B_Get", { path: "/same" })],
      want: ["aGet:v1 (unpaired)", "bGet:v2 (unpaired)"],
    },
    { description: "configured operations missing from both specs are left out", v1: [], v2: [], want: [] },
  ])("$description", ({ v1, v2, want }) => {
    expect(operationSummary(v1, v2)).toEqual(want);
  });

  test("an unconfigured operation whose derived name clashes with a configured one is an error, not a rename", () => {
    expect(operationSummary([], [op("v2", "SharedVolumeService_Update"), op("v2", "Volume_Resize")])).toEqual(["volumeResize:v2 (unpaired)", "volumeUpdate:v2 (unpaired)"]);
    expect(() => operationSummary([], [op("v2", "SharedVolumeService_Update"), op("v2", "Volume_Update")])).toThrow(
      /^v2\.yaml:1:1 #\/paths\/~1Volume_Update\/get: operation would get the unified name volumeUpdate, already used by v2 SharedVolumeService_Update/,
    );
    expect(() => operationSummary([op("v1", "GPUClusterService_List")], [op("v2", "ClusterList")])).toThrow(
      /operation would get the unified name clusterList, already used by v1 GPUClusterService_List/,
    );
  });
});

/** Report lines for a pair of same-named schemas `S`, plus the emitted names. */
function schemaMerge(v1: SchemaDef[], v2: SchemaDef[], name = "S") {
  const merged = merge(model("v1", { schemas: v1 }), model("v2", { schemas: v2 }), []);
  const pair = merged.schemas.find((s) => s.name === name);
  if (!pair) throw new Error(`no schema ${name}`);
  return { identical: pair.identical, emitted: pair.emittedNames, lines: pair.differences.map(differenceLine) };
}

describe("merge: schemas", () => {
  test.each([
    {
      description: "identical shapes (descriptions aside) are emitted once",
      v1: [schema("v1", "S", obj(prop("a", str)))],
      v2: [{ ...schema("v2", "S", obj(prop("a", str))), description: "other prose" }],
      want: { identical: true, emitted: { shared: "S" }, lines: [] },
    },
    {
      description: "property order does not matter",
      v1: [schema("v1", "S", obj(prop("a", str), prop("b", int())))],
      v2: [schema("v2", "S", obj(prop("b", int()), prop("a", str)))],
      want: { identical: true, emitted: { shared: "S" }, lines: [] },
    },
    {
      description: "field only in v1",
      v1: [schema("v1", "S", obj(prop("a", str), prop("legacy", str)))],
      v2: [schema("v2", "S", obj(prop("a", str)))],
      want: { identical: false, emitted: { v1: "V1S", v2: "V2S" }, lines: ["- field only in v1: `legacy`"] },
    },
    {
      description: "enum value added in v2",
      v1: [schema("v1", "S", obj(prop("status", strEnum("A", "B"))))],
      v2: [schema("v2", "S", obj(prop("status", strEnum("A", "B", "C"))))],
      want: { identical: false, emitted: { v1: "V1S", v2: "V2S" }, lines: ["- enum values only in v2: `status`: `C`"] },
    },
    {
      description: "required flag and integer format differ",
      v1: [schema("v1", "S", obj(prop("n", int("uint32"))))],
      v2: [schema("v2", "S", obj(prop("n", int("int32"), true)))],
      want: {
        identical: false,
        emitted: { v1: "V1S", v2: "V2S" },
        lines: ["- required differs: `n`: v1 optional, v2 required", "- type differs: `n`: v1 `integer (uint32)`, v2 `integer (int32)`"],
      },
    },
    {
      description: "nested array items are compared",
      v1: [schema("v1", "S", obj(prop("xs", arr(obj(prop("id", str))))))],
      v2: [schema("v2", "S", obj(prop("xs", arr(obj(prop("id", int()))))))],
      want: { identical: false, emitted: { v1: "V1S", v2: "V2S" }, lines: ["- type differs: `xs[].id`: v1 `string`, v2 `integer`"] },
    },
    {
      description: "only in v1",
      v1: [schema("v1", "S", str)],
      v2: [],
      want: { identical: false, emitted: { v1: "V1S" }, lines: [] },
    },
  ])("$description", ({ v1, v2, want }) => {
    expect(schemaMerge(v1, v2)).toEqual(want);
  });

  test("structural comparison follows $refs: same shape but a referenced schema differs → not identical", () => {
    const v1 = [schema("v1", "List", obj(prop("items", arr(ref("Item"))))), schema("v1", "Item", obj(prop("a", str)))];
    const v2 = [schema("v2", "List", obj(prop("items", arr(ref("Item"))))), schema("v2", "Item", obj(prop("a", int())))];
    // List's own fields match; its difference is reported in Item's section, not repeated.
    expect(schemaMerge(v1, v2, "List")).toEqual({ identical: false, emitted: { v1: "V1List", v2: "V2List" }, lines: [] });
    expect(schemaMerge(v1, v2, "Item").lines).toEqual(["- type differs: `a`: v1 `string`, v2 `integer`"]);
  });

  test("recursive schemas compare without looping", () => {
    const tree = (version: ApiVersion) => schema(version, "Tree", obj(prop("children", arr(ref("Tree")))));
    expect(schemaMerge([tree("v1")], [tree("v2")], "Tree")).toEqual({ identical: true, emitted: { shared: "Tree" }, lines: [] });
  });

  test("a versioned name that collides with another schema's name is an error, not a rename", () => {
    expect(() => merge(model("v1", { schemas: [schema("v1", "S", str)] }), model("v2", { schemas: [schema("v2", "V1S", str)] }), [])).not.toThrow();
    expect(() =>
      merge(model("v1", { schemas: [schema("v1", "S", str), schema("v1", "V1S", str)] }), model("v2", { schemas: [schema("v2", "V1S", str)] }), []),
    ).toThrow(/schema would be emitted as V1S/);
  });
});

describe("merge: operation differences", () => {
  test("parameters, request body and responses are compared; refs to different schemas are followed", () => {
    const v1 = model("v1", {
      operations: [
        op("v1", "GPUClusterService_List", {
          parameters: [{ name: "page", in: "query", required: false, schema: int(), deprecated: false }],
          responses: [{ status: "200", schema: ref("OldList") }],
        }),
      ],
      schemas: [schema("v1", "OldList", obj(prop("clusters", arr(str))))],
    });
    const v2 = model("v2", {
      operations: [
        op("v2", "GPUClusterService_List", {
          parameters: [{ name: "project_id", in: "query", required: true, schema: str, deprecated: false }],
          requestBody: { required: false },
          responses: [{ status: "200", schema: ref("NewList") }],
        }),
      ],
      schemas: [schema("v2", "NewList", obj(prop("clusters", arr(str)), prop("next", str)))],
    });
    const merged = merge(v1, v2, pairings);
    const lines = merged.operations[0]?.differences.map(differenceLine);
    expect(lines).toEqual([
      "- parameter only in v1: `query parameter page`",
      "- parameter only in v2: `query parameter project_id`",
      "- request body only in v2: `request body`",
      "- type differs: `response 200`: v1 `OldList`, v2 `NewList`",
      "- field only in v2: `response 200: next`",
    ]);
  });

  test("differences are plain data", () => {
    const merged = merge(
      model("v1", { operations: [op("v1", "GPUClusterService_List", { responses: [{ status: "200" }, { status: "404" }] })] }),
      model("v2", { operations: [op("v2", "GPUClusterService_List", { responses: [{ status: "200" }] })] }),
      pairings,
    );
    expect(merged.operations[0]?.differences).toEqual([{ kind: "only-in", version: "v1", what: "response", path: "response 404" }] satisfies Difference[]);
  });
});
