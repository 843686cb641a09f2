import { relative, sep } from "node:path";
import { repoRoot, type CodegenConfig } from "./config.js";
import type { GeneratedFile } from "./emit/header.js";
import { renderWireTypesInProcess, startWireTypes, type WireTypesRenderer } from "./emit/openapi-types.js";
import type { ApiVersion, UnifiedModel } from "./ir.js";
import { loadSpec, type LoadedSpec } from "./load.js";
import { merge } from "./merge.js";
import { normalize } from "./normalize.js";

/** How the pipeline runs; the defaults suit in-process callers (tests). */
export interface PipelineOptions {
  /** Who runs openapi-typescript; the CLI passes a worker thread's renderer. Default: this thread. */
  readonly wireTypes?: WireTypesRenderer;
}

/**
 * Orchestration only: load → normalize → merge → emit. No disk writes; see write.ts. With a worker-backed renderer,
 * each spec is handed to openapi-typescript as soon as it is loaded, and converted while this thread carries on.
 */
export async function runPipeline(config: CodegenConfig, options: PipelineOptions = {}): Promise<{ readonly files: GeneratedFile[]; readonly model: UnifiedModel }> {
  const { wireTypes: worker } = options;
  const v1 = load(config.v1, "v1");
  const v1Types = worker && startWireTypes(v1, worker);
  const v2 = load(config.v2, "v2");
  const v2Types = worker && startWireTypes(v2, worker);
  const model = merge(normalize(v1), normalize(v2), config.pairings);
  // In this thread there is nothing to overlap with, so convert only specs that normalization accepted.
  const wireTypes = { v1: v1Types ?? startWireTypes(v1, renderWireTypesInProcess), v2: v2Types ?? startWireTypes(v2, renderWireTypesInProcess) };
  // Imported only now: ts-morph takes a while to load, and a worker should get the parsed specs before that, not after.
  const { emitAll } = await import("./emit/index.js");
  return { files: await emitAll(model, { v1, v2 }, wireTypes), model };
}

function load(absolutePath: string, version: ApiVersion): LoadedSpec {
  return loadSpec(absolutePath, displayPath(absolutePath), version);
}

/** Repo-relative with forward slashes, so banners and spec-info are the same on every machine. */
export function displayPath(absolutePath: string): string {
  return relative(repoRoot, absolutePath).split(sep).join("/");
}
