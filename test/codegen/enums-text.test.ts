import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { syntheticSpec } from "../../bench/codegen/synthetic-spec.js";
import { defaultConfig } from "../../codegen/config.js";
import { renderEnumStatements } from "../../codegen/emit/enums.js";
import { enumStatements } from "../../codegen/emit/enums-structures.js";
import { printStatements } from "../../codegen/emit/ts-files.js";
import type { ApiVersion, EnumDef, UnifiedModel } from "../../codegen/ir.js";
import { loadSpec, parseSpec } from "../../codegen/load.js";
import { merge } from "../../codegen/merge.js";
import { normalize } from "../../codegen/normalize.js";
import { stringify } from "yaml";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { runPipeline } from "../../codegen/pipeline.js";
import { specText, tempDir } from "./helpers.js";

// enums.ts is printed as text (codegen/emit/enums.ts) instead of through ts-morph's structure printer, which was
// the slowest part of emission on large specs. ts-morph's printing of the same structures (enums-structures.ts)
// stays the definition of the layout: these tests hold the text printer to it, byte for byte.
const viaTsMorph = (model: UnifiedModel): string => printStatements(enumStatements(model));

describe("enums.ts printed as text", () => {
  it("is byte for byte ts-morph's printing on the project specs", () => {
    const v1 = normalize(loadSpec(defaultConfig.v1, "specs/v1.yaml", "v1"));
    const v2 = normalize(loadSpec(defaultConfig.v2, "specs/v2.yaml", "v2"));
    const model = merge(v1, v2, defaultConfig.pairings);
    expect(model.v1.enums.length + model.v2.enums.length).toBeGreaterThan(20);
    expect(renderEnumStatements(model)).toBe(viaTsMorph(model));
  });

  it("is byte for byte ts-morph's printing on synthetic 3.0 and 3.1 specs", () => {
    const load = (version: ApiVersion, dialect: "3.0.3" | "3.1.0") => normalize(parseSpec(stringify(syntheticSpec(8, dialect)), `${version}.yaml`, version));
    const model = merge(load("v1", "3.0.3"), load("v2", "3.1.0"), defaultConfig.pairings);
    expect(model.v2.enums.length).toBeGreaterThan(8);
    expect(renderEnumStatements(model)).toBe(viaTsMorph(model));
  });

  it("is byte for byte ts-morph's printing for any descriptions, names, values, twins and deprecation", () => {
    // Text that exercises JSDoc layout: line breaks of every kind, blank and leading empty lines, comment and
    // string delimiters, indentation, trailing spaces, non-ASCII, NUL and lone surrogates.
    const fragment = fc.constantFrom("\n", "\r\n", "\r", "\u2028", "\u2029", "\0", "\ud800", "\\", "${", "\n\n", " ", "  indented", "trailing ", "*/", "/*", "//", '"', "'", "`", "@tag", "*", "é∑", "a", "word");
    const description = fc.option(fc.array(fc.oneof(fragment, fc.string()), { maxLength: 8 }).map((parts) => parts.join("")), { nil: undefined });
    const enumDef = (version: ApiVersion) =>
      fc.record({
        name: fc.stringMatching(/^[A-Z][A-Za-z0-9]{0,12}$/),
        values: fc.array(fc.oneof(fc.constantFrom("A", "B", "x y", 'q"uote'), fc.string()), { minLength: 1, maxLength: 4 }),
        description,
        deprecated: fc.boolean(),
        pointer: fc.constantFrom("#/components/schemas/S/properties/kind", "#/paths/~1a/get/parameters/0/schema", "#/x"),
      }).map(({ pointer, description, ...rest }): EnumDef => ({
        ...rest,
        version,
        ...(description === undefined ? {} : { description }),
        source: { version, file: `specs/${version}.yaml`, line: 3, col: 7, pointer },
      }));
    fc.assert(
      fc.property(fc.array(enumDef("v1"), { maxLength: 5 }), fc.array(enumDef("v2"), { maxLength: 5 }), (v1Enums, v2Enums) => {
        // Repeat some value lists so that twin notes (same values, other location) appear.
        const withTwins = [...v1Enums, ...v1Enums.slice(0, 2).map((def, i) => ({ ...def, name: `${def.name}Twin${i}` }))];
        const model = { v1: { enums: withTwins }, v2: { enums: v2Enums } } as unknown as UnifiedModel;
        expect(renderEnumStatements(model)).toBe(viaTsMorph(model));
      }),
      { numRuns: 1000 },
    );
  });

  it("prints a doc holding comment delimiters as text, escaped, exactly as ts-morph does (no fallback)", async () => {
    const dir = tempDir("enums-delimiters");
    const schemas = { Volume: { type: "object", properties: { kind: { type: "string", enum: ["a", "b"], description: "Kind /* odd */ comment." } } } };
    for (const version of ["v1", "v2"]) writeFileSync(join(dir, `${version}.yaml`), specText({ schemas }));
    const { files, model } = await runPipeline({ ...defaultConfig, v1: join(dir, "v1.yaml"), v2: join(dir, "v2.yaml"), out: dir });
    const enums = files.filter((file) => file.path === "enums.ts");
    expect(enums).toHaveLength(1);
    expect(enums[0]!.content).toContain(renderEnumStatements(model));
    expect(renderEnumStatements(model)).toBe(viaTsMorph(model));
    expect(enums[0]!.content).toContain("Kind /\\* odd *\\/ comment.");
  });
});
