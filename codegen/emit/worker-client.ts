import type { Worker } from "node:worker_threads";

/** Request/response over one worker thread; `close` ends the thread (the process cannot exit while it runs). */
export interface WorkerClient<Request, Response> {
  call(request: Request): Promise<Response>;
  close(): Promise<void>;
}

/** What the worker scripts (*.worker.mjs) post back for each request. */
interface Reply<Response> {
  readonly id: number;
  readonly ok: boolean;
  readonly value?: Response;
  readonly message?: string;
}

/**
 * Wraps a worker thread that answers `{ id, request }` messages with `{ id, ok, value | message }` (the protocol of
 * emit/*.worker.mjs). A failed request rejects with the worker's message; a crashed or closed thread rejects every
 * pending and later request.
 */
export function workerClient<Request, Response>(worker: Worker): WorkerClient<Request, Response> {
  const pending = new Map<number, { resolve: (value: Response) => void; reject: (error: Error) => void }>();
  let nextId = 0;
  let failure: Error | undefined;
  const failAll = (error: Error): void => {
    failure ??= error;
    for (const { reject } of pending.values()) reject(error);
    pending.clear();
  };
  worker.on("message", (reply: Reply<Response>) => {
    const waiter = pending.get(reply.id);
    if (!waiter) return;
    pending.delete(reply.id);
    if (reply.ok) waiter.resolve(reply.value as Response);
    else waiter.reject(new Error(reply.message ?? "worker request failed"));
  });
  worker.on("error", (error) => failAll(error));
  worker.on("exit", (code) => failAll(new Error(`worker exited with code ${code}`)));
  return {
    call: (request) =>
      new Promise<Response>((resolve, reject) => {
        if (failure) return reject(failure);
        const id = nextId++;
        pending.set(id, { resolve, reject });
        worker.postMessage({ id, request });
      }),
    close: async () => {
      await worker.terminate();
    },
  };
}
