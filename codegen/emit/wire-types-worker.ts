import { Worker } from "node:worker_threads";
import type { WireTypesRenderer } from "./openapi-types.js";

/** A renderer backed by one worker thread; `close` ends the thread (the process cannot exit while it runs). */
export interface WireTypesWorker {
  readonly render: WireTypesRenderer;
  close(): Promise<void>;
}

interface Reply {
  readonly id: number;
  readonly ok: boolean;
  readonly text?: string;
  readonly message?: string;
}

/**
 * Starts openapi-typescript in a worker thread right away. Loading it costs as much as the rest of a small run, so
 * the CLI starts this before importing anything heavy and the two halves proceed on two cores. The output is the
 * same text as the in-process renderer (test/codegen/wire-types-worker.test.ts holds them equal).
 */
export function startWireTypesWorker(): WireTypesWorker {
  const worker = new Worker(new URL("./wire-types.worker.mjs", import.meta.url), { execArgv: [] });
  const pending = new Map<number, { resolve: (text: string) => void; reject: (error: Error) => void }>();
  let nextId = 0;
  let failure: Error | undefined;
  const failAll = (error: Error): void => {
    failure ??= error;
    for (const { reject } of pending.values()) reject(error);
    pending.clear();
  };
  worker.on("message", (reply: Reply) => {
    const waiter = pending.get(reply.id);
    if (!waiter) return;
    pending.delete(reply.id);
    if (reply.ok) waiter.resolve(reply.text ?? "");
    else waiter.reject(new Error(reply.message ?? "openapi-typescript failed"));
  });
  worker.on("error", (error) => failAll(error));
  worker.on("exit", (code) => failAll(new Error(`openapi-typescript worker exited with code ${code}`)));
  return {
    render: (document) =>
      new Promise<string>((resolve, reject) => {
        if (failure) return reject(failure);
        const id = nextId++;
        pending.set(id, { resolve, reject });
        worker.postMessage({ id, document });
      }),
    close: async () => {
      await worker.terminate();
    },
  };
}
