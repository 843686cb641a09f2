import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { bundledGenerator } from "../../codegen/bundle.mjs";
import { defaultConfig, repoRoot } from "../../codegen/config.js";
import { runPipeline } from "../../codegen/pipeline.js";
import { tempDir } from "./helpers.js";

// `npm run generate` runs codegen/ as a cached esbuild bundle (codegen/bundle.mjs) instead of under tsx. The bundle
// must be rebuilt for any source change, reused otherwise, and generate exactly what the sources generate.
const cacheDir = tempDir("bundle-cache");
afterAll(() => rmSync(cacheDir, { recursive: true, force: true }));

describe("the bundled generator", () => {
  it("is built once per source tree and reused after that", async () => {
    let builds = 0;
    const first = await bundledGenerator({ cacheDir, onBuild: () => builds++ });
    const second = await bundledGenerator({ cacheDir, onBuild: () => builds++ });
    expect(first).toBeDefined();
    expect(second).toEqual(first);
    expect(builds).toBe(1);
  }, 60_000);

  it("gets a new key, and a new build, when any codegen/**/*.ts file or the installed packages change", async () => {
    // A checkout of its own: codegen/ beside node_modules (the bundled packages are resolved from there).
    const checkout = tempDir("bundle-sources");
    const sources = join(checkout, "codegen");
    cpSync(join(repoRoot, "codegen"), sources, { recursive: true });
    // Its node_modules links each installed package, beside a record of them of its own (npm rewrites that file
    // whenever it changes node_modules).
    mkdirSync(join(checkout, "node_modules"));
    for (const name of readdirSync(join(repoRoot, "node_modules")).filter((name) => !name.startsWith("."))) {
      symlinkSync(join(repoRoot, "node_modules", name), join(checkout, "node_modules", name));
    }
    const installed = join(checkout, "node_modules/.package-lock.json");
    writeFileSync(installed, readFileSync(join(repoRoot, "node_modules/.package-lock.json")));
    let builds = 0;
    const before = await bundledGenerator({ cacheDir, sourceDir: sources, onBuild: () => builds++ });
    writeFileSync(join(sources, "diff/semver.ts"), `${readFileSync(join(sources, "diff/semver.ts"), "utf8")}\n// edited\n`);
    const after = await bundledGenerator({ cacheDir, sourceDir: sources, onBuild: () => builds++ });
    expect(builds).toBe(2);
    expect(after?.cli).not.toBe(before?.cli);
    // The earlier build of that tree is pruned; the first test's build of the real tree is another key, also pruned.
    expect(readdirSync(cacheDir)).toEqual([after!.cli.split("/").at(-2)]);
    // A package bundled in (Redocly, in the sync CLI) may have changed when npm changed node_modules.
    writeFileSync(installed, `${readFileSync(installed, "utf8")}\n`);
    const reinstalled = await bundledGenerator({ cacheDir, sourceDir: sources, onBuild: () => builds++ });
    expect(builds).toBe(3);
    expect(reinstalled?.sync).not.toBe(after?.sync);
    rmSync(checkout, { recursive: true, force: true });
  }, 60_000);

  it("generates byte for byte what the sources generate, its workers included", async () => {
    const bundle = await bundledGenerator({ cacheDir });
    const { runCli } = (await import(bundle!.cli)) as typeof import("../../codegen/cli.js");
    const out = tempDir("bundle-out");
    let stdout = "";
    const code = await runCli(["--out", out], { stdout: (text) => void (stdout += text), stderr: (text) => void (stdout += text) }, { workers: true });
    expect(stdout).toMatch(/: wrote 10 files/);
    expect(code).toBe(0);
    const { files } = await runPipeline(defaultConfig);
    for (const file of files) expect(readFileSync(join(out, file.path), "utf8")).toBe(file.content);
  }, 60_000);

  it("is undefined, so generate.mjs falls back to tsx, when it cannot be built", async () => {
    const notADirectory = join(tempDir("bundle-blocked"), "file");
    writeFileSync(notADirectory, "");
    await expect(bundledGenerator({ cacheDir: notADirectory })).resolves.toBeUndefined();
  });

  it("is built only from files its cache key covers (codegen/**/*.ts; packages stay external)", async () => {
    const esbuild = await import("esbuild");
    const result = await esbuild.build({
      entryPoints: [join(repoRoot, "codegen/cli.ts"), join(repoRoot, "codegen/emit/ts-files.ts")],
      bundle: true,
      format: "esm",
      platform: "node",
      packages: "external",
      write: false,
      metafile: true,
      outdir: join(cacheDir, "inputs-check"),
      absWorkingDir: repoRoot,
    });
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.length).toBeGreaterThan(20);
    expect(inputs.filter((input) => !/^codegen\/.+\.ts$/.test(input))).toEqual([]);
  });
});
