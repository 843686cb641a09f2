/**
 * Bundle size: esbuild bundles each entry (minified ESM, platform node, tree
 * shaken), then the output is measured raw, gzip -9 and brotli q11.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { build, transform } from "esbuild";

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
  /**
   * Bytes the gzip -9 bundle would lose without this part's output: what it really costs once compressed (a table of
   * repeated field names costs far less than its minified bytes, a unique message costs nearly all of them).
   */
  readonly gzipBytes?: number;
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
  const gzipByOwner = await gzipAttribution(entry, resolveDir);
  return {
    name: entry.name,
    source: entry.displaySource ?? entry.source,
    minified: bytes.byteLength,
    gzip: gzipSync(bytes, { level: 9 }).byteLength,
    brotli: brotliCompressSync(bytes, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.byteLength },
    }).byteLength,
    composition: composition(Object.values(result.metafile.outputs)[0]?.inputs ?? {}).map((part) => ({ ...part, gzipBytes: gzipByOwner.get(part.name) })),
  };
}

const gzip9 = (text: string) => gzipSync(text, { level: 9 }).byteLength;

/**
 * Gzip bytes per owner (see `ownerOf`), measured by leaving each owner's output out. A minified bundle does not say
 * which bytes came from which input, so the same entry is built with whitespace kept (esbuild then heads each input's
 * output with a `// path` comment), cut at those comments, and each piece's whitespace minified on its own; that
 * text gzips within a fraction of a percent of the real bundle.
 */
async function gzipAttribution(entry: BundleEntry, resolveDir: string): Promise<Map<string, number>> {
  const result = await build({
    ...bundleSettings,
    minify: false,
    minifySyntax: true,
    minifyIdentifiers: true,
    stdin: { contents: entry.source, resolveDir, loader: "ts", sourcefile: `${entry.name}.ts` },
    write: false,
    logLevel: "silent",
  });
  // The closing `export { … }` is the entry's, not the last input's (and names bindings a piece alone lacks).
  const text = result.outputFiles[0]?.text ?? "";
  const exportAt = text.search(/^export \{/m);
  const exportList = { owner: "(the entry's export list)", text: exportAt < 0 ? "" : text.slice(exportAt).replace(/\s+/g, "") };
  const inputs = await Promise.all(
    (exportAt < 0 ? text : text.slice(0, exportAt)).split(/^(?=\/\/ \S+$)/m).map(async (piece) => {
      const { code } = await transform(piece, { minifyWhitespace: true, loader: "js", target: bundleSettings.target });
      return { owner: ownerOf(/^\/\/ (\S+)$/m.exec(piece)?.[1] ?? ""), text: code.replace(/\n$/, "") };
    }),
  );
  const pieces = [...inputs, exportList];
  const whole = gzip9(pieces.map((p) => p.text).join(""));
  const out = new Map<string, number>();
  for (const owner of new Set(pieces.map((p) => p.owner))) {
    out.set(owner, whole - gzip9(pieces.filter((p) => p.owner !== owner).map((p) => p.text).join("")));
  }
  return out;
}

/** The package of a path (innermost node_modules), or the path itself for a repo file. */
function ownerOf(path: string): string {
  const packages = [...path.matchAll(/node_modules\/((?:@[^/]+\/)?[^/]+)/g)];
  return packages.length > 0 ? `${packages[packages.length - 1]![1]!} (package)` : path;
}

/** Groups esbuild's per-input byte counts by package (innermost node_modules); repo files stay one row each. */
function composition(inputs: Readonly<Record<string, { bytesInOutput: number }>>): BundlePart[] {
  const parts = new Map<string, number>();
  for (const [path, { bytesInOutput }] of Object.entries(inputs)) {
    if (bytesInOutput === 0) {
      continue;
    }
    const owner = ownerOf(path);
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
