/**
 * Property: random well-formed v1 + v2 specs always generate, and what they generate always type-checks under the
 * project's strict settings (strict, noUncheckedIndexedAccess, verbatimModuleSyntax, erasableSyntaxOnly, NodeNext).
 * The generator runs through its real CLI entry (in-process); the type-check is the TypeScript compiler API.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import ts from "typescript";
import { afterAll, expect, test } from "vitest";
import { stringify } from "yaml";
import { runCli } from "../../codegen/cli.js";
import { wellFormedSpec } from "./spec-arbitraries.js";

const root = mkdtempSync(join(tmpdir(), "reliability-codegen-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const compilerOptions: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  lib: ["lib.es2023.d.ts"],
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  strict: true,
  noUncheckedIndexedAccess: true,
  noImplicitOverride: true,
  verbatimModuleSyntax: true,
  erasableSyntaxOnly: true,
  isolatedModules: true,
  skipLibCheck: true,
  noEmit: true,
  types: [],
};

function tsFilesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith(".ts"))
    .map((file) => join(dir, file));
}

let previous: ts.Program | undefined;
/** Type-checks `files`; reuses the previous program so the standard library is parsed once. */
function typeErrors(files: string[]): string[] {
  const program = ts.createProgram({ rootNames: files, options: compilerOptions, ...(previous ? { oldProgram: previous } : {}) });
  previous = program;
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const where = d.file && d.start !== undefined ? `${d.file.fileName}:${d.file.getLineAndCharacterOfPosition(d.start).line + 1}: ` : "";
    return where + ts.flattenDiagnosticMessageText(d.messageText, "\n");
  });
}

let run = 0;
test("random well-formed specs always generate code that type-checks", async () => {
  await fc.assert(
    fc.asyncProperty(wellFormedSpec("v1"), wellFormedSpec("v2"), async (v1, v2) => {
      const dir = join(root, `run-${run++}`);
      mkdirSync(dir, { recursive: true });
      // The generated modules are ES modules (NodeNext reads this to resolve `./v1/schema.js`).
      writeFileSync(join(dir, "package.json"), '{ "type": "module" }\n');
      writeFileSync(join(dir, "v1.yaml"), stringify(v1));
      writeFileSync(join(dir, "v2.yaml"), stringify(v2));
      let stderr = "";
      const code = await runCli(["--v1", join(dir, "v1.yaml"), "--v2", join(dir, "v2.yaml"), "--out", join(dir, "out")], {
        stdout: () => undefined,
        stderr: (text) => void (stderr += text),
      });
      // Warnings (e.g. the product's pairing table matching none of these random operations) are not failures.
      expect(stderr.split("\n").filter((line) => line !== "" && !line.startsWith("warning: "))).toEqual([]);
      expect(code).toBe(0);
      const files = tsFilesUnder(join(dir, "out"));
      expect(files.map((f) => f.slice(dir.length + 5)).sort()).toEqual(expect.arrayContaining(["enums.ts", "models.ts", "operations.ts"]));
      expect(typeErrors(files)).toEqual([]);
    }),
    { numRuns: Number(process.env["RELIABILITY_CODEGEN_RUNS"] ?? 15) },
  );
});
