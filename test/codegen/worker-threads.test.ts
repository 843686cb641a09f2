import { execFile } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { defaultConfig, repoRoot } from "../../codegen/config.js";
import { renderWireTypesInProcess } from "../../codegen/emit/openapi-types.js";
import { renderTsFiles } from "../../codegen/emit/ts-files.js";
import { startTsFilesWorker, tsFilesView } from "../../codegen/emit/ts-files-worker.js";
import { startWireTypesWorker } from "../../codegen/emit/wire-types-worker.js";
import { loadSpec } from "../../codegen/load.js";
import { runPipeline } from "../../codegen/pipeline.js";
import { specText } from "./helpers.js";

const run = promisify(execFile);
const scratch = mkdtempSync(join(tmpdir(), "codegen-threads-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

// The CLI runs openapi-typescript and the ts-morph printing in worker threads; tests run the pipeline in-process.
// Both must print the same bytes.
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

describe("ts-morph printing in a worker thread", () => {
  it("prints the ts-morph files of the project model exactly as this thread does", async () => {
    const { model } = await runPipeline(defaultConfig);
    const worker = startTsFilesWorker();
    try {
      const inWorker = await worker.render(model);
      expect(inWorker.map((file) => file.path)).toEqual(["models.ts", "operations.ts", "spec-info.ts"]);
      expect(inWorker).toEqual(renderTsFiles(model));
    } finally {
      await worker.close();
    }
  });

  it("sends a view of the model from which ts-files.ts prints the same bytes as from the whole model", async () => {
    const dir = join(scratch, "view");
    mkdirSync(dir, { recursive: true });
    const { syntheticSpec } = await import("../../bench/codegen/synthetic-spec.js");
    const { stringify } = await import("yaml");
    writeFileSync(join(dir, "v1.yaml"), stringify(syntheticSpec(6, "3.0.3")));
    writeFileSync(join(dir, "v2.yaml"), stringify(syntheticSpec(9, "3.1.0")));
    for (const config of [defaultConfig, { ...defaultConfig, v1: join(dir, "v1.yaml"), v2: join(dir, "v2.yaml") }]) {
      const { model } = await runPipeline(config);
      const view = tsFilesView(model);
      expect(view.schemas.length).toBe(model.schemas.length);
      expect(renderTsFiles(view)).toEqual(renderTsFiles(model));
    }
  });

  it("rejects with the emitter's error for a model it cannot print, and keeps serving", async () => {
    const { model } = await runPipeline(defaultConfig);
    const worker = startTsFilesWorker();
    try {
      await expect(worker.render({ ...model, v1: null } as unknown as typeof model)).rejects.toThrow(/TypeError/);
      await expect(worker.render(model)).resolves.toHaveLength(3);
    } finally {
      await worker.close();
    }
  });
});

describe("the whole pipeline with both worker threads", () => {
  it("produces the same generated files as the in-process default", async () => {
    const [wireTypes, tsFiles] = [startWireTypesWorker(), startTsFilesWorker()];
    try {
      const viaWorkers = await runPipeline(defaultConfig, { wireTypes: wireTypes.render, tsFiles: tsFiles.render });
      const inProcess = await runPipeline(defaultConfig);
      expect(viaWorkers.files.map((file) => file.path)).toContain("v2/schema.ts");
      expect(viaWorkers.files).toEqual(inProcess.files);
    } finally {
      await Promise.all([wireTypes.close(), tsFiles.close()]);
    }
  });

  it.each([
    ["npm run generate's entry (codegen/generate.mjs)", ["codegen/generate.mjs"]],
    ["codegen/main.ts under tsx", ["--import", "tsx", "codegen/main.ts"]],
  ])("%s writes exactly the in-process pipeline's files and exits 0", async (_name, entry) => {
    const out = join(scratch, entry.at(-1)!.replace(/\W+/g, "-"));
    const result = await run(process.execPath, [...entry, "--out", out], { cwd: repoRoot });
    expect(result.stdout).toMatch(/: wrote 10 files \(10 changed, 0 removed\)\n/);
    const { files } = await runPipeline(defaultConfig);
    const written = readdirSync(out, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
    expect(written).toHaveLength(files.length);
    for (const file of files) expect(readFileSync(join(out, file.path), "utf8")).toBe(file.content);
  }, 120_000);

  it("reports a spec the loader rejects after parsing (its document already sent to openapi-typescript) with exit 2", async () => {
    const dir = join(scratch, "cyclic");
    mkdirSync(dir, { recursive: true });
    const cyclic = specText({ openapi: "3.1.0", schemas: { A: { $ref: "#/components/schemas/B" }, B: { $ref: "#/components/schemas/A" } } });
    writeFileSync(join(dir, "v2.yaml"), cyclic);
    const result = await run(process.execPath, ["codegen/generate.mjs", "--v2", join(dir, "v2.yaml"), "--out", join(dir, "out")], { cwd: repoRoot }).then(
      () => ({ code: 0, stderr: "" }),
      (error: { code: number; stderr: string }) => ({ code: error.code, stderr: error.stderr }),
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/v2\.yaml:\d+:\d+ #\/components\/schemas\/[AB]\/\$ref: cyclic \$ref cannot be emitted as a TypeScript type/);
    expect(existsSync(join(dir, "out"))).toBe(false);
  }, 120_000);
});
