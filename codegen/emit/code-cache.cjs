// Loads one large CommonJS file (TypeScript's compiler, 9 MB, twice per run: openapi-typescript's and the copy
// ts-morph bundles) with a V8 code cache kept on disk, and registers it in require.cache, so that the package that
// requires it next gets this instance instead of compiling the file again.
//
// Why: compiling typescript.js is most of its load (about 0.25 s of CPU of 0.45 s here, running its top level the
// rest); from a code cache written after that top level ran, compiling takes about 0.08 s. Node 22 has this built in
// (module.enableCompileCache); Node 20, which this repo pins, does not.
//
// Safety: the cache file is named by a checksum and the length of the source, Node's version and this file's format,
// so a changed file can never be run from an old cache; V8 itself rejects a cache made under other flags or a
// corrupted one (then the file compiles as usual and the cache is rewritten). The cache is only ever an optimization:
// any failure to read or write it falls back to compiling. Files land in the repo's git-ignored .tmp/codegen-cache/,
// one per cached file: writing a new one removes that file's older caches.
"use strict";
const { isAscii } = require("node:buffer");
const { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } = require("node:fs");
const Module = require("node:module");
const { basename, dirname, join } = require("node:path");
const vm = require("node:vm");
const { crc32 } = require("node:zlib");

/** Bump when what is cached or how it is named changes. */
const FORMAT = 1;
const defaultCacheDir = join(__dirname, "..", "..", ".tmp", "codegen-cache");

/**
 * Requires `file` (an absolute path to a CommonJS module) through the code cache, unless some module already loaded
 * it; returns its exports. `cacheDir` is for tests.
 */
function requireWithCodeCache(file, cacheDir = defaultCacheDir) {
  const loaded = require.cache[file];
  if (loaded) return loaded.exports;
  const bytes = readFileSync(file);
  // These files are ASCII, for which Latin-1 decoding gives the same string as UTF-8, in less time.
  const source = bytes.toString(isAscii(bytes) ? "latin1" : "utf8");
  // CRC-32 and length: any edit changes the name, and CRC-32 reads 9 MB several times faster than SHA-256.
  const key = `${crc32(bytes).toString(16).padStart(8, "0")}-${bytes.length}-${process.version}-${process.arch}-${FORMAT}`;
  const cacheFile = join(cacheDir, `${cacheStem(file)}@${key}.v8cache`);
  let cachedData;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  const script = new vm.Script(Module.wrap(source), { filename: file, cachedData });
  const module = new Module(file, undefined);
  module.filename = file;
  module.paths = Module._nodeModulePaths(dirname(file));
  require.cache[file] = module;
  try {
    script.runInThisContext().call(module.exports, module.exports, Module.createRequire(file), module, file, dirname(file));
  } catch (error) {
    delete require.cache[file];
    throw error;
  }
  module.loaded = true;
  if (cachedData === undefined || script.cachedDataRejected) {
    writeCache(cacheFile, script);
    pruneOlderCaches(cacheFile);
  }
  return module.exports;
}

/** After the top level ran, so that the functions it compiled are in the cache too. Best effort, atomic. */
function writeCache(cacheFile, script) {
  const temp = `${cacheFile}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  try {
    mkdirSync(dirname(cacheFile), { recursive: true });
    writeFileSync(temp, script.createCachedData());
    renameSync(temp, cacheFile);
  } catch {
    try {
      rmSync(temp, { force: true });
    } catch {
      // No temp file could be made either (the cache folder is not a folder).
    }
  }
}

/**
 * What names a file's caches, whatever its version: its path inside node_modules (both TypeScripts are typescript.js),
 * or its file name outside one.
 */
function cacheStem(file) {
  const inPackage = file.split(/node_modules[\\/]/).at(-1);
  return (inPackage === file ? basename(file) : inPackage).replace(/\.[cm]?js$/, "").replace(/^@/, "").replace(/[\\/@]/g, "+");
}

/** Removes the caches of earlier versions of the same file; best effort. */
function pruneOlderCaches(cacheFile) {
  const name = basename(cacheFile);
  const stem = name.slice(0, name.indexOf("@"));
  try {
    for (const other of readdirSync(dirname(cacheFile))) {
      if (other !== name && other.endsWith(".v8cache") && other.slice(0, other.indexOf("@")) === stem) rmSync(join(dirname(cacheFile), other), { force: true });
    }
  } catch {
    // Nothing to prune, or a folder that cannot be read: the cache still works.
  }
}

module.exports = { requireWithCodeCache, defaultCacheDir };
