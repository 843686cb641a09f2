// Worker thread for emit/wire-types-worker.ts: runs openapi-typescript off the main thread, so loading it (and its
// TypeScript) and converting each spec overlap with YAML parsing and ts-morph emission on the main thread.
// Plain JavaScript on purpose: it starts without tsx's loader (execArgv: []) and is the same file under vitest.
import { createRequire } from "node:module";
import { parentPort } from "node:worker_threads";

// require, not import: openapi-typescript's CommonJS build loads `typescript` through require, whereas its ES module
// build makes Node scan the 9 MB CommonJS typescript.js for named exports first (about 0.5 s of CPU on this machine).
// Loaded at once, before the first document arrives: that is the point of starting this thread early.
const { render } = createRequire(import.meta.url)("./openapi-typescript-render.cjs").loadRenderer();

if (!parentPort) throw new Error("wire-types.worker.mjs must run as a worker thread");
const port = parentPort;

// The protocol of emit/worker-client.ts: `{ id, request }` in, `{ id, ok, value | message }` out.
port.on("message", async ({ id, request: document }) => {
  try {
    // The document arrived as a structured clone: openapi-typescript may mutate it freely.
    const value = await render(document);
    port.postMessage({ id, ok: true, value });
  } catch (error) {
    port.postMessage({ id, ok: false, message: error instanceof Error ? error.message : String(error) });
  }
});
