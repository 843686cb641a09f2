import { relative, sep } from "node:path";
import { repoRoot, type CodegenConfig } from "./config.js";
import type { GeneratedFile } from "./emit/header.js";
import { locateWireTypesFailure, renderWireTypesInProcess, type WireTypesRenderer } from "./emit/openapi-types.js";
import type { TsFilesRenderer } from "./emit/ts-files.js";
import type { ApiVersion, UnifiedModel } from "./ir.js";
import { asInputError } from "./errors.js";
import { loadSpec, type LoadedSpec } from "./load.js";
import { collectGarbage, COLLECT_AFTER_BYTES, compactHeap } from "./heap.js";
import { merge } from "./merge.js";
import { normalize } from "./normalize.js";

/** How the pipeline runs; the defaults suit in-process callers (tests). */
export interface PipelineOptions {
  /** Who runs openapi-typescript; the CLI passes a worker thread's renderer. Default: this thread. */
  readonly wireTypes?: WireTypesRenderer;
  /** Who prints the ts-morph files; the CLI passes a worker thread's renderer. Default: this thread. */
  readonly tsFiles?: TsFilesRenderer;
}

/** ts-files.ts in this thread; imported on first use, because it loads ts-morph. */
const renderTsFilesInProcess: TsFilesRenderer = async (model) => (await import("./emit/ts-files.js")).renderTsFiles(model);

/**
 * Orchestration only: load → normalize → merge → emit. No disk writes; see write.ts. With worker-backed renderers,
 * each spec is handed to openapi-typescript as soon as it is parsed, and the merged model to ts-morph as soon as it
 * exists; both convert while this thread validates, normalizes and prints the data files.
 */
export async function runPipeline(
  config: CodegenConfig,
  options: PipelineOptions = {},
): Promise<{ readonly files: GeneratedFile[]; readonly model: UnifiedModel; readonly specs: { readonly v1: LoadedSpec; readonly v2: LoadedSpec } }> {
  const { wireTypes: worker } = options;
  // With a worker, each document goes to openapi-typescript the moment it is parsed, before this thread validates it.
  const early: { v1?: Promise<string>; v2?: Promise<string> } = {};
  // Except a spec of 32 MB or more: handed over once this thread's heap is compacted, so openapi-typescript's AST
  // (about 1 GB at 50 MB) is never built while this heap still holds the parser's garbage (heap.ts).
  const deferred: (() => void)[] = [];
  // Every stage is wrapped: input that gets past the located checks and still breaks a stage is an InputError
  // (exit 2, a message naming the spec), never an internal error.
  const handOff = (version: ApiVersion) =>
    worker &&
    ((document: Record<string, unknown>, textLength: number) => {
      const start = () => {
        early[version] = guarded(worker(document));
      };
      if (textLength < COLLECT_AFTER_BYTES) return start();
      // The parser's token tree is garbage now (about 1 GB at 50 MB). Left in the heap until the compaction, the 50 MB
      // run took 78–83 s of CPU instead of 70 s (whole process, one run each).
      collectGarbage();
      deferred.push(start);
    });
  const v1 = await asInputError(`${displayPath(config.v1)}: cannot load this spec`, () => load(config.v1, "v1", handOff("v1")));
  const v2 = await asInputError(`${displayPath(config.v2)}: cannot load this spec`, () => load(config.v2, "v2", handOff("v2")));
  const normalized = {
    v1: await asInputError(`${v1.file}: cannot normalize this spec`, () => normalize(v1)),
    v2: await asInputError(`${v2.file}: cannot normalize this spec`, () => normalize(v2)),
  };
  // Every location the output cites is in the models now; only an error would need the syntax trees again.
  v1.releaseSyntaxTree();
  v2.releaseSyntaxTree();
  if (v1.textLength + v2.textLength >= COLLECT_AFTER_BYTES) compactHeap();
  for (const start of deferred) start();
  const both = `${v1.file}, ${v2.file}`;
  const model = await asInputError(`${both}: cannot merge these specs`, () => merge(normalized.v1, normalized.v2, config.pairings));
  const tsFiles = guarded((options.tsFiles ?? renderTsFilesInProcess)(model));
  // In this thread there is nothing to overlap with, so convert only specs that normalization accepted.
  const wireTypes = {
    v1: locateWireTypesFailure(v1, early.v1 ?? renderWireTypesInProcess(v1.document)),
    v2: locateWireTypesFailure(v2, early.v2 ?? renderWireTypesInProcess(v2.document)),
  };
  const { emitAll } = await import("./emit/index.js");
  const files = await asInputError(`${both}: cannot emit TypeScript for these specs`, () => emitAll(model, { v1, v2 }, { tsFiles, wireTypes }));
  return { files, model, specs: { v1, v2 } };
}

function load(absolutePath: string, version: ApiVersion, onDocument?: (document: Record<string, unknown>, textLength: number) => void): LoadedSpec {
  return loadSpec(absolutePath, displayPath(absolutePath), version, onDocument);
}

/** A promise awaited later, if at all (an earlier error may end the run first): keep it from being "unhandled". */
function guarded<T>(pending: Promise<T>): Promise<T> {
  pending.catch(() => undefined);
  return pending;
}

/** Repo-relative with forward slashes, so banners and spec-info are the same on every machine. */
export function displayPath(absolutePath: string): string {
  return relative(repoRoot, absolutePath).split(sep).join("/");
}
