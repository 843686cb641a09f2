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

/** Minified bytes that one package or repo folder contributes to a bundle (before compression). */
export interface BundlePart {
  readonly name: string;
  readonly bytes: number;
}

/** Sizes in bytes of one minified bundle, and what it is made of. */
export interface BundleRow {
  readonly name: string;
  readonly source: string;
  readonly minified: number;
  readonly gzip: number;
  readonly brotli: number;
  /** Largest first. */
  readonly composition: readonly BundlePart[];
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
    metafile: true,
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
    composition: composition(Object.values(result.metafile.outputs)[0]?.inputs ?? {}),
  };
}

/** Groups esbuild's per-input byte counts by package (innermost node_modules); repo files stay one row each. */
function composition(inputs: Readonly<Record<string, { bytesInOutput: number }>>): BundlePart[] {
  const parts = new Map<string, number>();
  for (const [path, { bytesInOutput }] of Object.entries(inputs)) {
    if (bytesInOutput === 0) {
      continue;
    }
    const packages = [...path.matchAll(/node_modules\/((?:@[^/]+\/)?[^/]+)/g)];
    const owner = packages.length > 0 ? `${packages[packages.length - 1]![1]!} (package)` : path;
    parts.set(owner, (parts.get(owner) ?? 0) + bytesInOutput);
  }
  return [...parts.entries()].map(([name, bytes]) => ({ name, bytes })).sort((a, b) => b.bytes - a.bytes);
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
