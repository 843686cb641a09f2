/**
 * The generator accepts every valid OpenAPI document, Together's whole one included, and says what a maintainer
 * should do about the parts that are not the cluster API: warnings on the console and in merge-report.md.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cli, errorOf, modelOf, specText, tempDir } from "../codegen/helpers.js";
import { repoRoot, upstreamV2 } from "./helpers.js";

describe("npm run generate on documents that are valid but not the cluster subset", () => {
  it("generates from Together's whole document (numeric and null enums, operations without operationId) and says to run sync", async () => {
    const out = tempDir("gen-whole-");
    const { code, stderr } = await cli(["--v2", upstreamV2(), "--out", out]);
    expect(code).toBe(0);
    const warnings = stderr.split("\n").filter((line) => line.startsWith("warning: "));
    expect(warnings[0]).toMatch(/openapi\.yaml has 68 path\(s\) outside the cluster API \(\/deployments, .*Run `npm run sync -- --v2 --from .*openapi\.yaml` to extract the cluster part/);
    expect(warnings[1]).toMatch(/openapi\.yaml:\d+:\d+ #\/paths: 39 operation\(s\) have no operationId and are named from method and path \(GET \/deployments → getDeployments,/);
    const report = readFileSync(join(out, "merge-report.md"), "utf8");
    expect(report).toContain("## Warnings");
    expect(report).toContain("npm run sync -- --v2 --from");
  }, 120_000);

  it("warns when a spec has no cluster operation at all, and lists the unmatched pairing entries of a partial spec", async () => {
    const dir = tempDir("gen-nocluster-");
    const v2 = join(dir, "v2.yaml");
    writeFileSync(v2, specText({ openapi: "3.1.0", paths: { "/pets": { get: { operationId: "listPets", responses: { "200": { description: "OK" } } } } } }));
    const v1 = join(dir, "v1.yaml");
    const realV1 = readFileSync(join(repoRoot, "specs/v1.yaml"), "utf8");
    writeFileSync(v1, realV1.replace("operationId: RegionService_List", "operationId: RegionService_ListAll"));
    const { code, stderr } = await cli(["--v1", v1, "--v2", v2, "--out", join(dir, "out")]);
    expect(code).toBe(0);
    expect(stderr).toMatch(/warning: .*v2\.yaml: none of its 1 operation\(s\) is a cluster operation of codegen\/config\.ts \(operationPairings\)/);
    expect(stderr).toMatch(/warning: codegen\/config\.ts: 1 pairing entry names a v1 operationId that .*v1\.yaml does not have \(regionList: RegionService_List\)/);
    expect(readFileSync(join(dir, "out/merge-report.md"), "utf8")).toMatch(/## Warnings\n\n(- .*\n)*- .*v2\.yaml: none of its 1 operation/);
  }, 120_000);

  it("warns about a `required` name that is not a property, at the `required` line", () => {
    const model = modelOf(specText({ schemas: { S: { type: "object", required: ["id", "nmae"], properties: { id: { type: "string" }, name: { type: "string" } } } } }));
    expect(model.warnings).toEqual([
      expect.stringMatching(/^spec\.yaml:\d+:\d+ #\/components\/schemas\/S\/required: `required` lists "nmae", which is not among the properties; the generated type ignores it/),
    ]);
  });

  it("types numeric, boolean and null enums by their values without a named enum; string enums with null become nullable", () => {
    const model = modelOf(
      specText({
        openapi: "3.1.0",
        schemas: {
          S: {
            type: "object",
            properties: {
              rate: { enum: [32000, 64000] },
              ratio: { type: "number", enum: [0.5, 1] },
              flag: { enum: [true] },
              nothing: { enum: [null] },
              mode: { type: ["string", "null"], enum: ["a", "b", null] },
              loose: { enum: ["x", null] },
            },
          },
        },
      }),
    );
    const shape = model.schemas.find((s) => s.name === "S")?.shape;
    const props = shape?.kind === "object" ? Object.fromEntries(shape.properties.map((p) => [p.name, p.schema])) : {};
    expect(props).toMatchObject({
      rate: { kind: "primitive", type: "integer" },
      ratio: { kind: "primitive", type: "number" },
      flag: { kind: "primitive", type: "boolean" },
      nothing: { kind: "primitive", type: "null" },
      mode: { kind: "primitive", type: "string", enumValues: ["a", "b"], nullable: true },
      loose: { kind: "primitive", type: "string", enumValues: ["x"], nullable: true },
    });
    expect(model.enums.map((e) => e.name).sort()).toEqual(["SLoose", "SMode"]);
  });

  it("lists every dangling $ref in one run, each at its line", () => {
    const text = specText({ schemas: { A: { type: "object", properties: { x: { $ref: "#/components/schemas/Nope" }, y: { $ref: "#/components/schemas/Gone" } } } } });
    const lines = errorOf(text).message.split("\n");
    expect(lines[0]).toBe("bad.yaml: 2 errors:");
    expect(lines.slice(1)).toEqual([
      expect.stringMatching(/^bad\.yaml:\d+:\d+ #\/components\/schemas\/A\/properties\/x\/\$ref: \$ref "#\/components\/schemas\/Nope" points to nothing$/),
      expect.stringMatching(/^bad\.yaml:\d+:\d+ #\/components\/schemas\/A\/properties\/y\/\$ref: \$ref "#\/components\/schemas\/Gone" points to nothing$/),
    ]);
  });
});
