import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import ts from "typescript";
import type { ExportSurface, PublicSurface } from "./types.js";

const typeFlags =
  ts.TypeFormatFlags.NoTruncation | ts.TypeFormatFlags.UseAliasDefinedOutsideCurrentScope | ts.TypeFormatFlags.WriteArrowStyleSignature;

/**
 * Reads the public surface of a built package: every `exports` entry with a `types` condition, resolved with the
 * TypeScript compiler API over the emitted `.d.ts` files (what consumers compile against, not the sources).
 * `typeRoots` supplies `@types/node`, which the `./testing` entry's declarations reference.
 */
export function extractSurface(packageDir: string, typeRoots: readonly string[]): PublicSurface {
  const entryFiles = typesEntries(packageDir);
  const program = ts.createProgram({
    rootNames: Object.values(entryFiles),
    options: {
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      target: ts.ScriptTarget.ES2022,
      strict: true,
      noEmit: true,
      skipLibCheck: true,
      types: ["node"],
      typeRoots: [...typeRoots],
    },
  });
  const checker = program.getTypeChecker();
  const ctx: Ctx = { checker, program };
  const entries: Record<string, Record<string, ExportSurface>> = {};
  for (const [entry, file] of Object.entries(entryFiles).sort(byKey)) {
    const source = program.getSourceFile(file);
    if (source === undefined) throw new Error(`api-surface: ${file} (types of "${entry}") was not found; run npm run build first`);
    const moduleSymbol = checker.getSymbolAtLocation(source);
    if (moduleSymbol === undefined) throw new Error(`api-surface: ${file} is not a module`);
    const exports: Record<string, ExportSurface> = {};
    for (const symbol of [...checker.getExportsOfModule(moduleSymbol)].sort((a, b) => byKey([a.name], [b.name]))) {
      exports[symbol.name] = describeExport(ctx, symbol);
    }
    entries[entry] = exports;
  }
  return { entries };
}

/** `exports` entries that declare types, as absolute `.d.ts` paths. Fails loudly on a missing `types` condition. */
function typesEntries(packageDir: string): Record<string, string> {
  const pkg = JSON.parse(readFileSync(join(packageDir, "package.json"), "utf8")) as { exports?: Record<string, unknown> };
  const out: Record<string, string> = {};
  for (const [entry, target] of Object.entries(pkg.exports ?? {})) {
    if (typeof target === "string") {
      if (target.endsWith(".json")) continue;
      throw new Error(`api-surface: export "${entry}" has no "types" condition`);
    }
    const types = (target as { types?: unknown }).types;
    if (typeof types !== "string") throw new Error(`api-surface: export "${entry}" has no "types" condition`);
    out[entry] = resolve(packageDir, types);
  }
  return out;
}

interface Ctx {
  readonly checker: ts.TypeChecker;
  readonly program: ts.Program;
}

function describeExport(ctx: Ctx, exported: ts.Symbol): ExportSurface {
  const { checker } = ctx;
  const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
  const flags = symbol.flags;
  if (flags & ts.SymbolFlags.Class) return { kind: "class", members: classMembers(ctx, symbol) };
  if (flags & ts.SymbolFlags.Function) return { kind: "function", members: callMembers(checker, checker.getTypeOfSymbol(symbol)) };
  if (flags & ts.SymbolFlags.Enum) return { kind: "enum", members: objectMembers(ctx, checker.getTypeOfSymbol(symbol)) };
  if (flags & ts.SymbolFlags.Interface) {
    const type = checker.getDeclaredTypeOfSymbol(symbol);
    return { kind: "interface", members: { ...objectMembers(ctx, type), ...callMembers(checker, type) } };
  }
  if (flags & ts.SymbolFlags.TypeAlias) return describeType(ctx, checker.getDeclaredTypeOfSymbol(symbol));
  if (flags & ts.SymbolFlags.Variable) return { kind: "const", members: { "=": checker.typeToString(checker.getTypeOfSymbol(symbol), undefined, typeFlags) } };
  if (flags & ts.SymbolFlags.Module) {
    const names = checker.getExportsOfModule(symbol).map((s) => s.name).sort();
    return { kind: "namespace", members: Object.fromEntries(names.map((n) => [n, "export"])) };
  }
  return { kind: "type", members: { "=": checker.typeToString(checker.getDeclaredTypeOfSymbol(symbol), undefined, typeFlags) } };
}

function describeType(ctx: Ctx, type: ts.Type): ExportSurface {
  const { checker } = ctx;
  if (type.isUnion()) {
    const members = type.types.map((t) => checker.typeToString(t, undefined, typeFlags)).sort();
    return { kind: "union", members: Object.fromEntries(members.map((m) => [m, "member"])) };
  }
  const properties = type.getProperties();
  if (properties.length > 0 && type.getCallSignatures().length === 0) {
    return { kind: "type", members: objectMembers(ctx, type) };
  }
  return { kind: "type", members: { "=": checker.typeToString(type, undefined, typeFlags) } };
}

function objectMembers(ctx: Ctx, type: ts.Type): Record<string, string> {
  const { checker } = ctx;
  const out: Record<string, string> = {};
  for (const prop of type.getProperties()) {
    if (isPrivate(prop) || isExternal(ctx.program, prop)) continue;
    out[memberKey(prop)] = `${isReadonly(prop) ? "readonly " : ""}${checker.typeToString(checker.getTypeOfSymbol(prop), undefined, typeFlags)}`;
  }
  for (const info of checker.getIndexInfosOfType(type)) {
    out[`[key: ${checker.typeToString(info.keyType)}]`] = checker.typeToString(info.type, undefined, typeFlags);
  }
  return sortRecord(out);
}

function callMembers(checker: ts.TypeChecker, type: ts.Type): Record<string, string> {
  const out: Record<string, string> = {};
  type.getCallSignatures().forEach((sig, i) => {
    out[i === 0 ? "call" : `call#${i + 1}`] = checker.signatureToString(sig, undefined, typeFlags);
  });
  return out;
}

function classMembers(ctx: Ctx, symbol: ts.Symbol): Record<string, string> {
  const { checker } = ctx;
  const staticSide = checker.getTypeOfSymbol(symbol);
  const out: Record<string, string> = {};
  staticSide.getConstructSignatures().forEach((sig, i) => {
    out[i === 0 ? "new" : `new#${i + 1}`] = checker.signatureToString(sig, undefined, typeFlags);
  });
  for (const [name, text] of Object.entries(objectMembers(ctx, staticSide))) {
    if (name !== "prototype") out[`static ${name}`] = text;
  }
  Object.assign(out, objectMembers(ctx, checker.getDeclaredTypeOfSymbol(symbol)));
  return sortRecord(out);
}

/** Members inherited from the standard library or @types (Error.stack, captureStackTrace) are not our surface. */
function isExternal(program: ts.Program, prop: ts.Symbol): boolean {
  const declarations = prop.declarations ?? [];
  return (
    declarations.length > 0 &&
    declarations.every((d) => {
      const file = d.getSourceFile();
      return program.isSourceFileDefaultLibrary(file) || file.fileName.includes("/node_modules/@types/") || file.fileName.includes("/typescript/lib/");
    })
  );
}

function memberKey(prop: ts.Symbol): string {
  return prop.flags & ts.SymbolFlags.Optional ? `${prop.name}?` : prop.name;
}

function isPrivate(prop: ts.Symbol): boolean {
  if (prop.name.startsWith("#") || prop.name.startsWith("__#")) return true;
  return (prop.declarations ?? []).some(
    (d) => (ts.getCombinedModifierFlags(d) & (ts.ModifierFlags.Private | ts.ModifierFlags.Protected)) !== 0,
  );
}

function isReadonly(prop: ts.Symbol): boolean {
  return (prop.declarations ?? []).some((d) => (ts.getCombinedModifierFlags(d) & ts.ModifierFlags.Readonly) !== 0);
}

function sortRecord(record: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(record).sort(byKey));
}

function byKey(a: readonly [string, ...unknown[]], b: readonly [string, ...unknown[]]): number {
  return a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0;
}
