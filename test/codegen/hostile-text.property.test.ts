import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { stringify } from "yaml";
import { describe, expect, test } from "vitest";
import { defaultConfig } from "../../codegen/config.js";
import { isCodegenError } from "../../codegen/errors.js";
import type { GeneratedFile } from "../../codegen/emit/header.js";
import { enumValuesName } from "../../codegen/naming.js";
import { runPipeline } from "../../codegen/pipeline.js";
import { tempDir } from "./helpers.js";
import { execute, syntaxErrors, typeErrors } from "./inert.js";

// The property behind codegen/emit/escape.ts: whatever text a spec holds in descriptions, summaries, schema and
// property, parameter and operation names, paths and enum values, the generated files parse, type-check, and when run define exactly the
// exports the generator means (enum value lists equal to the spec's values) and touch no global.

/** Text that closes or opens comments, strings and templates, breaks lines, or cannot be encoded, plus any code unit. */
const hostileUnit = fc.oneof(
  fc.constantFrom("*/", "/*", "//", "*", "/", "\u2028", "\u2029", "\r", "\n", "\r\n", "`", "${", "}", '"', "'", "\\", "\0", "\ud800", "\udc00", "-->", "<!--", "|", "__proto__", "@see "),
  fc.string({ unit: "binary", minLength: 1, maxLength: 1 }),
);
const hostile = (minLength = 0) => fc.string({ unit: hostileUnit, minLength, maxLength: 10 });

/** JSON pointer token in URI-fragment form, as a `$ref` must spell it. */
const refToken = (name: string) => encodeURIComponent(name.replaceAll("~", "~0").replaceAll("/", "~1"));

const specArbitrary = fc.record({
  schemaName: hostile(1),
  propertyName: hostile(1),
  description: hostile(),
  summary: hostile(),
  path: hostile(),
  operationId: hostile(1),
  parameterName: hostile(1),
  values: fc.uniqueArray(hostile(), { minLength: 1, maxLength: 4 }),
});

type SpecInput = typeof specArbitrary extends fc.Arbitrary<infer T> ? T : never;

function specText(input: SpecInput): string {
  // encodeURIComponent refuses lone surrogates: such a name is not referenced (it is still emitted).
  const referable = !/[\ud800-\udfff]/.test(input.schemaName.replace(/[\ud800-\udbff][\udc00-\udfff]/g, ""));
  const schema = { type: "object", description: input.description, properties: { [input.propertyName]: { type: "string", description: input.description, enum: input.values } } };
  const document = {
    openapi: "3.0.3",
    info: { title: input.description, version: "1" },
    paths: {
      [`/${input.path}`]: {
        get: {
          operationId: input.operationId,
          summary: input.summary,
          parameters: [{ name: input.parameterName, in: "query", description: input.description, schema: { type: "string", enum: input.values } }],
          description: input.description,
          responses: {
            "200": {
              description: input.description,
              content: { "application/json": { schema: referable ? { $ref: `#/components/schemas/${refToken(input.schemaName)}` } : { type: "string" } } },
            },
          },
        },
      },
    },
    components: { schemas: { [input.schemaName]: schema } },
  };
  return stringify(document);
}

describe("generated code is inert whatever text a spec holds", () => {
  test("parses, type-checks (one shared tsc program), and defines only the intended exports", async () => {
    const root = tempDir("hostile-text");
    const generated: { dir: string; files: GeneratedFile[] }[] = [];
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(specArbitrary, async (input) => {
        const dir = join(root, String(generated.length + refused));
        mkdirSync(dir, { recursive: true });
        writeFileSync(join(dir, "v1.yaml"), specText(input));
        let result;
        try {
          result = await runPipeline({ ...defaultConfig, v1: join(dir, "v1.yaml"), v2: join(dir, "v1.yaml"), out: join(dir, "out") });
        } catch (error) {
          // A spec may be refused (e.g. two names that map to one identifier), but only with a located error.
          if (!isCodegenError(error)) throw error;
          refused++;
          return;
        }
        const { files, model } = result;
        const ts = files.filter((file) => file.path.endsWith(".ts"));
        expect(ts.flatMap(syntaxErrors)).toEqual([]);
        const runs = new Map(ts.map((file) => [file.path, execute(file)]));
        for (const [path, run] of runs) expect(run.touchedGlobals, path).toEqual([]);
        const exportNames = (path: string) => Object.keys(runs.get(path)!.exports).sort();
        const enums = [...model.v1.enums, ...model.v2.enums];
        expect(exportNames("enums.ts")).toEqual(enums.map((def) => enumValuesName(def.version, def.name)).sort());
        for (const def of enums) expect(runs.get("enums.ts")!.exports[enumValuesName(def.version, def.name)]).toEqual(def.values);
        expect(exportNames("operations.ts")).toEqual(["operations"]);
        expect(exportNames("spec-info.ts")).toEqual(["specInfo"]);
        expect(exportNames("documents.ts")).toEqual(["v1Document", "v2Document"]);
        for (const path of ["models.ts", "v1/schema.ts", "v2/schema.ts"]) expect(exportNames(path), path).toEqual([]);
        expect(runs.get("documents.ts")!.exports.v1Document).toEqual(JSON.parse(JSON.stringify(result.specs.v1.document)));
        const out = join(dir, "out");
        for (const file of files) {
          mkdirSync(join(out, file.path, ".."), { recursive: true });
          writeFileSync(join(out, file.path), file.content);
        }
        generated.push({ dir: out, files });
      }),
      { numRuns: 20 },
    );
    expect(generated.length).toBeGreaterThan(refused);
    // One program over every generated folder: a per-run tsc would cost seconds each.
    const all = generated.flatMap(({ dir, files }) => files.map((file) => ({ ...file, path: join(dir, file.path).slice(root.length + 1) })));
    expect(typeErrors(root, all)).toEqual([]);
  }, 120_000);
});
