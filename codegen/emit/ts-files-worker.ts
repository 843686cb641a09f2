import { Worker } from "node:worker_threads";
import type { OperationDef, PairedOperation, PairedSchema, SchemaDef, UnifiedModel } from "../ir.js";
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
 * this thread (test/codegen/worker-threads.test.ts runs the whole pipeline both ways).
 */
export function startTsFilesWorker(thread: Worker = spawnTsFilesThread()): TsFilesWorker {
  const client = workerClient<UnifiedModel, GeneratedFile[]>(thread);
  return { render: async (model) => client.call(tsFilesView(model)), close: () => client.close() };
}

/**
 * The part of the model ts-files.ts prints from, which is what crosses to the thread (structured cloning is paid on
 * both sides; on a large spec the whole model is three times larger): schema shapes, operation parameters, bodies
 * and responses, and the recorded differences are left out, as are the per-version operation and schema lists (the
 * paired lists hold the same definitions). test/codegen/worker-threads.test.ts checks that ts-files.ts prints the
 * same bytes from this view as from the whole model.
 */
export function tsFilesView(model: UnifiedModel): UnifiedModel {
  return {
    v1: { ...model.v1, operations: [], schemas: [] },
    v2: { ...model.v2, operations: [], schemas: [] },
    operations: model.operations.map(operationView),
    schemas: model.schemas.map(schemaView),
  };
}

function operationView(op: PairedOperation): PairedOperation {
  const side = (def: OperationDef): OperationDef => {
    const { requestBody: _body, ...rest } = def;
    return { ...rest, parameters: [], responses: [] };
  };
  return { ...op, differences: [], ...(op.v1 ? { v1: side(op.v1) } : {}), ...(op.v2 ? { v2: side(op.v2) } : {}) };
}

function schemaView(schema: PairedSchema): PairedSchema {
  const side = (def: SchemaDef): SchemaDef => ({ ...def, shape: { kind: "unknown", nullable: false } });
  return { ...schema, differences: [], ...(schema.v1 ? { v1: side(schema.v1) } : {}), ...(schema.v2 ? { v2: side(schema.v2) } : {}) };
}
