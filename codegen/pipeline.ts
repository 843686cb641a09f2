import { relative, sep } from "node:path";
import { repoRoot, type CodegenConfig } from "./config.js";
import { emitAll } from "./emit/index.js";
import type { GeneratedFile } from "./emit/header.js";
import type { ApiVersion, UnifiedModel } from "./ir.js";
import { loadSpec, type LoadedSpec } from "./load.js";
import { merge } from "./merge.js";
import { normalize } from "./normalize.js";

/** Orchestration only: load → normalize → merge → emit. No disk writes; see write.ts. */
export async function runPipeline(config: CodegenConfig): Promise<{ readonly files: GeneratedFile[]; readonly model: UnifiedModel }> {
  const specs = { v1: load(config.v1, "v1"), v2: load(config.v2, "v2") };
  const model = merge(normalize(specs.v1), normalize(specs.v2), config.pairings);
  return { files: await emitAll(model, specs), model };
}

function load(absolutePath: string, version: ApiVersion): LoadedSpec {
  return loadSpec(absolutePath, displayPath(absolutePath), version);
}

/** Repo-relative with forward slashes, so banners and spec-info are the same on every machine. */
export function displayPath(absolutePath: string): string {
  return relative(repoRoot, absolutePath).split(sep).join("/");
}
