// The generator as plain JavaScript, for `npm run generate` (generate.mjs): codegen/*.ts bundled by esbuild into
// .tmp/codegen-bundle/, rebuilt whenever any codegen/**/*.ts file changes (the cache key hashes all of them) or npm
// changes node_modules (BUNDLED_PACKAGES are bundled in).
//
// Why: under tsx, each run pays tsx's loader (about 0.2 s of start-up per thread: an ES module hooks thread plus
// esbuild) before the first line of the generator runs, twice over since the ts-morph worker needs it too. On the
// project's small specs that start-up was most of the gap to openapi-typescript's CLI. A cached bundle starts with
// plain `node`. The source stays the truth: a stale bundle cannot be used (different sources, different key), and
// anything unexpected (no esbuild, an unwritable .tmp/) falls back to tsx, which runs the same sources.
//
// Each module keeps its own `import.meta.url` (rewritten to the source file's URL at bundle time), so paths computed
// from it (config.ts's repoRoot, the worker scripts, createRequire of yaml, ts-morph and openapi-typescript) resolve
// exactly as they do under tsx.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative, sep } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

/** Bump when the bundle's layout or build options change, so old cache entries are never picked up. */
const FORMAT = 3;

/** The bundles: the CLI (main thread), the ts-morph printer (emit/ts-files.worker.mjs) and the sync CLI (sync.mjs). */
const ENTRIES = { cli: "cli.ts", "ts-files": "emit/ts-files.ts", sync: "sync/cli.ts" };

/**
 * Packages bundled in with everything they import; every other package is loaded from node_modules at run time, as
 * under tsx. Redocly (sync's validator, sync/lint.ts) is a few hundred small ES modules: bundled, it loads in about
 * half the CPU time (0.48 s against 0.85 s for a whole `node` process that loads it and reads its config).
 */
const BUNDLED_PACKAGES = ["@redocly/openapi-core"];

const codegenDir = dirname(fileURLToPath(import.meta.url));
/** Git-ignored, like every scratch output of this repo; per checkout, so worktrees never share a bundle. */
const defaultCacheDir = join(codegenDir, "..", ".tmp", "codegen-bundle");

/**
 * File URLs of the bundled CLI (`cli`, exports runCli), ts-morph printer (`tsFiles`, exports renderTsFiles) and sync
 * CLI (`sync`, exports runSyncCli) for the current sources, building them first if this exact source tree has not been built yet. Undefined when they
 * cannot be built here; the caller then runs the sources under tsx.
 *
 * @param {{ cacheDir?: string, sourceDir?: string, onBuild?: () => void }} [options] `cacheDir`: where bundles live;
 *   `sourceDir`: the codegen/ folder to bundle (this one by default); `onBuild`: called when a build actually runs.
 *   Tests use all three.
 * @returns {Promise<{ cli: string, tsFiles: string, sync: string } | undefined>}
 */
export async function bundledGenerator({ cacheDir = defaultCacheDir, sourceDir = codegenDir, onBuild } = {}) {
  try {
    const require = createRequire(import.meta.url);
    const esbuildVersion = require("esbuild/package.json").version;
    const dir = join(cacheDir, sourceKey(sourceDir, esbuildVersion));
    const urls = { cli: pathToFileURL(join(dir, "cli.mjs")).href, tsFiles: pathToFileURL(join(dir, "ts-files.mjs")).href, sync: pathToFileURL(join(dir, "sync.mjs")).href };
    if (Object.keys(ENTRIES).every((name) => existsSync(join(dir, `${name}.mjs`)))) return urls;
    onBuild?.();
    await build(require("esbuild"), sourceDir, dir);
    pruneOtherBuilds(cacheDir, dir);
    return urls;
  } catch {
    return undefined;
  }
}

/**
 * sha256 over every codegen/**\/*.ts file (path and bytes), tsconfig.json, the folder's location, esbuild's version,
 * FORMAT and npm's record of the installed packages: everything the bundle is built from (codegen/ and the
 * BUNDLED_PACKAGES; the others stay external).
 */
function sourceKey(sourceDir, esbuildVersion) {
  const hash = createHash("sha256").update(`${FORMAT}\0${esbuildVersion}\0${sourceDir}\0`);
  const files = readdirSync(sourceDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(".ts"))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
  for (const file of files) hash.update(`${relative(sourceDir, file).split(sep).join("/")}\0`).update(readFileSync(file)).update("\0");
  // esbuild also reads the compiler options that apply to these files.
  const tsconfig = join(sourceDir, "..", "tsconfig.json");
  if (existsSync(tsconfig)) hash.update(readFileSync(tsconfig));
  // Rewritten by npm whenever it changes node_modules, so an upgraded bundled package means a new bundle.
  const installed = join(sourceDir, "..", "node_modules", ".package-lock.json");
  if (existsSync(installed)) hash.update(readFileSync(installed));
  return hash.digest("hex").slice(0, 24);
}

/** Builds both bundles into a fresh folder, then renames it into place (concurrent runs cannot see half a build). */
async function build(esbuild, sourceDir, dir) {
  const temp = `${dir}.tmp-${process.pid}`;
  rmSync(temp, { recursive: true, force: true });
  mkdirSync(temp, { recursive: true });
  try {
    await esbuild.build({
      entryPoints: Object.fromEntries(Object.entries(ENTRIES).map(([name, file]) => [name, join(sourceDir, file)])),
      bundle: true,
      format: "esm",
      platform: "node",
      target: "node20",
      outdir: temp,
      outExtension: { ".js": ".mjs" },
      plugins: [sourceImportMetaUrl, externalPackagesBut(BUNDLED_PACKAGES)],
      // The CommonJS modules of a bundled package call `require` (for Node's built-ins); an ES module has none, so
      // each bundle defines one. (esbuild renames any top-level `require` of the bundled sources, so none collides.)
      banner: { js: 'import { createRequire as __bundleCreateRequire } from "node:module"; const require = __bundleCreateRequire(import.meta.url);' },
      logLevel: "silent",
    });
    try {
      renameSync(temp, dir);
    } catch (error) {
      // Another run built the same sources first: its bundle is identical, keep it.
      if (!existsSync(join(dir, "sync.mjs"))) throw error;
    }
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}

/** Removes bundles of earlier source trees (one per edit otherwise accumulates); best effort. */
function pruneOtherBuilds(cacheDir, keep) {
  for (const entry of readdirSync(cacheDir, { withFileTypes: true })) {
    const path = join(cacheDir, entry.name);
    if (entry.isDirectory() && path !== keep && /^[0-9a-f]{24}$/.test(entry.name)) rmSync(path, { recursive: true, force: true });
  }
}

/**
 * Marks every package import external except `bundled` ones and whatever they import in turn (an import made from
 * inside node_modules belongs to a bundled package: the others are never entered).
 */
function externalPackagesBut(bundled) {
  return {
    name: "external-packages-but",
    setup(build) {
      build.onResolve({ filter: /^[^./]/ }, (args) => {
        if (args.path.startsWith("node:")) return { external: true };
        const inPackage = args.importer.split(sep).includes("node_modules");
        const wanted = bundled.some((name) => args.path === name || args.path.startsWith(`${name}/`));
        return inPackage || wanted ? undefined : { external: true };
      });
    },
  };
}

/** Replaces `import.meta.url` in each codegen/ TypeScript module with that module's own source file URL. */
const sourceImportMetaUrl = {
  name: "source-import-meta-url",
  setup(build) {
    build.onLoad({ filter: /\.ts$/ }, (args) => {
      const text = readFileSync(args.path, "utf8");
      return { contents: text.replaceAll("import.meta.url", JSON.stringify(pathToFileURL(args.path).href)), loader: "ts" };
    });
  },
};
