/**
 * The client as it ships: tsc's output for tsconfig.build.json (what `npm pack` publishes), compiled into a scratch
 * folder and imported from there. Timing src/ through tsx would time tsx's transpile instead: esbuild's `keepNames`
 * wraps every closure the client creates per call in a `__name(...)` call that the published JavaScript does not have
 * (about 1 µs per call on the in-process stub). The peers are timed as shipped too (their npm builds).
 */
import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

/** The built modules the benchmarks call into; typed from their sources. */
export interface BuiltClient {
  /** The folder the build was written to (holds src/ and generated/ as in dist/). */
  readonly outDir: string;
  readonly index: typeof import("../../src/index.js");
  readonly mappingsV1: typeof import("../../src/mappings/v1.js");
  readonly mappingsV2: typeof import("../../src/mappings/v2.js");
}

/**
 * Compiles the package into `outDir` (replacing what was there) with the project's TypeScript: JavaScript for the
 * per-call and mapping sections, declarations for the consumer type-check section, from one compile.
 */
export function buildClient(repoRoot: string, outDir: string): void {
  rmSync(outDir, { recursive: true, force: true });
  const tsc = join(repoRoot, "node_modules/typescript/bin/tsc");
  const result = spawnSync(process.execPath, [tsc, "-p", "tsconfig.build.json", "--outDir", outDir], { cwd: repoRoot, encoding: "utf8" });
  if (result.status !== 0) {
    throw new Error(`building the client for the benchmarks failed (tsc exit ${result.status}):\n${result.stdout}${result.stderr}`);
  }
}

/** Imports an already built client from `outDir` (see {@link buildClient}). */
export async function importBuiltClient(outDir: string): Promise<BuiltClient> {
  const load = (path: string) => import(pathToFileURL(join(outDir, path)).href);
  const [index, mappingsV1, mappingsV2] = await Promise.all([load("src/index.js"), load("src/mappings/v1.js"), load("src/mappings/v2.js")]);
  return { outDir, index, mappingsV1, mappingsV2 } as BuiltClient;
}
