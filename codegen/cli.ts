/**
 * The generator's command line: `npm run generate [-- --check] [--v1 <file>] [--v2 <file>] [--out <dir>]`
 *
 * Regenerates generated/ from specs/v1.yaml and specs/v2.yaml (or the given files).
 * Exit codes: 0 done (or up to date), 1 `--check` found stale or orphaned files, 2 bad spec or bad arguments,
 * 3 internal error (a bug in codegen/).
 */
import { access, constants, stat } from "node:fs/promises";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import type { Worker } from "node:worker_threads";
import { defaultConfig, type CodegenConfig } from "./config.js";
import { terminalText } from "./emit/escape.js";
import { asInputError, isCodegenError, isInputError } from "./errors.js";
import type { PipelineOptions } from "./pipeline.js";

const USAGE = "usage: npm run generate -- [--check] [--v1 <spec.yaml>] [--v2 <spec.yaml>] [--out <dir>]";

/** Where the CLI prints; tests pass collectors, the entry point passes the process streams. */
export interface CliOutput {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

const processOutput: CliOutput = { stdout: (text) => process.stdout.write(text), stderr: (text) => process.stderr.write(text) };

/** Worker threads an entry point started before loading the CLI (generate.mjs does, before tsx is even loaded). */
export interface StartedThreads {
  /** emit/wire-types.worker.mjs (wire-types-worker.ts spawnWireTypesThread). */
  readonly wireTypes: Worker;
  /** emit/ts-files.worker.mjs (ts-files-worker.ts spawnTsFilesThread). */
  readonly tsFiles: Worker;
}

/** How runCli runs the pipeline. */
export interface CliOptions {
  /**
   * Run openapi-typescript and the ts-morph printing in two worker threads: `true` starts them here (main.ts),
   * StartedThreads uses threads started earlier (generate.mjs). Loading openapi-typescript and ts-morph then overlaps
   * with YAML parsing, and converting with the rest of the run. In-process callers (tests) leave it off and keep
   * everything in one thread. runCli always ends the threads before it returns.
   */
  readonly workers?: boolean | StartedThreads;
}

/** Runs the generator CLI; resolves to the exit code instead of exiting, so tests can call it in-process. */
export async function runCli(argv: readonly string[], output: CliOutput = processOutput, { workers }: CliOptions = {}): Promise<number> {
  // Messages quote spec text (pointers, names, paths): terminalText keeps escape sequences from reaching the terminal.
  const printable: CliOutput = { stdout: (text) => output.stdout(terminalText(text)), stderr: (text) => output.stderr(terminalText(text)) };
  return runCliWithThreads(argv, printable, workers ? await wrapThreads(workers === true ? undefined : workers) : undefined);
}

type Threads = { readonly wireTypes: import("./emit/wire-types-worker.js").WireTypesWorker; readonly tsFiles: import("./emit/ts-files-worker.js").TsFilesWorker };

/** Clients for the given threads, or for two new ones. */
async function wrapThreads(started: StartedThreads | undefined): Promise<Threads> {
  const { startWireTypesWorker } = await import("./emit/wire-types-worker.js");
  const { startTsFilesWorker } = await import("./emit/ts-files-worker.js");
  return { wireTypes: startWireTypesWorker(started?.wireTypes), tsFiles: startTsFilesWorker(started?.tsFiles) };
}

async function runCliWithThreads(argv: readonly string[], output: CliOutput, threads: Threads | undefined): Promise<number> {
  try {
    return await runCliOnce(argv, output, threads);
  } finally {
    await closeThreads(threads);
  }
}

async function closeThreads(threads: Threads | undefined): Promise<void> {
  await Promise.all([threads?.wireTypes.close(), threads?.tsFiles.close()]);
}

async function runCliOnce(argv: readonly string[], output: CliOutput, threads: Threads | undefined): Promise<number> {
  let options;
  try {
    options = parseArgs({
      args: [...argv],
      options: { check: { type: "boolean", default: false }, v1: { type: "string" }, v2: { type: "string" }, out: { type: "string" }, help: { type: "boolean", default: false } },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    output.stderr(`${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (options.help) {
    output.stdout(`${USAGE}\n`);
    return 0;
  }
  const config: CodegenConfig = {
    ...defaultConfig,
    ...(options.v1 ? { v1: resolve(options.v1) } : {}),
    ...(options.v2 ? { v2: resolve(options.v2) } : {}),
    ...(options.out ? { out: resolve(options.out) } : {}),
  };
  try {
    // Imported here, not at the top, so `--help` and argument errors answer without loading yaml.
    const { displayPath, runPipeline } = await import("./pipeline.js");
    const { assertDirectoryOrMissing, checkOutput, writeOutput } = await import("./write.js");
    const out = displayPath(config.out);
    await assertDirectoryOrMissing(config.out);
    const renderers = threads ? { wireTypes: threads.wireTypes.render, tsFiles: threads.tsFiles.render } : {};
    const { files, specs, model } = await runPipelineReadingSpecs(config, { displayPath, runPipeline, ...renderers });
    // Both threads are done; ended now rather than at exit, their heaps (about 1 GB for openapi-typescript's AST on a
    // 50 MB spec) are not held while the files are compared and written.
    await closeThreads(threads);
    for (const warning of model.warnings ?? []) output.stderr(`warning: ${warning}\n`);
    if (options.check) {
      const drift = await asInputError(`cannot compare with ${out}`, () => checkOutput(files, config.out));
      if (drift.stale.length === 0 && drift.orphaned.length === 0) return 0;
      const lines = [...drift.stale.map((path) => `  stale:    ${path}`), ...drift.orphaned.map((path) => `  orphaned: ${path}`)];
      output.stderr(`${out} is out of date:\n${lines.join("\n")}\nRun the same command without --check (npm run generate) to update it.\n`);
      return 1;
    }
    const { regenerationNotice } = await import("./regeneration-notice.js");
    // The notice is advice: a spec the differ cannot compare still generates, and the notice says why it is missing.
    const notice = await regenerationNotice(files, config, { v1: specs.v1.document, v2: specs.v2.document }).catch(
      (error: unknown) => `Changes since the last generation: not available (the spec differ failed: ${(error as Error).message.split("\n")[0]})\n`,
    );
    const drift = await asInputError(`cannot write ${out}`, () => writeOutput(files, config.out));
    const changed = drift.stale.length + drift.orphaned.length;
    output.stdout(changed === 0 ? `${out}: up to date (${files.length} files)\n` : `${out}: wrote ${files.length} files (${drift.stale.length} changed, ${drift.orphaned.length} removed)\n`);
    if (notice !== undefined) output.stdout(notice);
    const stableNotice = await stableNamesNotice(model, specs);
    if (stableNotice !== undefined) output.stdout(stableNotice);
    return 0;
  } catch (error) {
    if (isCodegenError(error) || isInputError(error) || error instanceof SpecReadError) {
      output.stderr(`${process.env.CODEGEN_DEBUG && error.stack ? error.stack : error.message}\n`);
      return 2;
    }
    // Not reachable from any input (every stage converts its failures above); kept for bugs in the CLI itself.
    output.stderr(`internal error in codegen: ${(error as Error).message} (set CODEGEN_DEBUG=1 for the stack trace)\n`);
    if (process.env.CODEGEN_DEBUG) output.stderr(`${(error as Error).stack}\n`);
    return 3;
  }
}

/** Entries of codegen/stable-names.ts whose pointer no longer finds its schema, as a notice (undefined: none). */
async function stableNamesNotice(...[model, specs]: Parameters<typeof import("./emit/stable.js").resolveStableNames>): Promise<string | undefined> {
  const { stableNameProblems, resolveStableNames } = await import("./emit/stable.js");
  const problems = stableNameProblems(resolveStableNames(model, specs));
  return problems.length === 0 ? undefined : `\nStable names to update (codegen/stable-names.ts):\n${problems.map((p) => `  - ${p}`).join("\n")}\n`;
}

/** A spec file that cannot be read at all (missing, a directory, no permission): bad input, exit 2. */
class SpecReadError extends Error {
  override readonly name = "SpecReadError";
}

type Pipeline = typeof import("./pipeline.js");

async function runPipelineReadingSpecs(
  config: CodegenConfig,
  { displayPath, runPipeline, ...renderers }: Pick<Pipeline, "displayPath" | "runPipeline"> & PipelineOptions,
): ReturnType<Pipeline["runPipeline"]> {
  for (const file of [config.v1, config.v2]) {
    try {
      await access(file, constants.R_OK);
      if (!(await stat(file)).isFile()) throw new Error("not a file");
    } catch (error) {
      throw new SpecReadError(`${displayPath(file)}: cannot read spec: ${(error as Error).message}`);
    }
  }
  return runPipeline(config, renderers);
}
