/**
 * Import rules of src/ (excluding src/testing): only adapters/vN and mappings/vN see generated/vN; the facade never
 * sees generated/ at all; adapters never import each other; the one package imported at run time is openapi-fetch, and only
 * adapters/decode.ts imports it.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { describe, expect, test } from "vitest";

const root = join(import.meta.dirname, "../../src");

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    // testing/ (the fake) and the codemod's bin (cli/, migrate/: ts-morph, an optional peer) are not the client.
    if (entry.isDirectory()) return ["testing", "cli", "migrate"].includes(entry.name) ? [] : sources(path);
    return entry.name.endsWith(".ts") ? [path] : [];
  });
}

function runtimeImportsOf(path: string): string[] {
  if (!existsSync(path)) return [];
  return [...readFileSync(path, "utf8").matchAll(/^\s*(?:import|export)(?!\s+type\b)[^"']*?from\s+["']([^"']+)["']/gm)].map((m) => m[1]!);
}

const files = sources(root).map((path) => ({
  name: relative(root, path),
  imports: [...readFileSync(path, "utf8").matchAll(/^\s*(?:import|export)[^"']*?from\s+["']([^"']+)["']/gm)].map((m) => m[1]!),
  // Type-only imports are erased from the build, so they load nothing at run time.
  runtimeImports: runtimeImportsOf(path),
}));

describe("src/ import rules", () => {
  test("the scan sees the client's files", () => {
    expect(files.map((f) => f.name)).toEqual(expect.arrayContaining(["client.ts", "adapters/v1.ts", "mappings/v2.ts"]));
  });
  test.each(["v1", "v2"])("only adapters/%s imports generated/%s (its `paths`, the openapi-fetch contract)", (version) => {
    const importers = files.filter((f) => f.imports.some((i) => i.includes(`generated/${version}/`))).map((f) => f.name);
    expect(importers.sort()).toEqual([`adapters/${version}.ts`]);
  });
  test("everything else from generated/ comes through generated/stable.ts, the names keyed by meaning (codegen/stable-names.ts)", () => {
    const others = files.flatMap((f) => f.imports.filter((i) => i.includes("generated/") && !/generated\/v[12]\/schema\.js$/.test(i)).map((i) => `${f.name}: ${i.replace(/^.*generated\//, "generated/")}`));
    expect(others.filter((line) => !line.endsWith("generated/stable.js"))).toEqual([]);
    expect(others.length).toBeGreaterThan(0);
  });
  test("client.ts and index.ts import nothing from generated/", () => {
    for (const name of ["client.ts", "index.ts"]) {
      expect(files.find((f) => f.name === name)!.imports.filter((i) => i.includes("generated/"))).toEqual([]);
    }
  });
  test("adapters never import each other, and openapi-fetch (the one runtime dependency) is imported by adapters/decode.ts only", () => {
    expect(files.find((f) => f.name === "adapters/v1.ts")!.imports).not.toContain("./v2.js");
    expect(files.find((f) => f.name === "adapters/v2.ts")!.imports).not.toContain("./v1.js");
    expect(files.flatMap((f) => f.runtimeImports.filter((i) => !i.startsWith(".")).map((i) => `${f.name}: ${i}`))).toEqual(["adapters/decode.ts: openapi-fetch"]);
  });
  test("nothing the package's entry point loads imports ts-morph (the codemod's optional peer)", () => {
    const seen = new Set<string>();
    const visit = (file: string): void => {
      if (seen.has(file)) return;
      seen.add(file);
      for (const spec of runtimeImportsOf(file)) if (spec.startsWith(".")) visit(join(dirname(file), spec.replace(/\.js$/, ".ts")));
    };
    visit(join(root, "index.ts"));
    const loaded = [...seen].filter((file) => existsSync(file));
    expect(loaded.length).toBeGreaterThan(10);
    expect(loaded.filter((file) => runtimeImportsOf(file).includes("ts-morph")).map((file) => relative(root, file))).toEqual([]);
  });
  test("openapi-fetch is the package's only runtime dependency", () => {
    const manifest = JSON.parse(readFileSync(join(root, "../package.json"), "utf8")) as { dependencies?: Record<string, string> };
    expect(Object.keys(manifest.dependencies ?? {})).toEqual(["openapi-fetch"]);
  });
});
