// What the plain-JavaScript entry points (generate.mjs, sync.mjs) share: the generator's two worker threads, started
// before anything else so their module loads (openapi-typescript, ts-morph) overlap with the main thread's work, and
// the CLI modules from the cached esbuild bundle of codegen/ (bundle.mjs), or from source under tsx when it cannot be
// built.
import { Worker } from "node:worker_threads";
import { bundledGenerator } from "./bundle.mjs";

/** A worker thread running one of emit/*.worker.mjs, without this process's flags. */
const thread = (file, workerData) => new Worker(new URL(file, import.meta.url), { execArgv: [], workerData });

/**
 * Starts the openapi-typescript and ts-morph threads (for runCli's `workers` option) and returns them with `load`,
 * which imports a bundled entry (`cli`, `sync`) or, without a bundle, its source file (relative to codegen/) under tsx.
 */
export async function startGenerator() {
  const wireTypes = thread("./emit/wire-types.worker.mjs");
  const bundle = await bundledGenerator();
  const tsFiles = thread("./emit/ts-files.worker.mjs", { module: bundle?.tsFiles });
  let tsx;
  const load = async (entry, source) => {
    if (bundle) return import(bundle[entry]);
    tsx ??= import("tsx/esm/api").then(({ register }) => register());
    await tsx;
    return import(new URL(source, import.meta.url).href);
  };
  return { threads: { wireTypes, tsFiles }, load };
}
