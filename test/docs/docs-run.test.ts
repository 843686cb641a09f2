/**
 * Docs that run: every ```ts block of README.md and docs/*.md is type-checked against the package's source (one
 * TypeScript program for all blocks) and then executed against a started fake API, exactly as written. Blocks use
 * the default base URLs and TOGETHER_API_KEY; redirect-fetch.ts sends those requests to the fake. A block that
 * imports `vitest` runs as a vitest test file; the others run one after another in one tsx process (run-blocks.ts).
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exec } from "../runtimes/exec.js";
import { docFiles, extractBlocks, type DocBlock } from "./blocks.js";

const repoRoot = fileURLToPath(new URL("../../", import.meta.url));
const workDir = join(repoRoot, ".tmp", `docs-blocks-${process.pid}`);
const redirectFetch = fileURLToPath(new URL("./redirect-fetch.ts", import.meta.url));
const packageEntries = { "together-clusters/testing": "src/testing/index.ts", "together-clusters": "src/index.ts" } as const;

const blocks = docFiles(repoRoot).flatMap((file) => extractBlocks(file, repoRoot));
const runnable = blocks.filter((block) => block.fragment === undefined);
const fileOf = (block: DocBlock) => join(workDir, `${block.where.replace(/[^A-Za-z0-9]+/g, "_")}.${usesVitest(block) ? "test." : ""}ts`);
const usesVitest = (block: DocBlock) => /from "vitest"/.test(block.code);

const compilerOptions: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  lib: ["lib.es2023.d.ts", "lib.dom.d.ts"],
  types: ["node"],
  strict: true,
  noEmit: true,
  skipLibCheck: true,
  moduleDetection: ts.ModuleDetectionKind.Force,
  paths: Object.fromEntries(Object.entries(packageEntries).map(([name, path]) => [name, [join(repoRoot, path)]])),
};

/** Maps a diagnostic in a block's file back to the markdown line a reader sees. */
function describeDiagnostic(diagnostic: ts.Diagnostic): string {
  const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n");
  const block = runnable.find((b) => diagnostic.file !== undefined && fileOf(b) === diagnostic.file.fileName);
  if (block === undefined || diagnostic.file === undefined || diagnostic.start === undefined) return message;
  const { line } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
  const [file, fence] = block.where.split(":");
  return `${file}:${Number(fence) + 1 + line}: ${message}`;
}

const runBlocks = fileURLToPath(new URL("./run-blocks.ts", import.meta.url));
const tsx = join(repoRoot, "node_modules/.bin/tsx");
/** Outcome of each script block by file, from one run-blocks.ts process. */
const scriptResults = new Map<string, { ok: boolean; error?: string }>();
let runnerOutput = "";

beforeAll(async () => {
  mkdirSync(workDir, { recursive: true });
  for (const block of runnable) writeFileSync(fileOf(block), `${block.code}\n`);
  writeFileSync(join(workDir, "tsconfig.json"), JSON.stringify({ compilerOptions: { module: "esnext", moduleResolution: "bundler", paths: compilerOptions.paths } }));
  const alias = Object.entries(packageEntries).map(([name, path]) => `{ find: /^${name.replace("/", "\\/")}$/, replacement: ${JSON.stringify(join(repoRoot, path))} }`);
  writeFileSync(
    join(workDir, "vitest.config.mjs"),
    `export default { resolve: { alias: [${alias.join(", ")}] }, test: { setupFiles: [${JSON.stringify(redirectFetch)}], include: ["*.test.ts"] } };\n`,
  );
  const scripts = runnable.filter((block) => !usesVitest(block)).map(fileOf);
  const result = await exec(tsx, [runBlocks, ...scripts], { cwd: workDir, timeoutMs: 60_000 });
  runnerOutput = `${result.stdout}${result.stderr}`;
  for (const line of result.stdout.split("\n").filter((l) => l.startsWith("@@docs-block "))) {
    const { file, ...outcome } = JSON.parse(line.slice("@@docs-block ".length)) as { file: string; ok: boolean; error?: string };
    scriptResults.set(file, outcome);
  }
}, 120_000);

afterAll(async () => {
  rmSync(workDir, { recursive: true, force: true });
});

it("finds the blocks, and fragments are rare", () => {
  expect(blocks.length).toBeGreaterThanOrEqual(5);
  expect(blocks.length - runnable.length, blocks.filter((b) => b.fragment).map((b) => `${b.where}: ${b.fragment}`).join("\n")).toBeLessThanOrEqual(2);
});

it("type-checks every block against the package (one program)", () => {
  const program = ts.createProgram(runnable.map(fileOf), compilerOptions);
  const diagnostics = ts.getPreEmitDiagnostics(program).filter((d) => d.file === undefined || d.file.fileName.startsWith(workDir));
  expect(diagnostics.map(describeDiagnostic)).toEqual([]);
}, 120_000); // one program, but it loads the package's source, together-ai's and vitest's types: seconds on a shared machine

describe.each(runnable.map((block) => ({ where: block.where, block })))("$where", ({ block }) => {
  it("runs to completion against the fake", async () => {
    if (!usesVitest(block)) {
      const outcome = scriptResults.get(fileOf(block));
      expect(outcome, `no result from run-blocks.ts:\n${runnerOutput}`).toBeDefined();
      expect(outcome?.error ?? "").toBe("");
      return;
    }
    // A block written as a vitest test file runs as one, with a fake it starts itself.
    const config = join(workDir, "vitest.config.mjs");
    const result = await exec(join(repoRoot, "node_modules/.bin/vitest"), ["run", "--config", config, "--root", workDir, fileOf(block)], { cwd: workDir, timeoutMs: 60_000 });
    expect(result.code, `${block.where} exited ${result.code ?? result.signal}:\n${result.stdout}${result.stderr}`).toBe(0);
  });
});

it("README links work on the package page: absolute URLs only (the registry shows README without the repository)", () => {
  const readme = readFileSync(join(repoRoot, "README.md"), "utf8");
  const relative = [...readme.matchAll(/\]\(([^)]+)\)/g)].map((m) => m[1]).filter((target) => !/^(https?:|#)/.test(target ?? ""));
  expect(relative).toEqual([]);
  expect(readme).toContain("npm install together-clusters");
});
