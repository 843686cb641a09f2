/**
 * Bundle size: esbuild bundles each entry (minified ESM, platform node, tree
 * shaken), then the output is measured raw, gzip -9 and brotli q11.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { build } from "esbuild";

/** One thing to bundle: a label and the source of a tiny entry module. */
export interface BundleEntry {
  readonly name: string;
  readonly source: string;
  /** What the report shows instead of `source` (e.g. without an absolute path). */
  readonly displaySource?: string;
}

/** Sizes in bytes of one minified bundle. */
export interface BundleRow {
  readonly name: string;
  readonly source: string;
  readonly minified: number;
  readonly gzip: number;
  readonly brotli: number;
}

/** Entries for the peers; a user of either would write about this much code. */
export const peerBundleEntries: readonly BundleEntry[] = [
  {
    name: "openapi-fetch alone",
    source: [
      `import createClient from "openapi-fetch";`,
      `export const client = createClient({ baseUrl: "https://api.together.ai/v1" });`,
    ].join("\n"),
  },
  {
    name: "together-ai SDK (beta.clusters)",
    source: [
      `import Together from "together-ai";`,
      `export const clusters = new Together({ apiKey: "key" }).beta.clusters;`,
    ].join("\n"),
  },
];

/** Esbuild settings shared by every entry, also printed in BENCHMARKS.md. */
export const bundleSettings = { bundle: true, minify: true, format: "esm", platform: "node", target: "es2022" } as const;

async function measure(entry: BundleEntry, workDir: string, resolveDir: string): Promise<BundleRow> {
  const result = await build({
    ...bundleSettings,
    stdin: { contents: entry.source, resolveDir, loader: "ts", sourcefile: `${entry.name}.ts` },
    write: false,
    logLevel: "silent",
  });
  const output = result.outputFiles[0];
  if (!output) {
    throw new Error(`bundle "${entry.name}": esbuild produced no output`);
  }
  const bytes = output.contents;
  writeFileSync(join(workDir, `${entry.name.replace(/[^a-z0-9]+/gi, "-")}.min.js`), bytes);
  return {
    name: entry.name,
    source: entry.displaySource ?? entry.source,
    minified: bytes.byteLength,
    gzip: gzipSync(bytes, { level: 9 }).byteLength,
    brotli: brotliCompressSync(bytes, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.byteLength },
    }).byteLength,
  };
}

/** Bundles every entry, resolving imports from `resolveDir`; keeps the outputs in `workDir` for inspection. */
export async function measureBundles(entries: readonly BundleEntry[], resolveDir: string, workDir: string): Promise<BundleRow[]> {
  mkdirSync(workDir, { recursive: true });
  const rows: BundleRow[] = [];
  for (const entry of entries) {
    rows.push(await measure(entry, workDir, resolveDir));
  }
  return rows;
}
