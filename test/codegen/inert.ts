import { createRequire } from "node:module";
import { join } from "node:path";
import { runInNewContext } from "node:vm";
import type * as TypeScript from "typescript";
import type { GeneratedFile } from "../../codegen/emit/header.js";

// The compiler API, loaded once with require (CommonJS, like the generator's own heavy packages).
const ts = createRequire(import.meta.url)("typescript") as typeof TypeScript;

/** What parsing one generated file found wrong: TypeScript's syntax errors, as `path: message` lines. */
export function syntaxErrors(file: GeneratedFile): string[] {
  const source = ts.createSourceFile(file.path, file.content, ts.ScriptTarget.ES2022, false, ts.ScriptKind.TS);
  const diagnostics = (source as unknown as { parseDiagnostics: TypeScript.Diagnostic[] }).parseDiagnostics;
  return diagnostics.map((d) => `${file.path}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`);
}

/** The JavaScript a generated .ts file runs as: types and comments removed. */
export function runtimeCode(file: GeneratedFile): string {
  return ts.transpileModule(file.content, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, removeComments: true }, fileName: file.path }).outputText;
}

/**
 * The tokens of what a generated .ts file runs, string and template literals left out, joined by single spaces:
 * spec text that became code shows up here (`globalThis . PWNED = 1`), spec text kept as data does not.
 */
export function codeTokens(file: GeneratedFile): string {
  const scanner = ts.createScanner(ts.ScriptTarget.ES2022, true, ts.LanguageVariant.Standard, runtimeCode(file));
  const tokens: string[] = [];
  const data = new Set([ts.SyntaxKind.StringLiteral, ts.SyntaxKind.NoSubstitutionTemplateLiteral, ts.SyntaxKind.TemplateHead, ts.SyntaxKind.TemplateMiddle, ts.SyntaxKind.TemplateTail]);
  for (let kind = scanner.scan(); kind !== ts.SyntaxKind.EndOfFileToken; kind = scanner.scan()) if (!data.has(kind)) tokens.push(scanner.getTokenText());
  return tokens.join(" ");
}

/**
 * Runs a generated .ts file (transpiled to CommonJS) in a fresh V8 context whose globals are watched: returns its
 * exports and every global the code created or touched. `require` answers only the generated folder's own modules
 * (type-only imports vanish in transpiling), as empty objects.
 */
export function execute(file: GeneratedFile): { readonly exports: Record<string, unknown>; readonly touchedGlobals: string[] } {
  const module = { exports: {} as Record<string, unknown> };
  const touched = new Set<string>();
  const sandbox: Record<string, unknown> = { module, exports: module.exports, require: (id: string) => (id.startsWith("./") ? {} : touched.add(`require(${id})`)) };
  const before = new Set(Object.getOwnPropertyNames(sandbox));
  const watched = new Proxy(sandbox, {
    set: (target, key, value) => (touched.add(String(key)), Reflect.set(target, key, value)),
    defineProperty: (target, key, descriptor) => (touched.add(String(key)), Reflect.defineProperty(target, key, descriptor)),
  });
  runInNewContext(runtimeCode(file), watched, { filename: file.path, timeout: 5_000 });
  for (const name of Object.getOwnPropertyNames(sandbox)) if (!before.has(name)) touched.add(name);
  touched.delete("exports");
  touched.delete("module");
  return { exports: module.exports, touchedGlobals: [...touched].sort() };
}

/** Type errors of a generated folder compiled on its own with the repository's strictest settings. */
export function typeErrors(dir: string, files: readonly GeneratedFile[]): string[] {
  const program = ts.createProgram(
    files.filter((f) => f.path.endsWith(".ts")).map((f) => join(dir, f.path)),
    {
      strict: true,
      noUncheckedIndexedAccess: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      skipLibCheck: true,
      noEmit: true,
      types: [],
    },
  );
  return ts.getPreEmitDiagnostics(program).map((d) => `${d.file?.fileName ?? ""}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`);
}
