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
import { defaultConfig, type CodegenConfig } from "./config.js";
import { isCodegenError } from "./errors.js";
import type { PipelineOptions } from "./pipeline.js";

const USAGE = "usage: tsx codegen/main.ts [--check] [--v1 <spec.yaml>] [--v2 <spec.yaml>] [--out <dir>]";

/** Where the CLI prints; tests pass collectors, the entry point passes the process streams. */
export interface CliOutput {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

const processOutput: CliOutput = { stdout: (text) => process.stdout.write(text), stderr: (text) => process.stderr.write(text) };

/** How runCli runs the pipeline. */
export interface CliOptions {
  /**
   * Run openapi-typescript in a worker thread (main.ts does). It overlaps loading openapi-typescript and converting
   * the specs with the rest of the run; in-process callers (tests) leave it off and keep everything in one thread.
   */
  readonly worker?: boolean;
}

/** Runs the generator CLI; resolves to the exit code instead of exiting, so tests can call it in-process. */
export async function runCli(argv: readonly string[], output: CliOutput = processOutput, cliOptions: CliOptions = {}): Promise<number> {
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
  // The worker starts before the heavy imports below (yaml, ts-morph), so both load at the same time.
  const worker = cliOptions.worker ? (await import("./emit/wire-types-worker.js")).startWireTypesWorker() : undefined;
  try {
    // Imported here, not at the top, so `--help` and argument errors answer without loading yaml or ts-morph.
    const { displayPath, runPipeline } = await import("./pipeline.js");
    const { checkOutput, writeOutput } = await import("./write.js");
    const out = displayPath(config.out);
    const { files } = await runPipelineReadingSpecs(config, { displayPath, runPipeline, ...(worker ? { wireTypes: worker.render } : {}) });
    if (options.check) {
      const drift = await checkOutput(files, config.out);
      if (drift.stale.length === 0 && drift.orphaned.length === 0) return 0;
      const lines = [...drift.stale.map((path) => `  stale:    ${path}`), ...drift.orphaned.map((path) => `  orphaned: ${path}`)];
      output.stderr(`${out} is out of date:\n${lines.join("\n")}\nRun the same command without --check (npm run generate) to update it.\n`);
      return 1;
    }
    const { regenerationNotice } = await import("./regeneration-notice.js");
    const notice = await regenerationNotice(files, config);
    const drift = await writeOutput(files, config.out);
    const changed = drift.stale.length + drift.orphaned.length;
    output.stdout(changed === 0 ? `${out}: up to date (${files.length} files)\n` : `${out}: wrote ${files.length} files (${drift.stale.length} changed, ${drift.orphaned.length} removed)\n`);
    if (notice !== undefined) output.stdout(notice);
    return 0;
  } catch (error) {
    if (isCodegenError(error) || error instanceof SpecReadError) {
      output.stderr(`${error.message}\n`);
      return 2;
    }
    output.stderr(`internal error in codegen: ${(error as Error).stack ?? String(error)}\n`);
    return 3;
  } finally {
    await worker?.close();
  }
}

/** A spec file that cannot be read at all (missing, a directory, no permission): bad input, exit 2. */
class SpecReadError extends Error {
  override readonly name = "SpecReadError";
}

type Pipeline = typeof import("./pipeline.js");

async function runPipelineReadingSpecs(
  config: CodegenConfig,
  { displayPath, runPipeline, wireTypes }: Pick<Pipeline, "displayPath" | "runPipeline"> & PipelineOptions,
): ReturnType<Pipeline["runPipeline"]> {
  for (const file of [config.v1, config.v2]) {
    try {
      await access(file, constants.R_OK);
      if (!(await stat(file)).isFile()) throw new Error("not a file");
    } catch (error) {
      throw new SpecReadError(`${displayPath(file)}: cannot read spec: ${(error as Error).message}`);
    }
  }
  return runPipeline(config, wireTypes ? { wireTypes } : {});
}
