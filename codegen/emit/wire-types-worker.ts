import { Worker } from "node:worker_threads";
import type { WireTypesRenderer } from "./openapi-types.js";
import { workerClient } from "./worker-client.js";

/** A renderer backed by one worker thread; `close` ends the thread (the process cannot exit while it runs). */
export interface WireTypesWorker {
  readonly render: WireTypesRenderer;
  close(): Promise<void>;
}

/** The openapi-typescript worker thread, not yet wrapped (generate.mjs starts it before tsx is even loaded). */
export function spawnWireTypesThread(): Worker {
  return new Worker(new URL("./wire-types.worker.mjs", import.meta.url), { execArgv: [] });
}

/**
 * openapi-typescript in a worker thread (`thread`, or a new one). Loading it costs as much as the rest of a small run,
 * so the CLI starts it before importing anything heavy and the two halves proceed on two cores. The output is the
 * same text as the in-process renderer (test/codegen/worker-threads.test.ts holds them equal).
 */
export function startWireTypesWorker(thread: Worker = spawnWireTypesThread()): WireTypesWorker {
  const client = workerClient<Record<string, unknown>, string>(thread);
  return { render: (document) => client.call(document), close: () => client.close() };
}
