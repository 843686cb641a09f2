/**
 * `together-clusters migrate <paths…> [--dry-run] [--report json|md]`: runs the rules over every source file under
 * the paths, writes each changed file whole (temp file, then rename) or, with --dry-run, prints a unified diff and
 * writes nothing. Loaded only after the bin has checked that ts-morph (an optional peer) is installed.
 */
import { existsSync, readdirSync, renameSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { ModuleKind, ModuleResolutionKind, Project, ScriptTarget } from "ts-morph";
import { FileContext } from "./context.js";
import type { Finding } from "./file-edits.js";
import { formatReport } from "./report.js";
import { rewriteClientVersion } from "./rules/client-version.js";
import { rewriteFetches } from "./rules/fetch.js";
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

function collect(path: string, out: string[]): void {
  const stat = statSync(path);
  if (stat.isFile()) {
    if (sourceExtensions.test(path) && !/\.d\.[cm]?ts$/.test(path)) out.push(path);
    return;
  }
  for (const entry of readdirSync(path).sort()) {
    if (!skippedDirectories.has(entry)) collect(join(path, entry), out);
  }
}

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
  for (const path of options.paths) collect(resolve(cwd, path), files);
  const tsConfigFilePath = options.tsConfigFilePath ?? nearestTsConfig(cwd);
  const project = tsConfigFilePath
    ? new Project({ tsConfigFilePath, skipAddingFilesFromTsConfig: true, compilerOptions: { allowJs: true } })
    : new Project({
        compilerOptions: { allowJs: true, strict: true, target: ScriptTarget.ES2022, module: ModuleKind.NodeNext, moduleResolution: ModuleResolutionKind.NodeNext, skipLibCheck: true },
      });
  const sourceFiles = files.map((file) => project.addSourceFileAtPath(file));
  const changed: Array<{ path: string; before: string; after: string }> = [];
  const findings: Finding[] = [];
  for (const sourceFile of sourceFiles) {
    const path = relative(cwd, sourceFile.getFilePath());
    const ctx = new FileContext(sourceFile, path);
    rewritePolling(ctx);
    rewriteSdkCalls(ctx);
    rewriteFetches(ctx);
    rewriteClientVersion(ctx);
    rewriteStatusComparisons(ctx);
    const after = ctx.finish();
    findings.push(...ctx.edits.findings.sort((a, b) => a.line - b.line));
    if (after !== ctx.edits.text) changed.push({ path, before: ctx.edits.text, after });
  }
  if (!options.dryRun) {
    for (const file of changed) {
      const target = resolve(cwd, file.path);
      const temp = `${target}.together-clusters-migrate.tmp`;
      writeFileSync(temp, file.after);
      renameSync(temp, target);
    }
  }
  return { files: changed, findings };
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
