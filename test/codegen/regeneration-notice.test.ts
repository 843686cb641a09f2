import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { defaultConfig, repoRoot } from "../../codegen/config.js";
import { parseDocumentsSnapshot, regenerationReport } from "../../codegen/diff/regeneration.js";
import { runPipeline } from "../../codegen/pipeline.js";
import { regenerationNotice } from "../../codegen/regeneration-notice.js";
import { cli, fixtureConfig, tempDir } from "./helpers.js";

// `npm run generate` says what changed since the previous generation. It compares the documents the pipeline already
// parsed, so a regeneration parses each spec once (a multi-MB spec used to be parsed a second time here).
describe("the regeneration notice", () => {
  it("on a first generation says there is nothing to compare with, without reading the spec files", async () => {
    const out = tempDir("first-generation");
    const missing = { out, v1: join(out, "no-such-v1.yaml"), v2: join(out, "no-such-v2.yaml") };
    await expect(regenerationReport(missing)).resolves.toBe(
      "First generation: there is no earlier output to compare with, so no version bump is implied.\n",
    );
  });

  it("from the pipeline's documents equals the report that re-reads the spec files", async () => {
    const out = tempDir("regenerate");
    expect((await cli(["--v1", fixtureConfig("identical-schema").v1, "--v2", fixtureConfig("identical-schema").v2, "--out", out])).code).toBe(0);
    const config = { ...defaultConfig, out };
    const { files, specs } = await runPipeline(config);
    const notice = await regenerationNotice(files, config, { v1: specs.v1.document, v2: specs.v2.document });
    expect(notice).toMatch(/^Changes since the last generation:\n {2}v1: operations: \d+ added.*, \d+ removed.*; \d+ changes?, \d+ breaking/);
    expect(notice).toBe(await regenerationReport(config));
  });

  it("is silent when the documents snapshot is unchanged", async () => {
    const out = tempDir("unchanged");
    const config = { ...defaultConfig, out };
    expect((await cli(["--out", out])).code).toBe(0);
    const { files, specs } = await runPipeline(config);
    await expect(regenerationNotice(files, config, { v1: specs.v1.document, v2: specs.v2.document })).resolves.toBeUndefined();
  });

  it("reads the previous documents.ts with JSON.parse, the same data the module exports", async () => {
    const file = join(defaultConfig.out, "documents.ts");
    const asModule = (await import("../../generated/documents.js")) as Record<string, unknown>;
    const parsed = parseDocumentsSnapshot(readFileSync(file, "utf8"));
    expect(parsed).toEqual({ v1: asModule.v1Document, v2: asModule.v2Document });
    expect(parseDocumentsSnapshot("export const v1Document = {};\n")).toBeUndefined();
    expect(parseDocumentsSnapshot("\nexport const v1Document = {;\n\nexport const v2Document = {};\n")).toBeUndefined();
  });

  it("is printed by npm run generate's entry (the bundled generator) over an earlier generation", async () => {
    const out = tempDir("regenerate-cli");
    const generate = (args: string[]) => promisify(execFile)(process.execPath, ["codegen/generate.mjs", ...args, "--out", out], { cwd: repoRoot });
    await generate(["--v1", fixtureConfig("identical-schema").v1, "--v2", fixtureConfig("identical-schema").v2]);
    const expected = await regenerationReport({ ...defaultConfig, out });
    const { stdout } = await generate([]);
    expect(expected).toMatch(/^Changes since the last generation:\n {2}v1: operations: \d+ added.*, \d+ removed.*; \d+ changes?, \d+ breaking/);
    expect(stdout).toMatch(/: wrote 10 files \(\d+ changed, 0 removed\)\n/);
    expect(stdout.slice(stdout.indexOf("\n") + 1)).toBe(expected);
  }, 120_000);
});
