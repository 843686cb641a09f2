import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import ts from "typescript";
import type { PublicSurface } from "./types.js";

/** One question for the compiler: is a value of type `from` assignable to type `to`, in entry `entry`'s scope? */
export interface AssignabilityQuery {
  readonly entry: string;
  readonly from: string;
  readonly to: string;
}

/** Answers per query: true/false, or undefined when a type text does not resolve (then callers stay conservative). */
export type AssignabilityOracle = (queries: readonly AssignabilityQuery[]) => (boolean | undefined)[];

/**
 * Builds an oracle over a built package: each query becomes `const qN: To = null as unknown as From` in a virtual
 * file per entry that imports every export of the entry by name; the compiler's diagnostics per line answer it.
 * Printed types of the OLD surface are resolved against the NEW build's names; a named type's own changes are
 * reported under that export, so each export is judged on its own.
 */
export function createAssignabilityOracle(packageDir: string, surface: PublicSurface, typeRoots: readonly string[]): AssignabilityOracle {
  const pkg = JSON.parse(readFileSync(join(packageDir, "package.json"), "utf8")) as { exports?: Record<string, { types?: string } | string> };
  return (queries) => {
    const answers: (boolean | undefined)[] = queries.map(() => undefined);
    const files = new Map<string, string>();
    const lineOfQuery = new Map<number, { file: string; line: number }>();
    const entries = [...new Set(queries.map((q) => q.entry))];
    entries.forEach((entry, i) => {
      const target = pkg.exports?.[entry];
      const types = typeof target === "object" ? target.types : undefined;
      const names = Object.keys(surface.entries[entry] ?? {});
      if (types === undefined) return;
      // Printed types use the entry's export names bare, so import them all by name (type-only).
      const specifier = `./${types.replace(/^\.\//, "").replace(/\.d\.ts$/, ".js")}`;
      const lines = [`import type { ${names.join(", ")} } from ${JSON.stringify(specifier)};`];
      const file = resolve(packageDir, `__surface_assignability_${i}__.ts`);
      queries.forEach((query, n) => {
        if (query.entry !== entry) return;
        lineOfQuery.set(n, { file, line: lines.length });
        lines.push(`const q${n}: ${query.to} = null as unknown as ${query.from};`);
      });
      files.set(file, lines.join("\n"));
    });
    if (files.size === 0) return answers;
    const options: ts.CompilerOptions = {
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      target: ts.ScriptTarget.ES2022,
      strict: true,
      noEmit: true,
      skipLibCheck: true,
      types: ["node"],
      typeRoots: [...typeRoots],
    };
    const host = ts.createCompilerHost(options);
    const getSourceFile = host.getSourceFile.bind(host);
    host.getSourceFile = (fileName, languageVersion, ...rest) => {
      const text = files.get(fileName);
      return text === undefined ? getSourceFile(fileName, languageVersion, ...rest) : ts.createSourceFile(fileName, text, languageVersion);
    };
    const fileExists = host.fileExists.bind(host);
    host.fileExists = (fileName) => files.has(fileName) || fileExists(fileName);
    const program = ts.createProgram({ rootNames: [...files.keys()], options, host });
    const failing = new Map<string, number[]>();
    for (const fileName of files.keys()) {
      const file = program.getSourceFile(fileName);
      if (file === undefined) continue;
      for (const d of [...program.getSyntacticDiagnostics(file), ...program.getSemanticDiagnostics(file)]) {
        if (d.start === undefined) continue;
        const key = `${fileName}:${file.getLineAndCharacterOfPosition(d.start).line}`;
        failing.set(key, [...(failing.get(key) ?? []), d.code]);
      }
    }
    return answers.map((_answer, n) => {
      const at = lineOfQuery.get(n);
      if (at === undefined) return undefined;
      const codes = failing.get(`${at.file}:${at.line}`);
      if (codes === undefined) return true;
      // Only "not assignable" diagnostics answer no; anything else means a type text did not resolve.
      return codes.every((code) => notAssignableCodes.has(code)) ? false : undefined;
    });
  };
}

const notAssignableCodes = new Set([2322, 2739, 2740, 2741, 2559, 2326, 2345, 2352, 2353, 2375, 2719]);
