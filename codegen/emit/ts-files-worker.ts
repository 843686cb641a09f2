import { Worker } from "node:worker_threads";
import type { GeneratedFile } from "./header.js";
import type { TsFilesRenderer } from "./ts-files.js";
import { workerClient } from "./worker-client.js";

/** ts-files.ts behind one worker thread; `close` ends the thread (the process cannot exit while it runs). */
export interface TsFilesWorker {
  readonly render: TsFilesRenderer;
  close(): Promise<void>;
}

/** The ts-morph worker thread, not yet wrapped (generate.mjs starts it before tsx is loaded on the main thread). */
export function spawnTsFilesThread(): Worker {
  return new Worker(new URL("./ts-files.worker.mjs", import.meta.url), { execArgv: [] });
}

/**
 * The ts-morph files printed in a worker thread (`thread`, or a new one). The thread loads ts-morph while this one
 * parses the specs; the model it then receives is plain data (a structured clone). Same bytes as renderTsFiles in
 * this thread (test/codegen/wire-types-worker.test.ts runs the whole pipeline both ways).
 */
export function startTsFilesWorker(thread: Worker = spawnTsFilesThread()): TsFilesWorker {
  const client = workerClient<Parameters<TsFilesRenderer>[0], GeneratedFile[]>(thread);
  return { render: (model) => client.call(model), close: () => client.close() };
}
