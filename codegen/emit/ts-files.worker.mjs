// Worker thread for emit/ts-files-worker.ts: loads ts-morph (with its own bundled TypeScript, the largest module load
// of the run) and prints the ts-morph files off the main thread, so that load overlaps with YAML parsing there.
// Plain JavaScript. It runs ts-files.ts either from the bundle generate.mjs passes as `workerData.module` (see
// bundle.mjs), or from source under tsx, registered here (a worker does not inherit the main thread's loader hooks).
import { createRequire } from "node:module";
import { parentPort, workerData } from "node:worker_threads";

if (!parentPort) throw new Error("ts-files.worker.mjs must run as a worker thread");
const port = parentPort;

// Loaded at once, before the model arrives: that is the point of starting this thread early. Messages that arrive
// meanwhile wait for it.
const ready = (async () => {
  preloadTsMorph();
  if (typeof workerData?.module === "string") return (await import(workerData.module)).renderTsFiles;
  const { register } = await import("tsx/esm/api");
  register();
  return (await import("./ts-files.ts")).renderTsFiles;
})();
// A failed load is reported per request below; keep it from also being an "unhandled rejection" that kills the thread.
ready.catch(() => undefined);

// The protocol of emit/worker-client.ts: `{ id, request }` in, `{ id, ok, value | message }` out.
port.on("message", async ({ id, request: model }) => {
  try {
    const renderTsFiles = await ready;
    port.postMessage({ id, ok: true, value: renderTsFiles(model) });
  } catch (error) {
    port.postMessage({ id, ok: false, message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});

/**
 * ts-morph, the library it is built on and the TypeScript that library bundles, through the code cache
 * (code-cache.cjs): compiling them is most of ts-morph's load. Any failure leaves it to ts-morph's own require.
 */
function preloadTsMorph() {
  try {
    const require = createRequire(import.meta.url);
    const { requireWithCodeCache } = require("./code-cache.cjs");
    const tsMorph = require.resolve("ts-morph");
    const common = createRequire(tsMorph).resolve("@ts-morph/common");
    // In the order they require each other, so each finds the one before it in require.cache.
    for (const file of [createRequire(common).resolve("./typescript"), common, tsMorph]) requireWithCodeCache(file);
  } catch {
    // ts-morph's own require loads it, or says why it cannot.
  }
}
