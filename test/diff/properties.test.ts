import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { diffSpecs } from "../../codegen/diff/index.js";

/** Random JSON Schemas (depth-limited) in the shapes Together's specs use. */
const schemaArb = fc.letrec<{ schema: object }>((tie) => ({
  schema: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.constantFrom<object>({ type: "string" }, { type: "integer", format: "int32" }, { type: "boolean" }, { type: "number", format: "double" }),
    fc.uniqueArray(fc.constantFrom("A", "B", "C", "D"), { minLength: 1, maxLength: 4 }).map((values) => ({ type: "string", enum: values })),
    fc.record({ type: fc.constant("array"), items: tie("schema") }),
    fc
      .dictionary(fc.stringMatching(/^[a-z][a-z_]{0,8}$/), tie("schema"), { minKeys: 1, maxKeys: 4 })
      .chain((properties) =>
        fc.subarray(Object.keys(properties)).map((required) => ({ type: "object", required, properties })),
      ),
  ),
})).schema;

/** The random schema as a shared component, used as a request body and as a response. */
function specWith(thing: object, name = "Thing"): Record<string, unknown> {
  const ref = { $ref: `#/components/schemas/${name}` };
  return {
    openapi: "3.1.0",
    info: { title: "p", version: "1" },
    paths: {
      "/things": {
        post: {
          operationId: "createThing",
          requestBody: { required: true, content: { "application/json": { schema: ref } } },
          responses: { "200": { description: "OK", content: { "application/json": { schema: ref } } } },
        },
      },
    },
    components: { schemas: { [name]: thing } },
  };
}

const clone = <T>(value: T): T => structuredClone(value);

function reverseProperties(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(reverseProperties);
  if (typeof schema !== "object" || schema === null) return schema;
  const entries = Object.entries(schema).map(([k, v]) => [k, reverseProperties(v)] as const);
  const out = Object.fromEntries(entries) as Record<string, unknown>;
  if (typeof out.properties === "object" && out.properties !== null) out.properties = Object.fromEntries(Object.entries(out.properties).reverse());
  return out;
}

describe("spec diff properties (fast-check)", () => {
  it("finds nothing between a spec and itself", () => {
    fc.assert(
      fc.property(schemaArb, (thing) => {
        expect(diffSpecs(specWith(thing), specWith(clone(thing)))).toEqual({ bump: "none", changes: [] });
      }),
    );
  });

  it("reports only a patch-level move at each use when the component is inlined everywhere ($refs are resolved first)", () => {
    fc.assert(
      fc.property(schemaArb, (thing) => {
        const inlined = specWith(thing) as { paths: Record<string, { post: Record<string, unknown> }>; components?: unknown };
        const post = inlined.paths["/things"]?.post;
        if (post === undefined) throw new Error("fixture shape");
        post.requestBody = { required: true, content: { "application/json": { schema: clone(thing) } } };
        post.responses = { "200": { description: "OK", content: { "application/json": { schema: clone(thing) } } } };
        delete inlined.components;
        const result = diffSpecs(specWith(thing), inlined);
        expect(result.changes.map((c) => `${c.kind} ${c.location}`)).toEqual(["schema-moved POST /things request body", "schema-moved POST /things response 200"]);
        expect(result.bump).toBe("patch");
      }),
    );
  });

  it("reports only a patch-level schema rename when the component is renamed", () => {
    fc.assert(
      fc.property(schemaArb, (thing) => {
        const result = diffSpecs(specWith(thing), specWith(clone(thing), "RenamedThing"));
        expect(result.changes.map((c) => c.kind)).toEqual(["schema-renamed"]);
        expect(result.bump).toBe("patch");
      }),
    );
  });

  it("ignores property order", () => {
    fc.assert(
      fc.property(schemaArb, (thing) => {
        expect(diffSpecs(specWith(thing), specWith(reverseProperties(thing) as object)).changes).toEqual([]);
      }),
    );
  });

  it("calls a new optional top-level property minor and never breaking, in both directions", () => {
    const objectArb = schemaArb.filter((s): s is { properties: Record<string, unknown> } => "properties" in s);
    fc.assert(
      fc.property(objectArb, (thing) => {
        const grown = clone(thing);
        grown.properties["added-field"] = { type: "string" };
        const result = diffSpecs(specWith(thing), specWith(grown));
        expect(result.bump).toBe("minor");
        expect(result.changes.map((c) => `${c.kind}:${c.breaking}`)).toEqual(["field-added:false", "field-added:false"]);
      }),
    );
  });
});
