import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { syntheticSpec } from "../../bench/codegen/synthetic-spec.js";
import { defaultConfig, repoRoot } from "../../codegen/config.js";
import { loadSpec, parseSpec } from "../../codegen/load.js";

// The generator calls openapi-typescript's transform directly, without the Redocly lint + bundle that its public
// openapiTS() runs first (codegen/emit/openapi-typescript-render.cjs). These tests hold the two to the same bytes,
// so an openapi-typescript upgrade that moves its internals or changes its defaults fails here, not in generated/.
const render = createRequire(import.meta.url)("../../codegen/emit/openapi-typescript-render.cjs") as typeof import("../../codegen/emit/openapi-typescript-render.cjs");

const direct = render.directRenderer();

async function bothRenders(document: Record<string, unknown>): Promise<{ direct: string; public: string }> {
  if (!direct) throw new Error("the direct renderer is unavailable (see the first test)");
  return { direct: await direct.render(structuredClone(document)), public: await render.publicRenderer().render(structuredClone(document)) };
}

/** A small spec using what the project specs do not: discriminators, composition, nullable forms, $ref'd components. */
const featureSpec = (openapi: "3.0.3" | "3.1.0"): Record<string, unknown> => ({
  openapi,
  info: { title: "Features", version: "1.0.0" },
  paths: {
    "/pets/{petId}": {
      parameters: [{ $ref: "#/components/parameters/PetId" }],
      get: {
        operationId: "getPet",
        description: "Gets a pet.\nSecond line with */ inside.",
        parameters: [
          { name: "fields", in: "query", schema: { type: "array", items: { type: "string", enum: ["name", "kind"] } } },
          { name: "X-Trace", in: "header", required: true, schema: { type: "string" } },
        ],
        responses: {
          "200": { description: "OK", headers: { "X-Rate": { schema: { type: "integer" } } }, content: { "application/json": { schema: { $ref: "#/components/schemas/Pet" } } } },
          "404": { $ref: "#/components/responses/NotFound" },
          default: { description: "error", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } },
        },
      },
      put: {
        operationId: "putPet",
        deprecated: true,
        requestBody: { $ref: "#/components/requestBodies/PetBody" },
        responses: { "204": { description: "No content" } },
      },
    },
  },
  components: {
    parameters: { PetId: { name: "petId", in: "path", required: true, schema: { type: "string", format: "uuid" } } },
    requestBodies: { PetBody: { required: true, content: { "application/json": { schema: { $ref: "#/components/schemas/Pet" } } } } },
    responses: { NotFound: { description: "missing", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } } },
    schemas: {
      Pet: {
        oneOf: [{ $ref: "#/components/schemas/Cat" }, { $ref: "#/components/schemas/Dog" }],
        discriminator: { propertyName: "kind", mapping: { cat: "#/components/schemas/Cat", dog: "#/components/schemas/Dog" } },
      },
      Base: {
        type: "object",
        required: ["kind", "name"],
        properties: {
          kind: { type: "string" },
          name: { type: "string", description: "The name.", readOnly: true },
          tags: { type: "object", additionalProperties: { type: "string" } },
          nickname: openapi === "3.0.3" ? { type: "string", nullable: true } : { type: ["string", "null"] },
          age: { type: "integer", minimum: 0, default: 1 },
        },
      },
      Cat: { allOf: [{ $ref: "#/components/schemas/Base" }, { type: "object", properties: { lives: { type: "integer" } } }] },
      Dog: { allOf: [{ $ref: "#/components/schemas/Base" }, { type: "object", properties: { good: { type: "boolean", deprecated: true } } }] },
      Error: { type: "object", properties: { code: { anyOf: [{ type: "string" }, { type: "number" }] }, detail: {} } },
    },
  },
});

describe("openapi-typescript without Redocly (direct path)", () => {
  it("is what the pinned openapi-typescript gets, and package.json pins exactly that version", () => {
    const manifest = JSON.parse(readFileSync(`${repoRoot}/package.json`, "utf8")) as { devDependencies: Record<string, string> };
    expect(manifest.devDependencies["openapi-typescript"]).toBe(render.DIRECT_PATH_VERSION);
    expect(direct?.mode).toBe("direct");
    expect(render.loadRenderer().mode).toBe("direct");
  });

  it("falls back to the public API for any other openapi-typescript version", () => {
    expect(render.directRenderer("7.12.0")).toBeUndefined();
    expect(render.publicRenderer().mode).toBe("public");
  });

  it.each([
    ["v1", defaultConfig.v1],
    ["v2", defaultConfig.v2],
  ] as const)("prints the project %s spec byte for byte as openapiTS() does", async (version, file) => {
    const out = await bothRenders(loadSpec(file, `specs/${version}.yaml`, version).document);
    expect(out.direct).toContain("export interface paths");
    expect(out.direct).toBe(out.public);
  });

  it.each(["3.0.3", "3.1.0"] as const)("prints a synthetic %s spec and a discriminator/composition spec as openapiTS() does", async (dialect) => {
    for (const document of [syntheticSpec(12, dialect), featureSpec(dialect)]) {
      const out = await bothRenders(document);
      expect(out.direct).toContain("export interface components");
      expect(out.direct).toBe(out.public);
    }
  });

  it("prints a spec that went through the YAML loader (aliases expanded) as openapiTS() does", async () => {
    const text = ["openapi: 3.1.0", "info: {title: t, version: '1'}", "paths: {}", "components:", "  schemas:", "    A: &a", "      type: object", "      properties: {x: {type: string}}", "    B: *a", ""].join("\n");
    const out = await bothRenders(parseSpec(text, "alias.yaml", "v2").document);
    expect(out.direct).toMatch(/B: \{\s+x\?: string;/);
    expect(out.direct).toBe(out.public);
  });
});
