/**
 * codegen/emit/code-cache.cjs: the generator's threads load TypeScript (twice: openapi-typescript's and ts-morph's)
 * through a V8 code cache on disk. The cache may only ever save time: a changed file must run its new text, a damaged
 * or unwritable cache must fall back to compiling, and the module must be the one `require` then returns.
 */
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { repoRoot } from "../../codegen/config.js";
import { tempDir } from "./helpers.js";

const require = createRequire(import.meta.url);
const { requireWithCodeCache } = require("../../codegen/emit/code-cache.cjs") as {
  requireWithCodeCache: (file: string, cacheDir?: string) => unknown;
};

let dir: string;
let file: string;
let cacheDir: string;
beforeEach(() => {
  dir = tempDir("code-cache");
  file = join(dir, "answer.js");
  cacheDir = join(dir, "cache");
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const codeCache = join(repoRoot, "codegen/emit/code-cache.cjs");

/**
 * A load in a new process, as the next run does it (within one process V8 would serve a second compile of the same
 * text from its own memory without consulting the file). Resolves to what the module exported, or the error.
 */
function load(): { answer?: string; dependency?: string; error?: string } {
  const script = `
    const { requireWithCodeCache } = require(${JSON.stringify(codeCache)});
    try { console.log(JSON.stringify(requireWithCodeCache(${JSON.stringify(file)}, ${JSON.stringify(cacheDir)}))); }
    catch (error) { console.log(JSON.stringify({ error: error.message, registered: require.cache[${JSON.stringify(file)}] !== undefined })); }`;
  const child = spawnSync(process.execPath, ["-e", script], { encoding: "utf8" });
  expect(child.stderr).toBe("");
  return JSON.parse(child.stdout);
}

const source = (answer: string) =>
  `"use strict";\nconst { sep } = require("node:path");\nexports.answer = ${JSON.stringify(answer)};\nexports.dependency = sep;\nexports.self = module.id;\n`;

describe("requireWithCodeCache", () => {
  it("runs the module as CommonJS (require, exports, module) and writes a cache that the next load reads", () => {
    writeFileSync(file, source("first"));
    expect(load()).toMatchObject({ answer: "first", dependency: "/" });
    const [cacheFile, ...others] = readdirSync(cacheDir);
    expect(others).toEqual([]);
    expect(cacheFile).toMatch(/^answer@[0-9a-f]{8}-\d+-v\d+\.\d+\.\d+-\w+-\d+\.v8cache$/);
    const written = readFileSync(join(cacheDir, cacheFile!));
    expect(load().answer).toBe("first");
    // Read, not rewritten: the same bytes.
    expect(readFileSync(join(cacheDir, cacheFile!))).toEqual(written);
  });

  it("registers the module in require.cache, so that the package requiring it next gets this instance", () => {
    writeFileSync(file, source("shared"));
    const loaded = requireWithCodeCache(file, cacheDir);
    expect(require(file)).toBe(loaded);
    delete require.cache[file];
  });

  it("never runs an old cache for a changed file, even one of the same length", () => {
    writeFileSync(file, source("one"));
    load();
    const [first] = readdirSync(cacheDir);
    writeFileSync(file, source("two"));
    expect(load().answer).toBe("two");
    // The old version's cache is replaced, not kept beside the new one.
    const [second, ...others] = readdirSync(cacheDir);
    expect(others).toEqual([]);
    expect(second).not.toBe(first);
  });

  it("falls back to compiling when the cache is damaged, and writes a good one", () => {
    writeFileSync(file, source("intact"));
    load();
    const [cacheFile] = readdirSync(cacheDir);
    writeFileSync(join(cacheDir, cacheFile!), "not a code cache");
    expect(load().answer).toBe("intact");
    expect(readFileSync(join(cacheDir, cacheFile!), "utf8")).not.toBe("not a code cache");
  });

  it("still loads when the cache folder cannot be written, and leaves no temp file", () => {
    writeFileSync(file, source("read-only"));
    writeFileSync(cacheDir, "a file where the folder would be");
    expect(load().answer).toBe("read-only");
    expect(readdirSync(dir).sort()).toEqual(["answer.js", "cache"]);
  });

  it("rethrows the module's own error and leaves nothing registered", () => {
    writeFileSync(file, `throw new Error("top level failed");\n`);
    expect(load()).toEqual({ error: "top level failed", registered: false });
  });
});
