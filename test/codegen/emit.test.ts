import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { defaultConfig, operationPairings } from "../../codegen/config.js";
import { runPipeline } from "../../codegen/pipeline.js";
import { fixtureConfig, specText, tempDir } from "./helpers.js";

// One concern per fixture pair; the golden files under __snapshots__/<case>/ are the generated tree, reviewed in PRs.
const cases = [
  { name: "enum-added-in-v2", expectInReport: ["- enum values only in v2: `status`: `DELETING`"] },
  { name: "field-only-in-v1", expectInReport: ["- field only in v1: `legacy_name`", "- required differs: `size_tib`: v1 optional, v2 required"] },
  { name: "same-name-different-shape", expectInReport: ["| `Region` | differs | `V1Region`, `V2Region` |", "- type differs: `num_zones`: v1 `integer (int32)`, v2 `string | null`"] },
  { name: "identical-schema", expectInReport: ["| `SharedVolumeDeleteResponse` | identical | `SharedVolumeDeleteResponse` |", "**one-sided: only in v2**"] },
] as const;

describe.each(cases)("emit: $name", ({ name, expectInReport }) => {
  test("matches the golden files", async () => {
    const { files } = await runPipeline(fixtureConfig(name));
    expect(files.map((f) => f.path)).toEqual(["README.md", "documents.ts", "enums.ts", "merge-report.md", "models.ts", "operations.ts", "spec-info.ts", "stable.ts", "v1/schema.ts", "v2/schema.ts"]);
    for (const file of files) await expect(file.content).toMatchFileSnapshot(`./__snapshots__/${name}/${file.path}`);
  });

  test("the merge report states the fixture's concern", async () => {
    const { files } = await runPipeline(fixtureConfig(name));
    const report = files.find((f) => f.path === "merge-report.md")?.content ?? "";
    for (const line of expectInReport) expect(report).toContain(line);
  });
});

describe("emit: fixture-specific facts", () => {
  test("identical schema is emitted once, under its own name", async () => {
    const { files } = await runPipeline(fixtureConfig("identical-schema"));
    const models = files.find((f) => f.path === "models.ts")?.content ?? "";
    expect(models).toContain('export type SharedVolumeDeleteResponse = V1Components["schemas"]["SharedVolumeDeleteResponse"];');
    expect(models).not.toMatch(/V[12]SharedVolumeDeleteResponse/);
  });

  test("enum lists: one const + type per location, values in spec order, source in JSDoc", async () => {
    const { files } = await runPipeline(fixtureConfig("enum-added-in-v2"));
    const enums = files.find((f) => f.path === "enums.ts")?.content ?? "";
    expect(enums).toContain('export const v1ClusterStatusValues = ["PENDING", "READY"] as const;');
    expect(enums).toContain('export const v2ClusterStatusValues = ["PENDING", "READY", "DELETING"] as const;');
    expect(enums).toContain("export type V2ClusterStatus = (typeof v2ClusterStatusValues)[number];");
    expect(enums).toContain("@see test/codegen/fixtures/enum-added-in-v2/v2.yaml:31:9 #/components/schemas/Cluster/properties/status");
  });

  test("deprecated fields carry @deprecated in the wire types", async () => {
    const { files } = await runPipeline(fixtureConfig("field-only-in-v1"));
    const v1 = files.find((f) => f.path === "v1/schema.ts")?.content ?? "";
    expect(v1).toMatch(/@deprecated[\s\S]*legacy_name\?: string;/);
  });
});

describe("emit: deprecation", () => {
  test("deprecated enums, schemas and operations carry @deprecated; a half-deprecated pair says which side", async () => {
    const dir = tempDir("deprecated");
    const op = (deprecated: boolean) => ({ get: { operationId: "GPUClusterService_List", deprecated, responses: { "200": { description: "OK" } } } });
    const schemas = { Old: { type: "string", deprecated: true, description: "Legacy kind.", enum: ["A"] } };
    writeFileSync(join(dir, "v1.yaml"), specText({ paths: { "/a": op(true) }, schemas }));
    writeFileSync(join(dir, "v2.yaml"), specText({ openapi: "3.1.0", paths: { "/b": op(false) }, schemas }));
    const { files } = await runPipeline({ v1: join(dir, "v1.yaml"), v2: join(dir, "v2.yaml"), out: join(dir, "out"), pairings: operationPairings });
    const text = (path: string) => files.find((f) => f.path === path)?.content ?? "";
    expect(text("enums.ts")).toMatch(/Legacy kind\.\n \* @see \S+ #\/components\/schemas\/Old\n \* @deprecated\n \*\/\nexport const v1OldValues/);
    expect(text("models.ts")).toMatch(/@deprecated\n \*\/\nexport type Old = /);
    expect(text("operations.ts")).toContain("Deprecated in v1.");
    expect(text("operations.ts")).not.toContain("@deprecated");
  });
});

describe("emit: real specs", () => {
  test("operation index holds the product's operations with the contract's shape", async () => {
    const { model } = await runPipeline(defaultConfig);
    const index = Object.fromEntries(model.operations.map((o) => [o.name, { v1: o.v1?.operationId, v2: o.v2?.operationId }]));
    expect(index.clusterList).toEqual({ v1: "GPUClusterService_List", v2: "GPUClusterService_List" });
    expect(index.volumeUpdate).toEqual({ v1: undefined, v2: "SharedVolumeService_Update" });
    expect(Object.keys(index)).toEqual(expect.arrayContaining(["clusterGet", "clusterCreate", "clusterUpdate", "clusterDelete", "regionList", "volumeList", "volumeGet", "volumeCreate", "volumeDelete"]));
  }, 60_000);

  test("spec-info.ts, and no other file, carries the sha256 of each spec file's bytes", async () => {
    const { files, model } = await runPipeline(defaultConfig);
    for (const version of ["v1", "v2"] as const) {
      const sha = createHash("sha256").update(readFileSync(defaultConfig[version])).digest("hex");
      expect(model[version].sha256).toBe(sha);
      expect(files.filter((file) => file.content.includes(sha)).map((file) => file.path)).toEqual(["spec-info.ts"]);
      for (const file of files) expect(file.content).toContain(`source: specs/${version}.yaml\n`);
    }
  }, 60_000);

  test("a spec change touches only the files whose content changes", async () => {
    const dir = tempDir("one-change");
    const base = readFileSync(defaultConfig.v1, "utf8");
    const run = async (v1Text: string) => {
      writeFileSync(join(dir, "v1.yaml"), v1Text);
      const { files } = await runPipeline({ ...defaultConfig, v1: join(dir, "v1.yaml") });
      return new Map(files.map((file) => [file.path, file.content]));
    };
    const changedFiles = (a: Map<string, string>, b: Map<string, string>) => [...a.keys()].filter((path) => a.get(path) !== b.get(path));
    const before = await run(base);
    // A YAML comment changes the bytes (and the hash) but no content: only spec-info.ts changes.
    expect(changedFiles(before, await run(`${base}\n# a comment\n`))).toEqual(["spec-info.ts"]);
    // One operation summary: the docs that print it, the snapshot and the wire types; not README.md, enums.ts or models.ts.
    const summary = /^(\s+summary: )(.+)$/m.exec(base)!;
    const changed = changedFiles(before, await run(base.replace(summary[0], `${summary[1]}Changed summary`)));
    expect(changed).toEqual(expect.arrayContaining(["documents.ts", "spec-info.ts"]));
    expect(changed).not.toEqual(expect.arrayContaining(["README.md"]));
    expect(changed.filter((path) => ["README.md", "enums.ts", "models.ts", "merge-report.md"].includes(path))).toEqual([]);
  }, 60_000);

  test("two runs give byte-identical output", async () => {
    const first = await runPipeline(defaultConfig);
    const second = await runPipeline(defaultConfig);
    expect(second.files).toEqual(first.files);
    for (const file of first.files) expect(file.content).not.toMatch(/\b20\d\d-\d\d-\d\dT/);
  }, 60_000);
});
