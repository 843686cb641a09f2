import { describe, expect, it } from "vitest";
import { defaultConfig } from "../../codegen/config.js";
import { startWireTypesWorker } from "../../codegen/emit/wire-types-worker.js";
import { renderWireTypesInProcess } from "../../codegen/emit/openapi-types.js";
import { loadSpec } from "../../codegen/load.js";
import { runPipeline } from "../../codegen/pipeline.js";

// The CLI runs openapi-typescript in a worker thread; tests run the pipeline in-process. Both must print the same bytes.
describe("openapi-typescript in a worker thread", () => {
  it("renders each project spec exactly as the in-process renderer does", async () => {
    const worker = startWireTypesWorker();
    try {
      for (const [version, file] of [["v1", defaultConfig.v1], ["v2", defaultConfig.v2]] as const) {
        const spec = loadSpec(file, `specs/${version}.yaml`, version);
        const [inWorker, inProcess] = await Promise.all([worker.render(spec.document), renderWireTypesInProcess(spec.document)]);
        expect(inWorker).toContain("export interface paths");
        expect(inWorker).toBe(inProcess);
      }
    } finally {
      await worker.close();
    }
  });

  it("produces the same generated files through the pipeline as the in-process default", async () => {
    const worker = startWireTypesWorker();
    try {
      const [viaWorker, inProcess] = [await runPipeline(defaultConfig, { wireTypes: worker.render }), await runPipeline(defaultConfig)];
      expect(viaWorker.files.map((file) => file.path)).toContain("v2/schema.ts");
      expect(viaWorker.files).toEqual(inProcess.files);
    } finally {
      await worker.close();
    }
  });

  it("rejects with openapi-typescript's message when it cannot convert a document, and keeps serving", async () => {
    const worker = startWireTypesWorker();
    try {
      await expect(worker.render({ openapi: "3.1.0", info: { title: "x", version: "1" }, paths: { "/a": { $ref: 42 } } })).rejects.toThrow(/./);
      const spec = loadSpec(defaultConfig.v1, "specs/v1.yaml", "v1");
      await expect(worker.render(spec.document)).resolves.toContain("export interface paths");
    } finally {
      await worker.close();
    }
  });

  it("rejects a render asked for after the thread is closed", async () => {
    const worker = startWireTypesWorker();
    await worker.close();
    await expect(worker.render({})).rejects.toThrow(/worker exited/);
  });
});
