import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { diffContext, diffShapes, shapesEqual } from "../../codegen/compare.js";
import type { ApiModel, ApiVersion, Difference, SchemaShape } from "../../codegen/ir.js";
import { camelCase, pascalCase } from "../../codegen/naming.js";

const names = fc.constantFrom("a", "b", "gpu_type", "status", "size_tib");
const { shape } = fc.letrec<{ shape: SchemaShape }>((tie) => ({
  shape: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.record({
      kind: fc.constant("primitive" as const),
      type: fc.constantFrom("string" as const, "integer" as const, "boolean" as const),
      nullable: fc.boolean(),
    }),
    fc.record({ kind: fc.constant("primitive" as const), type: fc.constant("string" as const), enumValues: fc.uniqueArray(fc.constantFrom("A", "B", "C", "D"), { minLength: 1 }), nullable: fc.boolean() }),
    fc.record({ kind: fc.constant("array" as const), items: tie("shape"), nullable: fc.boolean() }),
    fc.record({
      kind: fc.constant("object" as const),
      properties: fc.uniqueArray(fc.record({ name: names, required: fc.boolean(), schema: tie("shape"), deprecated: fc.constant(false) }), { selector: (p) => p.name, maxLength: 4 }),
      additionalProperties: fc.constant(false),
      nullable: fc.boolean(),
    }),
  ),
}));

const emptyModel = (version: ApiVersion): ApiModel => ({ version, file: "", sha256: "", title: "", infoVersion: "", openapi: "3.0.3", operations: [], schemas: [], enums: [] });
const ctx = diffContext(emptyModel("v1"), emptyModel("v2"));

/** What a difference says with v1 and v2 swapped. */
function mirrored(d: Difference): Difference {
  switch (d.kind) {
    case "only-in":
    case "enum-values":
      return { ...d, version: d.version === "v1" ? "v2" : "v1" };
    case "required":
    case "type":
      return { ...d, v1: d.v2, v2: d.v1 } as Difference;
  }
}

describe("compare: properties over random schemas", () => {
  test("a schema is identical to itself and has no differences", () => {
    fc.assert(fc.property(shape, (s) => shapesEqual(ctx, s, s) && diffShapes(ctx, s, s, "").length === 0));
  });

  test("identical ⇔ no differences (for schemas without $refs)", () => {
    fc.assert(
      fc.property(shape, shape, (a, b) => {
        expect(shapesEqual(ctx, a, b)).toBe(diffShapes(ctx, a, b, "").length === 0);
      }),
    );
  });

  test("swapping v1 and v2 mirrors every difference", () => {
    fc.assert(
      fc.property(shape, shape, (a, b) => {
        // Same differences; their order may change (the report always lists v1's side first).
        const sorted = (list: Difference[]) => list.map((d) => JSON.stringify(d)).sort();
        expect(sorted(diffShapes(ctx, b, a, "").map(mirrored))).toEqual(sorted(diffShapes(ctx, a, b, "")));
      }),
    );
  });
});

describe("naming: properties", () => {
  test("pascalCase and camelCase always give valid identifiers", () => {
    fc.assert(
      fc.property(fc.string(), (raw) => {
        expect(pascalCase(raw)).toMatch(/^[A-Za-z_][A-Za-z0-9_]*$/);
        expect(camelCase(raw)).toMatch(/^[A-Za-z_][A-Za-z0-9_]*$/);
      }),
    );
  });
});
