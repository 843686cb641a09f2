/**
 * `together-clusters migrate <paths…> [--dry-run] [--report json|md]`: runs the rules over every source file under
 * the paths, writes each changed file whole (temp file, then rename) or, with --dry-run, prints a unified diff and
 * writes nothing. Loaded only after the bin has checked that ts-morph (an optional peer) is installed.
 */
import { chmodSync, existsSync, lstatSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { DiagnosticCategory, ModuleKind, ModuleResolutionKind, Project, ScriptTarget, ts, type SourceFile } from "ts-morph";
import { FileContext } from "./context.js";
import type { Finding } from "./file-edits.js";
import { formatReport } from "./report.js";
import { rewriteClientVersion } from "./rules/client-version.js";
import { rewriteFetches } from "./rules/fetch.js";
import { flagRemainingV1Paths } from "./rules/leftovers.js";
import { rewritePolling } from "./rules/polling.js";
import { rewriteSdkCalls } from "./rules/sdk.js";
import { rewriteStatusComparisons } from "./rules/vocabulary.js";
import { unifiedDiff } from "./unified-diff.js";

const sourceExtensions = /\.(ts|tsx|mts|cts|js|jsx|mjs|cjs)$/;
const skippedDirectories = new Set(["node_modules", "dist", ".git", "build", "coverage"]);

/** Options of {@link migrate}. */
export interface MigrateOptions {
  /** Files or directories (searched recursively, skipping node_modules and dist). */
  readonly paths: readonly string[];
  /** Write nothing. */
  readonly dryRun?: boolean;
  /** Paths in the report and diff are relative to this. @default process.cwd() */
  readonly cwd?: string;
  /** tsconfig.json for types and module resolution. @default the nearest one above cwd, if any */
  readonly tsConfigFilePath?: string;
}

/** What a run changed and found. */
export interface MigrateResult {
  readonly files: ReadonlyArray<{ readonly path: string; readonly before: string; readonly after: string }>;
  readonly findings: readonly Finding[];
}

/**
 * Source files under `path`. A path given on the command line is taken as it is; below it, symbolic links are not
 * followed (one may lead out of the tree, into node_modules, or round in a loop) and an entry that cannot be read is
 * skipped: each is reported, never a crash and never a file rewritten elsewhere.
 */
function collect(path: string, out: string[], skip: (path: string, why: string) => void, given = true): void {
  let stat;
  try {
    stat = given ? statSync(path) : lstatSync(path);
  } catch (error) {
    skip(path, `cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
    return;
  }
  if (stat.isSymbolicLink()) {
    if (sourceExtensions.test(path) || statOrUndefined(path)?.isDirectory()) skip(path, "a symbolic link: not followed (migrate what it points to where that lives)");
    return;
  }
  if (stat.isFile()) {
    if (sourceExtensions.test(path) && !/\.d\.[cm]?ts$/.test(path)) out.push(path);
    return;
  }
  if (!stat.isDirectory()) return;
  let entries: string[];
  try {
    entries = readdirSync(path).sort();
  } catch (error) {
    skip(path, `cannot be listed (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
    return;
  }
  for (const entry of entries) {
    if (!skippedDirectories.has(entry)) collect(join(path, entry), out, skip, false);
  }
}

function statOrUndefined(path: string) {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

const strictUtf8 = new TextDecoder("utf-8", { fatal: true });

function nearestTsConfig(from: string): string | undefined {
  for (let dir = resolve(from); ; dir = dirname(dir)) {
    const candidate = join(dir, "tsconfig.json");
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) return undefined;
  }
}

/** Migrates the files under `paths`; returns every change and finding (and writes them unless dryRun). */
export function migrate(options: MigrateOptions): MigrateResult {
  const cwd = options.cwd ?? process.cwd();
  const files: string[] = [];
  const findings: Finding[] = [];
  const skip = (path: string, why: string) => findings.push({ file: relative(cwd, path) || path, line: 1, kind: "skipped", message: `${why}; left as it was` });
  for (const path of options.paths) collect(resolve(cwd, path), files, skip);
  const tsConfigFilePath = options.tsConfigFilePath ?? nearestTsConfig(cwd);
  const project = tsConfigFilePath
    ? new Project({ tsConfigFilePath, skipAddingFilesFromTsConfig: true, compilerOptions: { allowJs: true } })
    : new Project({
        compilerOptions: { allowJs: true, strict: true, target: ScriptTarget.ES2022, module: ModuleKind.NodeNext, moduleResolution: ModuleResolutionKind.NodeNext, skipLibCheck: true },
      });
  // Read here, strictly: a file that is not UTF-8 would come back with its other bytes replaced (U+FFFD) if rewritten.
  const boms = new Set<string>();
  const sourceFiles = files.flatMap((file) => {
    let text: string;
    try {
      const bytes = readFileSync(file);
      text = strictUtf8.decode(bytes);
      if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) boms.add(file);
    } catch (error) {
      skip(file, error instanceof TypeError ? "not valid UTF-8 text (a rewrite would replace its other bytes)" : `cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
      return [];
    }
    const sourceFile = project.createSourceFile(file, text, { overwrite: true });
    // A file that does not parse is not rewritten: edits would land in a tree the parser guessed at. (The parser's
    // own diagnostics, which every TypeScript source file carries: no program has to be built for them.)
    const [syntax] = (sourceFile.compilerNode as { parseDiagnostics?: readonly { start?: number; messageText: unknown }[] }).parseDiagnostics ?? [];
    if (syntax !== undefined) {
      const line = syntax.start === undefined ? "?" : sourceFile.getLineAndColumnAtPos(syntax.start).line;
      const message = typeof syntax.messageText === "string" ? syntax.messageText : "syntax error";
      project.removeSourceFile(sourceFile);
      skip(file, `does not parse (line ${line}: ${message})`);
      return [];
    }
    return [sourceFile];
  });
  const changed: Array<{ path: string; before: string; after: string }> = [];
  for (const sourceFile of sourceFiles) {
    const path = relative(cwd, sourceFile.getFilePath());
    const ctx = new FileContext(sourceFile, path);
    rewritePolling(ctx);
    rewriteSdkCalls(ctx);
    rewriteFetches(ctx);
    // Before the status rule: a v1 request left in the file keeps its v1 status literals.
    flagRemainingV1Paths(ctx);
    rewriteClientVersion(ctx);
    rewriteStatusComparisons(ctx);
    const after = ctx.finish();
    findings.push(...ctx.edits.findings.sort((a, b) => a.line - b.line));
    if (after !== ctx.edits.text) changed.push({ path, before: ctx.edits.text, after });
  }
  // What the rewrite leaves to the compiler: a type error in a changed file that its original did not have is
  // reported at its line (a function still annotated with a v1 type, say), so nothing that compiled breaks unseen.
  if (changed.length > 0) findings.push(...newTypeErrors(sourceFiles, changed, cwd));
  if (!options.dryRun) {
    for (const file of changed) {
      const target = resolve(cwd, file.path);
      const temp = `${target}.together-clusters-migrate.tmp`;
      writeFileSync(temp, boms.has(target) ? `\uFEFF${file.after}` : file.after);
      // The rename replaces the file: it keeps the original's permissions (an executable script stays executable).
      chmodSync(temp, statSync(target).mode & 0o7777);
      renameSync(temp, target);
    }
  }
  return { files: changed, findings };
}

/** The type errors of each changed file after the rewrite that its text before did not have (compared by message). */
function newTypeErrors(sourceFiles: readonly SourceFile[], changed: ReadonlyArray<{ path: string; after: string }>, cwd: string): Finding[] {
  const byPath = new Map(sourceFiles.map((file) => [relative(cwd, file.getFilePath()), file]));
  const errorsOf = (file: SourceFile) =>
    file
      .getPreEmitDiagnostics()
      .filter((d) => d.getCategory() === DiagnosticCategory.Error && d.getSourceFile()?.getFilePath() === file.getFilePath())
      .map((d) => {
        const text = d.getMessageText();
        return { line: d.getLineNumber() ?? 1, message: typeof text === "string" ? text : ts.flattenDiagnosticMessageText(text.compilerObject, " ") };
      });
  const targets = changed.flatMap((change) => {
    const file = byPath.get(change.path);
    return file === undefined ? [] : [{ change, file, before: errorsOf(file).map((e) => e.message) }];
  });
  for (const { change, file } of targets) file.replaceWithText(change.after);
  return targets.flatMap(({ change, file, before }) => {
    const remaining = [...before];
    return errorsOf(file).flatMap((error) => {
      const seen = remaining.indexOf(error.message);
      if (seen >= 0) {
        remaining.splice(seen, 1);
        return [];
      }
      return [{ file: change.path, line: error.line, kind: "note" as const, message: `after the rewrite this does not type-check: ${error.message} (resolve by hand)` }];
    });
  });
}

const USAGE = "usage: together-clusters migrate <paths…> [--dry-run] [--report json|md]";

/** The `migrate` subcommand; resolves to the exit code (0 done, 2 bad arguments). */
export function runMigrateCli(argv: readonly string[], out: (text: string) => void, err: (text: string) => void): number {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: { "dry-run": { type: "boolean", default: false }, report: { type: "string" }, help: { type: "boolean", default: false } }, allowPositionals: true, strict: true });
  } catch (error) {
    err(`${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    out(`${USAGE}\n`);
    return 0;
  }
  const format = values.report;
  if (format !== undefined && format !== "json" && format !== "md") {
    err(`--report must be json or md, got ${JSON.stringify(format)}\n${USAGE}\n`);
    return 2;
  }
  if (positionals.length === 0) {
    err(`no paths given\n${USAGE}\n`);
    return 2;
  }
  for (const path of positionals) {
    if (!existsSync(path)) {
      err(`${path}: no such file or directory\n`);
      return 2;
    }
  }
  const result = migrate({ paths: positionals, dryRun: values["dry-run"] });
  if (values["dry-run"]) for (const file of result.files) out(unifiedDiff(file.path, file.before, file.after));
  out(formatReport(result, format ?? "text", values["dry-run"]));
  return 0;
}
