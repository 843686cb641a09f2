/**
 * A regeneration that is itself a spec change: each case mutates a copy of one real spec the way upstream has changed
 * it (new response enum value, renamed / removed response field, renamed schema, moved path), generates into a temp
 * dir, type-checks the client and its fake API (src/testing) against that output, and asserts the errors point at the
 * handwritten lines that must change: the client's only in src/mappings or src/adapters, naming the field / value /
 * path, a handful at most, and a handful at most in the fake; a schema rename gives none anywhere (the stable-names
 * table absorbs it, for the fake too, and the merge report says so).
 *
 * About a minute (a generation and a type-check per case), so it runs as `npm run test:mutations`, not in `npm test`.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import ts from "typescript";
import { afterAll, describe, expect, test } from "vitest";
import { parse, stringify } from "yaml";
import { operationPairings } from "../../codegen/config.js";
import { runPipeline } from "../../codegen/pipeline.js";

const repo = join(import.meta.dirname, "../..");
const work = mkdtempSync(join(tmpdir(), "spec-mutations-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

type Spec = Record<string, any>;
interface Mutation {
  readonly name: string;
  readonly version: "v1" | "v2";
  readonly mutate: (spec: Spec) => void;
  /** Text every error must contain (the field, value or path that changed); undefined: no error at all. */
  readonly names: string | undefined;
}

function renameKey(object: Record<string, unknown>, from: string, to: string): void {
  const entries = Object.entries(object).map(([key, value]) => [key === from ? to : key, value] as const);
  for (const key of Object.keys(object)) delete object[key];
  Object.assign(object, Object.fromEntries(entries));
}

/** Renames a component schema and every `$ref` to it. */
function renameSchema(spec: Spec, from: string, to: string): void {
  renameKey(spec.components.schemas, from, to);
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node !== null && typeof node === "object") {
      const record = node as Record<string, unknown>;
      if (record["$ref"] === `#/components/schemas/${from}`) record["$ref"] = `#/components/schemas/${to}`;
      Object.values(record).forEach(walk);
    }
  };
  walk(spec);
}

const mutations: readonly Mutation[] = [
  { name: "new response enum value", version: "v2", names: "Hibernating", mutate: (s) => s.components.schemas.GPUClusterInfo.properties.status.enum.push("Hibernating") },
  { name: "new response enum value", version: "v1", names: "A100_SXM", mutate: (s) => s.components.schemas.GPUClusterInfo.properties.gpu_type.enum.push("A100_SXM") },
  { name: "renamed response field", version: "v2", names: "cuda_version", mutate: (s) => renameKey(s.components.schemas.GPUClusterInfo.properties, "cuda_version", "cuda_release") },
  { name: "renamed response field", version: "v1", names: "volume_name", mutate: (s) => renameKey(s.components.schemas.SharedVolumeInfo.properties, "volume_name", "name") },
  {
    name: "removed response field",
    version: "v2",
    names: "supported_instance_types",
    mutate: (s) => {
      const region = s.components.schemas.RegionListResponse.properties.regions.items;
      delete region.properties.supported_instance_types;
      region.required = region.required.filter((r: string) => r !== "supported_instance_types");
    },
  },
  { name: "removed response field", version: "v1", names: "availability_zones", mutate: (s) => delete s.components.schemas.Region.properties.availability_zones },
  // A renamed field that holds an enum of the stable-names table: the entry is lost, so its exported type becomes a
  // string naming the lost pointer and the mapping table keyed by it fails with that name (not "no exported member").
  { name: "renamed response enum field", version: "v1", names: "cluster_type", mutate: (s) => renameKey(s.components.schemas.GPUClusterInfo.properties, "cluster_type", "kind") },
  {
    name: "response field made optional",
    version: "v2",
    names: "cluster_name",
    mutate: (s) => s.components.schemas.GPUClusterInfo.required.splice(s.components.schemas.GPUClusterInfo.required.indexOf("cluster_name"), 1),
  },
  { name: "renamed status enum field", version: "v2", names: "status", mutate: (s) => renameKey(s.components.schemas.GPUClusterInfo.properties, "status", "state") },
  { name: "new request enum value", version: "v2", names: "H300_SXM", mutate: (s) => s.components.schemas.GPUClusterCreateRequest.properties.gpu_type.enum.push("H300_SXM") },
  { name: "renamed request field", version: "v2", names: "num_gpus", mutate: (s) => renameKey(s.components.schemas.GPUClusterCreateRequest.properties, "num_gpus", "gpu_count") },
  // The update encoder spreads the unified patch, which the compiler does not check for unknown keys: a guard does.
  { name: "renamed update request field", version: "v2", names: "reservation_end_time", mutate: (s) => renameKey(s.components.schemas.GPUClusterUpdateRequest.properties, "reservation_end_time", "reservation_ends_at") },
  // Encoders type each field as BodyField<Body, "field"> (src/wire.ts), so a retyped request field is named too.
  { name: "retyped request field", version: "v1", names: "size_tib", mutate: (s) => (s.components.schemas.SharedVolumeCreateRequest.properties.size_tib = { type: "string" }) },
  { name: "renamed schema", version: "v2", names: undefined, mutate: (s) => renameSchema(s, "GPUClusterInfo", "GPUClusterDetails") },
  { name: "renamed schema", version: "v1", names: undefined, mutate: (s) => renameSchema(s, "SharedVolumeInfo", "SharedVolumeDetails") },
  { name: "moved path", version: "v2", names: "/compute/regions", mutate: (s) => renameKey(s.paths, "/compute/regions", "/compute/cluster-regions") },
  { name: "moved path", version: "v1", names: "/api/v1/shared_volume/{volume_id}", mutate: (s) => renameKey(s.paths, "/api/v1/shared_volume/{volume_id}", "/api/v1/shared_volumes/{volume_id}") },
];

/**
 * Type-checks the client (src/index.ts and what it imports) and the fake API (src/testing/index.ts) in `dir`; lib and
 * node_modules files are parsed once.
 */
const cache = new Map<string, ts.SourceFile>();
function typeErrors(dir: string): { file: string; line: number; text: string }[] {
  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2022,
    lib: ["lib.es2023.d.ts", "lib.dom.d.ts"],
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    types: ["node"],
    typeRoots: [join(repo, "node_modules/@types")],
    strict: true,
    noUncheckedIndexedAccess: true,
    verbatimModuleSyntax: true,
    skipLibCheck: true,
    noEmit: true,
  };
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, language) => {
    if (!fileName.includes("node_modules") && !fileName.includes("/typescript/lib/")) return getSourceFile(fileName, language);
    let file = cache.get(fileName);
    if (file === undefined) {
      file = getSourceFile(fileName, language);
      if (file !== undefined) cache.set(fileName, file);
    }
    return file;
  };
  const program = ts.createProgram([join(dir, "src/index.ts"), join(dir, "src/testing/index.ts")], options, host);
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const position = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start) : undefined;
    return { file: d.file ? relative(dir, d.file.fileName) : "(global)", line: (position?.line ?? -1) + 1, text: ts.flattenDiagnosticMessageText(d.messageText, "\n") };
  });
}

/** Generates from (possibly mutated) specs into `dir/generated`, next to a copy of the client's src/. */
async function generateInto(dir: string, mutation?: Mutation): Promise<string> {
  mkdirSync(join(dir, "specs"), { recursive: true });
  for (const version of ["v1", "v2"] as const) {
    const spec = parse(readFileSync(join(repo, "specs", `${version}.yaml`), "utf8")) as Spec;
    if (mutation?.version === version) mutation.mutate(spec);
    writeFileSync(join(dir, "specs", `${version}.yaml`), stringify(spec));
  }
  const { files } = await runPipeline({ v1: join(dir, "specs/v1.yaml"), v2: join(dir, "specs/v2.yaml"), out: join(dir, "generated"), pairings: operationPairings });
  for (const file of files) {
    mkdirSync(dirname(join(dir, "generated", file.path)), { recursive: true });
    writeFileSync(join(dir, "generated", file.path), file.content);
  }
  cpSync(join(repo, "src"), join(dir, "src"), { recursive: true });
  writeFileSync(join(dir, "package.json"), JSON.stringify({ type: "module" }));
  symlinkSync(join(repo, "node_modules"), join(dir, "node_modules"), "dir");
  return files.find((f) => f.path === "merge-report.md")!.content;
}

describe("spec changes fail type-checking at the handwritten line that must change", () => {
  test("the unmutated specs type-check cleanly (so every error below is the mutation's)", async () => {
    const dir = join(work, "baseline");
    await generateInto(dir);
    expect(typeErrors(dir)).toEqual([]);
  }, 60_000);

  test.each(mutations.map((m) => [`${m.version}: ${m.name}`, m] as const))("%s", async (_label, mutation) => {
    const dir = join(work, `${mutation.version}-${mutation.name.replaceAll(" ", "-")}`);
    const report = await generateInto(dir, mutation);
    const all = typeErrors(dir);
    const listing = all.map((e) => `${e.file}:${e.line}: ${e.text.split("\n")[0]}`).join("\n");
    // The replay figure (errors per mutation and where they land), printed for BENCHMARKS.md and docs/releasing.md.
    console.log(`[${mutation.version}: ${mutation.name}] ${all.length} type error(s)\n${listing}`);
    // The fake API writes the answers and reads the bodies the client decodes and encodes, so the same change
    // reaches it; its own tables and views are handwritten lines that must change too, held to the same count.
    const fake = all.filter((e) => e.file.startsWith("src/testing/"));
    const errors = all.filter((e) => !fake.includes(e));
    expect(fake.length, listing).toBeLessThanOrEqual(4);
    if (mutation.names === undefined) {
      expect(all, listing).toEqual([]);
      expect(report).toMatch(/stable name V[12]\w+ \(v[12]\): #\/components\/schemas\/\w+\S* no longer finds its schema; found through/);
      return;
    }
    expect(errors.length, listing).toBeGreaterThan(0);
    expect(errors.length, listing).toBeLessThanOrEqual(4);
    for (const error of errors) {
      expect(error.file, listing).toMatch(/^src\/(mappings|adapters)\//);
      expect(error.text, listing).toContain(mutation.names);
    }
  }, 60_000);
});
